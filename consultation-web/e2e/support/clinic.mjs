// The people and records most browser tests start from, created over the HTTP API as staff would.
import { ApiUser } from './api.mjs';

export const DISTRICT_HOSPITAL = {
  code: 'BVH-DA', name: 'Bệnh viện Đa khoa huyện Đông Anh', level: 'district', province: 'Hà Nội',
};

export const DOCTOR = {
  username: 'bs.binh', password: 'Bac-si-Binh-2025!', displayName: 'BS. Trần Thị Bình', role: 'district_doctor',
  email: 'bs.binh@bvdongan.example.vn',
};

/** Patients with made-up identifiers; "Nguyễn Văn An" is the one the foundation test looks for. */
export const PATIENTS = {
  an: {
    fullName: 'Nguyễn Văn An', birthDate: '1980-03-05', sex: 'male', citizenId: '001080012345',
    insuranceNumber: 'DN4010123456789', phone: '0912345678', address: 'Xã Uy Nỗ, huyện Đông Anh, Hà Nội',
  },
  mai: { fullName: 'Nguyễn Thị Mai', birthDate: '1992-11-20', sex: 'female', citizenId: '001192054321' },
  hoa: { fullName: 'Trần Thị Hoa', birthDate: '1975-07-01', sex: 'female', citizenId: '001175011111' },
};

/**
 * The administrator registers a district hospital and its doctor; the doctor registers the patients.
 * @returns {Promise<{admin: ApiUser, doctor: ApiUser, hospital: object, patients: Record<string, object>}>}
 */
export async function setUpClinic(server) {
  const admin = await ApiUser.login(server.url, 'admin', server.adminPassword);
  const hospital = await admin.post('/api/hospitals', DISTRICT_HOSPITAL);
  await admin.post('/api/users', {
    username: DOCTOR.username, password: DOCTOR.password, displayName: DOCTOR.displayName,
    role: DOCTOR.role, email: DOCTOR.email, hospitalId: hospital.id,
  });
  const doctor = await ApiUser.login(server.url, DOCTOR.username, DOCTOR.password);
  const patients = {};
  for (const [key, patient] of Object.entries(PATIENTS)) {
    patients[key] = await doctor.post('/api/patients', patient);
  }
  return { admin, doctor, hospital, patients };
}
