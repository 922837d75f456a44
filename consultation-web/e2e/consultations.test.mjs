// Consultations: a district doctor asks, a central-hospital specialist accepts, the administrator schedules,
// and the specialist's worklist changes live in a second browser, without a reload.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LoginPage } from './pages/LoginPage.mjs';
import { PatientSearchPage } from './pages/PatientSearchPage.mjs';
import { RequestDetail, RequestForm, SchedulePage, WorklistPage } from './pages/ConsultationPages.mjs';
import { ApiUser } from './support/api.mjs';
import { DOCTOR } from './support/clinic.mjs';
import { withClinic } from './support/suite.mjs';

const CENTRAL = { code: 'BVBM', name: 'Bệnh viện Bạch Mai', level: 'central', province: 'Hà Nội' };
const SPECIALIST = { username: 'bs.hung', password: 'Bac-si-Hung-2025!', displayName: 'PGS. Lê Văn Hùng', role: 'specialist', email: 'hung@bachmai.example.vn' };
const ADMIN = { username: 'qt.lan', password: 'Quan-tri-Lan-2025!', displayName: 'Nguyễn Thị Lan', role: 'administrator', email: 'lan@bachmai.example.vn' };

/** The next Monday (at least five days ahead) as dd/mm/yyyy in Viet Nam. */
function nextMonday() {
  const d = new Date(Date.now() + 5 * 86_400_000);
  while (new Intl.DateTimeFormat('en-US', { timeZone: 'Asia/Ho_Chi_Minh', weekday: 'short' }).format(d) !== 'Mon') d.setTime(d.getTime() + 86_400_000);
  const [y, m, day] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(d).split('-');
  return `${day}/${m}/${y}`;
}

async function signIn(ctx, username, password) {
  const { page, errors } = await ctx.browser.newPage(ctx.server.url);
  await page.goto('/login');
  await new LoginPage(page).logIn(username, password);
  await page.getByRole('button', { name: 'Đăng xuất' }).waitFor();
  return { page, errors };
}

describe('consultation workflow', () => {
  const ctx = withClinic();

  it('request, accept, schedule: the specialist sees each step on their worklist live', async () => {
    const central = await ctx.clinic.admin.post('/api/hospitals', CENTRAL);
    for (const u of [SPECIALIST, ADMIN]) await ctx.clinic.admin.post('/api/users', { ...u, hospitalId: central.id });

    // The specialist keeps the incoming worklist open in their own browser.
    const specialist = await signIn(ctx, SPECIALIST.username, SPECIALIST.password);
    const incoming = await new WorklistPage(specialist.page).open('incoming');
    await specialist.page.getByRole('status').filter({ hasText: 'Không có yêu cầu nào.' }).waitFor();

    // The district doctor opens the patient and asks for a consultation; a missing answer is named beside its field.
    const doctor = await signIn(ctx, DOCTOR.username, DOCTOR.password);
    const search = new PatientSearchPage(doctor.page);
    await search.heading().waitFor();
    await search.search({ name: 'Nguyen Van An' });
    await search.open('Nguyễn Văn An');
    await doctor.page.getByRole('link', { name: 'Yêu cầu hội chẩn' }).click();
    const form = new RequestForm(doctor.page);
    await form.fill({ target: CENTRAL.name, urgency: 'Thường quy', specialty: 'Hô hấp', reason: 'Ho ra máu, tổn thương phổi',
      summary: 'Nam 45 tuổi, ho ra máu 2 tuần; X-quang: đám mờ thùy trên phổi phải.' });
    await form.send();
    const question = doctor.page.getByLabel('Câu hỏi cần trả lời');
    assert.equal(await question.getAttribute('aria-invalid'), 'true');
    await form.fill({ question: 'Cần soi phế quản hay chụp CT trước?' });
    await form.send();
    const detail = new RequestDetail(doctor.page);
    await detail.waitForStatus('Đã gửi');
    // A lab result goes with it: stored with its checksum, listed for the specialist.
    await doctor.page.getByLabel('Loại tài liệu').selectOption({ label: 'Kết quả xét nghiệm' });
    await doctor.page.getByLabel('Tệp (PDF, ảnh, văn bản)').setInputFiles({ name: 'xet-nghiem.pdf', mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n% Công thức máu\n%%EOF\n') });
    await doctor.page.getByRole('button', { name: 'Đính kèm', exact: true }).click();
    await doctor.page.getByText('Kết quả xét nghiệm: xet-nghiem.pdf').waitFor();

    // Live: the row appears on the specialist's open worklist; the specialist accepts.
    const row = await incoming.waitForRow('Hô hấp', 'Đã gửi');
    const participating = await signIn(ctx, SPECIALIST.username, SPECIALIST.password);
    const mySessions = await new WorklistPage(participating.page).open('participating');
    await row.getByRole('link').click();
    const seen = new RequestDetail(specialist.page);
    await specialist.page.getByText('Cần soi phế quản hay chụp CT trước?').waitFor();
    await specialist.page.getByText('Kết quả xét nghiệm: xet-nghiem.pdf').waitFor();
    await seen.act('Nhận hội chẩn');
    await seen.waitForStatus('Đã nhận');
    await detail.waitForStatus('Đã nhận');

    // The specialist publishes when they can sit on consultations: Monday mornings.
    await specialist.page.goto('/consultations/availability');
    await specialist.page.getByRole('button', { name: 'Thêm khung giờ' }).click();
    await specialist.page.getByRole('button', { name: 'Lưu', exact: true }).click();
    await specialist.page.getByRole('status').filter({ hasText: 'Đã lưu lịch làm việc.' }).waitFor();

    // The administrator schedules it from the week calendar.
    const admin = await signIn(ctx, ADMIN.username, ADMIN.password);
    const schedule = await new SchedulePage(admin.page).open();
    await schedule.schedule({ request: 'Thường quy — Hô hấp', date: nextMonday(), time: '09:00', minutes: 45, moderator: SPECIALIST.displayName });
    await schedule.notice().waitFor();
    await schedule.week().getByRole('link').filter({ hasText: '09:00–09:45' }).waitFor();

    // Live again: the specialist's "my sessions" worklist, open in another window, shows the scheduled request.
    await mySessions.waitForRow('Hô hấp', 'Đã lên lịch');
    await detail.waitForStatus('Đã lên lịch');

    // A second request at the same time clashes: the administrator reads who is double-booked.
    const doctorApi = await ApiUser.login(ctx.server.url, DOCTOR.username, DOCTOR.password);
    const specialistApi = await ApiUser.login(ctx.server.url, SPECIALIST.username, SPECIALIST.password);
    const draft = await doctorApi.post('/api/consultations', { patientId: ctx.clinic.patients.mai.id, targetHospitalId: central.id,
      urgency: 'urgent', specialty: 'Tim mạch', reason: 'Đau ngực', clinicalSummary: 'ECG ST chênh', question: 'Chụp mạch vành?' });
    const sent = await doctorApi.post(`/api/consultations/${draft.id}/transitions`, { to: 'submitted', version: draft.version });
    await specialistApi.post(`/api/consultations/${draft.id}/transitions`, { to: 'accepted', version: sent.version });
    await schedule.open();
    await schedule.schedule({ request: 'Khẩn — Tim mạch', date: nextMonday(), time: '09:30', minutes: 30, moderator: SPECIALIST.displayName });
    await admin.page.getByText(`${SPECIALIST.displayName} is already booked`).first().waitFor();
    await schedule.schedule({ request: 'Khẩn — Tim mạch', date: nextMonday(), time: '13:00', minutes: 30, moderator: SPECIALIST.displayName });
    await admin.page.getByText(`${SPECIALIST.displayName} is not available`).first().waitFor();

    for (const who of [specialist, doctor, admin, participating]) assert.deepEqual(who.errors, []);
  });
});
