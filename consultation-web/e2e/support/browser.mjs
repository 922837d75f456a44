// Debian's Chromium driven by playwright-core (no browser download: `npx playwright install` cannot run here).
import { chromium } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const BASE_FLAGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];
/** For consultation tests: a synthetic camera and microphone, and no permission prompt. */
export const FAKE_MEDIA_FLAGS = ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream'];

/**
 * Launches Chromium. Playwright gives every launch a fresh, temporary --user-data-dir of its own (it
 * refuses one passed in args) and deletes it on close, so no profile state leaks between runs.
 * Each context is an isolated browser session (own storage): one per user in multi-user tests.
 * `videoFile` (a .y4m) replaces the fake camera's test pattern with that video, looped.
 * @param {{fakeMedia?: boolean, videoFile?: string}} options
 */
export async function launchBrowser({ fakeMedia = false, videoFile = null } = {}) {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [...BASE_FLAGS, ...(fakeMedia ? FAKE_MEDIA_FLAGS : []),
      ...(videoFile ? [`--use-file-for-fake-video-capture=${videoFile}`] : [])],
  });
  return {
    browser,
    /**
     * A new isolated session on `baseUrl`. Uncaught page errors are collected in `errors`, so a test can
     * assert the app did not crash even where the screen happens to look right.
     */
    async newPage(baseUrl, { locale = 'vi-VN', timezoneId = 'Asia/Ho_Chi_Minh' } = {}) {
      const context = await browser.newContext({ baseURL: baseUrl, locale, timezoneId });
      context.setDefaultTimeout(15_000);
      const page = await context.newPage();
      const errors = [];
      page.on('pageerror', (e) => errors.push(e));
      return { context, page, errors };
    },
    close: () => browser.close(),
  };
}
