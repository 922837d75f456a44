// dcmtk's dcmqrscp (Debian `dcmtk`) as the hospital PACS on loopback: a real query/retrieve SCP that answers
// C-FIND and sends studies by C-MOVE to the AE titles of its host table.
import { execFile, execFileSync, spawn } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './server.mjs';

export const PACS_AE = 'BV_PACS';

// dcmtk clients run asynchronously: while one talks to dcmqrscp, its (verbose) output must keep being read.
const run = promisify(execFile);

/**
 * Starts the PACS, which will C-MOVE to `destination` ({ae, port} on 127.0.0.1), and stores `files` in it with
 * storescu, as a modality would have.
 */
export async function startPacs(destination, files = []) {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'dcmqrscp-'));
  const db = join(dir, 'db');
  mkdirSync(db);
  const config = join(dir, 'dcmqrscp.cfg');
  writeFileSync(config, [
    `NetworkTCPPort = ${port}`, 'MaxPDUSize = 16384', 'MaxAssociations = 16', '',
    'HostTable BEGIN', `consilium = (${destination.ae}, 127.0.0.1, ${destination.port})`, 'HostTable END', '',
    'VendorTable BEGIN', 'VendorTable END', '',
    'AETable BEGIN', `${PACS_AE} ${db} RW (200, 1024mb) ANY`, 'AETable END', '',
  ].join('\n'));
  const output = [];
  // +xy: accept JPEG baseline too (endoscopy captures), as hospital PACS do; uncompressed stays accepted.
  const child = spawn('dcmqrscp', ['-v', '+xy', '-c', config, String(port)], { stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.on('data', (c) => output.push(c));
  child.stderr.on('data', (c) => output.push(c));
  const logs = () => Buffer.concat(output).toString('utf8');
  const deadline = Date.now() + 10_000;
  for (;;) {
    try {
      await run('echoscu', ['-aec', PACS_AE, '127.0.0.1', String(port)]);
      break;
    } catch (e) {
      if (child.exitCode !== null || Date.now() > deadline) throw new Error(`dcmqrscp did not start\n${logs()}\n${e.stderr ?? ''}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  if (files.length > 0) await run('storescu', ['-aet', 'CT_SCANNER', '-aec', PACS_AE, '127.0.0.1', String(port), ...files]);
  /** One study-root C-FIND with `keys`; the value of `returned` in each answer. */
  const find = async (keys, returned) => {
    const answers = mkdtempSync(join(dir, 'find-'));
    try {
      await run('findscu', ['-S', '-aec', PACS_AE, '-X', '-od', answers, ...keys.flatMap((k) => ['-k', k]), '127.0.0.1', String(port)]);
      return readdirSync(answers).map((f) => /\[([0-9.]+)\]/.exec(execFileSync('dcmdump', ['+P', returned, join(answers, f)], { encoding: 'utf8' }))?.[1]);
    } finally {
      rmSync(answers, { recursive: true, force: true });
    }
  };
  return {
    port,
    logs,
    /** The SOP Instance UIDs the PACS holds in a study: C-FIND (findscu) of its series, then of their images. */
    async instances(studyUid) {
      const series = await find(['QueryRetrieveLevel=SERIES', `StudyInstanceUID=${studyUid}`, 'SeriesInstanceUID'], 'SeriesInstanceUID');
      const images = [];
      for (const uid of series) {
        images.push(...await find(['QueryRetrieveLevel=IMAGE', `StudyInstanceUID=${studyUid}`, `SeriesInstanceUID=${uid}`, 'SOPInstanceUID'],
          'SOPInstanceUID'));
      }
      return images;
    },
    async stop() {
      child.kill('SIGTERM');
      await new Promise((r) => (child.exitCode !== null ? r() : child.once('exit', r)));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
