import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A connected pair of pseudo-terminals made by socat, with stable link names so the same paths come back
 * after `unplug()` (kill socat) and `replug()` (start it again).
 */
export class PtyPair {
  readonly dir = mkdtempSync(join(tmpdir(), 'hall-pty-'));
  readonly host = join(this.dir, 'host');
  readonly device = join(this.dir, 'device');
  private child: ChildProcess | null = null;

  async start(): Promise<void> {
    if (this.child) return;
    const child = spawn('socat', [`pty,raw,echo=0,link=${this.host}`, `pty,raw,echo=0,link=${this.device}`], { stdio: 'ignore' });
    this.child = child;
    const started = Date.now();
    while (!(existsSync(this.host) && existsSync(this.device))) {
      if (child.exitCode !== null) throw new Error(`socat exited with ${child.exitCode}`);
      if (Date.now() - started > 5000) throw new Error('socat did not create its PTYs');
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  /** Kills socat: both ends see the line vanish, as when a USB-serial reader is pulled. */
  async unplug(): Promise<void> {
    const child = this.child;
    this.child = null;
    if (!child || child.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
    const started = Date.now();
    while ((existsSync(this.host) || existsSync(this.device)) && Date.now() - started < 2000) await new Promise((r) => setTimeout(r, 10));
  }

  replug(): Promise<void> {
    return this.start();
  }

  async dispose(): Promise<void> {
    await this.unplug();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
