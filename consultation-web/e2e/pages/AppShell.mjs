import { Screen } from './Screen.mjs';

/** The header every signed-in page shares: navigation, language, account. */
export class AppShell extends Screen {
  nav() {
    return this.page.getByRole('navigation', { name: this.text.mainNav });
  }

  /** The names of the navigation links, in order. */
  async navItems() {
    await this.nav().getByRole('link').first().waitFor();
    return this.nav().getByRole('link').allInnerTexts();
  }

  async go(item) {
    await this.nav().getByRole('link', { name: this.text[item], exact: true }).click();
  }

  /** Switches language with the header control; later lookups use the new language's words. */
  async switchLanguage(lang) {
    await this.page.getByRole('group', { name: this.text.language })
      .getByRole('button', { name: lang === 'vi' ? 'Tiếng Việt' : 'English' }).click();
    this.speak(lang);
  }

  async logOut() {
    await this.page.getByRole('button', { name: this.text.logout }).click();
  }
}
