// AI lesion flags in real Chromium. Live: an endoscopist whose fake camera plays a synthetic endoscopy video
// (models/fake_camera.py) marks it as the endoscopy stream; the specialist's screen draws a flag box over the
// lesion on the endoscopist's tile, and none when the video shows no lesion. Stored: a captured frame is
// analysed from the patient's AI page and its flag accepted, with who and when shown.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, afterEach, before, describe, it } from 'node:test';
import { LoginPage } from './pages/LoginPage.mjs';
import { PACS_AE, startPacs } from './support/dcmqrscp.mjs';
import { launchBrowser } from './support/browser.mjs';
import { ENDOSCOPIST, ROOT, SPECIALIST, STREAM_ON, endoscopySession, enterRoom, fakeCamera } from './support/endoscopy.mjs';
import { freePort } from './support/server.mjs';
import { withClinic } from './support/suite.mjs';

const opened = [];

/** The boxes the specialist's screen draws over `userId`'s tile, in frame pixels, once `count(boxes)` holds. */
async function drawnBoxes(page, userId, until, timeout = 30_000) {
  const overlay = page.locator(`figure.tile[data-user-id="${userId}"] [data-live-flags-for="${userId}"]`);
  const deadline = Date.now() + timeout;
  let last = null;
  while (Date.now() < deadline) {
    if (await overlay.count()) {
      last = await overlay.evaluate((el) => ({
        viewBox: el.querySelector('svg').getAttribute('viewBox').split(' ').map(Number),
        boxes: [...el.querySelectorAll('g.lesion-flag rect')].map((r) => ['x', 'y', 'width', 'height'].map((a) => Number(r.getAttribute(a)))),
      }));
      if (until(last.boxes)) return last;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`no drawn flags as expected over ${userId}; last ${JSON.stringify(last)}`);
}

function overlaps([x, y, w, h], [tx, ty, tw, th]) {
  return x < tx + tw && tx < x + w && y < ty + th && ty < y + h;
}

describe('AI lesion flags, live in a room', () => {
  const dir = mkdtempSync(join(tmpdir(), 'consilium-fake-camera-'));
  // The hospital PACS the accepted findings are sent to (it only receives here: no C-MOVE destination is used).
  const env = { AI_MODELS_DIR: join(ROOT, 'models') };
  let pacs;
  before(async () => {
    pacs = await startPacs({ ae: 'CONSILIUM', port: await freePort() });
    Object.assign(env, { PACS_HOST: '127.0.0.1', PACS_PORT: String(pacs.port), PACS_AE_TITLE: PACS_AE });
  });
  const ctx = withClinic({ fakeMedia: true, env });
  const cameras = {};
  let setup;
  before(async () => {
    cameras.lesion = fakeCamera(dir, 'lesion');
    cameras.clear = fakeCamera(dir, 'clear');
    setup = await ctx.server.explain(() => endoscopySession(ctx.server, ctx.clinic));
  });
  afterEach(async () => {
    for (const o of opened.splice(0)) await o.context.close().catch(() => undefined);
  });
  after(async () => {
    await pacs?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('a captured endoscopy frame is analysed from the patient\'s AI page, drawn with its flag, and accepted with who and when', async () => {
    const { truth } = cameras.lesion;
    const jpeg = join(dir, 'still.jpg');
    execFileSync('/usr/bin/python3', ['-c', `import cv2, numpy as np\nf=open('${cameras.lesion.file}','rb').read()\n`
      + `h=f.index(b'FRAME\\n')+6\nw,hh=${truth.width},${truth.height}\n`
      + `yuv=np.frombuffer(f[h:h+w*hh*3//2],np.uint8).reshape(hh*3//2,w)\n`
      + `cv2.imwrite('${jpeg}',cv2.cvtColor(yuv,cv2.COLOR_YUV2BGR_I420),[cv2.IMWRITE_JPEG_QUALITY,92])`]);
    const patientId = ctx.clinic.patients.an.id;
    const stored = await fetch(`${ctx.server.url}/api/patients/${patientId}/imaging/captures?description=N%E1%BB%99i%20soi`, {
      method: 'POST', body: readFileSync(jpeg),
      headers: { 'Content-Type': 'image/jpeg', Accept: 'application/json', Authorization: `Bearer ${setup.endoscopist.login.accessToken}` },
    });
    const captured = JSON.parse(await stored.text());
    assert.equal(stored.status, 201, JSON.stringify(captured));
    const session = await ctx.browser.newPage(ctx.server.url);
    opened.push(session);
    const { page } = session;
    const login = await new LoginPage(page).open();
    await login.logIn(ENDOSCOPIST.username, ENDOSCOPIST.password);
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    await page.goto(`/patients/${patientId}`);
    await page.getByRole('link', { name: 'Cờ tổn thương AI' }).click();
    await page.getByRole('button', { name: 'Phân tích AI' }).first().click();
    const card = page.locator('article.lesion-analysis').first();
    await card.locator('img').waitFor();
    const rects = await card.locator('svg.lesion-overlay g.lesion-flag rect').evaluateAll((all) =>
      all.map((r) => ['x', 'y', 'width', 'height'].map((a) => Number(r.getAttribute(a)))));
    assert.ok(rects.some((b) => overlaps(b, truth.lesions[0])), `a flag over the lesion: ${JSON.stringify(rects)}`);
    await card.getByLabel('Phân loại Paris').selectOption('0-Is');
    await card.getByLabel('Kích thước (mm)').fill('6');
    await card.getByRole('button', { name: 'Chấp nhận', exact: true }).click();
    const decision = card.locator('.flag-history li[data-decision="accept"]');
    await decision.waitFor();
    const text = await decision.textContent();
    assert.match(text, /Bác sĩ nội soi/);
    assert.match(text, /0-Is/);
    assert.match(text, /6 mm/);
    assert.equal(await card.locator('li[data-status="accepted"]').count(), 1);

    // The accepted flag becomes an SR and a SEG in the capture's study; writing again stores nothing new.
    const write = card.getByRole('button', { name: 'Ghi SR và SEG vào ca chụp' });
    await write.click();
    const written = card.getByRole('list', { name: 'Đối tượng DICOM đã ghi' });
    await written.locator('li[data-status="stored"]').nth(1).waitFor();
    const [sr, seg] = await written.locator('li').evaluateAll((all) => all.map((li) => li.dataset.sopInstanceUid));
    assert.match(await written.innerText(), /Báo cáo đo \(SR\): đã lưu vào ca chụp/);
    await write.click();
    await written.locator('li[data-status="already_stored"]').nth(1).waitFor();
    const series = await setup.endoscopist.get(`/api/patients/${patientId}/dicomweb/studies/${captured.studyInstanceUid}/series`);
    assert.deepEqual(series.map((s) => s['00080060'].Value[0]).sort(), ['ES', 'SEG', 'SR']);

    // Sent with their source image to the hospital PACS, which then holds all three in the study.
    await card.getByRole('button', { name: 'Gửi ảnh gốc, SR và SEG lên PACS' }).click();
    const sent = card.getByRole('list', { name: 'Kết quả gửi PACS' });
    await sent.locator('li').nth(2).waitFor();
    assert.equal(await sent.locator('li[data-status="sent"]').count(), 3, await sent.innerText());
    const held = (await pacs.instances(captured.studyInstanceUid)).sort();
    assert.deepEqual(held, [captured.sopInstanceUid, sr, seg].sort());
    assert.deepEqual(session.errors, []);
  });

  for (const kind of ['lesion', 'clear']) {
    it(kind === 'lesion' ? 'the specialist sees a flag drawn over the lesion on the endoscopist\'s video'
      : 'a video without lesions gets no flag drawn', async () => {
      const towerBrowser = await launchBrowser({ fakeMedia: true, videoFile: cameras[kind].file });
      try {
        const specialist = await enterRoom(ctx.browser, ctx.server.url, SPECIALIST, setup.sessionId, opened);
        const endoscopist = await enterRoom(towerBrowser, ctx.server.url, ENDOSCOPIST, setup.sessionId, opened);
        await endoscopist.page.getByRole('button', { name: STREAM_ON }).click();
        const endoscopistId = setup.endoscopist.user.id;
        const { truth } = cameras[kind];
        if (kind === 'lesion') {
          const seen = await drawnBoxes(specialist.page, endoscopistId, (boxes) => boxes.length > 0);
          const [, , vw, vh] = seen.viewBox;
          const [tx, ty, tw, th] = truth.lesions[0];
          const sx = vw / truth.width;
          const sy = vh / truth.height;
          assert.ok(seen.boxes.some((b) => overlaps(b, [tx * sx, ty * sy, tw * sx, th * sy])),
            `a drawn box overlaps the lesion ${JSON.stringify(truth.lesions[0])}: ${JSON.stringify(seen)}`);
          // Capture: the frame becomes a stored analysis of the session's patient, to review later.
          await endoscopist.page.getByRole('button', { name: 'Chụp và phân tích khung hình' }).click();
          await endoscopist.page.getByRole('status').filter({ hasText: 'Đã lưu ảnh và phân tích' }).waitFor();
          const analyses = await setup.endoscopist.get(`/api/patients/${ctx.clinic.patients.an.id}/lesion-analyses`);
          assert.ok(analyses.items.some((a) => a.input.source === 'stored' && a.flags.length > 0), JSON.stringify(analyses.items.map((a) => a.input)));
        } else {
          // Several analysed frames in a row, every one without a box.
          await drawnBoxes(specialist.page, endoscopistId, (boxes) => boxes.length === 0);
          const seqs = new Set();
          const deadline = Date.now() + 5_000;
          while (seqs.size < 3 && Date.now() < deadline) {
            const o = specialist.page.locator(`[data-live-flags-for="${endoscopistId}"]`);
            if (await o.count()) {
              seqs.add(await o.getAttribute('data-seq'));
              assert.equal(await o.getAttribute('data-flag-count'), '0');
            }
            await new Promise((r) => setTimeout(r, 150));
          }
          assert.ok(seqs.size >= 2, `flags arrived for several frames: ${[...seqs]}`);
        }
        assert.deepEqual(specialist.errors, []);
        assert.deepEqual(endoscopist.errors, []);
      } finally {
        await towerBrowser.close();
      }
    });
  }
});
