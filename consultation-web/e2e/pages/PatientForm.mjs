import { fieldError, isInvalid } from './forms.mjs';
import { Screen } from './Screen.mjs';

const LABELS = {
  fullName: 'fullName', birthDate: 'birthDate', citizenId: 'citizenId', insuranceNumber: 'insuranceNumber',
  phone: 'phone', address: 'address',
};

/** The register/edit patient form. Values are what a user types (birth date as dd/mm/yyyy, sex as shown). */
export class PatientForm extends Screen {
  constructor(page, lang = 'vi') {
    super(page, lang);
    this.form = page.locator('form').filter({ has: page.getByLabel(this.text.citizenId) });
  }

  field(name) {
    return this.form.getByLabel(this.text[LABELS[name] ?? name]);
  }

  async fill(values) {
    for (const [name, value] of Object.entries(values)) {
      if (name === 'sex') await this.form.getByLabel(this.text.sex).selectOption({ label: this.text[value] });
      else await this.field(name).fill(value);
    }
  }

  async submit(buttonName) {
    await this.form.getByRole('button', { name: buttonName }).click();
  }

  error(name) {
    return fieldError(this.field(name));
  }

  invalid(name) {
    return isInvalid(this.field(name));
  }

  alert() {
    return this.form.getByRole('alert');
  }
}
