import { EventEmitter } from 'node:events';

/**
 * Wakes long-polling inbox requests of this process when a message is appended. Another platform process
 * sharing a PostgreSQL database is not heard; long-polls re-read the database every second for that.
 */
export class InboxBell {
  private readonly emitter = new EventEmitter();

  constructor() {
    this.emitter.setMaxListeners(0);
  }

  ring(): void {
    this.emitter.emit('ring');
  }

  /** Resolves on the next ring or after ms, whichever comes first. */
  wait(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.emitter.off('ring', done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.emitter.once('ring', done);
    });
  }
}
