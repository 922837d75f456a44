// The administrator's EMR delivery page: reached from the navigation, in both languages, and it says when
// delivery to the hospital EMR is not enabled. (The queue's behaviour is tested in EmrDeliveryTest.)
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AppShell } from './pages/AppShell.mjs';
import { LoginPage } from './pages/LoginPage.mjs';
import { TEXT } from './pages/text.mjs';
import { withClinic } from './support/suite.mjs';

describe('EMR delivery page', () => {
  const ctx = withClinic();

  it('an administrator opens the EMR queue, sees that delivery is off and an empty queue, in Vietnamese and English', async () => {
    const { page, errors, context } = await ctx.browser.newPage(ctx.server.url);
    await new LoginPage(page).open().then((login) => login.logIn('admin', ctx.server.adminPassword));
    const shell = new AppShell(page);
    await shell.go('emrOutbox');
    await page.getByRole('heading', { level: 1, name: TEXT.vi.emrOutboxHeading }).waitFor();
    await page.getByRole('status').filter({ hasText: 'Chưa bật gửi kết luận sang EMR' }).waitFor();
    await page.getByText('Không có mục nào.').waitFor();
    await page.getByLabel('Trạng thái').selectOption('rejected');
    await page.waitForURL(/state=rejected/);
    await page.getByText('Không có mục nào.').waitFor();

    await shell.switchLanguage('en');
    await page.getByRole('heading', { level: 1, name: TEXT.en.emrOutboxHeading }).waitFor();
    await page.getByText('Nothing here.').waitFor();
    assert.deepEqual(errors, []);
    await context.close();
  });
});
