import { Screen } from './Screen.mjs';

export class AuditPage extends Screen {
  heading() {
    return this.page.getByRole('heading', { level: 1, name: this.text.audit });
  }

  table() {
    return this.page.getByRole('table', { name: this.text.audit });
  }

  /** Presses "verify chain" and returns the verdict the page shows. */
  async verify() {
    await this.page.getByRole('button', { name: this.text.verify }).click();
    const verdict = this.page.getByRole('status').filter({ hasText: /\d/ });
    await verdict.waitFor();
    return verdict.innerText();
  }
}
