// Imaging test data: a CT stack synthesized from Debian's python3-pydicom CT_small.dcm (one real slice, copied
// with dcmtk's dcmodify into `slices` instances of one new series, each its own SOP Instance UID, instance
// number and slice position), made to belong to a test patient and stored through our STOW-RS.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const PYDICOM = '/usr/lib/python3/dist-packages/pydicom/data/test_files';

const uid = () => `2.25.${BigInt(`0x${randomBytes(15).toString('hex')}`)}`;

/** @returns {{files: string[], study: string, series: string, instances: string[], cleanup(): void}} */
export function ctStack(patient, slices) {
  const dir = mkdtempSync(join(tmpdir(), 'ct-stack-'));
  const study = uid();
  const series = uid();
  const instances = [];
  const files = [];
  for (let i = 0; i < slices; i++) {
    const sop = uid();
    files.push(copyFor(patient, 'CT_small.dcm', join(dir, `slice-${i + 1}.dcm`), {
      '(0020,000D)': study, '(0020,000E)': series, '(0008,0018)': sop, '(0020,0013)': String(i + 1),
      '(0020,0032)': `-158.135803\\-179.035797\\${(-75.7 + 5 * i).toFixed(1)}`,
      '(0008,1030)': 'CT NGUC', '(0008,103E)': 'AXIAL',
    }));
    instances.push(sop);
  }
  return { files, study, series, instances, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * A multi-frame colour object (pydicom's SC_rgb_rle_2frame.dcm: two RLE frames, as an endoscopy clip's frames are
 * stored) made the patient's, in a study of its own.
 * @returns {{file: string, study: string, series: string, instance: string, cleanup(): void}}
 */
export function multiFrame(patient) {
  const dir = mkdtempSync(join(tmpdir(), 'multi-frame-'));
  const [study, series, instance] = [uid(), uid(), uid()];
  const file = copyFor(patient, 'SC_rgb_rle_2frame.dcm', join(dir, 'clip.dcm'), {
    '(0020,000D)': study, '(0020,000E)': series, '(0008,0018)': instance, '(0008,1030)': 'NOI SOI', '(0008,103E)': 'CLIP',
  });
  return { file, study, series, instance, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * pydicom's MR_small four times, one series each, in one new study of the patient: uncompressed and, with the same
 * pixels, JPEG 2000 lossless, JPEG-LS lossless and RLE.
 * @returns {{files: string[], study: string, series: Record<'native'|'jp2k'|'jls'|'rle', string>,
 *   instances: Record<'native'|'jp2k'|'jls'|'rle', string>, cleanup(): void}}
 */
export function sameMrFourWays(patient) {
  const dir = mkdtempSync(join(tmpdir(), 'mr-four-ways-'));
  const study = uid();
  const sources = { native: 'MR_small.dcm', jp2k: 'MR_small_jp2klossless.dcm', jls: 'MR_small_jpeg_ls_lossless.dcm', rle: 'MR_small_RLE.dcm' };
  const series = {};
  const instances = {};
  const files = Object.entries(sources).map(([kind, sample], i) => {
    series[kind] = uid();
    instances[kind] = uid();
    return copyFor(patient, sample, join(dir, `${kind}.dcm`), {
      '(0020,000D)': study, '(0020,000E)': series[kind], '(0008,0018)': instances[kind], '(0020,0011)': String(i + 1),
      '(0008,1030)': 'MR SO NAO', '(0008,103E)': kind.toUpperCase(),
    });
  });
  return { files, study, series, instances, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A copy of a pydicom test file at `file`, with the patient's identity (as a modality writes it) and `edits`. */
function copyFor(patient, sample, file, edits) {
  copyFileSync(join(PYDICOM, sample), file);
  const all = {
    ...edits, '(0010,0020)': patient.citizenId, '(0010,0010)': dicomName(patient.fullName),
    '(0010,0030)': patient.birthDate.replaceAll('-', ''), '(0010,0040)': patient.sex === 'male' ? 'M' : 'F',
  };
  execFileSync('dcmodify', ['-nb', '-imt', ...Object.entries(all).flatMap(([tag, v]) => ['-i', `${tag}=${v}`]), file]);
  return file;
}

/** "Nguyễn Văn An" as a modality writes it without a character set: "NGUYEN^VAN AN". */
function dicomName(fullName) {
  const [family, ...given] = fullName.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/gi, 'D').toUpperCase().split(' ');
  return `${family}^${given.join(' ')}`;
}

/** Stores DICOM files for a patient with STOW-RS, as a modality or PACS bridge would. */
export async function stow(api, patientId, files) {
  const boundary = `stow-${randomBytes(8).toString('hex')}`;
  const parts = files.flatMap((f) => [
    Buffer.from(`--${boundary}\r\nContent-Type: application/dicom\r\n\r\n`), readFileSync(f), Buffer.from('\r\n')]);
  const res = await fetch(`${api.baseUrl}/api/patients/${patientId}/dicomweb/studies`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${api.login.accessToken}`, Accept: 'application/dicom+json',
      'Content-Type': `multipart/related; type="application/dicom"; boundary=${boundary}` },
    body: Buffer.concat([...parts, Buffer.from(`--${boundary}--\r\n`)]),
  });
  if (!res.ok) throw new Error(`STOW-RS -> ${res.status}: ${await res.text()}`);
  return res.json();
}
