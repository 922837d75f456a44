// Foundation: a district doctor finds a patient without typing accents, reads the record, switches
// language and logs out; an administrator sees the admin pages and verifies the audit chain.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AppShell } from './pages/AppShell.mjs';
import { AuditPage } from './pages/AuditPage.mjs';
import { LoginPage } from './pages/LoginPage.mjs';
import { PatientPage } from './pages/PatientPage.mjs';
import { PatientSearchPage } from './pages/PatientSearchPage.mjs';
import { ApiUser } from './support/api.mjs';
import { DOCTOR, PATIENTS } from './support/clinic.mjs';
import { withClinic } from './support/suite.mjs';

describe('web app foundation', () => {
  const ctx = withClinic();

  it('a district doctor finds "Nguyễn Văn An" by typing "Nguyen", reads the CCCD, switches to English and logs out', async () => {
    // A workstation clock far from Viet Nam: a birth date must not shift a day.
    const { page, errors } = await ctx.browser.newPage(ctx.server.url, { timezoneId: 'America/Los_Angeles' });
    await page.goto('/');
    const login = new LoginPage(page);
    await login.heading().waitFor();
    assert.equal(await page.locator('html').getAttribute('lang'), 'vi');
    await login.logIn(DOCTOR.username, DOCTOR.password);

    const shell = new AppShell(page);
    assert.deepEqual(await shell.navItems(), ['Bệnh nhân', 'Hội chẩn']);
    const search = new PatientSearchPage(page);
    await search.heading().waitFor();
    await search.search({ name: 'Nguyen' });
    const names = await search.resultNames();
    assert.ok(names.length > 0, 'the search returned no rows');
    assert.ok(names.includes('Nguyễn Văn An'), `results: ${names.join(', ')}`);
    assert.ok(names.includes('Nguyễn Thị Mai'), `results: ${names.join(', ')}`);
    assert.ok(!names.includes('Trần Thị Hoa'), 'a patient not named Nguyen matched "Nguyen"');
    assert.match(new URL(page.url()).search, /name=Nguyen/);

    await search.open('Nguyễn Văn An');
    const patient = new PatientPage(page);
    await patient.heading().filter({ hasText: 'Nguyễn Văn An' }).waitFor();
    assert.match(new URL(page.url()).pathname, /^\/patients\/[^/]+$/);
    assert.equal(await patient.fact('citizenId'), PATIENTS.an.citizenId);
    assert.equal(await patient.fact('insuranceNumber'), PATIENTS.an.insuranceNumber);
    assert.equal(await patient.fact('birthDate'), '05/03/1980');
    assert.equal(await patient.fact('sex'), 'Nam');

    // A deep link survives a reload: the server serves the app for /patients/<id> and the session resumes.
    await page.reload();
    await patient.heading().filter({ hasText: 'Nguyễn Văn An' }).waitFor();

    await shell.switchLanguage('en');
    const english = new PatientPage(page, 'en');
    assert.equal(await english.fact('citizenId'), PATIENTS.an.citizenId);
    assert.equal(await english.fact('birthDate'), '05 Mar 1980');
    assert.equal(await english.fact('sex'), 'Male');
    assert.equal(await page.locator('html').getAttribute('lang'), 'en');
    assert.deepEqual(await shell.navItems(), ['Patients', 'Consultations']);

    await shell.logOut();
    const loginEn = new LoginPage(page, 'en');
    await loginEn.heading().waitFor();
    await page.getByRole('status').filter({ hasText: 'You have logged out.' }).waitFor();
    // The language choice outlives the session; the session does not outlive logout.
    await page.goto(`/patients/${ctx.clinic.patients.an.id}`);
    await loginEn.heading().waitFor();
    assert.equal(new URL(page.url()).pathname, '/login');
    // Logging in from a deep link returns to it.
    await loginEn.logIn(DOCTOR.username, DOCTOR.password);
    await new PatientPage(page, 'en').heading().filter({ hasText: 'Nguyễn Văn An' }).waitFor();
    assert.equal(new URL(page.url()).pathname, `/patients/${ctx.clinic.patients.an.id}`);
    assert.deepEqual(errors, []);
    await page.context().close();
  });

  it('a wrong password shows the server\'s reason and keeps the user on the login page', async () => {
    const { page, errors } = await ctx.browser.newPage(ctx.server.url);
    const login = await new LoginPage(page).open();
    await login.logIn(DOCTOR.username, 'not-the-password');
    await login.alert().filter({ hasText: 'Sai tên đăng nhập hoặc mật khẩu.' }).waitFor();
    assert.equal(new URL(page.url()).pathname, '/login');
    assert.equal(await page.getByLabel('Mật khẩu').inputValue(), '');
    assert.deepEqual(errors, []);
    await page.context().close();
  });

  it('takes over tokens handed back by single sign-on in the URL fragment, and wipes them from the address bar', async () => {
    // What the server's SSO callback sends after the issuer signed the user in: its own login answer, base64url.
    const tokens = await ApiUser.login(ctx.server.url, DOCTOR.username, DOCTOR.password);
    const fragment = Buffer.from(JSON.stringify(tokens.login), 'utf8').toString('base64url');
    const { page, errors } = await ctx.browser.newPage(ctx.server.url);
    await page.goto(`/#sso=${fragment}`);
    await new PatientSearchPage(page).heading().waitFor();
    assert.equal(new URL(page.url()).hash, '');
    assert.ok(!(await page.evaluate(() => JSON.stringify(window.history.state) + window.location.href)).includes(fragment.slice(0, 40)));
    assert.deepEqual(await new AppShell(page).navItems(), ['Bệnh nhân', 'Hội chẩn']);

    // A refused sign-on comes back as a code only; the login page says what it means.
    const other = await ctx.browser.newPage(ctx.server.url);
    await other.page.goto('/#sso-error=CNS-1006');
    await new LoginPage(other.page).heading().waitFor();
    await other.page.getByRole('status').filter({ hasText: 'Đăng nhập một lần (SSO) không thành công.' }).waitFor();
    assert.equal(new URL(other.page.url()).hash, '');
    assert.deepEqual([...errors, ...other.errors], []);
    await page.context().close();
    await other.context.close();
  });

  it('an administrator sees Users, Hospitals and Audit, and the audit chain verifies', async () => {
    const { page, errors } = await ctx.browser.newPage(ctx.server.url);
    const login = await new LoginPage(page).open();
    await login.logIn('admin', ctx.server.adminPassword);

    const shell = new AppShell(page);
    assert.deepEqual(await shell.navItems(), ['Hội chẩn', 'Người dùng', 'Bệnh viện', 'Nhật ký truy cập', 'Gửi EMR']);
    await page.getByRole('table', { name: 'Người dùng' }).getByRole('rowheader', { name: DOCTOR.username }).waitFor();

    await shell.go('hospitals');
    await page.getByRole('table', { name: 'Bệnh viện' })
      .getByRole('rowheader', { name: 'Bệnh viện Đa khoa huyện Đông Anh' }).waitFor();

    await shell.go('audit');
    const audit = new AuditPage(page);
    await audit.heading().waitFor();
    const rows = audit.table().getByRole('row');
    await rows.nth(1).waitFor();
    assert.ok(await rows.count() > 1, 'the audit log is empty although logins and patient records were made');
    const verdict = await audit.verify();
    const match = /Chuỗi nhật ký toàn vẹn: đã kiểm tra (\d+) bản ghi\./.exec(verdict);
    assert.ok(match, `verdict: ${verdict}`);
    assert.ok(Number(match[1]) > 0, 'the chain check looked at no records');
    assert.deepEqual(errors, []);
    await page.context().close();
  });
});
