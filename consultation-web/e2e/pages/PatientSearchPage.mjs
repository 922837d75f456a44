import { Screen } from './Screen.mjs';

/** Search criteria (as in the URL and the API) and the label keys of their fields. */
const CRITERION_LABELS = { name: 'fullName', citizenId: 'citizenId', insuranceNumber: 'insuranceNumber', birthDate: 'birthDate' };

export class PatientSearchPage extends Screen {
  heading() {
    return this.page.getByRole('heading', { level: 1, name: this.text.searchHeading });
  }

  form() {
    return this.page.getByRole('search');
  }

  /**
   * Fills the given criteria ({name, citizenId, insuranceNumber, birthDate: 'dd/mm/yyyy'}), searches, and
   * waits for the answer to this search (the criteria go into the URL; the list is rebuilt for them).
   */
  async search(criteria) {
    const form = this.form();
    for (const [criterion, value] of Object.entries(criteria)) {
      const label = this.text[CRITERION_LABELS[criterion]];
      if (!label) throw new Error(`no search field for ${criterion}`);
      await form.getByLabel(label).fill(value);
    }
    const before = this.page.url();
    await form.getByRole('button', { name: this.text.searchButton }).click();
    await this.page.waitForURL((url) => url.href !== before);
    await this.resultCount().waitFor();
  }

  /** The sentence saying how many patients matched ("Tìm thấy 2 bệnh nhân" / "Không tìm thấy..."). */
  resultCount() {
    return this.page.getByRole('region', { name: this.text.results }).getByRole('status');
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
