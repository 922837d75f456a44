// An endoscopy consultation for browser tests and the live-flags benchmark: the endoscopist asks, a specialist
// of a central hospital accepts (the session opens), and the endoscopist's fake camera plays a synthetic video.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ApiUser } from './api.mjs';
import { enterRoom, openEmergency } from './emergency.mjs';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const ENDOSCOPIST = { username: 'bs.giang', password: 'Bac-si-Giang-2025!', displayName: 'BS. Đỗ Văn Giang', role: 'endoscopist' };
export const SPECIALIST = { username: 'bs.cuong', password: 'Bac-si-Cuong-2025!', displayName: 'PGS. Lê Văn Cường', role: 'specialist' };
export const STREAM_ON = 'Dùng camera này làm luồng nội soi (AI)';

/** A synthetic endoscopy video and where its lesions are. */
export function fakeCamera(dir, kind) {
  const file = join(dir, `${kind}.y4m`);
  execFileSync('/usr/bin/python3', ['-m', 'models.fake_camera', file, `--${kind}`], { cwd: ROOT });
  return { file, truth: JSON.parse(readFileSync(file.replace(/\.y4m$/, '.json'), 'utf8')) };
}

/** The endoscopist asks for an emergency consultation; a specialist of a central hospital accepts (the session opens). */
export async function endoscopySession(server, clinic) {
  const { admin, hospital, patients } = clinic;
  const central = await admin.post('/api/hospitals', { code: 'BVBM', name: 'Bệnh viện Bạch Mai', level: 'central', province: 'Hà Nội' });
  for (const [person, hospitalId] of [[ENDOSCOPIST, hospital.id], [SPECIALIST, central.id]]) {
    await admin.post('/api/users', { ...person, email: `${person.username}@benhvien.example.vn`, hospitalId });
  }
  const endoscopist = await ApiUser.login(server.url, ENDOSCOPIST.username, ENDOSCOPIST.password);
  const specialist = await ApiUser.login(server.url, SPECIALIST.username, SPECIALIST.password);
  const sessionId = await openEmergency(endoscopist, specialist, patients.an.id, central.id, {
    specialty: 'Tiêu hoá', reason: 'Polyp đại tràng', clinicalSummary: 'Nội soi đại tràng: tổn thương nghi ngờ', question: 'Có cần cắt polyp không?',
  });
  return { sessionId, endoscopist, specialist };
}

export { enterRoom };

