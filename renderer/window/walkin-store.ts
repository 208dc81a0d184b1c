// Walk-in intake (现场受理) at the window as a state machine: pick the service from the catalogue search, read
// the citizen's card(s), fill the kiosk's merged form, mark the materials checked on paper, pre-check, submit
// (accepted on the spot, 受理通知书 printed). Every decision is the privileged side's (window.walkin.*); the
// form helpers are the kiosk's (renderer/citizen/form-pages.ts).
import { create } from 'zustand';
import { ContractError } from '../../src/contract';
import type { CardDetails, FormValueWire, MergedFormWire, PrecheckWire, SearchHitWire, Subject, WalkInResult, WireMaterial } from '../../src/contract';
import type { z } from 'zod';
import { api } from '../api/client';
import { errorMessage } from '../api/error-message';
import { formHolders, prefillFrom } from '../citizen/form-pages';

type Hit = z.infer<typeof SearchHitWire>;

export type WalkInPhase = 'closed' | 'pick' | 'form' | 'done';

interface WalkInStore {
  phase: WalkInPhase;
  query: string;
  hits: Hit[];
  subject: Subject | null;
  name: string;
  form: MergedFormWire | null;
  materials: WireMaterial[];
  holders: string[];
  cards: Record<string, CardDetails>;
  values: Record<string, FormValueWire | undefined>;
  /** Materials whose originals staff checked on paper. */
  paper: string[];
  /** 容缺 materials the citizen promises to bring. */
  promised: string[];
  /** Pages held on the privileged side per material captured with the document camera. */
  pages: Record<string, number>;
  /** The material whose pages the document camera dialog is capturing. */
  camera: string | null;
  precheck: PrecheckWire | null;
  result: WalkInResult | null;
  busy: boolean;
  problem: string | null;
  open(): void;
  close(): Promise<void>;
  search(query: string): Promise<void>;
  choose(hit: Pick<Hit, 'kind' | 'id'>): Promise<void>;
  /** Reads the card on the reader for the next holder without a card (or `holder`). */
  readCard(holder?: string): Promise<void>;
  setValue(field: string, value: FormValueWire): void;
  togglePaper(key: string): void;
  togglePromise(key: string): void;
  openCamera(key: string): void;
  closeCamera(): void;
  /** Replaces the material's pages on the privileged side with these (base64 JPEGs); closes the camera. */
  savePages(key: string, jpegs: readonly string[]): Promise<void>;
  runPrecheck(): Promise<boolean>;
  submit(): Promise<void>;
}

const INITIAL = {
  phase: 'closed' as WalkInPhase,
  query: '',
  hits: [],
  subject: null,
  name: '',
  form: null,
  materials: [],
  holders: [],
  cards: {},
  values: {},
  paper: [],
  promised: [],
  pages: {},
  camera: null,
  precheck: null,
  result: null,
  busy: false,
  problem: null,
};

const toggle = (list: readonly string[], key: string) => (list.includes(key) ? list.filter((k) => k !== key) : [...list, key]);

/** The answer's values without the fields nobody answered. */
function answered(values: Record<string, FormValueWire | undefined>): Record<string, FormValueWire> {
  return Object.fromEntries(Object.entries(values).filter((e): e is [string, FormValueWire] => e[1] !== undefined));
}

export const useWalkInStore = create<WalkInStore>()((set, get) => {
  const input = () => {
    const { subject, values, promised, paper } = get();
    if (!subject) throw new Error('no service chosen');
    return { subject, values: answered(values), promised, paper };
  };
  /** A refusal listing problems (the submit re-check) becomes the pre-check on screen. */
  const asPrecheck = (error: ContractError): PrecheckWire => ({
    ok: false,
    includedMembers: get().precheck?.includedMembers ?? [],
    problems: (error.issues ?? []).map((i) =>
      i.path.startsWith('material:')
        ? { kind: 'missing-material' as const, material: i.path.slice(9), reason: i.reason, params: i.params, blocking: true }
        : { kind: 'invalid-value' as const, field: i.path, reason: i.reason, params: i.params, blocking: true },
    ),
  });

  return {
    ...INITIAL,
    open: () => set({ ...INITIAL, phase: 'pick' }),
    close: async () => {
      set({ ...INITIAL });
      await api.call('window.walkin.cancel').catch(() => undefined);
    },
    search: async (query) => {
      set({ query });
      if (!query.trim()) return set({ hits: [] });
      try {
        const { hits } = await api.call('catalog.search', { query: query.trim(), limit: 12 });
        if (get().query === query) set({ hits });
      } catch (error) {
        set({ problem: errorMessage(error) });
      }
    },
    choose: async ({ kind, id }) => {
      set({ busy: true, problem: null });
      try {
        const subject = { kind, id };
        const begun = await api.call('window.walkin.begin', { subject });
        const [form, guide] = await Promise.all([api.call('catalog.form', { kind, id }), kind === 'item' ? api.call('catalog.item', { id }) : api.call('catalog.bundle', { id })]);
        const holders = formHolders(form);
        set({ ...INITIAL, phase: 'form', subject, name: begun.name, form, materials: guide.materials, holders: holders.length > 0 ? holders : ['applicant'] });
      } catch (error) {
        set({ busy: false, problem: errorMessage(error) });
      }
    },
    readCard: async (holder) => {
      const { holders, cards, form } = get();
      const target = holder ?? holders.find((h) => !cards[h]) ?? holders[0];
      if (!target || !form) return;
      set({ busy: true, problem: null });
      try {
        const details = await api.call('window.walkin.useCard', { holder: target });
        set((s) => ({ busy: false, cards: { ...s.cards, [target]: details }, values: { ...s.values, ...prefillFrom(form, details) } }));
      } catch (error) {
        set({ busy: false, problem: errorMessage(error) });
      }
    },
    setValue: (field, value) => set((s) => ({ values: { ...s.values, [field]: value } })),
    togglePaper: (key) => set((s) => ({ paper: toggle(s.paper, key), promised: s.promised.filter((k) => k !== key) })),
    togglePromise: (key) => set((s) => ({ promised: toggle(s.promised, key), paper: s.paper.filter((k) => k !== key) })),
    openCamera: (key) => set({ camera: key, problem: null }),
    closeCamera: () => set({ camera: null }),
    savePages: async (key, jpegs) => {
      set({ busy: true, problem: null });
      try {
        let count = get().pages[key] ?? 0;
        while (count > 0) ({ pages: count } = await api.call('window.walkin.removePage', { material: key, index: count - 1 }));
        for (const jpeg of jpegs) ({ pages: count } = await api.call('window.walkin.addPage', { material: key, jpeg }));
        // Captured pages stand for the material: not also ticked on paper or promised.
        set((s) => ({
          busy: false,
          camera: null,
          pages: { ...s.pages, [key]: count },
          ...(count > 0 ? { paper: s.paper.filter((k) => k !== key), promised: s.promised.filter((k) => k !== key) } : {}),
        }));
      } catch (error) {
        set({ busy: false, problem: errorMessage(error) });
      }
    },
    runPrecheck: async () => {
      set({ busy: true, problem: null });
      try {
        const precheck = await api.call('window.walkin.precheck', input());
        set({ busy: false, precheck });
        return precheck.ok;
      } catch (error) {
        set({ busy: false, problem: errorMessage(error) });
        return false;
      }
    },
    submit: async () => {
      if (get().busy) return;
      if (!(await get().runPrecheck())) return;
      set({ busy: true, problem: null });
      try {
        const result = await api.call('window.walkin.submit', input());
        set({ ...INITIAL, phase: 'done', result, name: get().name });
      } catch (error) {
        if (error instanceof ContractError && error.code === 'BAD_INPUT' && (error.issues?.length ?? 0) > 0) set({ busy: false, precheck: asPrecheck(error) });
        else set({ busy: false, problem: errorMessage(error) });
      }
    },
  };
});
