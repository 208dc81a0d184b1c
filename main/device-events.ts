// What each bound device tells the windows: its status on `device.status`, and its class's events
// (card read and removed, printer alerts and jobs, scans, pad keys). Wired per role, so a device bound
// by the technician while the terminal runs is heard the same way as one started with it.
import type { DeviceRole, EventName, EventPayload } from '../src/contract';
import type { DeviceSet } from './devices';
import { summarize } from './handlers/idcard';
import type { Logger } from './log';

export type Publish = <E extends EventName>(name: E, payload: EventPayload<E>) => void;

/** Subscribes to the device now in `role`; returns the unsubscribe. A role without a device gives a no-op. */
export function wireRole(set: DeviceSet, role: DeviceRole, publish: Publish, logger: Logger): () => void {
  const offs: (() => void)[] = [];
  const status = (device: { events: { on(name: 'status', l: (s: EventPayload<'device.status'>) => void): () => void } }) =>
    offs.push(device.events.on('status', (s) => publish('device.status', s)));
  switch (role) {
    case 'idcard': {
      const reader = set.idcard;
      if (!reader) break;
      status(reader);
      offs.push(
        reader.events.on('card', (card) => {
          logger.info('card read', { cardType: card.cardType, valid: card.idNumberValid });
          publish('idcard.inserted', { card: summarize(card) });
        }),
        reader.events.on('removed', () => publish('idcard.removed', {})),
      );
      break;
    }
    case 'printer': {
      const printer = set.printer;
      if (!printer) break;
      status(printer);
      offs.push(
        printer.events.on('alert', (alert) => {
          logger.warn('printer alert', { kind: alert.kind, detail: alert.detail });
          publish('printer.alert', alert);
        }),
        printer.events.on('job', (report) => {
          logger.info('print job', { title: report.title, outcome: report.outcome, attempts: report.attempts });
          publish('printer.job', report);
        }),
      );
      break;
    }
    case 'scanner': {
      const scanner = set.scanner;
      if (!scanner) break;
      status(scanner);
      offs.push(scanner.events.on('scan', (scan) => publish('scan', scan)));
      break;
    }
    case 'evaluator': {
      const pad = set.evaluator;
      if (!pad) break;
      status(pad);
      offs.push(pad.events.on('key', ({ level }) => publish('evaluator.key', { level })));
      break;
    }
    case 'camera':
      break;
  }
  return () => {
    for (const off of offs.splice(0)) off();
  };
}
