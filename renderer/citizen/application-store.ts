// The application in progress, from the card to the receipt: what the form is, who was identified, what
// was answered and captured, the pre-check and the submission. A step machine over the flow store's steps;
// every call to the terminal goes through the injected client, so it is unit-tested without a DOM.
import { create } from 'zustand';
import { ContractError } from '../../src/contract';
import { errorMessage, issueMessage } from '../api/error-message';
import type {
  AgentRelation,
  CardDetails,
  ContractClient,
  FieldProblem,
  FormValueWire,
  MergedFormWire,
  PrecheckWire,
  PrintResult,
  Submitted,
  WireMaterial,
} from '../../src/contract';
import { registerSessionReset } from '../stores/session-reset';
import { onApplicationAbandoned, useFlowStore } from './flow-store';
import type { Selection } from './flow-store';
import { formHolders, formPages, pageOfField, prefillFrom } from './form-pages';

/** A problem with the keyed-in principal, already worded for the screen. */
export interface PrincipalProblem {
  field: string;
  message: string;
}

export interface ApplicationState {
  subject: Selection | null;
  status: 'idle' | 'loading' | 'ready' | 'error';
  form: MergedFormWire | null;
  serviceName: string;
  /** Materials of the guide: what to capture, what data sharing provides. */
  materials: WireMaterial[];
  kioskSubmit: boolean;
  /** Card holders of the form, the applicant first; `holderIndex` is the one being identified. */
  holders: string[];
  holderIndex: number;
  cards: Record<string, CardDetails>;
  /** Holders (not the first) who have no card here: their fields are typed. */
  skipped: string[];
  /** Agent mode: the agent's card is read first, then the principal is keyed in. */
  agentMode: boolean;
  identifyError: string | null;
  values: Record<string, FormValueWire>;
  /** Editable card fields the citizen opened for changing. */
  unlocked: string[];
  included: string[] | null;
  page: number;
  /** Set when a page was opened from the review ("change"): continue goes back there. */
  returnTo: 'review' | null;
  errors: FieldProblem[];
  busy: boolean;
  /** Uploaded pages per material key. */
  pages: Record<string, number>;
  promised: string[];
  precheck: PrecheckWire | null;
  notice: PrintResult | null;
  consent: boolean;
  submitted: Submitted | null;
  /** A failure the screen explains in one sentence (device fault, terminal unreachable). */
  problem: string | null;
  cardRemoved: boolean;

  load(subject: Selection): Promise<void>;
  cardPlaced(): Promise<void>;
  confirmHolder(): void;
  skipHolder(): void;
  setAgentMode(on: boolean): Promise<void>;
  setPrincipal(principal: { name: string; idNumber: string; relation: AgentRelation }): Promise<PrincipalProblem[]>;
  setValue(field: string, value: FormValueWire): void;
  unlock(field: string): void;
  nextPage(): Promise<void>;
  prevPage(): void;
  openPage(index: number, returnTo?: 'review' | null): void;
  openField(field: string, returnTo?: 'review' | null): void;
  addPage(material: string, jpegBase64: string): Promise<void>;
  clearPages(material: string): Promise<void>;
  togglePromise(material: string): void;
  runPrecheck(): Promise<void>;
  printNotice(english: boolean): Promise<void>;
  setConsent(consent: boolean): void;
  submit(english: boolean): Promise<void>;
  reprint(english: boolean): Promise<void>;
  setCardRemoved(removed: boolean): void;
  reset(): void;
}

export interface ApplicationDeps {
  call: ContractClient['call'];
}

const INITIAL = {
  subject: null,
  status: 'idle',
  form: null,
  serviceName: '',
  materials: [],
  kioskSubmit: false,
  holders: [],
  holderIndex: 0,
  cards: {},
  skipped: [],
  agentMode: false,
  identifyError: null,
  values: {},
  unlocked: [],
  included: null,
  page: 0,
  returnTo: null,
  errors: [],
  busy: false,
  pages: {},
  promised: [],
  precheck: null,
  notice: null,
  consent: false,
  submitted: null,
  problem: null,
  cardRemoved: false,
} satisfies Partial<ApplicationState>;

function codeOf(error: unknown): string | null {
  return error instanceof ContractError ? error.code : null;
}

export function createApplicationStore({ call }: ApplicationDeps) {
  const store = create<ApplicationState>()((set, get) => {
    const flow = () => useFlowStore.getState();
    const pages = () => {
      const { form, included, values } = get();
      return form ? formPages(form, included, values) : [];
    };
    const input = () => {
      const { subject, values, promised } = get();
      if (!subject) throw new Error('no application loaded');
      return { subject: { kind: subject.kind, id: subject.id }, values, promised };
    };
    const guarded = async (work: () => Promise<void>) => {
      set({ busy: true, problem: null });
      try {
        await work();
      } catch (error) {
        set({ problem: errorMessage(error) });
      } finally {
        set({ busy: false });
      }
    };
    const holderDone = () => {
      const { holderIndex, holders } = get();
      if (holderIndex + 1 < holders.length) set({ holderIndex: holderIndex + 1, identifyError: null });
      else {
        set({ page: 0, returnTo: null, errors: [] });
        flow().go('form');
      }
    };

    return {
      ...INITIAL,
      async load(subject) {
        set({ ...INITIAL, subject, status: 'loading' });
        try {
          const [form, guide] = await Promise.all([
            call('catalog.form', { kind: subject.kind, id: subject.id }),
            subject.kind === 'item' ? call('catalog.item', { id: subject.id }) : call('catalog.bundle', { id: subject.id }),
          ]);
          if (get().subject !== subject) return;
          const holders = formHolders(form);
          set({ status: 'ready', form, serviceName: guide.name, materials: guide.materials, kioskSubmit: guide.kiosk.submit, holders: holders.length > 0 ? holders : ['applicant'] });
          // The flow reaches identify before the form is here, so its ask for a card already on the reader
          // (no new card event will come for it) found no form: ask again now.
          if (flow().step === 'identify') await get().cardPlaced();
        } catch (error) {
          if (get().subject === subject) set({ status: 'error', problem: errorMessage(error) });
        }
      },
      async cardPlaced() {
        const { holders, holderIndex, agentMode, form, busy } = get();
        if (busy || !form) return;
        const holder = agentMode && !get().cards.agent ? 'agent' : holders[holderIndex];
        if (!holder) return;
        set({ busy: true, identifyError: null });
        try {
          const details = await call('session.useCard', { holder });
          set((s) => ({ cards: { ...s.cards, [holder]: details }, values: { ...s.values, ...prefillFrom(form, details) }, cardRemoved: false }));
        } catch (error) {
          // NOT_FOUND: no card yet — the page keeps waiting for one.
          if (codeOf(error) !== 'NOT_FOUND') set({ identifyError: errorMessage(error) });
        } finally {
          set({ busy: false });
        }
      },
      confirmHolder() {
        const holder = get().holders[get().holderIndex];
        if (holder && get().cards[holder]) holderDone();
      },
      skipHolder() {
        const { holderIndex, holders } = get();
        const holder = holders[holderIndex];
        if (holderIndex === 0 || !holder) return;
        set((s) => ({ skipped: [...s.skipped, holder] }));
        holderDone();
      },
      async setAgentMode(on) {
        const { holderIndex, holders, form } = get();
        if (holderIndex !== 0 || !form) return;
        const first = holders[0] ?? 'applicant';
        // Whatever the first holder's card filled in goes: it was the agent's, or will be the principal's.
        const withoutFirst = (s: ApplicationState) => {
          const cards = { ...s.cards };
          delete cards.agent;
          delete cards[first];
          const values = { ...s.values };
          for (const section of form.sections) for (const f of section.fields) if (f.prefill?.cardHolder === first) delete values[f.id];
          return { cards, values };
        };
        if (!on) await call('session.clearAgent').catch(() => undefined);
        set((s) => ({ agentMode: on, identifyError: null, ...withoutFirst(s) }));
        if (on) await get().cardPlaced();
      },
      async setPrincipal({ name, idNumber, relation }) {
        const form = get().form;
        const holder = get().holders[0] ?? 'applicant';
        if (!form) return [];
        try {
          const details = await call('session.setAgent', { holder, name, idNumber, relation });
          set((s) => ({ cards: { ...s.cards, [holder]: details }, values: { ...s.values, ...prefillFrom(form, details) } }));
          return [];
        } catch (error) {
          if (error instanceof ContractError && error.issues) return error.issues.map((i) => ({ field: i.path, message: issueMessage(i) }));
          return [{ field: 'form', message: errorMessage(error) }];
        }
      },
      setValue(field, value) {
        set((s) => ({ values: { ...s.values, [field]: value }, errors: s.errors.filter((e) => e.field !== field) }));
      },
      unlock(field) {
        set((s) => ({ unlocked: s.unlocked.includes(field) ? s.unlocked : [...s.unlocked, field] }));
      },
      async nextPage() {
        const list = pages();
        const section = list[get().page];
        if (!section || get().busy) return;
        await guarded(async () => {
          const { subject, values } = input();
          const { problems, includedMembers } = await call('application.check', { subject, values, fields: section.fields.map((f) => f.id) });
          set({ errors: problems, included: includedMembers });
          if (problems.length > 0) return;
          const after = pages();
          const here = after.findIndex((s) => s.id === section.id);
          if (get().returnTo === 'review') {
            set({ returnTo: null });
            flow().go('review');
          } else if (here + 1 < after.length) set({ page: here + 1 });
          else flow().go('materials');
        });
      },
      prevPage() {
        if (get().page > 0) set({ page: get().page - 1, errors: [] });
        else flow().go('identify');
      },
      openPage(index, returnTo = null) {
        const step = flow().step;
        if (step !== 'form' && !flow().go('form')) return;
        set({ page: Math.max(0, Math.min(index, pages().length - 1)), returnTo, errors: [] });
      },
      openField(field, returnTo = null) {
        const index = pageOfField(pages(), field);
        if (index >= 0) get().openPage(index, returnTo);
      },
      async addPage(material, jpegBase64) {
        await guarded(async () => {
          const { pages: count } = await call('application.addPage', { material, jpeg: jpegBase64 });
          set((s) => ({ pages: { ...s.pages, [material]: count }, promised: s.promised.filter((m) => m !== material) }));
        });
      },
      async clearPages(material) {
        await guarded(async () => {
          let count = get().pages[material] ?? 0;
          while (count > 0) ({ pages: count } = await call('application.removePage', { material, index: count - 1 }));
          set((s) => ({ pages: { ...s.pages, [material]: 0 } }));
        });
      },
      togglePromise(material) {
        set((s) => ({ promised: s.promised.includes(material) ? s.promised.filter((m) => m !== material) : [...s.promised, material] }));
      },
      async runPrecheck() {
        await guarded(async () => {
          const result = await call('application.precheck', input());
          set({ precheck: result, included: result.includedMembers, notice: null });
          flow().go('precheck');
        });
      },
      async printNotice(english) {
        await guarded(async () => {
          set({ notice: await call('application.printNotice', { ...input(), english }) });
        });
      },
      setConsent(consent) {
        set({ consent });
      },
      async submit(english) {
        if (!get().consent || get().submitted) return;
        await guarded(async () => {
          try {
            const submitted = await call('application.submit', { ...input(), consent: true, english });
            set({ submitted });
            flow().go('submitted');
          } catch (error) {
            if (error instanceof ContractError && error.code === 'BAD_INPUT' && error.issues) {
              // The terminal found something the pre-check had not: show it there, with links to fix it.
              set({ precheck: { ok: false, includedMembers: get().included ?? [], problems: error.issues.map((i) => ({ kind: i.path.startsWith('material:') ? 'missing-material' : 'invalid-value', ...(i.path.startsWith('material:') ? { material: i.path.slice(9) } : { field: i.path }), reason: i.reason, params: i.params, blocking: true })) } });
              flow().go('precheck');
              return;
            }
            throw error;
          }
        });
      },
      async reprint(english) {
        const submitted = get().submitted;
        if (!submitted) return;
        await guarded(async () => {
          const receipt = await call('application.reprint', { english });
          set({ submitted: { ...submitted, receipt } });
        });
      },
      setCardRemoved(removed) {
        set({ cardRemoved: removed });
      },
      reset() {
        set({ ...INITIAL });
      },
    };
  });

  registerSessionReset(() => store.getState().reset());
  onApplicationAbandoned(() => {
    store.getState().reset();
    // A fresh privileged session: the cards and pages of the abandoned application are forgotten there too.
    void call('session.begin').catch(() => undefined);
  });
  return store;
}
