// Walk-in intake at the window (现场受理): staff fill the kiosk's merged form for the citizen in front of
// them, with the ID card read on the window's reader. The privileged side is the kiosk's: a CitizenSession
// holds the cards and pages, decide() validates and pre-checks (materials whose originals staff checked on
// paper count as provided), persistSubmission() records the application with its outbox operation. Staff
// accept on the spot: received and accepted are recorded locally with their status operations in the same
// transaction (so they reach the platform in order, offline too — queued in the outbox), and the
// 受理通知书 prints at once: nobody else can act on an application that exists only here.
import { ContractError, ORIGINALS_CHECKED } from '../../src/contract';
import type { CardDetails, FormValuesWire, PrecheckWire, Subject, WalkInResult } from '../../src/contract';
import { inScope } from '../../src/domain/application/window-actions';
import { minPages } from '../../src/domain/precheck/precheck';
import type { CapturedMaterial } from '../../src/domain/precheck/precheck';
import { recordTransition } from '../../src/store';
import type { MaterialMeta, Store } from '../../src/store';
import type { CatalogService } from '../catalog';
import { decide, fieldCheck, issuesOf, precheckWire, serviceOf, subjectName } from '../citizen/decide';
import type { Decided } from '../citizen/decide';
import { printDocument } from '../citizen/print';
import { CitizenSession } from '../citizen/session';
import { itemNames, localIso, persistSubmission, promisedMaterials, recordedValues } from '../citizen/submit';
import { acceptanceNoticeFor } from './notices';
import type { WindowCore } from './service';
import type { ActiveSession } from './session';

export interface WalkInOptions {
  store: Store;
  /** The terminal number and hall code as the technician set them (read at each submission). */
  terminalId: () => string;
  hallCode: () => string;
}

interface WalkInForm {
  subject: Subject;
  values: FormValuesWire;
  promised: readonly string[];
  paper: readonly string[];
}

/** The application's actor: the citizen's own application, filled in by this staff member at this window. */
export function walkInActor(session: Pick<ActiveSession, 'windowId' | 'staffNumber'>): string {
  return `window:${session.windowId}/staff:${session.staffNumber}`;
}

export class WalkIn {
  readonly session: CitizenSession;
  private subject: Subject | null = null;
  private readonly off: () => void;

  constructor(
    private readonly core: WindowCore,
    private readonly options: WalkInOptions,
  ) {
    this.session = new CitizenSession(() => core.options.devices.idcard);
    this.off = core.options.devices.cards.on((card) => this.session.cardRead(card));
  }

  private today(): string {
    return localIso(this.core.now()).slice(0, 10);
  }

  private service(): CatalogService {
    return serviceOf(this.core.options.catalog);
  }

  /** The staff session, the intake in progress and the subject it was begun for. */
  private open(subject?: Subject): ActiveSession {
    const { session } = this.core.require();
    this.core.session.activity();
    this.session.requireOpen();
    if (subject && (!this.subject || this.subject.kind !== subject.kind || this.subject.id !== subject.id)) {
      throw new ContractError('CONFLICT', 'window.intakeChanged', { detail: 'the intake was begun for another service' });
    }
    return session;
  }

  begin(subject: Subject): { subject: Subject; name: string } {
    const { session } = this.core.require();
    this.core.session.activity();
    const service = this.service();
    const name = subjectName(service, subject.kind, subject.id);
    if (name === null || !service.formOf(subject.kind, subject.id)) throw new ContractError('NOT_FOUND', subject.kind === 'item' ? 'catalog.itemNotFound' : 'catalog.bundleNotFound', { detail: `no ${subject.kind} ${subject.id}` });
    const department = subject.kind === 'item' ? service.catalog.item(subject.id)?.department : service.catalog.bundle(subject.id)?.leadDepartment;
    if (!inScope(session, { department: department ?? '', itemCode: subject.id })) {
      throw new ContractError('FORBIDDEN', 'window.notThisWindow', { detail: 'not one of this window’s categories' });
    }
    this.session.begin();
    this.subject = subject;
    this.core.options.logger.info('walk-in intake begins', { subject: subject.id, windowId: session.windowId, staffNumber: session.staffNumber });
    return { subject, name };
  }

  useCard(holder: string): CardDetails {
    this.open();
    return this.session.useCard(holder);
  }

  /** A page captured with the window's document camera, held as the kiosk's session holds it (submit turns it into an encrypted blob). */
  addPage(material: string, jpeg: Buffer): number {
    this.open();
    return this.session.addPage(material, jpeg);
  }

  removePage(material: string, index: number): number {
    this.open();
    return this.session.removePage(material, index);
  }

  /**
   * Materials checked on paper count as provided in full, and pages staff captured from the original at the
   * window count as they are — both trust A (the original seen by staff; no 核验原件 note).
   */
  private provided(subject: Subject, paper: readonly string[]): CapturedMaterial[] {
    const built = this.service().formOf(subject.kind, subject.id);
    const checked = paper.flatMap((key) => {
      const m = built?.materials.find((r) => r.key === key);
      return m ? [{ key, pages: minPages(m.sharedMaterialId), trust: 'A' as const }] : [];
    });
    const captured = this.session.capturedMaterials().filter((c) => !paper.includes(c.key));
    return [...checked, ...captured.map((c) => ({ ...c, trust: 'A' as const }))];
  }

  private decide(form: WalkInForm): Decided {
    return decide(this.core.options.catalog, this.session, form.subject, form.values, form.promised, this.today(), this.provided(form.subject, form.paper));
  }

  check(subject: Subject, values: FormValuesWire, fields: readonly string[]): ReturnType<typeof fieldCheck> {
    this.open(subject);
    return fieldCheck(this.decide({ subject, values, promised: [], paper: [] }).result, fields);
  }

  precheck(form: WalkInForm): PrecheckWire {
    this.open(form.subject);
    return precheckWire(this.decide(form).result);
  }

  async submit(form: WalkInForm): Promise<WalkInResult> {
    const staff = this.open(form.subject);
    const now = this.core.now();
    const at = localIso(now);
    const today = at.slice(0, 10);
    const decided = this.decide(form);
    const applicant = decided.applicant;
    if (!applicant) throw new ContractError('BAD_INPUT', 'application.identifyFirst', { detail: 'read the applicant’s ID card first', issues: [{ path: 'identify', reason: 'cardFirst' }] });
    if (!decided.result.ok) throw new ContractError('BAD_INPUT', 'application.incomplete', { detail: 'the application is not complete', issues: issuesOf(decided.result.problems) });

    const c = decided.service.catalog;
    const values = recordedValues(decided, this.session);
    const wanted = new Set(decided.materials.map((m) => m.key));
    const paper = new Set(form.paper.filter((k) => wanted.has(k)));
    const otherMeta: MaterialMeta[] = [
      ...[...paper].map((key) => ({ key, pages: 0, trust: 'A' as const })),
      ...promisedMaterials(decided, form.promised.filter((k) => !paper.has(k)), today),
    ];
    if (paper.size > 0) values[ORIGINALS_CHECKED] = [...paper];
    const files = this.session.capturedMaterials().flatMap(({ key }) => (wanted.has(key) && !paper.has(key) ? [{ key, pages: this.session.pagesOf(key) }] : []));
    const staffActor = { kind: 'staff' as const, id: `${staff.staffNumber}@window:${staff.windowId}` };
    const terminal = this.options.terminalId();
    const store = this.options.store;
    const record = store.transaction(() => {
      const submitted = persistSubmission(
        store,
        {
          kind: form.subject.kind,
          subjectId: form.subject.id,
          catalogVersion: c.file.catalogVersion,
          hallCode: this.options.hallCode(),
          terminal,
          at,
          actor: { kind: 'citizen', id: walkInActor(staff) },
          personal: { applicant: { name: applicant.name, idNumber: applicant.idNumber }, values },
        },
        files,
        otherMeta,
        now.getTime(),
        'A',
      );
      recordTransition(store, submitted.id, { to: 'received', actor: staffActor, terminal, at }, now.getTime());
      recordTransition(store, submitted.id, { to: 'accepted', actor: staffActor, terminal, at }, now.getTime());
      return submitted;
    });
    this.core.options.logger.info('walk-in accepted', { trackingNo: record.trackingNo, subject: form.subject.id, windowId: staff.windowId, staffNumber: staff.staffNumber, paper: paper.size, captured: files.length });

    const materialNames = decided.materials.filter((m) => paper.has(m.key) || files.some((f) => f.key === m.key)).map((m) => m.name);
    const { doc, promisedDate } = acceptanceNoticeFor({
      catalog: this.core.options.catalog(),
      trackingNumber: record.trackingNo,
      subject: form.subject.id,
      serviceName: decided.name,
      applicantName: applicant.name,
      idNumber: applicant.idNumber,
      acceptedOn: today,
      materials: materialNames,
      windowName: staff.windowName,
      staffNumber: staff.staffNumber,
      printedAt: localIso(this.core.now()),
    });
    const printed = (await printDocument(this.core.options.devices.printer, doc)) === 'printed' ? 'printed' : 'failed';
    const client = this.core.client;
    if (client) {
      void client
        .audit(staff.token, { action: 'walkin.accept', applicationId: record.id, detail: { trackingNumber: record.trackingNo, subject: form.subject.id, printed } })
        .then((a) => this.core.observe(a))
        .catch(() => undefined);
    }
    this.cancel();
    this.core.options.publish('window.queueChanged', { reason: 'action' });
    return { applicationId: record.id, trackingNo: record.trackingNo, status: 'accepted', promisedDate, items: itemNames(decided), printed };
  }

  /** Forgets the intake (cards, values, pages): after submission, on cancel, on sign-out. */
  cancel(): { ended: boolean } {
    this.subject = null;
    return { ended: this.session.end() };
  }

  close(): void {
    this.off();
    this.cancel();
  }
}
