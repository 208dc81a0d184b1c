// What a window does to an application: accept (prints 受理通知书 with the promised date), return for
// supplement (prints 一次性告知书 with every problem), reject, special procedure, hand-out after the
// collector's ID card is checked (prints 领取签收单 / 送达回证). The platform's state machine decides; a
// window that came second is told who acted. Offline, actions are kept in order and replayed on return.
import { randomUUID } from 'node:crypto';
import type { ErrorReason, WindowActInput, WindowActResult } from '../../src/contract';
import type { ReceiptDocument } from '../../src/kernel/receipt';
import type { ActionRequest, ActionResponse, StaffErrorBody, WindowApplicationDetail } from '../../src/wire/staff-protocol';
import { printDocument } from '../citizen/print';
import type { PendingAction } from './cache';
import { acceptanceDocument, deliveryDocument, oneTimeDocument, rejectionDocument, supplementReason } from './notices';
import type { NoticeContext } from './notices';
import type { WindowCore } from './service';
import type { ActiveSession } from './session';
import type { StaffAnswer } from './staff-client';

type Refusal = Extract<WindowActResult, { outcome: 'refused' }>;
/** A refusal the screen words by `reason`; `detail` is the developer's (English, for logs and tests). */
const refused = (code: Refusal['code'], reason: ErrorReason, detail: string): WindowActResult => ({ outcome: 'refused', code, reason, message: detail });

function conflictOf(error: StaffErrorBody['error']): WindowActResult {
  return { outcome: 'conflict', status: error.current?.status ?? 'unknown', by: error.current?.by ?? null, at: error.current?.at ?? null };
}

/** The screen's answer when the platform did not do the action. */
function notDone(answer: Exclude<StaffAnswer<unknown>, { kind: 'ok' }>): WindowActResult {
  switch (answer.kind) {
    case 'refused':
      if (answer.code === 'CONFLICT') return conflictOf(answer.error);
      if (answer.code === 'FORBIDDEN') return refused('forbidden', 'window.notThisWindow', 'not one of this window’s categories');
      if (answer.code === 'REASON_REQUIRED') return refused('reason-required', 'window.reasonRequired', 'a reason is required');
      if (answer.code === 'IDENTITY_MISMATCH') return refused('identity-mismatch', 'window.identityMismatch', 'the collector is neither the applicant nor a recorded agent');
      return refused('bad-request', 'window.platformRefused', `${answer.code}: ${answer.message}`);
    case 'session-ended':
      return refused('session-ended', 'window.sessionEnded', 'the session ended; sign in again');
    case 'offline':
      return refused('offline', 'window.offline', 'the platform is unreachable');
  }
}

export class WindowActions {
  private replaying: Promise<void> | null = null;

  constructor(private readonly core: WindowCore) {}

  /** Builds the platform request of a window action; a refusal when something the rules need is missing. */
  private request(input: WindowActInput, itemCode: string): ActionRequest | WindowActResult {
    const base = { action: input.action, expectedStatus: input.expectedStatus as ActionRequest['expectedStatus'], requestId: randomUUID() };
    switch (input.action) {
      case 'supplement':
        if (!input.issues || input.issues.length === 0) return refused('reason-required', 'window.ticksNeeded', 'tick every problem');
        return { ...base, reason: supplementReason(input.issues) };
      case 'reject':
        if (!input.reason?.trim()) return refused('reason-required', 'window.legalReasonNeeded', 'a legal reason is required');
        return { ...base, reason: input.reason.trim() };
      case 'special': {
        const option = this.core.options.catalog()?.catalog.item(itemCode)?.specialProcedures.find((p) => p.name === input.specialKind || p.kind === input.specialKind);
        if (!option) return refused('bad-request', 'window.chooseProcedure', 'choose the special procedure');
        return {
          ...base,
          reason: input.reason?.trim() || `${option.description}（${option.countedInLimit ? '计入' : '不计入'}办理时限）`,
          special: { kind: option.kind, name: option.description || option.name, limit: { value: option.maxDays, unit: option.unit }, countedInLimit: option.countedInLimit },
        };
      }
      default:
        return { ...base, ...(input.reason?.trim() ? { reason: input.reason.trim() } : {}) };
    }
  }

  async act(input: WindowActInput): Promise<WindowActResult> {
    const { session, client } = this.core.require();
    this.core.session.activity();
    const { detail } = await this.core.detail(input.applicationId);
    const request = this.request(input, detail.itemCode);
    if ('outcome' in request) return request;
    const answer = this.core.observe(await client.act(session.token, input.applicationId, request));
    if (answer.kind === 'offline') {
      const pending: PendingAction = { request, trackingNumber: detail.trackingNumber, ...(input.issues ? { issues: input.issues } : {}) };
      this.core.options.cache.enqueue(session.windowId, session.staffNumber, input.applicationId, pending, this.core.now().toISOString());
      this.core.emit();
      this.core.options.publish('window.queueChanged', { reason: 'action' });
      return { outcome: 'queued', pendingActions: this.core.options.cache.pendingCount(session.windowId) };
    }
    const result = await this.settle(session, input.applicationId, answer, { action: input.action, issues: input.issues ?? [], reason: request.reason ?? null }, detail);
    this.core.options.publish('window.queueChanged', { reason: result.outcome === 'conflict' ? 'conflict' : 'action' });
    return result;
  }

  /** Turns the platform's answer into the screen's, printing the notice of a done action. */
  private async settle(
    session: ActiveSession,
    applicationId: string,
    answer: StaffAnswer<ActionResponse>,
    what: { action: WindowActInput['action']; issues: NonNullable<WindowActInput['issues']>; reason: string | null },
    /** The record as read just before the action (its tracking number, item and materials do not change). */
    known?: WindowApplicationDetail,
  ): Promise<WindowActResult> {
    switch (answer.kind) {
      case 'ok': {
        let doc: ReceiptDocument | null = null;
        let promisedDate: string | null = null;
        if (what.action === 'accept' || what.action === 'supplement' || what.action === 'reject') {
          const ctx = await this.noticeContext(session, applicationId, answer.value.at, known);
          if (ctx && what.action === 'accept') ({ doc, promisedDate } = acceptanceDocument(ctx));
          if (ctx && what.action === 'supplement' && what.issues.length > 0) doc = oneTimeDocument(ctx, what.issues);
          if (ctx && what.action === 'reject' && what.reason) doc = rejectionDocument(ctx, what.reason);
        }
        const printed = doc ? await this.print(session, applicationId, doc) : 'none';
        return { outcome: 'done', status: answer.value.status, printed, promisedDate };
      }
      default:
        return notDone(answer);
    }
  }

  /** What a notice needs: the record (read now unless known) and the applicant in full (an audited reveal for the notice). */
  private async noticeContext(session: ActiveSession, applicationId: string, at: string, known?: WindowApplicationDetail): Promise<NoticeContext | null> {
    const client = this.core.client;
    if (!client) return null;
    const detail: StaffAnswer<WindowApplicationDetail> = known ? { kind: 'ok', value: known } : this.core.observe(await client.application(session.token, applicationId));
    const applicant = this.core.observe(await client.reveal(session.token, applicationId, 'notice'));
    if (detail.kind !== 'ok' || applicant.kind !== 'ok') return null;
    return { catalog: this.core.options.catalog(), detail: detail.value, applicant: applicant.value, windowName: session.windowName, staffNumber: session.staffNumber, at, printedAt: this.core.now().toISOString() };
  }

  private async print(session: ActiveSession, applicationId: string, doc: ReceiptDocument): Promise<'printed' | 'failed'> {
    const outcome = await printDocument(this.core.options.devices.printer, doc);
    const ok = outcome === 'printed';
    if (!ok) this.core.options.logger.warn('window notice did not print', { document: doc.title, outcome });
    const client = this.core.client;
    if (client) {
      void client
        .audit(session.token, { action: ok ? 'print' : 'print.failed', applicationId, detail: { document: doc.title, outcome } })
        .then((a) => this.core.observe(a))
        .catch(() => undefined);
    }
    return ok ? 'printed' : 'failed';
  }

  // ------------------------------------------------------------ hand-out and agents

  private async presentedCard(): Promise<{ name: string; idNumber: string } | null> {
    const reader = this.core.options.devices.idcard;
    const read = reader ? await reader.readCard() : null;
    return read && read.code === 'ok' && read.value ? { name: read.value.name, idNumber: read.value.idNumber } : null;
  }

  async handout(input: { method: 'collect'; applicationId: string; expectedStatus: string } | { method: 'mail'; applicationId: string; expectedStatus: string; mailTracking: string }): Promise<WindowActResult> {
    const { session, client } = this.core.require();
    this.core.session.activity();
    const requestId = randomUUID();
    const expectedStatus = input.expectedStatus as ActionRequest['expectedStatus'];
    let collector: { name: string; idNumber: string } | null = null;
    if (input.method === 'collect') {
      collector = await this.presentedCard();
      if (!collector) return refused('no-card', 'window.collectorCard', 'no collector card on the reader');
    }
    const body = input.method === 'collect' && collector ? { method: 'collect' as const, collector, expectedStatus, requestId } : { method: 'mail' as const, mailTracking: input.method === 'mail' ? input.mailTracking : '', expectedStatus, requestId };
    const answer = this.core.observe(await client.handout(session.token, input.applicationId, body));
    this.core.options.publish('window.queueChanged', { reason: 'action' });
    if (answer.kind !== 'ok') return notDone(answer);
    const ctx = await this.noticeContext(session, input.applicationId, answer.value.at);
    let printed: 'printed' | 'failed' | 'none' = 'none';
    if (ctx) {
      const role = answer.value.collector ?? 'applicant';
      printed = await this.print(session, input.applicationId, deliveryDocument(ctx, { method: input.method, collector: collector ? { role, ...collector } : null, mailTracking: input.method === 'mail' ? input.mailTracking : null }));
    }
    return { outcome: 'done', status: answer.value.status, printed, promisedDate: null };
  }

  async recordAgent(applicationId: string): Promise<{ ok: boolean; reason: 'ok' | 'no-card' | 'offline' | 'refused' }> {
    const { session, client } = this.core.require();
    const card = await this.presentedCard();
    if (!card) return { ok: false, reason: 'no-card' };
    const answer = this.core.observe(await client.recordAgent(session.token, applicationId, card));
    if (answer.kind === 'ok') return { ok: true, reason: 'ok' };
    return { ok: false, reason: answer.kind === 'offline' ? 'offline' : 'refused' };
  }

  // ------------------------------------------------------------ offline replay

  /** Applies the actions taken offline, oldest first, with the session of the staff member who took them. */
  replay(): Promise<void> {
    this.replaying ??= this.replayAll().finally(() => (this.replaying = null));
    return this.replaying;
  }

  private async replayAll(): Promise<void> {
    const session = this.core.session.current;
    const client = this.core.client;
    if (!session || !client) return;
    const cache = this.core.options.cache;
    let applied = 0;
    for (const stored of cache.pending(session.windowId)) {
      // Someone else's offline actions wait for their own sign-in: the audit must name who acted.
      if (stored.staffNumber !== session.staffNumber) continue;
      const { request } = stored.action;
      const answer = this.core.observe(await client.act(session.token, stored.applicationId, request));
      if (answer.kind === 'offline' || answer.kind === 'session-ended') break;
      const at = this.core.now().toISOString();
      if (answer.kind === 'ok') {
        cache.settle(stored.id, 'applied', answer.value.status, at);
        applied += 1;
        await this.settle(session, stored.applicationId, answer, { action: request.action, issues: stored.action.issues ?? [], reason: request.reason ?? null });
      } else if (answer.code === 'CONFLICT') {
        cache.settle(stored.id, 'conflict', answer.error.current?.status ?? 'unknown', at);
        this.core.replayConflicts = [...this.core.replayConflicts, { trackingNumber: stored.action.trackingNumber, action: request.action, status: answer.error.current?.status ?? 'unknown', by: answer.error.current?.by ?? null }];
      } else {
        cache.settle(stored.id, 'refused', answer.code, at);
      }
      this.core.emit();
    }
    if (applied > 0 || this.core.replayConflicts.length > 0) this.core.options.publish('window.queueChanged', { reason: 'replayed' });
  }
}
