// A real coturn (Debian `coturn`, in TEST_PACKAGES) on loopback, in the shared-secret REST mode Consilium uses.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createSocket } from 'node:dgram';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const TURNSERVER = '/usr/bin/turnserver';

function freeUdpPort() {
  return new Promise((ok, fail) => {
    const probe = createSocket('udp4');
    probe.on('error', fail);
    probe.bind(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => ok(port));
    });
  });
}

/** Starts coturn; resolves once it listens. Loopback peers are allowed, which only a test may do. */
export async function startCoturn(secret) {
  if (!existsSync(TURNSERVER)) throw new Error(`${TURNSERVER} is missing: scripts/lib/setup.sh installs coturn`);
  const port = await freeUdpPort();
  const dir = mkdtempSync(join(tmpdir(), 'coturn-e2e-'));
  const relayBase = 40_000 + Math.floor(Math.random() * 200) * 100;
  const output = [];
  const child = spawn(TURNSERVER, ['-n', '--listening-ip=127.0.0.1', '--relay-ip=127.0.0.1', `--listening-port=${port}`,
    `--min-port=${relayBase}`, `--max-port=${relayBase + 99}`, '--use-auth-secret', `--static-auth-secret=${secret}`,
    '--realm=consilium.test', '--allow-loopback-peers', '--no-cli', '--no-tls', '--no-dtls', '--simple-log',
    '--log-file=stdout', `--pidfile=${join(dir, 'pid')}`, `--userdb=${join(dir, 'turndb')}`], { stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.on('data', (c) => output.push(c));
  child.stderr.on('data', (c) => output.push(c));
  const logs = () => Buffer.concat(output).toString('utf8');
  const deadline = Date.now() + 10_000;
  while (!logs().includes('IO method (admin thread)')) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`coturn did not start\n${logs()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    port, logs,
    async stop() {
      child.kill('SIGTERM');
      await new Promise((r) => (child.exitCode !== null ? r() : child.once('exit', r)));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
