// "Done when" of the imaging issue, its first half, in real Chromium against a real PACS (dcmtk's dcmqrscp): the
// district doctor pulls the patient's CT from the hospital PACS on the patient page (C-FIND, then C-MOVE into our
// C-STORE listener), a misfiled study in the PACS under the same ID but another name is refused and the page says
// so, and the pulled CT is attached to a consultation request. The room half is e2e/shared-viewer.test.mjs.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { RequestDetail } from './pages/ConsultationPages.mjs';
import { LoginPage } from './pages/LoginPage.mjs';
import { DOCTOR, PATIENTS } from './support/clinic.mjs';
import { PACS_AE, startPacs } from './support/dcmqrscp.mjs';
import { ctStack } from './support/imaging.mjs';
import { freePort } from './support/server.mjs';
import { withClinic } from './support/suite.mjs';

describe('pulling from the hospital PACS', () => {
  const env = {};
  let pacs;
  let ct;
  let misfiled;
  before(async () => {
    const listener = { ae: 'CONSILIUM', port: await freePort() };
    ct = ctStack(PATIENTS.an, 3);
    misfiled = ctStack({ ...PATIENTS.an, fullName: 'Phạm Văn Tuấn' }, 1);
    pacs = await startPacs(listener, [...ct.files, ...misfiled.files]);
    Object.assign(env, { DICOM_SCP_ENABLED: 'true', DICOM_SCP_PORT: String(listener.port), DICOM_AE_TITLE: listener.ae,
      PACS_HOST: '127.0.0.1', PACS_PORT: String(pacs.port), PACS_AE_TITLE: PACS_AE });
  });
  const ctx = withClinic({ env });
  after(async () => {
    await pacs?.stop();
    ct?.cleanup();
    misfiled?.cleanup();
  });

  it('the doctor pulls the CT on the patient page, sees the misfiled study refused, and attaches the CT to a request', async () => {
    const an = ctx.clinic.patients.an;
    const { page, errors } = await ctx.browser.newPage(ctx.server.url);
    const login = await new LoginPage(page).open();
    await login.logIn(DOCTOR.username, DOCTOR.password);
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    await page.goto(`/patients/${an.id}`);
    await page.getByText('Bệnh nhân chưa có ca chụp nào.').waitFor();

    await page.getByRole('button', { name: 'Lấy ảnh từ PACS bệnh viện' }).click();
    const result = page.getByRole('table', { name: 'Ca chụp lấy từ PACS' });
    const received = result.locator(`tr[data-study-uid="${ct.study}"]`);
    await received.waitFor({ timeout: 60_000 }).catch(async (e) => {
      throw new Error(`${e.message}\npage: ${await page.locator(".pacs-pull").innerText()}\nPACS: ${pacs.logs().slice(-1500)}\nserver: ${ctx.server.logs().slice(-3000)}`);
    });
    assert.equal(await received.getAttribute('data-move-status'), '0');
    assert.match(await received.innerText(), /Đã lưu 3/);
    assert.match(await received.innerText(), /Đã nhận/);
    const refused = result.locator(`tr[data-study-uid="${misfiled.study}"]`);
    assert.notEqual(await refused.getAttribute('data-move-status'), '0', 'the PACS learnt that its object was refused');
    assert.match(await refused.innerText(), /Đã lưu 0/);
    assert.match(await refused.innerText(), /kiểm tra thông tin bệnh nhân trên PACS/);
    // The studies list shows the pulled CT (and only it) without a reload.
    await page.locator(`.studies [data-study-uid="${ct.study}"]`).waitFor();
    assert.equal(await page.locator(`.studies [data-study-uid="${misfiled.study}"]`).count(), 0);

    const request = await ctx.clinic.doctor.post('/api/consultations', {
      patientId: an.id, urgency: 'urgent', specialty: 'Hô hấp', reason: 'Khối mờ phổi phải',
      clinicalSummary: 'Ho ra máu 2 tuần', question: 'Cần sinh thiết?',
    });
    await page.goto(`/consultations/${request.id}`);
    const item = await new RequestDetail(page).attachStudy(ct.study);
    assert.match(await item.innerText(), /3 ảnh/);
    assert.deepEqual(errors, []);
    await page.context().close();
  });
});
