/**
 * Starts bench/servers.ts in a child process (Asah and the bare route, on the same pool) and asks it
 * for its memory over IPC, so that the figures are the server's own and not the load generator's.
 */
import { spawn } from 'node:child_process';
import readline from 'node:readline';
import type { ServerMemory } from './soak.js';

export interface ServerChild {
  asah: number;
  bare: number;
  memory(): Promise<ServerMemory>;
  stop(): void;
}

export async function startServers(url: string): Promise<ServerChild> {
  const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', 'bench/servers.ts'], {
    env: { ...process.env, BENCH_DATABASE_URL: url },
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
  const first = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`bench/servers.ts ended (${code})`)));
    readline.createInterface({ input: child.stdout! }).once('line', resolve);
  });
  const ports = JSON.parse(first) as { asah: number; bare: number };
  return {
    ...ports,
    memory: () =>
      new Promise<ServerMemory>((resolve) => {
        child.once('message', (m) => resolve(m as ServerMemory));
        child.send('memory');
      }),
    stop: () => child.kill('SIGTERM'),
  };
}
