// ./consilium bench viewer [steps]: shared viewing delay, the presenter's change → the follower's screen, in two
// Chromium sessions on one machine (one clock). The presenter steps through a CT stack one image at a time,
// waiting each time until the follower shows it; the follower notes, per step, when the view message arrived
// and when its viewport rendered the image. Reference: the same messages' arrival (the room socket alone).
// Writes the viewer section of docs/performance.md.
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchBrowser } from '../e2e/support/browser.mjs';
import { DOCTOR, setUpClinic } from '../e2e/support/clinic.mjs';
import { startServer } from '../e2e/support/server.mjs';
import { enterRoom, sessionWithCt, showsImage, SPECIALIST } from '../e2e/support/sharedViewing.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const steps = Number(process.argv[2] ?? 50);
const slices = Math.ceil(steps / 2) + 1;
const server = await startServer();
const ctx = { server, clinic: await setUpClinic(server), browser: await launchBrowser({ fakeMedia: true }) };
try {
  const { sessionId } = await sessionWithCt(ctx, slices);
  const presenter = await enterRoom(ctx, SPECIALIST, sessionId);
  const follower = await enterRoom(ctx, DOCTOR, sessionId);
  await presenter.page.locator(`.shared-viewer[data-presenting] .viewport[data-image-count="${slices}"]`).waitFor();
  await showsImage(follower, 0);
  await follower.shared.evaluate((el) => { delete el.dataset.delays; delete el.dataset.relays; });
  await presenter.viewport.focus();
  let index = 0;
  for (let i = 0; i < steps; i++) {
    const down = i < slices - 1;
    await presenter.viewport.press(down ? 'ArrowDown' : 'ArrowUp');
    index += down ? 1 : -1;
    await showsImage(follower, index);
  }
  const read = async (name) => ((await follower.shared.getAttribute(`data-${name}`)) ?? '').split(',').filter(Boolean).map(Number);
  const rows = [['follower screen (change → rendered)', await read('delays')], ['reference: room socket only (change → message received)', await read('relays')]];
  const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]; };
  const table = ['| measured | steps | p50 ms | p99 ms | max ms |', '|---|---|---|---|---|',
    ...rows.map(([name, xs]) => `| ${name} | ${xs.length} | ${pct(xs, 50).toFixed(1)} | ${pct(xs, 99).toFixed(1)} | ${Math.max(...xs).toFixed(1)} |`)];
  const section = `Measured ${new Date().toISOString().slice(0, 10)} on ${cpus().length} cores (load average ${loadavg()[0].toFixed(1)}), `
    + `two headless Chromium sessions and the server on one machine, loopback; ${steps} single-image steps through a `
    + `${slices}-slice CT stack (128 × 128, synthesized from pydicom's CT_small.dcm), each step waited for on the follower. "Change" is the presenter's first change a view message carries (so the up to 50 ms of coalescing counts); the follower's time includes fetching each frame through WADO-RS the first time it is shown.\n\n${table.join('\n')}\n`;
  console.log(section);
  const doc = join(ROOT, 'docs/performance.md');
  const text = readFileSync(doc, 'utf8');
  const block = `<!-- viewer:start -->\n${section}<!-- viewer:end -->`;
  writeFileSync(doc, text.includes('<!-- viewer:start -->')
    ? text.replace(/<!-- viewer:start -->[\s\S]*<!-- viewer:end -->/, block)
    : `${text.trimEnd()}\n\n## Shared viewing\nThe delay from a presenter's change in a room to the other participants' screens (\`./consilium bench viewer [steps]\`).\n\n${block}\n`);
} finally {
  await ctx.browser.close();
  await server.stop();
}
