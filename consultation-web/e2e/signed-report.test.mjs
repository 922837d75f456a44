// The signed conclusion in the patient's record (Circular 46/2018): after the session, the chair signs the
// conclusion digitally from the record, and everyone who may see the patient reads that the signature is valid,
// by whom and when.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LoginPage } from './pages/LoginPage.mjs';
import { PatientPage } from './pages/PatientPage.mjs';
import { TEXT } from './pages/text.mjs';
import { ApiUser } from './support/api.mjs';
import { DOCTOR } from './support/clinic.mjs';
import { withClinic } from './support/suite.mjs';

const vi = TEXT.vi;
const CHAIR = { username: 'bs.khanh', password: 'Bac-si-Khanh-2025!', displayName: 'PGS. Trần Văn Khánh', role: 'specialist' };
const MEMBER = { username: 'bs.linh', password: 'Bac-si-Linh-2025!', displayName: 'TS. Ngô Thị Linh', role: 'specialist' };
const CENTRAL_ADMIN = { username: 'qt.minh', password: 'Quan-tri-Minh-2025!', displayName: 'Lê Văn Minh', role: 'administrator' };

/** A routine request, accepted, scheduled, held and concluded, with minutes the chair signed (over the API). */
async function concludedWithSignedMinutes(ctx) {
  const { admin, doctor, patients } = ctx.clinic;
  const central = await admin.post('/api/hospitals', { code: 'BVTWH', name: 'Bệnh viện Trung ương Huế', level: 'central', province: 'Thừa Thiên Huế' });
  const users = {};
  for (const person of [CHAIR, MEMBER, CENTRAL_ADMIN]) {
    const created = await admin.post('/api/users', { ...person, email: `${person.username}@bvtwhue.example.vn`, hospitalId: central.id });
    users[person.username] = { ...created, api: await ApiUser.login(ctx.server.url, person.username, person.password) };
  }
  const chair = users[CHAIR.username];
  const move = (api, r, to) => api.post(`/api/consultations/${r.id}/transitions`, { to, version: r.version });
  let r = await doctor.post('/api/consultations', {
    patientId: patients.an.id, targetHospitalId: central.id, urgency: 'routine', specialty: 'Tiêu hoá',
    reason: 'Polyp đại tràng', clinicalSummary: 'Nội soi: polyp 8 mm đại tràng sigma', question: 'Cắt polyp qua nội soi?',
  });
  r = await move(chair.api, await move(doctor, r, 'submitted'), 'accepted');
  const start = new Date(Date.now() + 8 * 86_400_000);
  start.setUTCHours(2, 0, 0, 0); // 09:00 in Hà Nội
  const s = await users[CENTRAL_ADMIN.username].api.post('/api/consultation-sessions', {
    requestIds: [r.id], start: start.toISOString(), durationMinutes: 30, moderatorId: chair.id,
    specialistIds: [users[MEMBER.username].id], place: 'Phòng hội chẩn trực tuyến số 2',
  });
  const session = `/api/consultation-sessions/${s.id}`;
  const open = await chair.api.post(`${session}/open`, { version: s.version });
  const minutes = `/api/consultations/${r.id}/minutes`;
  const saved = await chair.api.put(minutes, {
    version: 0, patientSummary: 'Nam 46 tuổi, đi ngoài ra máu', discussion: 'Polyp có cuống, bề mặt đều',
    conclusion: 'Polyp 0-Is 8 mm, không loại trừ ung thư sớm', treatmentRecommendation: 'Cắt polyp qua nội soi, giải phẫu bệnh',
  });
  await chair.api.post(`${session}/conclude`, { version: open.version });
  await chair.api.post(`${minutes}/sign`, { version: saved.version });
  return r.id;
}

async function signedIn(ctx, person) {
  const session = await ctx.browser.newPage(ctx.server.url);
  const login = await new LoginPage(session.page).open();
  await login.logIn(person.username, person.password);
  await session.page.waitForURL((url) => !url.pathname.startsWith('/login'));
  return session;
}

describe('signed conclusion in the record', () => {
  const ctx = withClinic();

  it('the chair signs the conclusion digitally; the requesting doctor reads a valid signature by the chair', async () => {
    const requestId = await ctx.server.explain(() => concludedWithSignedMinutes(ctx));
    const an = ctx.clinic.patients.an;

    const chair = await signedIn(ctx, CHAIR);
    await chair.page.goto(`/patients/${an.id}`);
    await new PatientPage(chair.page).heading().filter({ hasText: 'Nguyễn Văn An' }).waitFor();
    const row = chair.page.locator(`tr[data-request="${requestId}"]`);
    await row.getByText('Polyp 0-Is 8 mm').waitFor();
    await row.locator('[data-signature="none"]').waitFor();
    await row.getByRole('button', { name: vi.signReport }).click();
    // The first signature after a start loads the FHIR R4 specification for validation (tens of seconds here).
    await row.locator('[data-signature="valid"]').waitFor({ timeout: 120_000 });
    assert.match(await row.locator('[data-signature]').innerText(), new RegExp(`${vi.signatureValid}.*${CHAIR.displayName}`));
    assert.deepEqual(chair.errors, []);
    await chair.page.context().close();

    const doctor = await signedIn(ctx, DOCTOR);
    await doctor.page.goto(`/patients/${an.id}`);
    const seen = doctor.page.locator(`tr[data-request="${requestId}"] [data-signature="valid"]`);
    await seen.waitFor();
    assert.match(await seen.innerText(), new RegExp(CHAIR.displayName));
    assert.deepEqual(doctor.errors, []);
    await doctor.page.context().close();
  });
});
