import { Screen } from './Screen.mjs';

/** Administration of accounts: the users table and its row actions. */
export class UsersPage extends Screen {
  table() {
    return this.page.getByRole('table', { name: this.text.users });
  }

  /** The table row of a user, found by the username in its row header. */
  row(username) {
    return this.table().getByRole('row').filter({ has: this.page.getByRole('rowheader', { name: username, exact: true }) });
  }

  /** The status cell text of a user ("Đang hoạt động", "Bị khoá đến ..."). */
  async status(username) {
    const cells = this.row(username).getByRole('cell');
    await cells.first().waitFor();
    return cells.nth(3).innerText();
  }

  async unlock(username) {
    await this.row(username).getByRole('button', { name: `${this.text.unlock} ${username}` }).click();
  }
}
