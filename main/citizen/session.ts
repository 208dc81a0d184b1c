// The citizen session on the privileged side. It holds, only in memory and only while a citizen is at the
// kiosk: the cards read (full IdCard), which form holder each was bound to, the principal keyed in for
// agent mode, the 帮办 staff number, the captured material pages and the last submission. Ending the session
// (goodbye, idle wipe, an expiry safety net, process restart) forgets all of it.
import { ContractError } from '../../src/contract';
import type { CardDetails, IdCard, SessionView } from '../../src/contract';
import { detailsOfCard, principalDetails } from './card-details';
import type { Principal } from './card-details';

/** Limits of what one session may hold in memory. */
export const SESSION_LIMITS = { pagesPerMaterial: 20, pagesTotal: 60, bytesTotal: 60 * 1024 * 1024 } as const;

/** A session nobody touched for this long is wiped even if the renderer never said goodbye. */
export const DEFAULT_SESSION_EXPIRY_MS = 15 * 60_000;

export interface LastSubmission {
  readonly applicationId: string;
  readonly trackingNo: string;
  readonly applicantName: string;
  readonly applicantIdNumber: string;
  readonly items: readonly string[];
  readonly submittedAt: string;
  readonly promisedDate: string | null;
}

interface Binding {
  readonly details: CardDetails;
}

export interface CardSource {
  /** The card lying on the reader now, if one was read and not yet removed. */
  currentCard(): IdCard | null;
}

export class CitizenSession {
  private openFlag = false;
  private assistedBy: string | null = null;
  private waiting: IdCard | null = null;
  private readonly bindings = new Map<string, Binding>();
  private agentMode = false;
  private relation: Principal['relation'] | null = null;
  private readonly pages = new Map<string, Buffer[]>();
  private last: LastSubmission | null = null;
  private expiry: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly reader: () => CardSource | null,
    private readonly expiryMs = DEFAULT_SESSION_EXPIRY_MS,
  ) {}

  get isOpen(): boolean {
    return this.openFlag;
  }

  /** Opens a fresh session; whatever a previous one held is wiped first. */
  begin(): SessionView {
    this.end();
    this.openFlag = true;
    this.touch();
    return this.view();
  }

  /** Forgets everything. Returns whether a session was open. */
  end(): boolean {
    const was = this.openFlag;
    this.openFlag = false;
    this.assistedBy = null;
    this.waiting = null;
    this.bindings.clear();
    this.agentMode = false;
    this.relation = null;
    for (const list of this.pages.values()) for (const page of list) page.fill(0);
    this.pages.clear();
    this.last = null;
    if (this.expiry) clearTimeout(this.expiry);
    this.expiry = null;
    return was;
  }

  /** Any call of the session's owner keeps it alive. */
  touch(): void {
    if (!this.openFlag) return;
    if (this.expiry) clearTimeout(this.expiry);
    this.expiry = setTimeout(() => this.end(), this.expiryMs);
    this.expiry.unref?.();
  }

  /** Throws FORBIDDEN unless a citizen session is open (no session, no personal data). */
  requireOpen(): void {
    if (!this.openFlag) throw new ContractError('FORBIDDEN', 'session.notOpen', { detail: 'no citizen session is open; start again' });
    this.touch();
  }

  /** The reader read a card. Kept only while a session is open. */
  cardRead(card: IdCard): void {
    if (this.openFlag) this.waiting = card;
  }

  view(): SessionView {
    return {
      open: this.openFlag,
      assisted: this.assistedBy !== null,
      mode: this.agentMode ? 'agent' : 'self',
      holders: [...this.bindings.values()].map(({ details }) => ({ holder: details.holder, maskedName: details.maskedName, maskedIdNumber: details.maskedIdNumber })),
      cardWaiting: this.waiting !== null,
    };
  }

  assist(staffNo: string | null): SessionView {
    this.requireOpen();
    this.assistedBy = staffNo;
    return this.view();
  }

  /** 'kiosk', or 'kiosk/assist:<staff no>' when a staff member helped (the audit actor id). */
  actorId(): string {
    return this.assistedBy === null ? 'kiosk' : `kiosk/assist:${this.assistedBy}`;
  }

  /**
   * Binds the card read in this session (or lying on the reader) to a form holder. A card already bound to
   * another holder is refused, so the second parent cannot be pre-filled with the first parent's card.
   */
  useCard(holder: string): CardDetails {
    this.requireOpen();
    const fresh = this.waiting !== null;
    const card = this.waiting ?? this.reader()?.currentCard() ?? null;
    if (!card) throw new ContractError('NOT_FOUND', 'idcard.noCard', { detail: 'no card on the reader' });
    if (!card.idNumberValid) throw new ContractError('BAD_INPUT', 'idcard.numberInvalid', { detail: 'the card number failed validation' });
    for (const [other, binding] of [...this.bindings]) {
      if (other === holder || binding.details.source !== 'card' || binding.details.idNumber !== card.idNumber) continue;
      // The person at the kiosk says they act for someone else: their card moves to the agent role.
      if (holder === 'agent') this.bindings.delete(other);
      // Still lying there from the previous holder: not a new card yet.
      else if (!fresh) throw new ContractError('NOT_FOUND', 'idcard.nextCard', { detail: 'the previous holder’s card is still on the reader' });
      else throw new ContractError('CONFLICT', 'idcard.alreadyUsed', { detail: 'this card was already read for someone else in this application' });
    }
    this.waiting = null;
    const details = detailsOfCard(card, holder);
    this.bindings.set(holder, { details });
    return details;
  }

  /** Agent mode: the card read now is the agent's; the principal keyed in takes `holder`. */
  setAgent(principal: Principal, today: Date = new Date()): CardDetails {
    this.requireOpen();
    const agentCard = this.bindings.get('agent')?.details ?? (this.waiting || this.reader()?.currentCard() ? this.useCard('agent') : null);
    if (!agentCard) throw new ContractError('NOT_FOUND', 'agent.cardFirst', { detail: 'no agent card yet' });
    const checked = principalDetails(principal, today);
    if (!checked.ok) throw new ContractError('BAD_INPUT', 'agent.principalInvalid', { detail: 'the principal’s details are not valid', issues: checked.error });
    const principalCard = checked.value;
    if (principalCard.idNumber === agentCard.idNumber) {
      throw new ContractError('BAD_INPUT', 'agent.samePerson', { detail: 'the agent cannot be the principal', issues: [{ path: 'idNumber', reason: 'sameAsAgent' }] });
    }
    this.agentMode = true;
    this.relation = principal.relation;
    this.bindings.set(principal.holder, { details: principalCard });
    return principalCard;
  }

  clearAgent(): SessionView {
    this.requireOpen();
    if (this.agentMode) {
      for (const [holder, binding] of [...this.bindings]) if (binding.details.source === 'typed' || holder === 'agent') this.bindings.delete(holder);
    }
    this.agentMode = false;
    this.relation = null;
    return this.view();
  }

  /** Full details bound to a holder, for the privileged side only (submission, progress query). */
  holder(holder: string): CardDetails | null {
    return this.bindings.get(holder)?.details ?? null;
  }

  /** The agent and relation when in agent mode (recorded with the application). */
  agent(): { details: CardDetails; relation: Principal['relation'] } | null {
    const details = this.bindings.get('agent')?.details;
    return this.agentMode && details && this.relation ? { details, relation: this.relation } : null;
  }

  /** The card for a progress query: one bound in this session, else the card read or lying on the reader. */
  queryCard(): IdCard | CardDetails | null {
    const bound = [...this.bindings.values()].find((b) => b.details.source === 'card' && b.details.holder !== 'agent');
    return this.waiting ?? this.reader()?.currentCard() ?? bound?.details ?? null;
  }

  addPage(material: string, jpeg: Buffer): number {
    this.requireOpen();
    const list = this.pages.get(material) ?? [];
    const total = [...this.pages.values()].reduce((n, l) => n + l.length, 0);
    const bytes = [...this.pages.values()].flat().reduce((n, p) => n + p.length, 0);
    if (list.length >= SESSION_LIMITS.pagesPerMaterial || total >= SESSION_LIMITS.pagesTotal || bytes + jpeg.length > SESSION_LIMITS.bytesTotal) {
      throw new ContractError('CONFLICT', 'pages.limitReached', { detail: 'too many pages in this session' });
    }
    list.push(jpeg);
    this.pages.set(material, list);
    return list.length;
  }

  removePage(material: string, index: number): number {
    this.requireOpen();
    const list = this.pages.get(material) ?? [];
    const [removed] = list.splice(index, 1);
    removed?.fill(0);
    return list.length;
  }

  pagesOf(material: string): readonly Buffer[] {
    return this.pages.get(material) ?? [];
  }

  capturedMaterials(): { key: string; pages: number }[] {
    return [...this.pages].filter(([, l]) => l.length > 0).map(([key, l]) => ({ key, pages: l.length }));
  }

  remember(submission: LastSubmission): void {
    this.last = submission;
  }

  lastSubmission(): LastSubmission | null {
    return this.last;
  }
}
