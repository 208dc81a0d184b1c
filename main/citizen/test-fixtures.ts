// Shared set-up of the citizen unit tests: the sample catalogue, a throwaway store, a session whose reader
// is a variable, and a printer that records what it was asked to print.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IdCard } from '../../src/contract';
import type { PrintOutcome, ReceiptDocument } from '../../src/kernel/receipt';
import { Catalog } from '../../src/domain/catalog/catalog';
import { validateCatalog } from '../../src/domain/catalog/validate';
import { openStore } from '../../src/store';
import type { Store } from '../../src/store';
import { sampleCards } from '../../devices/simulators/idcard/sample-cards';
import { CatalogService } from '../catalog';
import { citizenHandlers } from './handlers';
import { CitizenSession } from './session';
import type { CitizenDeps } from './submit';

const catalogPath = new URL('../../assets/catalog/sample-catalog.json', import.meta.url);
const catalogText = readFileSync(catalogPath, 'utf8');
const validated = validateCatalog(JSON.parse(catalogText));
if (!validated.ok) throw new Error('sample catalogue does not validate');
export const sampleService = new CatalogService(new Catalog(validated.catalog));

export function card(id: string): IdCard {
  const found = sampleCards.find((s) => s.id === id);
  if (!found) throw new Error(`no sample card ${id}`);
  return found.card;
}

/** Smallest byte string our JPEG check accepts: SOI, a baseline frame header (w×h, 3 components), EOI. */
export function fakeJpeg(width = 1600, height = 1200, filler = 0): Buffer {
  const sof = [0xff, 0xc0, 0x00, 0x11, 0x08, height >> 8, height & 0xff, width >> 8, width & 0xff, 0x03, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1];
  return Buffer.from([0xff, 0xd8, ...sof, filler, 0xff, 0xd9]);
}

export interface Fixture {
  store: Store;
  session: CitizenSession;
  deps: CitizenDeps;
  handlers: ReturnType<typeof citizenHandlers>;
  printed: ReceiptDocument[];
  reader: { current: IdCard | null };
  printer: { outcome: PrintOutcome; onPrint?: () => void };
  /** The terminal identity's hall code the deps answer with; tests change it. */
  hall: { code: string };
  close(): void;
}

export function citizenFixture(now = new Date('2026-11-23T10:00:00+08:00')): Fixture {
  const dir = mkdtempSync(join(tmpdir(), 'citizen-'));
  const store = openStore({ path: join(dir, 't.sqlite'), key: new Uint8Array(32).fill(7) });
  store.catalogs.import(catalogText, now.toISOString());
  const reader = { current: null as IdCard | null };
  const session = new CitizenSession(() => ({ currentCard: () => reader.current }));
  const printed: ReceiptDocument[] = [];
  const printer: Fixture['printer'] = { outcome: 'printed' };
  const hall: Fixture['hall'] = { code: sampleService.catalog.file.hall.code };
  const deps: CitizenDeps = {
    store,
    catalog: () => sampleService,
    session,
    printer: () => ({
      print: async (doc) => {
        printer.onPrint?.();
        printed.push(doc);
        return { jobId: String(printed.length), title: doc.title, outcome: printer.outcome, detail: '', attempts: 1, paperNearEnd: false, bytes: 0, at: now.toISOString() };
      },
    }),
    terminalId: () => 'T-0001',
    hallCode: () => hall.code,
    now: () => now,
    log: () => {},
  };
  return { store, session, deps, handlers: citizenHandlers(deps), printed, reader, printer, hall, close: () => { session.end(); store.close(); } };
}
