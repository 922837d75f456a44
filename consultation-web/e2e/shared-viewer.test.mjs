// Shared viewing in a consultation room, in real Chromium: the presenter scrolls a CT stack and changes the
// window, the other participant's viewer shows the same image; control passes on request; a rejoining
// participant lands on the current image. The CT stack is synthesized from pydicom's CT_small.dcm (support/imaging.mjs).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { afterEach, before, describe, it } from 'node:test';
import { LoginPage } from './pages/LoginPage.mjs';
import { DOCTOR, PATIENTS } from './support/clinic.mjs';
import { multiFrame, sameMrFourWays, stow } from './support/imaging.mjs';
import { enterRoom, sessionWithCt, showsImage, SPECIALIST } from './support/sharedViewing.mjs';
import { withClinic } from './support/suite.mjs';

const SLICES = 6;
const opened = [];

describe('shared viewer in the room', () => {
  const ctx = withClinic({ fakeMedia: true });
  let session;
  before(async () => { session = await ctx.server.explain(() => sessionWithCt(ctx, SLICES)); });
  afterEach(async () => { for (const o of opened.splice(0)) await o.context.close().catch(() => undefined); });

  const enter = async (person) => {
    const s = await enterRoom(ctx, person, session.sessionId);
    opened.push(s);
    return s;
  };

  it('the follower sees the presenter\'s image and window; control is handed over; a rejoiner lands on the current image', async () => {
    const presenter = await enter(SPECIALIST);
    const follower = await enter(DOCTOR);
    await presenter.page.locator('.shared-viewer[data-presenting]').waitFor();
    await presenter.page.locator(`.shared-viewer .viewport[data-image-count="${SLICES}"]`).waitFor();
    await showsImage(follower, 0);
    assert.equal(await follower.page.locator('.shared-viewer[data-presenting]').count(), 0, 'the doctor follows');
    const before = await follower.viewport.screenshot();

    await presenter.viewport.focus();
    for (let i = 0; i < 3; i++) await presenter.viewport.press('ArrowDown');
    await presenter.shared.locator('button[data-preset="lung"]').click();
    const shown = await showsImage(presenter, 3, '[data-window-center="-600"]');
    assert.equal(shown, session.ct.instances[3], 'the presenter is on the 4th slice');
    assert.equal(await showsImage(follower, 3, '[data-window-center="-600"][data-window-width="1500"]'), shown);
    const after = await follower.viewport.screenshot();
    assert.notDeepEqual(after, before, 'the follower\'s canvas changed with the image and window');

    // The presenter measures; the follower's canvas shows the line where it was drawn, with its length in mm.
    await presenter.shared.getByRole('button', { name: 'Đo chiều dài' }).click();
    await presenter.viewport.scrollIntoViewIfNeeded();
    const drawn = await presenter.viewport.boundingBox();
    await presenter.page.mouse.move(drawn.x + drawn.width * 0.3, drawn.y + drawn.height * 0.4);
    await presenter.page.mouse.down();
    await presenter.page.mouse.move(drawn.x + drawn.width * 0.6, drawn.y + drawn.height * 0.7, { steps: 5 });
    await presenter.page.mouse.up();
    const line = follower.shared.locator('.measurement-overlay [data-annotation-kind="length"] polyline');
    await line.waitFor({ state: 'attached' });
    const seen = await follower.viewport.boundingBox();
    const ends = (await line.getAttribute('points')).split(' ').map((p) => p.split(',').map(Number));
    const relative = ends.map(([x, y]) => [x / seen.width, y / seen.height]);
    for (const [[x, y], [ex, ey]] of relative.map((r, i) => [r, [[0.3, 0.4], [0.6, 0.7]][i]])) {
      assert.ok(Math.abs(x - ex) < 0.03 && Math.abs(y - ey) < 0.03, `the follower's line ends at ${relative} of its canvas, drawn at 0.3,0.4 to 0.6,0.7`);
    }
    assert.match(await follower.shared.locator('.measurements li[data-annotation-kind="length"]').textContent(), /^Chiều dài \d+\.\d mm$/);

    await follower.shared.getByRole('button', { name: 'Xin điều khiển' }).click();
    await presenter.shared.locator(`[data-control-request="${ctx.clinic.doctor.user.id}"]`).getByRole('button', { name: 'Giao điều khiển' }).click();
    await follower.page.locator('.shared-viewer[data-presenting]').waitFor();
    await presenter.page.locator(`.shared-viewer[data-presenter="${ctx.clinic.doctor.user.id}"]`).waitFor();
    await follower.viewport.focus();
    await follower.viewport.press('End');
    assert.equal(await showsImage(presenter, SLICES - 1), session.ct.instances[SLICES - 1], 'the specialist now follows the doctor');

    await presenter.page.reload();
    await presenter.room.join();
    await presenter.room.joined();
    assert.equal(await showsImage(presenter, SLICES - 1), session.ct.instances[SLICES - 1], 'the rejoiner lands on the current image');
    for (const p of [presenter, follower]) assert.deepEqual(p.errors, []);
  });

  const patientPage = async () => {
    const doctor = await ctx.browser.newPage(ctx.server.url);
    opened.push(doctor);
    const login = await new LoginPage(doctor.page).open();
    await login.logIn(DOCTOR.username, DOCTOR.password);
    await doctor.page.waitForURL((url) => !url.pathname.startsWith('/login'));
    await doctor.page.goto(`/patients/${ctx.clinic.patients.an.id}`);
    return doctor;
  };

  it('in the patient page the doctor sees the study, its series thumbnail, and scrolls, windows and measures the stack', async () => {
    const doctor = await patientPage();
    const { page } = doctor;
    await page.getByRole('heading', { name: 'Hình ảnh' }).waitFor();
    await page.locator(`[data-study-uid="${session.ct.study}"]`).waitFor();
    const thumb = page.locator(`button[data-series-uid="${session.ct.series}"] img`);
    await thumb.waitFor();
    await page.waitForFunction((img) => img.complete && img.naturalWidth > 0, await thumb.elementHandle());
    const viewport = page.locator('.stack-viewer .viewport');
    await page.locator(`.stack-viewer .viewport[data-image-count="${SLICES}"][data-image-index="0"]`).waitFor();
    assert.match(await viewport.getAttribute('data-rendering'), /^(webgl|cpu)$/);

    await viewport.scrollIntoViewIfNeeded();
    let box = await viewport.boundingBox();
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.wheel(0, 120);
    await page.mouse.wheel(0, 120);
    await page.locator('.stack-viewer .viewport:not([data-image-index="0"])').waitFor()
      .catch(async (e) => { throw new Error(`${e.message}; slider ${await page.locator('.stack-slider').textContent()}`); });
    await page.locator('.stack-viewer input[type="range"]').fill('4');
    await page.locator('.stack-viewer .viewport[data-image-index="4"]').waitFor();
    await page.locator('button[data-preset="bone"]').click();
    await page.locator('.stack-viewer .viewport[data-window-center="400"][data-window-width="1800"]').waitFor();

    await page.getByRole('button', { name: 'Đo chiều dài' }).click();
    await viewport.scrollIntoViewIfNeeded();
    box = await viewport.boundingBox();
    await page.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.3);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.6, box.y + box.height * 0.6, { steps: 5 });
    await page.mouse.up();
    await page.locator('.stack-viewer .viewport[data-measurements="1"]').waitFor().catch(async (e) => {
      throw new Error(`${e.message}; svg ${await viewport.evaluate((el) => el.querySelector('svg')?.innerHTML.slice(0, 300))}; pressed ${await page.locator('.toolbar button[aria-pressed="true"]').allTextContents()}`);
    });
    assert.deepEqual(doctor.errors, []);
  });

  it('cine plays through the frames of a multi-frame object, one image per frame', async () => {
    const clip = multiFrame(PATIENTS.an);
    try {
      await stow(ctx.clinic.doctor, ctx.clinic.patients.an.id, [clip.file]);
    } finally {
      clip.cleanup();
    }
    const doctor = await patientPage();
    const { page } = doctor;
    await page.locator(`button[data-series-uid="${clip.series}"]`).click();
    const viewport = `.stack-viewer .viewport[data-image-count="2"][data-sop-instance-uid="${clip.instance}"]`;
    await page.locator(`${viewport}[data-frame="1"]`).waitFor();
    await page.getByRole('button', { name: 'Phát liên tục' }).click();
    await page.locator(`${viewport}[data-frame="2"]`).waitFor();
    await page.locator(`${viewport}[data-frame="1"]`).waitFor({ timeout: 5000 });
    assert.match(await page.locator('.stack-slider').textContent(), /\/ 2/);
    await page.getByRole('button', { name: 'Phát liên tục' }).click();
    assert.deepEqual(doctor.errors, []);
  });

  it('an endoscopy capture keeps its colours in the viewer (JPEG decoded in the browser)', async () => {
    // Left half red mucosa-like, right half green, as the capture card would send them.
    const jpeg = execFileSync('/usr/bin/python3', ['-c', 'import sys, cv2, numpy as np\n'
      + 'f = np.zeros((240, 320, 3), np.uint8); f[:, :160] = (40, 40, 200); f[:, 160:] = (60, 160, 40)\n'
      + 'sys.stdout.buffer.write(cv2.imencode(".jpg", f, [cv2.IMWRITE_JPEG_QUALITY, 95])[1].tobytes())']);
    const api = ctx.clinic.doctor;
    const res = await fetch(`${api.baseUrl}/api/patients/${ctx.clinic.patients.an.id}/imaging/captures?description=NOI%20SOI`, {
      method: 'POST', body: jpeg,
      headers: { 'Content-Type': 'image/jpeg', Accept: 'application/json', Authorization: `Bearer ${api.login.accessToken}` },
    });
    const capture = await res.json();
    assert.equal(res.status, 201, JSON.stringify(capture));
    const doctor = await patientPage();
    const { page } = doctor;
    await page.locator(`button[data-series-uid="${capture.seriesInstanceUid}"]`).click();
    const viewport = page.locator('.stack-viewer .viewport');
    await page.locator(`.stack-viewer .viewport[data-sop-instance-uid="${capture.sopInstanceUid}"][data-frame="1"]`).waitFor();
    const shot = (await viewport.screenshot()).toString('base64');
    const [left, right] = await page.evaluate(async (png) => {
      const img = new Image();
      img.src = `data:image/png;base64,${png}`;
      await img.decode();
      const canvas = document.createElement('canvas');
      [canvas.width, canvas.height] = [img.width, img.height];
      const g = canvas.getContext('2d');
      g.drawImage(img, 0, 0);
      return [0.3, 0.7].map((x) => [...g.getImageData(Math.round(img.width * x), Math.round(img.height / 2), 1, 1).data.slice(0, 3)]);
    }, shot);
    assert.ok(left[0] > 160 && left[1] < 80 && left[2] < 80, `left half red: ${left}`);
    assert.ok(right[1] > 120 && right[0] < 90 && right[2] < 100, `right half green: ${right}`);
    assert.deepEqual(doctor.errors, []);
  });

  it('compressed frames arrive as stored and the browser decodes them to the same image as the uncompressed one', async () => {
    const mr = sameMrFourWays(PATIENTS.an);
    try {
      await stow(ctx.clinic.doctor, ctx.clinic.patients.an.id, mr.files);
    } finally {
      mr.cleanup();
    }
    const doctor = await patientPage();
    const { page } = doctor;
    const frameTypes = {};
    page.on('response', (r) => {
      const m = r.url().match(/series\/([0-9.]+)\/instances\/[0-9.]+\/frames\/1$/);
      if (m) frameTypes[m[1]] = r.headers()['content-type'];
    });
    const shots = {};
    for (const [kind, series] of Object.entries(mr.series)) {
      await page.locator(`button[data-series-uid="${series}"]`).click();
      const viewport = page.locator('.stack-viewer .viewport');
      await page.locator(`.stack-viewer .viewport[data-sop-instance-uid="${mr.instances[kind]}"][data-frame="1"], .stack-viewer .viewport[data-error]`)
        .waitFor();
      assert.equal(await viewport.getAttribute('data-error'), null, kind);
      shots[kind] = await viewport.screenshot();
    }
    assert.match(frameTypes[mr.series.jp2k], /type="image\/jp2"/);
    assert.match(frameTypes[mr.series.jls], /type="image\/jls"/);
    assert.match(frameTypes[mr.series.rle], /type="image\/dicom-rle"/);
    assert.match(frameTypes[mr.series.native], /type="application\/octet-stream"/);
    assert.ok(shots.native.length > 20_000, 'the MR is drawn, not a blank canvas');
    for (const kind of ['jp2k', 'jls', 'rle']) assert.ok(shots[kind].equals(shots.native), `${kind} is drawn as the uncompressed MR`);
    assert.deepEqual(doctor.errors, []);
  });
});
