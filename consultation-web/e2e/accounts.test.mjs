// Account administration in the browser: an administrator registers a hospital and a user through the
// forms, and unlocks an account that too many wrong passwords locked.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AppShell } from './pages/AppShell.mjs';
import { LoginPage } from './pages/LoginPage.mjs';
import { PatientSearchPage } from './pages/PatientSearchPage.mjs';
import { UsersPage } from './pages/UsersPage.mjs';
import { ApiError, ApiUser } from './support/api.mjs';
import { withClinic } from './support/suite.mjs';

const ENDOSCOPIST = {
  username: 'bs.khoa', password: 'Noi-soi-Khoa-2025', displayName: 'BS. Phạm Minh Khoa', role: 'endoscopist',
  email: 'bs.khoa@bvdongan.example.vn',
};

describe('account administration', () => {
  // A lock that outlasts the test, so only the administrator's unlock can let the user back in.
  const ctx = withClinic({ env: { LOGIN_MAX_FAILURES: '3', LOGIN_LOCKOUT_SECONDS: '3600' } });

  async function signIn(username, password) {
    const session = await ctx.browser.newPage(ctx.server.url);
    const login = await new LoginPage(session.page).open();
    await login.logIn(username, password);
    return { ...session, login };
  }

  it('a locked account is told so at login, and signs in once an administrator unlocks it', async () => {
    await ctx.clinic.admin.post('/api/users', { ...ENDOSCOPIST, hospitalId: ctx.clinic.hospital.id });
    for (let i = 0; i < 3; i++) {
      await assert.rejects(ApiUser.login(ctx.server.url, ENDOSCOPIST.username, 'wrong-password-1'), ApiError);
    }

    const user = await signIn(ENDOSCOPIST.username, ENDOSCOPIST.password);
    const alert = user.login.alert();
    await alert.filter({ hasText: 'Tài khoản đang bị khoá.' }).waitFor();
    assert.match(await alert.innerText(), /locked until/, 'the server\'s detail (until when) is shown');

    const admin = await signIn('admin', ctx.server.adminPassword);
    const users = new UsersPage(admin.page);
    assert.match(await users.status(ENDOSCOPIST.username), /^Bị khoá đến \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}:\d{2}$/);
    await users.unlock(ENDOSCOPIST.username);
    await admin.page.getByRole('status').filter({ hasText: `Đã mở khoá tài khoản ${ENDOSCOPIST.username}.` }).waitFor();
    assert.equal(await users.status(ENDOSCOPIST.username), 'Đang hoạt động');

    await user.login.logIn(ENDOSCOPIST.username, ENDOSCOPIST.password);
    await new PatientSearchPage(user.page).heading().waitFor();
    assert.deepEqual(await new AppShell(user.page).navItems(), ['Bệnh nhân', 'Hội chẩn']);
    assert.deepEqual([...user.errors, ...admin.errors], []);
    await user.context.close();
    await admin.context.close();
  });

  it('an administrator registers a hospital and a specialist through the forms; the specialist can sign in', async () => {
    const { page, errors, context } = await signIn('admin', ctx.server.adminPassword);
    const shell = new AppShell(page);
    await shell.go('hospitals');
    await page.getByRole('link', { name: 'Thêm bệnh viện' }).click();
    const hospitalForm = page.getByRole('form', { name: 'Thêm bệnh viện mới' });
    await hospitalForm.getByLabel('Mã cơ sở').fill('BV-BACHMAI');
    await hospitalForm.getByLabel('Tuyến').selectOption({ label: 'Trung ương' });
    await hospitalForm.getByLabel('Tên bệnh viện').fill('Bệnh viện Bạch Mai');
    await hospitalForm.getByLabel('Tỉnh/Thành phố').fill('Hà Nội');
    await hospitalForm.getByRole('button', { name: 'Lưu' }).click();
    await page.getByRole('status').filter({ hasText: 'Đã lưu bệnh viện Bệnh viện Bạch Mai.' }).waitFor();
    const hospitals = page.getByRole('table', { name: 'Bệnh viện' });
    const row = hospitals.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Bệnh viện Bạch Mai' }) });
    await row.waitFor();
    assert.deepEqual(await row.getByRole('cell').allInnerTexts(), ['BV-BACHMAI', 'Trung ương', 'Hà Nội', 'Đang hoạt động', 'Sửa']);

    await shell.go('users');
    await page.getByRole('link', { name: 'Thêm người dùng' }).click();
    const userForm = page.getByRole('form', { name: 'Thêm người dùng mới' });
    await userForm.getByLabel('Tên đăng nhập').fill('pgs.cuong');
    await userForm.getByLabel('Tên hiển thị').fill('PGS. Lê Văn Cường');
    await userForm.getByLabel('Email').fill('cuong@bachmai.example.vn');
    await userForm.getByLabel('Vai trò').selectOption({ label: 'Bác sĩ chuyên khoa' });
    await userForm.getByLabel('Bệnh viện').selectOption({ label: 'Bệnh viện Bạch Mai (BV-BACHMAI)' });
    await userForm.getByLabel('Chuyên khoa').fill('Tiêu hoá');
    await userForm.getByLabel('Mật khẩu ban đầu').fill('short');
    await userForm.getByRole('button', { name: 'Lưu' }).click();
    // The server's password policy answers beside the password field; nothing else is flagged.
    await userForm.getByRole('alert').waitFor();
    assert.equal(await userForm.getByLabel('Mật khẩu ban đầu').getAttribute('aria-invalid'), 'true');
    assert.equal(await userForm.getByLabel('Tên đăng nhập').getAttribute('aria-invalid'), null);
    await userForm.getByLabel('Mật khẩu ban đầu').fill('Chuyen-khoa-Cuong-1');
    await userForm.getByRole('button', { name: 'Lưu' }).click();
    const users = new UsersPage(page);
    assert.equal(await users.status('pgs.cuong'), 'Đang hoạt động');
    assert.deepEqual(errors, []);
    await context.close();

    const specialist = await signIn('pgs.cuong', 'Chuyen-khoa-Cuong-1');
    await new PatientSearchPage(specialist.page).heading().waitFor();
    await specialist.page.getByText('PGS. Lê Văn Cường (Bác sĩ chuyên khoa) · Bệnh viện Bạch Mai').waitFor();
    // A specialist of another hospital sees none of the district hospital's patients without a care grant.
    await new PatientSearchPage(specialist.page).resultCount().filter({ hasText: 'Không tìm thấy bệnh nhân nào phù hợp.' }).waitFor();
    assert.deepEqual(specialist.errors, []);
    await specialist.context.close();
  });
});
