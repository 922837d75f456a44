// Live consultation rooms in real Chromium with fake camera and microphone: two participants see and hear each
// other (peer connection connected, video frames decoded on both sides), a third is let in from the waiting room,
// one drops and rejoins, a stranger is refused, and one run goes through a TURN relay only.
import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import { LoginPage } from './pages/LoginPage.mjs';
import { RoomPage, WATCH_CONNECTIONS } from './pages/RoomPage.mjs';
import { ApiUser } from './support/api.mjs';
import { DOCTOR } from './support/clinic.mjs';
import { startCoturn } from './support/coturn.mjs';
import { openEmergency } from './support/emergency.mjs';
import { withClinic } from './support/suite.mjs';

const SPECIALIST = { username: 'bs.cuong', password: 'Bac-si-Cuong-2025!', displayName: 'PGS. Lê Văn Cường', role: 'specialist' };
const COLLEAGUE = { username: 'bs.dung', password: 'Bac-si-Dung-2025!', displayName: 'BS. Phạm Thị Dung', role: 'district_doctor' };
const STRANGER = { username: 'bs.em', password: 'Bac-si-Em-2025!', displayName: 'BS. Hoàng Văn Em', role: 'specialist' };
const TURN_SECRET = 'e2e-shared-secret-of-coturn';

/** A central hospital with a specialist, more staff, and an emergency session between the doctor and the specialist. */
async function setUpSession(ctx) {
  const { admin, doctor, hospital, patients } = ctx.clinic;
  const central = await admin.post('/api/hospitals', { code: 'BVBM', name: 'Bệnh viện Bạch Mai', level: 'central', province: 'Hà Nội' });
  for (const [person, hospitalId] of [[SPECIALIST, central.id], [COLLEAGUE, hospital.id], [STRANGER, central.id]]) {
    await admin.post('/api/users', { ...person, email: `${person.username}@benhvien.example.vn`, hospitalId });
  }
  const specialist = await ApiUser.login(ctx.server.url, SPECIALIST.username, SPECIALIST.password);
  return openEmergency(doctor, specialist, patients.an.id, central.id, {
    specialty: 'Tiêu hoá', reason: 'Xuất huyết tiêu hoá trên', clinicalSummary: 'Nôn ra máu, mạch 110', question: 'Nội soi cầm máu cấp cứu?',
  });
}

const opened = [];

/** Each test starts from an empty room: the pages of the one before leave (closing their browser sessions). */
async function closeAll() {
  for (const o of opened.splice(0)) await o.context.close().catch(() => undefined);
}

async function enter(ctx, person, sessionId) {
  const session = await ctx.browser.newPage(ctx.server.url);
  await session.context.addInitScript(WATCH_CONNECTIONS);
  session.console = [];
  session.page.on('console', (m) => { if (m.type() === 'warning' || m.type() === 'error') session.console.push(m.text()); });
  const login = await new LoginPage(session.page).open();
  await login.logIn(person.username, person.password);
  await session.page.waitForURL((url) => !url.pathname.startsWith('/login'));
  session.room = new RoomPage(session.page);
  session.room.console = session.console;
  session.who = person.username;
  opened.push(session);
  await session.room.open(sessionId);
  return session;
}

/** Waits until `room` has `peers` connected peer connections whose decoded video keeps growing. */
async function seesVideo(room, peers, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  let last = [];
  while (Date.now() < deadline) {
    const all = await room.stats();
    const first = all.filter((s) => s.state === 'connected');
    if (first.length >= peers && first.every((s) => s.framesDecoded > 0)) {
      await new Promise((r) => setTimeout(r, 1500));
      const later = (await room.stats()).filter((s) => s.state === 'connected');
      const grown = later.filter((s, i) => s.framesDecoded > (first[i]?.framesDecoded ?? 0));
      if (grown.length >= peers) return later;
    }
    last = all;
    await new Promise((r) => setTimeout(r, 300));
  }
  const alerts = await room.page.getByRole('alert').allTextContents();
  throw new Error(`no ${peers} connected peer(s) decoding video; last stats ${JSON.stringify(last)}; alerts ${alerts}; consoles ${opened.map((o) => `\n=== ${o.who}\n${o.console.slice(-80).join('\n')}`).join('')}`);
}

/** A participant who logs in, opens the room and is in it. */
async function enterJoined(ctx, person, sessionId) {
  const session = await enter(ctx, person, sessionId);
  await session.room.join();
  await session.room.joined();
  return session;
}

describe('live consultation room (mesh)', () => {
  const ctx = withClinic({ fakeMedia: true });
  afterEach(closeAll);
  let sessionId;
  before(async () => { sessionId = await ctx.server.explain(() => setUpSession(ctx)); });

  it('two participants connect and decode each other\'s video; a third is admitted from the waiting room and joins the mesh', async () => {
    const specialist = await enterJoined(ctx, SPECIALIST, sessionId);
    const doctor = await enterJoined(ctx, DOCTOR, sessionId);
    await seesVideo(specialist.room, 1);
    await seesVideo(doctor.room, 1);

    const colleague = await enter(ctx, COLLEAGUE, sessionId);
    await colleague.room.join();
    await colleague.room.alert().filter({ hasText: colleague.room.text.notParticipant }).waitFor();
    await colleague.room.knock();
    await colleague.page.getByText(colleague.room.text.waitingRoom).waitFor();
    await specialist.room.admit(COLLEAGUE.displayName);
    await colleague.room.joined();
    await seesVideo(colleague.room, 2);
    await seesVideo(specialist.room, 2);
    assert.equal(await specialist.room.connectedTiles().count(), 2);
    for (const p of [specialist, doctor, colleague]) assert.deepEqual(p.errors, []);
  });

  it('a participant whose connection drops rejoins and finds the chat and the call again', async () => {
    const specialist = await enterJoined(ctx, SPECIALIST, sessionId);
    const doctor = await enterJoined(ctx, DOCTOR, sessionId);
    await seesVideo(doctor.room, 1);
    await doctor.room.say('Huyết áp 90/60, đã truyền dịch');
    await specialist.page.locator('.chat-log').getByText('Huyết áp 90/60, đã truyền dịch').waitFor();

    await doctor.room.dropSignaling();
    await doctor.page.getByRole('status').filter({ hasText: 'đang kết nối lại' }).or(doctor.page.locator('[data-room-phase="joined"]')).first().waitFor();
    await doctor.room.joined();
    await seesVideo(doctor.room, 1);
    await seesVideo(specialist.room, 1);
    assert.ok((await doctor.room.chatLines()).includes('Huyết áp 90/60, đã truyền dịch'), 'the chat is there after the rejoin');
  });

  it('a clinician who is not a participant is refused', async () => {
    const stranger = await enter(ctx, STRANGER, sessionId);
    await stranger.room.join();
    await stranger.room.alert().filter({ hasText: stranger.room.text.notParticipant }).waitFor();
    assert.equal(await stranger.page.locator('figure.tile').count(), 0);
    assert.equal((await stranger.room.stats()).length, 0, 'no peer connection was made');
  });
});

describe('live consultation room through a TURN relay only', () => {
  let coturn;
  // Filled in before the server starts (this hook runs before withClinic's): the server hands out coturn's address.
  const env = {};
  before(async () => {
    coturn = await startCoturn(TURN_SECRET);
    Object.assign(env, { TURN_URLS: `turn:127.0.0.1:${coturn.port}?transport=udp`, TURN_SECRET, ROOM_ICE_TRANSPORT_POLICY: 'relay' });
  });
  after(async () => { await coturn?.stop(); });
  afterEach(closeAll);
  const ctx = withClinic({ fakeMedia: true, env });
  let sessionId;
  before(async () => { sessionId = await ctx.server.explain(() => setUpSession(ctx)); });

  it('with relay-only ICE both sides connect through coturn and decode video', async () => {
    const specialist = await enterJoined(ctx, SPECIALIST, sessionId);
    const doctor = await enterJoined(ctx, DOCTOR, sessionId);
    for (const room of [specialist.room, doctor.room]) {
      const stats = await seesVideo(room, 1);
      assert.equal(stats[0].candidateType, 'relay', `the media goes through TURN: ${JSON.stringify(stats)}`);
    }
  });
});
