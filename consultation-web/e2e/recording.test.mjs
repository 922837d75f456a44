// Recording a consultation in real Chromium: the moderator records what the room shows, the other participant
// sees that recording is on, uploads that fail on the way are retried and resumed, and the stored WebM matches
// its checksum byte for byte.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { afterEach, before, describe, it } from 'node:test';
import { WATCH_CONNECTIONS } from './pages/RoomPage.mjs';
import { ApiUser } from './support/api.mjs';
import { DOCTOR } from './support/clinic.mjs';
import { enterRoom, openEmergency } from './support/emergency.mjs';
import { withClinic } from './support/suite.mjs';

const SPECIALIST = { username: 'bs.giang', password: 'Bac-si-Giang-2025!', displayName: 'TS. Vũ Thị Giang', role: 'specialist' };

async function emergencySession(ctx) {
  const { admin, doctor, patients } = ctx.clinic;
  const central = await admin.post('/api/hospitals', { code: 'BVCR', name: 'Bệnh viện Chợ Rẫy', level: 'central', province: 'TP. Hồ Chí Minh' });
  await admin.post('/api/users', { ...SPECIALIST, email: `${SPECIALIST.username}@benhvien.example.vn`, hospitalId: central.id });
  const specialist = await ApiUser.login(ctx.server.url, SPECIALIST.username, SPECIALIST.password);
  const sessionId = await openEmergency(doctor, specialist, patients.an.id, central.id, {
    specialty: 'Thần kinh', reason: 'Đột quỵ cấp', clinicalSummary: 'Liệt nửa người phải, giờ thứ 2', question: 'Chỉ định tiêu sợi huyết?',
  });
  return { sessionId, specialist };
}

const opened = [];

function enterJoined(ctx, person, sessionId) {
  return enterRoom(ctx.browser, ctx.server.url, person, sessionId, opened, WATCH_CONNECTIONS);
}

describe('recording a consultation', () => {
  const ctx = withClinic({ fakeMedia: true });
  afterEach(async () => { for (const o of opened.splice(0)) await o.context.close().catch(() => undefined); });
  let session;
  before(async () => { session = await ctx.server.explain(() => emergencySession(ctx)); });

  it('the moderator records; the participant sees it; failed chunk uploads are retried; the stored WebM matches its SHA-256', async () => {
    const moderator = await enterJoined(ctx, SPECIALIST, session.sessionId);
    const doctor = await enterJoined(ctx, DOCTOR, session.sessionId);
    await moderator.page.locator('figure.tile[data-connection="connected"]').waitFor({ timeout: 30_000 });

    // The network drops for the second and third chunk uploads: they must be retried, resumed and land in order.
    let chunkCalls = 0;
    let aborted = 0;
    await moderator.page.route('**/api/rooms/*/recordings/*/chunks/*', (route) => {
      chunkCalls++;
      if (chunkCalls === 2 || chunkCalls === 3) {
        aborted++;
        return route.abort('internetdisconnected');
      }
      return route.continue();
    });

    await moderator.room.record();
    await doctor.room.recordingIndicator().waitFor();
    await moderator.page.waitForTimeout(10_000);
    await moderator.room.stopRecording();
    assert.equal(aborted, 2, 'two uploads were cut off');
    assert.ok(chunkCalls >= 4, `chunks were sent again after the failures (${chunkCalls} calls)`);
    await doctor.room.recordingIndicator().waitFor({ state: 'detached' });

    const { items } = await ctx.clinic.doctor.get(`/api/rooms/${session.sessionId}/recordings`);
    assert.equal(items.length, 1);
    const [recording] = items;
    assert.equal(recording.status, 'complete');
    assert.ok(recording.size > 0);
    const res = await fetch(`${ctx.server.url}/api/rooms/${session.sessionId}/recordings/${recording.id}/content`,
      { headers: { Authorization: `Bearer ${ctx.clinic.doctor.login.accessToken}` } });
    assert.equal(res.status, 200);
    const bytes = Buffer.from(await res.arrayBuffer());
    assert.equal(bytes.length, recording.size);
    assert.equal(createHash('sha256').update(bytes).digest('hex'), recording.sha256);
    assert.deepEqual([...bytes.subarray(0, 4)], [0x1a, 0x45, 0xdf, 0xa3], 'a WebM (EBML) file');
    assert.ok(new Date(recording.retainUntil).getUTCFullYear() >= new Date().getUTCFullYear() + 10, 'kept ten years');
    for (const p of [moderator, doctor]) assert.deepEqual(p.errors, []);
  });
});
