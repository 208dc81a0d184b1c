import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { WindowActionName } from '../../src/contract';
import { api } from '../api/client';
import { SHORTCUT_LABEL } from './shortcuts';
import type { Command } from './shortcuts';
import { useWindowStore } from './window-store';

const BUTTONS: { action: WindowActionName; command: Command; primary?: boolean }[] = [
  { action: 'accept', command: 'accept', primary: true },
  { action: 'supplement', command: 'supplement' },
  { action: 'reject', command: 'reject' },
  { action: 'special', command: 'special' },
  { action: 'endSpecial', command: 'special' },
  { action: 'handout', command: 'handout', primary: true },
];

/** The actions the application's state allows, each with its shortcut; and the request for a rating. */
export function ActionBar({ staff }: { staff: { name: string; number: string } | null }) {
  const { t } = useTranslation();
  const view = useWindowStore((s) => s.view);
  const busy = useWindowStore((s) => s.busy);
  const setDialog = useWindowStore((s) => s.setDialog);
  const act = useWindowStore((s) => s.act);
  const setOutcome = useWindowStore((s) => s.setOutcome);

  const evaluate = () => {
    const v = useWindowStore.getState().view;
    if (!v || v.stale) return;
    // The platform holds the application: its item code and department go with the rating (一次一评 ledger).
    api.call('evaluation.request', { applicationId: v.applicationId, serviceName: v.itemName.slice(0, 100), staff, ...(v.itemCode ? { itemCode: v.itemCode.slice(0, 64) } : {}), ...(v.department ? { department: v.department.slice(0, 128) } : {}) }).then(
      () => setOutcome({ kind: 'info', key: 'window.result.evaluationRequested' }),
      () => setOutcome({ kind: 'info', key: 'window.result.evaluationFailed' }),
    );
  };

  useEffect(() => {
    const onEvaluate = () => evaluate();
    document.addEventListener('window-evaluate', onEvaluate);
    return () => document.removeEventListener('window-evaluate', onEvaluate);
  });

  if (!view) return null;
  const allowed = new Set(view.actions);
  return (
    <div className="window-actions" role="toolbar" aria-label={t('window.actions.accept')}>
      {BUTTONS.filter((b) => allowed.has(b.action)).map((b) => (
        <button
          key={b.action}
          type="button"
          className={`wbtn wbtn-action${b.primary ? ' wbtn-primary' : ''}${b.action === 'reject' ? ' wbtn-danger' : ''}`}
          data-testid={`action-${b.action}`}
          disabled={busy || (view.stale && b.action === 'handout')}
          onClick={() => (b.action === 'endSpecial' ? void act({ action: 'endSpecial' }) : setDialog(b.action === 'special' ? 'special' : b.action))}
        >
          {t(`window.actions.${b.action}`)}
          <kbd>{SHORTCUT_LABEL[b.command]}</kbd>
        </button>
      ))}
      <span className="window-actions-spacer" />
      <button type="button" className="wbtn wbtn-action" data-testid="action-evaluate" disabled={view.stale} onClick={evaluate}>
        {t('window.actions.evaluate')}
        <kbd>{SHORTCUT_LABEL.evaluate}</kbd>
      </button>
    </div>
  );
}
