// Registering and correcting a patient: the server validates and its field errors sit beside the fields;
// two people editing one record never silently overwrite each other.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RequestDetail } from './pages/ConsultationPages.mjs';
import { LoginPage } from './pages/LoginPage.mjs';
import { PatientForm } from './pages/PatientForm.mjs';
import { PatientPage } from './pages/PatientPage.mjs';
import { PatientSearchPage } from './pages/PatientSearchPage.mjs';
import { TEXT } from './pages/text.mjs';
import { DOCTOR, PATIENTS } from './support/clinic.mjs';
import { ctStack, stow } from './support/imaging.mjs';
import { withClinic } from './support/suite.mjs';

const vi = TEXT.vi;

describe('patient record', () => {
  const ctx = withClinic();

  async function signedInDoctor() {
    const session = await ctx.browser.newPage(ctx.server.url);
    const login = await new LoginPage(session.page).open();
    await login.logIn(DOCTOR.username, DOCTOR.password);
    await new PatientSearchPage(session.page).heading().waitFor();
    return session;
  }

  it('shows the server\'s field errors beside the fields, then registers the corrected patient', async () => {
    const { page, errors } = await signedInDoctor();
    await page.getByRole('link', { name: vi.newPatient }).click();
    const form = new PatientForm(page);
    await form.fill({ fullName: 'Lê Văn Tám', birthDate: '31/02/1990', sex: 'male', citizenId: '12345', insuranceNumber: 'XX12' });
    await form.submit(vi.createRecord);
    // A date that does not exist is caught before anything is sent.
    assert.match(await form.error('birthDate'), /Ngày không hợp lệ/);

    await form.fill({ birthDate: '01/02/1990' });
    const answered = page.waitForResponse((r) => r.url().endsWith('/api/patients') && r.request().method() === 'POST');
    await form.submit(vi.createRecord);
    assert.equal((await answered).status(), 422);
    await form.alert().waitFor();
    assert.ok(await form.invalid('citizenId'), 'CCCD not marked invalid');
    assert.match(await form.error('citizenId'), /12 digits/);
    assert.ok(await form.invalid('insuranceNumber'), 'BHYT number not marked invalid');
    assert.notEqual(await form.error('insuranceNumber'), '');
    assert.equal(await form.error('fullName'), '');
    assert.equal(new URL(page.url()).pathname, '/patients/new');

    await form.fill({ citizenId: '001090012399', insuranceNumber: 'HN2010987654321' });
    await form.submit(vi.createRecord);
    const patient = new PatientPage(page);
    await patient.heading().filter({ hasText: 'Lê Văn Tám' }).waitFor();
    await page.getByRole('status').filter({ hasText: 'Đã tạo hồ sơ bệnh nhân.' }).waitFor();
    assert.equal(await patient.fact('citizenId'), '001090012399');
    assert.equal(await patient.fact('birthDate'), '01/02/1990');

    // The new record is found by its CCCD, and only it.
    await page.getByRole('link', { name: 'Quay lại tìm kiếm' }).click();
    const search = new PatientSearchPage(page);
    await search.search({ citizenId: '001090012399' });
    assert.deepEqual(await search.resultNames(), ['Lê Văn Tám']);
    assert.deepEqual(errors, []);
    await page.context().close();
  });

  it('refuses to overwrite a change saved meanwhile, and saves after a reload', async () => {
    const { page, errors } = await signedInDoctor();
    const an = ctx.clinic.patients.an;
    await page.goto(`/patients/${an.id}`);
    const patient = new PatientPage(page);
    await patient.heading().filter({ hasText: 'Nguyễn Văn An' }).waitFor();
    await page.getByRole('button', { name: vi.editPatient }).click();
    const form = new PatientForm(page);
    await form.fill({ phone: '0987654321' });

    // Another clinician corrects the address while the form is open.
    const current = await ctx.clinic.doctor.get(`/api/patients/${an.id}`);
    const { id, version, hospitalId, createdAt, updatedAt, ...details } = current;
    await ctx.clinic.doctor.request('PUT', `/api/patients/${an.id}`, { ...details, address: 'Thôn Đoài, xã Nam Hồng, huyện Đông Anh' },
      { 'If-Match': `"${version}"` });

    await form.submit(vi.save);
    await page.getByRole('alert').filter({ hasText: 'Hồ sơ vừa được người khác cập nhật' }).waitFor();
    await page.getByRole('button', { name: vi.reload }).click();
    await patient.waitForFact('address', 'Thôn Đoài, xã Nam Hồng, huyện Đông Anh');
    assert.equal(await patient.fact('phone'), an.phone, 'the refused change must not have been saved');

    await page.getByRole('button', { name: vi.editPatient }).click();
    await form.fill({ phone: '0987654321' });
    await form.submit(vi.save);
    await page.getByRole('status').filter({ hasText: 'Đã lưu thông tin bệnh nhân.' }).waitFor();
    await patient.waitForFact('phone', '0987654321');
    const saved = await ctx.clinic.doctor.get(`/api/patients/${an.id}`);
    assert.equal(saved.phone, '0987654321');
    assert.equal(saved.address, 'Thôn Đoài, xã Nam Hồng, huyện Đông Anh');
    assert.equal(saved.version, version + 2);
    assert.deepEqual(errors, []);
    await page.context().close();
  });
  it('shows the patient\'s consultations and who accessed the record', async () => {
    const mai = ctx.clinic.patients.mai;
    await ctx.clinic.doctor.post('/api/consultations', {
      patientId: mai.id, urgency: 'routine', specialty: 'Tiêu hoá', reason: 'Đau thượng vị kéo dài',
      clinicalSummary: 'Nội soi dạ dày: tổn thương phẳng hang vị', question: 'Có cần sinh thiết lại?',
    });
    const { page, errors } = await signedInDoctor();
    await page.goto(`/patients/${mai.id}`);
    await new PatientPage(page).heading().filter({ hasText: 'Nguyễn Thị Mai' }).waitFor();

    const consultations = page.getByRole('region', { name: vi.recordConsultations });
    await consultations.getByRole('row').filter({ hasText: 'Tiêu hoá' }).filter({ hasText: vi.statusDraft }).waitFor();

    // The registration (by the doctor, over the API) and this very reading are both in the log, by user name.
    const log = page.getByRole('region', { name: vi.recordAccessLog });
    await log.getByRole('row').filter({ hasText: vi.actionCreate }).filter({ hasText: vi.resourcePatient })
      .filter({ hasText: DOCTOR.username }).waitFor();
    await log.getByRole('row').filter({ hasText: vi.actionRead }).filter({ hasText: vi.resourcePatient }).first().waitFor();
    assert.deepEqual(errors, []);
    await page.context().close();
  });
  it('attaches the patient\'s stored CT to a consultation request', async () => {
    const hoa = ctx.clinic.patients.hoa;
    const ct = ctStack(PATIENTS.hoa, 3);
    try {
      await stow(ctx.clinic.doctor, hoa.id, ct.files);
    } finally {
      ct.cleanup();
    }
    const request = await ctx.clinic.doctor.post('/api/consultations', {
      patientId: hoa.id, urgency: 'urgent', specialty: 'Hô hấp', reason: 'Khối mờ phổi trái',
      clinicalSummary: 'Ho khan 1 tháng', question: 'Có cần sinh thiết xuyên thành ngực?',
    });
    const { page, errors } = await signedInDoctor();
    await page.goto(`/consultations/${request.id}`);
    const item = await new RequestDetail(page).attachStudy(ct.study);
    assert.match(await item.innerText(), /CT/);
    assert.match(await item.innerText(), /3 ảnh/);
    // Attached once: it leaves the picker.
    await page.getByRole('form', { name: vi.attachStudy }).getByText(vi.noOtherStudy).waitFor();
    const saved = await ctx.clinic.doctor.get(`/api/consultations/${request.id}`);
    assert.deepEqual(saved.attachments.filter((a) => a.kind === 'imaging_study').map((a) => a.reference), [ct.study]);
    assert.deepEqual(errors, []);
    await page.context().close();
  });
});
