import { TEXT } from './text.mjs';

export class PatientSearchPage {
  constructor(page, lang = 'vi') {
    this.page = page;
    this.text = TEXT[lang];
  }

  heading() {
    return this.page.getByRole('heading', { level: 1, name: this.text.searchHeading });
  }

  form() {
    return this.page.getByRole('search');
  }

  /** Fills the given criteria ({name, citizenId, insuranceNumber, birthDate: 'dd/mm/yyyy'}) and searches. */
  async search(criteria) {
    const form = this.form();
    for (const [field, value] of Object.entries(criteria)) await form.getByLabel(this.text[field]).fill(value);
    await form.getByRole('button', { name: this.text.searchButton }).click();
  }

  resultsTable() {
    return this.page.getByRole('table', { name: this.text.results });
  }

  /** Names in the result list, once the list has rendered (throws if no rows appear). */
  async resultNames() {
    const rows = this.resultsTable().getByRole('rowheader');
    await rows.first().waitFor();
    return rows.allInnerTexts();
  }

  async open(fullName) {
    await this.resultsTable().getByRole('link', { name: fullName, exact: true }).click();
  }
}
