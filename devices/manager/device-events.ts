// What each bound device tells the windows: its status on `device.status`, and its class's events
// (card read and removed, printer alerts and jobs, scans, pad keys). Wired per role, so a device bound
// by the technician while the terminal runs is heard the same way as one started with it.
import { maskIdNumber, maskName } from '../../src/kernel/mask';
import type { EventName, EventPayload, IdCard, IdCardSummary } from '../../src/contract';
import type { DeviceStatus } from '../../src/contract';
import type { DeviceSet, DriverRole } from './roles';

/** Publishes one event to every window (the privileged side's event bus). */
export type Publish = <E extends EventName>(name: E, payload: EventPayload<E>) => void;

/** The manager's log, as main's logger satisfies it; fields never hold personal data. */
export interface DeviceLog {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

export const silentDeviceLog: DeviceLog = { info: () => undefined, warn: () => undefined, error: () => undefined };

/** A card as the windows may hear of it: masked name and number only. */
export function summarizeCard(card: IdCard): IdCardSummary {
  return {
    cardType: card.cardType,
    maskedName: maskName(card.name),
    maskedIdNumber: maskIdNumber(card.idNumber),
    idNumberValid: card.idNumberValid,
  };
}

/** Subscribes to the device now in `role`; returns the unsubscribe. A role without a device gives a no-op. */
export function wireRole(set: DeviceSet, role: DriverRole, publish: Publish, log: DeviceLog): () => void {
  const offs: (() => void)[] = [];
  const status = (device: { events: { on(name: 'status', l: (s: DeviceStatus) => void): () => void } }) =>
    offs.push(device.events.on('status', (s) => publish('device.status', s)));
  switch (role) {
    case 'idcard': {
      const reader = set.idcard;
      if (!reader) break;
      status(reader);
      offs.push(
        reader.events.on('card', (card) => {
          log.info('card read', { cardType: card.cardType, valid: card.idNumberValid });
          publish('idcard.inserted', { card: summarizeCard(card) });
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
          log.warn('printer alert', { kind: alert.kind, detail: alert.detail });
          publish('printer.alert', alert);
        }),
        printer.events.on('job', (report) => {
          log.info('print job', { title: report.title, outcome: report.outcome, attempts: report.attempts });
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
  }
  return () => {
    for (const off of offs.splice(0)) off();
  };
}
