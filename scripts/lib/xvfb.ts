// A private X display for a headful browser: Xvfb (Debian's `xvfb` package) on the first free
// display number, which it picks and writes to us itself (`-displayfd`), so two runs on one
// machine never meet. Headful Chromium on Linux draws classic scrollbars (headless hides them),
// which is what a real window on Linux or Windows shows.

import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';

export interface Xvfb {
  /** The value for DISPLAY, e.g. ":99". */
  display: string;
  stop(): Promise<void>;
}

export function findXvfb(): string {
  const candidates = [process.env.XVFB_PATH, '/usr/bin/Xvfb'];
  for (const c of candidates) if (c && fs.existsSync(c)) return c;
  throw new Error(
    'Xvfb is missing: install it (apt-get install xvfb xauth), or set XVFB_PATH to an Xvfb binary.',
  );
}

export async function startXvfb(screen: { width: number; height: number }): Promise<Xvfb> {
  const child: ChildProcess = spawn(
    findXvfb(),
    ['-displayfd', '3', '-screen', '0', `${screen.width}x${screen.height}x24`, '-nolisten', 'tcp'],
    { stdio: ['ignore', 'ignore', 'pipe', 'pipe'] },
  );
  let errors = '';
  child.stderr?.on('data', (d) => {
    errors += String(d);
  });
  const display = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`Xvfb did not start: ${errors}`)), 10_000);
    child.stdio[3]?.on('data', (d) => {
      out += String(d);
      if (out.includes('\n')) {
        clearTimeout(timer);
        resolve(`:${out.trim()}`);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Xvfb exited (${code}): ${errors}`));
    });
  });
  return {
    display,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
