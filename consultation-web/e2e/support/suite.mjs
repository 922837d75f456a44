// The frame most browser test files share: one server, the clinic's data, one browser for the whole file.
import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import { launchBrowser } from './browser.mjs';
import { setUpClinic } from './clinic.mjs';
import { startServer } from './server.mjs';

/**
 * Call inside `describe`: starts the server (with `env` overrides) and sets up the clinic before the tests,
 * and closes the browser and stops the server after them, checking that the server exited on SIGTERM.
 * @returns {{server: object, browser: object, clinic: object}} filled in once `before` has run
 */
export function withClinic({ env = {}, fakeMedia = false } = {}) {
  const ctx = { server: null, browser: null, clinic: null };
  before(async () => {
    ctx.server = await startServer({ env });
    ctx.clinic = await ctx.server.explain(() => setUpClinic(ctx.server));
    ctx.browser = await launchBrowser({ fakeMedia });
  });
  after(async () => {
    await ctx.browser?.close();
    if (ctx.server) {
      const code = await ctx.server.stop();
      // SIGTERM runs the shutdown hook; the JVM then exits with 143 (128 + SIGTERM) or 0.
      assert.ok(code === 143 || code === 0, `server exit code ${code}\n${ctx.server.logs().slice(-3000)}`);
    }
  });
  return ctx;
}
