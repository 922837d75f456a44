// Shared viewing in a consultation room, in real Chromium: the presenter scrolls a CT stack and changes the
// window, the other participant's viewer shows the same image; control passes on request; a rejoining
// participant lands on the current image. The CT stack is synthesized from pydicom's CT_small.dcm (support/imaging.mjs).
import assert from 'node:assert/strict';
import { afterEach, before, describe, it } from 'node:test';
import { DOCTOR } from './support/clinic.mjs';
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
});
