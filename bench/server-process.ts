import { readFileSync } from 'node:fs';

/** The most resident memory a process has used so far (its VmHWM), in MB. */
export function peakRssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kb / 1024;
}

/** Waits until `/readyz` answers (two minutes at most). */
export async function waitForReady(base: string): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${base}/readyz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('the server did not become ready');
}

/**
 * The V8 heap limits `npm start` and the Dockerfile run the server with (package.json): without them
 * V8 lets garbage grow the heap by ~150 MB during a long export before it collects.
 */
export const SERVER_NODE_FLAGS = ['--max-old-space-size=192', '--max-semi-space-size=4'];
