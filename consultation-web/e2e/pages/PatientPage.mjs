import { Screen } from './Screen.mjs';

export class PatientPage extends Screen {
  heading() {
    return this.page.getByRole('heading', { level: 1 });
  }

  /** The value shown for a demographic field, by the label the user reads (e.g. "citizenId"). */
  async fact(field) {
    const value = this.factValue(field);
    await value.waitFor();
    return value.innerText();
  }

  /** Waits until the field shows `expected` (after a reload the previous values stay until the new ones arrive). */
  async waitForFact(field, expected) {
    await this.factValue(field).filter({ hasText: new RegExp(`^${escape(expected)}$`) }).waitFor();
  }

  factValue(field) {
    const region = this.page.getByRole('region', { name: this.text.demographics });
    const term = region.getByRole('term').filter({ hasText: new RegExp(`^${escape(this.text[field])}$`) });
    return term.locator('xpath=following-sibling::dd[1]');
  }
}

function escape(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
