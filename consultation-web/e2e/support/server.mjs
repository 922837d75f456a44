// Runs the real Consilium server from the built jar on a free port with its own data directory.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
export const SERVER_JAR = process.env.CONSILIUM_JAR ?? join(ROOT, 'signaling-server/target/consilium-server.jar');
const WEB_BUILD = join(ROOT, 'consultation-web/dist/index.html');

/** A port nobody listens on right now (the kernel picks it). */
export function freePort() {
  return new Promise((ok, fail) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => ok(port));
    });
  });
}

/**
 * Starts the server and resolves once /ready answers 200.
 * @param {{adminPassword?: string, env?: Record<string,string>, readyTimeoutMs?: number}} options
 * @returns {Promise<{url: string, port: number, dataDir: string, adminPassword: string, logs(): string, stop(): Promise<number|null>}>}
 */
export async function startServer({ adminPassword = 'Admin-e2e-Passw0rd!', env = {}, readyTimeoutMs = 90_000 } = {}) {
  if (!existsSync(SERVER_JAR)) {
    throw new Error(`${SERVER_JAR} is missing: build it first from the repository root with `
      + '`mvn -B -o -q -DskipTests package`');
  }
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'consilium-e2e-'));
  const output = [];
  const child = spawn('java', ['-jar', SERVER_JAR], {
    cwd: dataDir,
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      HTTP_PORT: String(port),
      HTTP_HOST: '127.0.0.1',
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      ADMIN_PASSWORD: adminPassword,
      DEMO_DATA: 'false',
      DJL_OFFLINE: 'true',
      OPT_OUT_TRACKING: 'true',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.on('data', (chunk) => output.push(chunk));
  child.stderr.on('data', (chunk) => output.push(chunk));
  const exited = new Promise((ok) => child.once('exit', (code, signal) => ok({ code, signal })));
  const logs = () => Buffer.concat(output).toString('utf8');
  const url = `http://127.0.0.1:${port}`;

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    const timeout = new Promise((ok) => setTimeout(() => ok(null), 30_000).unref());
    const result = await Promise.race([exited, timeout]);
    if (result === null) {
      child.kill('SIGKILL');
      await exited;
      throw new Error(`server did not stop within 30 s of SIGTERM\n${logs().slice(-4000)}`);
    }
    rmSync(dataDir, { recursive: true, force: true });
    return result.code;
  };

  try {
    await waitUntilReady(url, readyTimeoutMs, exited);
    await checkWebBuild(url);
  } catch (e) {
    await stop().catch(() => undefined);
    throw new Error(`${e.message}\n--- server output ---\n${logs().slice(-6000)}`);
  }
  return {
    url, port, dataDir, adminPassword, logs, stop,
    /** Runs `step`; if it fails, the error carries the end of the server's log (the cause is usually there). */
    async explain(step) {
      try {
        return await step();
      } catch (e) {
        e.message += `\n--- server output ---\n${logs().slice(-4000)}`;
        throw e;
      }
    },
  };
}

/**
 * The jar packs the web app as it was when Maven built it. If consultation-web/dist has been rebuilt since,
 * the browser would test an older app than the source: refuse rather than pass or fail for the wrong reason.
 */
async function checkWebBuild(url) {
  if (!existsSync(WEB_BUILD)) return;
  const served = await (await fetch(`${url}/`)).text();
  if (served !== readFileSync(WEB_BUILD, 'utf8')) {
    throw new Error('the jar serves another build of the web app than consultation-web/dist: rebuild the jar '
      + '(`mvn -B -o -q -DskipTests package` at the repository root)');
  }
}

async function waitUntilReady(url, timeoutMs, exited) {
  let gone = null;
  exited.then((r) => { gone = r; });
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (gone) throw new Error(`server exited before it was ready (code ${gone.code}, signal ${gone.signal})`);
    try {
      const res = await fetch(`${url}/ready`);
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`server not ready after ${timeoutMs} ms`);
}
