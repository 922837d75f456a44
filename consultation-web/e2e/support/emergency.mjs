// What the room tests share: an emergency consultation whose session opens the moment a specialist accepts it,
// and a participant who logs in, opens the room and joins.
import { LoginPage } from '../pages/LoginPage.mjs';
import { RoomPage } from '../pages/RoomPage.mjs';

/**
 * `requester` (an ApiUser) asks an emergency consultation about `patientId` of the hospital `centralId`;
 * `specialist` accepts it, which opens its session at once. `clinical`: specialty, reason, clinicalSummary, question.
 * @returns {Promise<string>} the session id
 */
export async function openEmergency(requester, specialist, patientId, centralId, clinical) {
  const created = await requester.post('/api/consultations', { patientId, targetHospitalId: centralId, urgency: 'emergency', ...clinical });
  const submitted = await requester.post(`/api/consultations/${created.id}/transitions`, { to: 'submitted', version: created.version });
  const accepted = await specialist.post(`/api/consultations/${created.id}/transitions`, { to: 'accepted', version: submitted.version });
  return accepted.immediateSessionId;
}

/** Logs `person` in on a new page of `browser`, opens the room and joins; the page is added to `opened`. */
export async function enterRoom(browser, baseUrl, person, sessionId, opened = [], initScript = null) {
  const session = await browser.newPage(baseUrl);
  if (initScript) await session.context.addInitScript(initScript);
  opened.push(session);
  const login = await new LoginPage(session.page).open();
  await login.logIn(person.username, person.password);
  await session.page.waitForURL((url) => !url.pathname.startsWith('/login'));
  session.room = new RoomPage(session.page);
  await session.room.open(sessionId);
  await session.room.join();
  await session.room.joined();
  return session;
}
