// 查询进度: the applications of the person whose card is on the reader (read in this session), or the one
// application a scanned receipt code names. Nothing of anyone else's is ever returned: the ID number used
// comes from the card on the privileged side, never from the renderer.
import { ContractError } from '../../src/contract';
import type { ProgressEntry } from '../../src/contract';
import { promisedDate } from '../../src/domain/application/deadlines';
import { parseTrackingNumber } from '../../src/domain/application/tracking-number';
import type { ApplicationRecord, Store } from '../../src/store';
import type { CatalogService } from '../catalog';
import { subjectName } from './decide';
import type { CitizenSession } from './session';

/** The tracking number in a scanned code: the bare number our receipts carry, or a URL ending with it. */
export function trackingNumberIn(text: string): string | null {
  const candidate = text.trim().split(/[/=?#&]/).pop() ?? '';
  const parsed = parseTrackingNumber(candidate);
  return parsed ? candidate.trim().toUpperCase().replace(/[\s-]/g, '') : null;
}

function entryOf(record: ApplicationRecord, service: CatalogService | null): ProgressEntry {
  const name = (service && subjectName(service, record.kind, record.subjectId)) ?? record.subjectId;
  const c = service?.catalog;
  const limit = record.kind === 'item' ? c?.item(record.subjectId)?.promisedLimit : c?.bundle(record.subjectId)?.promisedLimit;
  const due = service && limit ? promisedDate(service.calendar, record.createdAt.slice(0, 10), limit) : null;
  return { trackingNo: record.trackingNo, name, kind: record.kind, state: record.state, submittedAt: record.createdAt, promisedDate: due?.date ?? null };
}

export function progressByCard(store: Store, session: CitizenSession, service: CatalogService | null): ProgressEntry[] {
  session.requireOpen();
  const card = session.queryCard();
  if (!card) throw new ContractError('NOT_FOUND', 'idcard.noCard', { detail: 'no card for the progress query' });
  return store.applications.findByApplicant(card.idNumber).map((r) => entryOf(r, service));
}

export function progressByCode(store: Store, session: CitizenSession, service: CatalogService | null, text: string): ProgressEntry[] {
  session.requireOpen();
  const trackingNo = trackingNumberIn(text);
  if (!trackingNo) throw new ContractError('BAD_INPUT', 'progress.notOurReceipt', { detail: 'not a receipt code of this hall' });
  const record = store.applications.findByTrackingNo(trackingNo);
  return record ? [entryOf(record, service)] : [];
}
