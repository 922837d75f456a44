// What the shared-viewer test and the viewer benchmark share: a consultation session between the district doctor
// and a specialist about a patient with a CT stack, and participants entering its room in Chromium.
import { ApiUser } from './api.mjs';
import { enterRoom as enterJoined, openEmergency } from './emergency.mjs';
import { PATIENTS } from './clinic.mjs';
import { ctStack, stow } from './imaging.mjs';

export const SPECIALIST = { username: 'bs.cuong', password: 'Bac-si-Cuong-2025!', displayName: 'PGS. Lê Văn Cường', role: 'specialist' };

/** An accepted emergency request about Nguyễn Văn An, whose CT of `slices` slices is stored first. */
export async function sessionWithCt(ctx, slices) {
  const { admin, doctor, patients } = ctx.clinic;
  const ct = ctStack(PATIENTS.an, slices);
  try {
    await stow(doctor, patients.an.id, ct.files);
  } finally {
    ct.cleanup();
  }
  const central = await admin.post('/api/hospitals', { code: 'BVBM', name: 'Bệnh viện Bạch Mai', level: 'central', province: 'Hà Nội' });
  await admin.post('/api/users', { ...SPECIALIST, email: 'bs.cuong@benhvien.example.vn', hospitalId: central.id });
  const specialist = await ApiUser.login(ctx.server.url, SPECIALIST.username, SPECIALIST.password);
  const sessionId = await openEmergency(doctor, specialist, patients.an.id, central.id, {
    specialty: 'Hô hấp', reason: 'Khối mờ phổi phải', clinicalSummary: 'Ho ra máu 2 tuần', question: 'Cần sinh thiết?',
  });
  return { sessionId, ct, specialist };
}

/** A participant logged in and in the room, with its shared viewer. */
export async function enterRoom(ctx, person, sessionId) {
  const session = await enterJoined(ctx.browser, ctx.server.url, person, sessionId);
  session.shared = session.page.locator('.shared-viewer');
  session.viewport = session.shared.locator('.viewport');
  return session;
}

/** Waits until the viewport shows image `index` (0-based) with the data attributes the viewer keeps. */
export async function showsImage(session, index, extra = '', timeout = 15_000) {
  await session.page.locator(`.shared-viewer .viewport[data-image-index="${index}"]${extra}`).waitFor({ timeout });
  return session.viewport.getAttribute('data-sop-instance-uid');
}
