import { Screen } from './Screen.mjs';

// The consultation screens, found by the Vietnamese words users read (the app's default language).

/** A worklist: the rows of requests by urgency, specialty and status. */
export class WorklistPage extends Screen {
  async open(view) {
    await this.page.goto(`/consultations?view=${view}`);
    await this.page.getByRole('heading', { level: 1, name: 'Hội chẩn' }).waitFor();
    return this;
  }

  /** Waits (no reload) until a row of `specialty` shows `status`, and returns it. */
  async waitForRow(specialty, status) {
    const row = this.page.getByRole('row').filter({ hasText: specialty }).filter({ hasText: status });
    await row.waitFor({ timeout: 15_000 });
    return row;
  }
}

export class RequestForm extends Screen {
  field(label) {
    return this.page.getByLabel(label, { exact: false });
  }

  async fill({ target, urgency, specialty, reason, summary, question }) {
    if (target) await this.page.getByLabel('Bệnh viện đề nghị hội chẩn').selectOption({ label: target });
    if (urgency) await this.page.getByLabel('Mức độ khẩn').selectOption({ label: urgency });
    if (specialty !== undefined) await this.page.getByLabel('Chuyên khoa đề nghị').fill(specialty);
    if (reason !== undefined) await this.page.getByLabel('Lý do hội chẩn').fill(reason);
    if (summary !== undefined) await this.page.getByLabel('Tóm tắt bệnh án').fill(summary);
    if (question !== undefined) await this.page.getByLabel('Câu hỏi cần trả lời').fill(question);
  }

  async send() {
    await this.page.getByRole('button', { name: 'Gửi yêu cầu' }).click();
  }
}

export class RequestDetail extends Screen {
  status() {
    return this.page.getByTestId('request-status');
  }

  async waitForStatus(text) {
    await this.status().filter({ hasText: text }).waitFor({ timeout: 15_000 });
  }

  async act(label) {
    await this.page.getByRole('button', { name: label }).click();
  }

  /** Picks one of the patient's stored studies and attaches it; returns the attachment's list item once shown. */
  async attachStudy(studyUid) {
    const picker = this.page.getByRole('form', { name: 'Đính kèm ca chụp' });
    await picker.getByRole('combobox').selectOption(studyUid);
    await picker.getByRole('button', { name: 'Đính kèm ca chụp' }).click();
    const item = this.page.locator(`li[data-study="${studyUid}"]`);
    await item.waitFor();
    return item;
  }
}

export class SchedulePage extends Screen {
  async open() {
    await this.page.goto('/consultations/schedule');
    await this.page.getByRole('heading', { level: 1, name: 'Lập lịch hội chẩn' }).waitFor();
    return this;
  }

  async schedule({ request, date, time, minutes, moderator }) {
    await this.page.getByLabel(request).check();
    await this.page.getByLabel('Ngày (dd/mm/yyyy)').fill(date);
    await this.page.getByLabel('Giờ bắt đầu (giờ Việt Nam)').fill(time);
    await this.page.getByLabel('Thời lượng (phút)').fill(String(minutes));
    await this.page.getByLabel('Chủ tọa').selectOption({ label: moderator });
    await this.page.getByRole('button', { name: 'Lên lịch', exact: true }).click();
  }

  notice() {
    return this.page.getByRole('status').filter({ hasText: 'Đã lên lịch phiên hội chẩn' });
  }

  week() {
    return this.page.locator('.week');
  }
}
