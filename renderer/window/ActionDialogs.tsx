import { useEffect, useState } from 'react';
import type { FormEvent, KeyboardEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { WindowApplicationView, WindowSupplementIssue } from '../../src/contract';
import { api } from '../api/client';
import { reasonMessage } from '../api/error-message';
import { useWindowStore } from './window-store';

/** A refusal while the dialog stays open (e.g. the wrong person's card at hand-out), said inside the dialog. */
function DialogAlert() {
  const { t } = useTranslation();
  const outcome = useWindowStore((s) => s.outcome);
  if (outcome?.kind === 'act' && outcome.result.outcome === 'refused') {
    return (
      <p className="window-error" role="alert" data-testid="dialog-alert">
        {reasonMessage(outcome.result.reason, undefined, null, t)}
      </p>
    );
  }
  return outcome?.kind === 'error' ? (
    <p className="window-error" role="alert" data-testid="dialog-alert">
      {outcome.message}
    </p>
  ) : null;
}

function Modal({ title, children, onSubmit, testId }: { title: string; children: ReactNode; onSubmit: () => void; testId: string }) {
  const { t } = useTranslation();
  const busy = useWindowStore((s) => s.busy);
  const close = () => useWindowStore.getState().setDialog(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!busy) onSubmit();
  };
  const onKey = (event: KeyboardEvent) => {
    if (event.key === 'Escape') close();
    if (event.key === 'Enter' && event.ctrlKey && !busy) {
      event.preventDefault();
      onSubmit();
    }
  };
  return (
    <div className="window-modal-backdrop" role="presentation">
      <form className="window-modal" role="dialog" aria-modal="true" aria-label={title} data-testid={testId} onSubmit={submit} onKeyDown={onKey}>
        <h2>{title}</h2>
        <DialogAlert />
        <div className="window-modal-body">{children}</div>
        <div className="window-modal-buttons">
          <button type="button" className="wbtn" onClick={close}>
            {t('window.actions.cancel')}
            <kbd>Esc</kbd>
          </button>
          <button type="submit" className="wbtn wbtn-primary" data-testid="dialog-confirm" disabled={busy} autoFocus={testId === 'dialog-accept'}>
            {busy ? t('window.actions.busy') : t('window.actions.confirm')}
            <kbd>{testId === 'dialog-accept' ? 'Enter' : 'Ctrl+Enter'}</kbd>
          </button>
        </div>
      </form>
    </div>
  );
}

function AcceptDialog({ view }: { view: WindowApplicationView }) {
  const { t } = useTranslation();
  return (
    <Modal title={t('window.accept.title')} testId="dialog-accept" onSubmit={() => void useWindowStore.getState().act({ action: 'accept' })}>
      <p>{t('window.accept.body', { item: view.itemName, tracking: view.trackingNumber })}</p>
      <p className="window-muted">{t('window.accept.promise')}</p>
    </Modal>
  );
}

interface Candidate extends WindowSupplementIssue {
  key: string;
  checked: boolean;
}

/** Every material and every pre-check problem as a tickable line; blocking problems start ticked. */
export function supplementCandidates(view: WindowApplicationView, formLabel: string): Candidate[] {
  const byMaterial = new Map(view.precheck.problems.filter((p) => p.kind.includes('material') || p.kind === 'too-few-pages').map((p) => [p.subject, p]));
  const materials = view.materials.map((m): Candidate => {
    const problem = byMaterial.get(m.name);
    return {
      key: `m:${m.key}`,
      material: m.name.slice(0, 120),
      problem: m.pages.length === 0 ? 'missing' : 'incorrect',
      detail: (problem?.message ?? '').slice(0, 300),
      whereToGet: '',
      checked: problem?.blocking === true,
    };
  });
  const fields = view.precheck.problems
    .filter((p) => !(p.kind.includes('material') || p.kind === 'too-few-pages'))
    .map((p, i): Candidate => ({ key: `f:${i}`, material: `${formLabel}：${p.subject}`.slice(0, 120), problem: 'incorrect', detail: p.message.slice(0, 300), whereToGet: '', checked: p.blocking }));
  return [...fields, ...materials];
}

function SupplementDialog({ view }: { view: WindowApplicationView }) {
  const { t } = useTranslation();
  const [items, setItems] = useState<Candidate[]>(() => supplementCandidates(view, t('window.detail.form')));
  const [error, setError] = useState(false);
  const update = (key: string, change: Partial<Candidate>) => setItems((list) => list.map((c) => (c.key === key ? { ...c, ...change } : c)));
  const chosen = items.filter((c) => c.checked);
  const submit = () => {
    if (chosen.length === 0) return setError(true);
    void useWindowStore.getState().act({ action: 'supplement', issues: chosen.map(({ material, problem, detail, whereToGet }) => ({ material, problem, detail, whereToGet })) });
  };
  return (
    <Modal title={t('window.supplement.title')} testId="dialog-supplement" onSubmit={submit}>
      <p className="window-muted">{t('window.supplement.hint')}</p>
      <ul className="window-issues">
        {items.map((c, i) => (
          <li key={c.key} className={c.checked ? 'window-issue-on' : ''}>
            <label className="window-check">
              <input type="checkbox" data-testid="issue-check" checked={c.checked} autoFocus={i === 0} onChange={(e) => update(c.key, { checked: e.target.checked })} />
              <strong>{c.material}</strong>
            </label>
            <select aria-label={c.material} value={c.problem} onChange={(e) => update(c.key, { problem: e.target.value === 'missing' ? 'missing' : 'incorrect' })}>
              <option value="missing">{t('window.supplement.missing')}</option>
              <option value="incorrect">{t('window.supplement.incorrect')}</option>
            </select>
            <input aria-label={t('window.supplement.detail')} placeholder={t('window.supplement.detail')} value={c.detail} maxLength={300} onChange={(e) => update(c.key, { detail: e.target.value })} />
            <input aria-label={t('window.supplement.whereToGet')} placeholder={t('window.supplement.whereToGet')} value={c.whereToGet} maxLength={200} onChange={(e) => update(c.key, { whereToGet: e.target.value })} />
          </li>
        ))}
      </ul>
      <p className={error && chosen.length === 0 ? 'window-error' : 'window-muted'} data-testid="issue-count">
        {chosen.length === 0 ? t('window.supplement.none') : t('window.supplement.count', { count: chosen.length })}
      </p>
    </Modal>
  );
}

function RejectDialog() {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const presets = ['notCompetent', 'notRequired', 'notSupplied'] as const;
  return (
    <Modal title={t('window.reject.title')} testId="dialog-reject" onSubmit={() => reason.trim() && void useWindowStore.getState().act({ action: 'reject', reason: reason.trim() })}>
      <p className="window-muted">{t('window.reject.hint')}</p>
      <div className="window-presets">
        {presets.map((p) => (
          <button key={p} type="button" className="wbtn wbtn-small" onClick={() => setReason(t(`window.reject.presets.${p}`))}>
            {t(`window.reject.presets.${p}`).slice(0, 18)}…
          </button>
        ))}
      </div>
      <label className="window-field">
        <span>{t('window.reject.reason')}</span>
        <textarea data-testid="reject-reason" autoFocus rows={4} maxLength={2000} value={reason} onChange={(e) => setReason(e.target.value)} />
      </label>
    </Modal>
  );
}

function SpecialDialog({ view }: { view: WindowApplicationView }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState(view.specialOptions[0]?.name ?? '');
  const [reason, setReason] = useState('');
  return (
    <Modal title={t('window.special.title')} testId="dialog-special" onSubmit={() => kind && void useWindowStore.getState().act({ action: 'special', specialKind: kind, ...(reason.trim() ? { reason: reason.trim() } : {}) })}>
      <p className="window-muted">{t('window.special.hint')}</p>
      {view.specialOptions.length === 0 && <p className="window-error">{t('window.special.none')}</p>}
      {view.specialOptions.map((o, i) => (
        <label key={o.name} className="window-check window-option">
          <input type="radio" name="special" autoFocus={i === 0} checked={kind === o.name} onChange={() => setKind(o.name)} />
          <span>
            <strong>{o.description}</strong> · {t('window.special.limit', { value: o.maxDays, unit: t(`window.special.${o.unit}`) })} · {o.countedInLimit ? t('window.special.counted') : t('window.special.notCounted')}
          </span>
        </label>
      ))}
      <label className="window-field">
        <span>{t('window.special.reason')}</span>
        <input value={reason} maxLength={500} onChange={(e) => setReason(e.target.value)} />
      </label>
    </Modal>
  );
}

function HandoutDialog() {
  const { t } = useTranslation();
  const [method, setMethod] = useState<'collect' | 'mail'>('collect');
  const [tracking, setTracking] = useState('');
  const [agent, setAgent] = useState<string | null>(null);
  const view = useWindowStore((s) => s.view);
  const recordAgent = async () => {
    if (!view) return;
    const result = await api.call('window.recordAgent', { applicationId: view.applicationId });
    setAgent(result.ok ? t('window.handout.agentRecorded') : `${t('window.handout.agentFailed')}${result.reason === 'no-card' ? `：${t('window.find.noCard')}` : ''}`);
    if (result.ok) void useWindowStore.getState().open(view.applicationId);
  };
  const submit = () => {
    const store = useWindowStore.getState();
    if (method === 'collect') void store.handout({ method: 'collect' });
    else if (/^[0-9A-Za-z-]{6,40}$/.test(tracking.trim())) void store.handout({ method: 'mail', mailTracking: tracking.trim() });
  };
  return (
    <Modal title={t('window.handout.title')} testId="dialog-handout" onSubmit={submit}>
      <label className="window-check window-option">
        <input type="radio" name="handout" autoFocus checked={method === 'collect'} onChange={() => setMethod('collect')} data-testid="handout-collect" />
        <span>{t('window.handout.collect')}</span>
      </label>
      <label className="window-check window-option">
        <input type="radio" name="handout" checked={method === 'mail'} onChange={() => setMethod('mail')} data-testid="handout-mail" />
        <span>{t('window.handout.mail')}</span>
      </label>
      {method === 'collect' ? (
        <>
          <p className="window-muted">{t('window.handout.placeCard')}</p>
          <button type="button" className="wbtn wbtn-small" data-testid="record-agent" onClick={() => void recordAgent()}>
            {t('window.handout.recordAgent')}
          </button>
          {agent && <p className="window-muted">{agent}</p>}
        </>
      ) : (
        <label className="window-field">
          <span>{t('window.handout.mailTracking')}</span>
          <input data-testid="mail-tracking" value={tracking} maxLength={40} onChange={(e) => setTracking(e.target.value)} />
        </label>
      )}
    </Modal>
  );
}

/** The dialog of the chosen action, if any. */
export function ActionDialog() {
  const dialog = useWindowStore((s) => s.dialog);
  const view = useWindowStore((s) => s.view);
  useEffect(() => {
    if (dialog && !view) useWindowStore.getState().setDialog(null);
  }, [dialog, view]);
  if (!dialog || !view) return null;
  switch (dialog) {
    case 'accept':
      return <AcceptDialog view={view} />;
    case 'supplement':
      return <SupplementDialog view={view} />;
    case 'reject':
      return <RejectDialog />;
    case 'special':
      return <SpecialDialog view={view} />;
    case 'handout':
      return <HandoutDialog />;
  }
}
