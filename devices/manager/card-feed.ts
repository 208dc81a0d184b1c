import type { IdCard } from '../../src/contract';
import type { IdCardReader } from '../drivers/idcard/reader';

/**
 * Full cards from whichever reader holds the idcard role now. Services that need the card itself (the
 * citizen session, the window's walk-in intake) subscribe once here; when the technician binds another
 * reader, the manager moves the feed to it (`follow`) and they keep hearing cards.
 */
export class CardFeed {
  private readonly listeners = new Set<(card: IdCard) => void>();
  private off: (() => void) | null = null;

  follow(reader: Pick<IdCardReader, 'events'> | null): void {
    this.off?.();
    this.off = reader
      ? reader.events.on('card', (card) => {
          for (const listener of [...this.listeners]) listener(card);
        })
      : null;
  }

  on(listener: (card: IdCard) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  close(): void {
    this.follow(null);
    this.listeners.clear();
  }
}
