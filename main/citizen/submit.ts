// application.submit on the privileged side: validate again (form + pre-check, from the session's cards and
// pages, never the renderer's word), commit to SQLite, and only then print the receipt and answer.
import { ContractError } from '../../src/contract';
import type { FormValuesWire, Subject, Submitted } from '../../src/contract';
import { applicationReceipt } from '../../src/documents';
import { promisedDate } from '../../src/domain/application/deadlines';
import { recordSubmission } from '../../src/store';
import type { ApplicationRecord, MaterialMeta, Store, SubmitInput } from '../../src/store';
import type { ReceiptPrinter } from '../../devices/drivers/printer/printer';
import type { CatalogService } from '../catalog';
import { decide, issuesOf } from './decide';
import type { Decided } from './decide';
import { materialFile } from './material-file';
import { printReceipt } from './print';
import type { CitizenSession, LastSubmission } from './session';

export interface CitizenDeps {
  readonly store: Store;
  readonly catalog: () => CatalogService | null;
  readonly session: CitizenSession;
  readonly printer: () => Pick<ReceiptPrinter, 'print'> | null;
  readonly terminalId: () => string;
  /** The terminal identity's hall code (the catalogue's until a technician sets it), read at each use. */
  readonly hallCode: () => string;
  readonly now: () => Date;
  /** Masked facts only. */
  readonly log: (message: string, fields: Record<string, unknown>) => void;
}

/** 2026-11-23T09:30:00+08:00 — the hall's local time with its offset (the tracking number takes the local date). */
export function localIso(now: Date): string {
  const pad = (n: number) => String(Math.abs(n)).padStart(2, '0');
  const offset = -now.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  return (
    `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}T${pad(now.getHours())}:${pad(now.getMinutes())}:${pad(now.getSeconds())}` +
    `${sign}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`
  );
}

/** Item names of a submission: the item, or the bundle's included members. */
export function itemNames(decided: Decided): string[] {
  if (decided.subject.kind === 'item') return [decided.name];
  const included = new Set(decided.result.includedMembers);
  return decided.form.members.filter((m) => included.has(m.item)).map((m) => m.name);
}

function limitOf(decided: Decided) {
  const c = decided.service.catalog;
  return decided.subject.kind === 'item' ? c.item(decided.subject.id)?.promisedLimit : c.bundle(decided.subject.id)?.promisedLimit;
}

/** The values recorded with an application: the form's and, in agent mode, the agent's card and relation. */
export function recordedValues(decided: Decided, session: CitizenSession): Record<string, unknown> {
  const values: Record<string, unknown> = { ...decided.values };
  const agent = session.agent();
  if (agent) Object.assign(values, { 'agent.name': agent.details.name, 'agent.idNumber': agent.details.idNumber, 'agent.relation': agent.relation });
  return values;
}

/** The 容缺 materials of `promised` the pre-check allows to come later, each due in its working days from `today`. */
export function promisedMaterials(decided: Decided, promised: readonly string[], today: string): MaterialMeta[] {
  return decided.result.problems.flatMap((p) =>
    p.kind === 'promise-needed' && promised.includes(p.material)
      ? [{ key: p.material, pages: 0, trust: 'C' as const, promisedBy: decided.service.calendar.addWorkingDays(today, p.promiseWorkdays).date }]
      : [],
  );
}

/**
 * Persistence of one submission behind one function: each material's file goes to the encrypted blob store
 * first, then the application and its outbox operation commit together (src/store/record.ts).
 */
export function persistSubmission(
  store: Store,
  input: Omit<SubmitInput, 'materials'>,
  files: readonly { key: string; pages: readonly Uint8Array[] }[],
  promised: readonly MaterialMeta[],
  now: number,
  /** C: photographed by the citizen at the kiosk; A: captured by staff from the original at the window. */
  trust: 'A' | 'C' = 'C',
): ApplicationRecord {
  const materials: MaterialMeta[] = files.map(({ key, pages }) => {
    const file = materialFile(pages);
    const stored = store.blobs.put(file.bytes, file.mediaType, input.at);
    return { key, pages: pages.length, trust, sha256: stored.sha256, bytes: stored.bytes };
  });
  return recordSubmission(store, { ...input, materials: [...materials, ...promised] }, now);
}

export async function submitApplication(deps: CitizenDeps, subject: Subject, input: FormValuesWire, promised: readonly string[], english: boolean): Promise<Submitted> {
  const { session } = deps;
  session.requireOpen();
  const now = deps.now();
  const at = localIso(now);
  const today = at.slice(0, 10);
  const decided = decide(deps.catalog, session, subject, input, promised, today);
  const c = decided.service.catalog;
  const kiosk = subject.kind === 'item' ? c.item(subject.id)?.kiosk : c.bundle(subject.id)?.kiosk;
  if (!kiosk?.submit) throw new ContractError('FORBIDDEN', 'application.notAtKiosk', { detail: 'this service cannot be submitted at the kiosk' });
  const applicant = decided.applicant;
  if (!applicant) throw new ContractError('BAD_INPUT', 'application.identifyFirst', { detail: 'read the applicant’s ID card first', issues: [{ path: 'identify', reason: 'cardFirst' }] });
  if (!decided.result.ok) throw new ContractError('BAD_INPUT', 'application.incomplete', { detail: 'the application is not complete', issues: issuesOf(decided.result.problems) });

  const agent = session.agent();
  const values = recordedValues(decided, session);
  const promisedMeta = promisedMaterials(decided, promised, today);
  // Only pages of this application's materials are kept; anything else captured in the session is not.
  const wanted = new Set(decided.materials.map((m) => m.key));
  const files = session.capturedMaterials().flatMap(({ key }) => (wanted.has(key) ? [{ key, pages: session.pagesOf(key) }] : []));
  const record = persistSubmission(
    deps.store,
    {
      kind: subject.kind,
      subjectId: subject.id,
      catalogVersion: c.file.catalogVersion,
      hallCode: deps.hallCode(),
      terminal: deps.terminalId(),
      at,
      actor: { kind: 'citizen', id: session.actorId() },
      personal: { applicant: { name: applicant.name, idNumber: applicant.idNumber }, values },
    },
    files,
    promisedMeta,
    now.getTime(),
  );
  deps.log('application submitted', { trackingNo: record.trackingNo, subject: subject.id, materials: files.length, assisted: session.view().assisted, agent: agent !== null });

  const limit = limitOf(decided);
  const due = limit ? promisedDate(decided.service.calendar, today, limit) : null;
  const items = itemNames(decided);
  const last: LastSubmission = {
    applicationId: record.id,
    trackingNo: record.trackingNo,
    applicantName: applicant.name,
    applicantIdNumber: applicant.idNumber,
    items,
    submittedAt: at,
    promisedDate: due?.date ?? null,
  };
  session.remember(last);
  const receipt = await printReceiptOf(deps, last, english);
  return { applicationId: record.id, trackingNo: record.trackingNo, submittedAt: at, promisedDate: due?.date ?? null, promisedProvisional: due?.provisional ?? false, items, receipt };
}

/** The receipt of a submission of this session (also used to print it again). */
export function printReceiptOf(deps: CitizenDeps, last: LastSubmission, english: boolean) {
  const service = deps.catalog();
  const hall = service?.catalog.file.hall;
  const doc = applicationReceipt(
    {
      trackingNumber: last.trackingNo,
      applicantName: last.applicantName,
      idNumber: last.applicantIdNumber,
      items: [...last.items],
      submittedAt: last.submittedAt,
      promisedDate: last.promisedDate ?? '以受理通知书为准',
      queryBy: ['本终端“查询进度”扫描本回执二维码', ...(hall ? [`咨询电话 ${hall.phone}`] : []), '12345 政务服务便民热线'],
      hallName: hall?.name ?? '',
      printedAt: localIso(deps.now()),
    },
    { english },
  );
  return printReceipt(deps.printer(), doc, last.trackingNo, paperCopyWindow(service));
}

/** Where a paper copy of a receipt is handed out: the hall's comprehensive window. */
export function paperCopyWindow(service: CatalogService | null): string {
  const window = service?.catalog.file.hall.windows.find((w) => w.role === 'comprehensive');
  return window ? `${window.no}号${window.name}` : '综合窗口';
}
