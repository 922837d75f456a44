import { Screen } from './Screen.mjs';

export class LoginPage extends Screen {
  async open() {
    await this.page.goto('/login');
    await this.heading().waitFor();
    return this;
  }

  heading() {
    return this.page.getByRole('heading', { level: 1, name: this.text.loginHeading });
  }

  async logIn(username, password) {
    await this.page.getByLabel(this.text.username).fill(username);
    await this.page.getByLabel(this.text.password).fill(password);
    await this.page.getByRole('button', { name: this.text.loginButton, exact: true }).click();
  }

  alert() {
    return this.page.getByRole('alert');
  }

  ssoButton() {
    return this.page.getByRole('link', { name: this.text.sso });
  }
}
