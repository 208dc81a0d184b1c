import { useEffect, useRef, useState } from 'react';
import type { KeyboardEvent, RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { WindowQueueEntry } from '../../src/contract';
import { SHORTCUT_LABEL } from './shortcuts';
import { useWindowStore } from './window-store';

export function DeadlineBadge({ entry }: { entry: WindowQueueEntry }) {
  const { t } = useTranslation();
  const d = entry.deadline;
  if (!d.state || !d.due) return <span className="window-limit window-limit-none">{t('window.queue.noClock')}</span>;
  return (
    <span className={`window-limit window-limit-${d.state}`} data-testid="limit-badge" title={d.provisional ? t('window.queue.provisional') : undefined}>
      {t(`window.queue.limit.${d.state}`)} · {t(`window.queue.clock.${d.clock}`)} {d.due}
      {d.provisional ? '*' : ''}
    </span>
  );
}

function Row({ entry, active, onOpen }: { entry: WindowQueueEntry; active: boolean; onOpen: () => void }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLLIElement>(null);
  useEffect(() => {
    if (active) ref.current?.scrollIntoView({ block: 'nearest' });
  }, [active]);
  return (
    <li ref={ref} className={`window-row${active ? ' window-row-active' : ''}`} aria-selected={active} role="option" data-testid="queue-row" data-tracking={entry.trackingNumber} onClick={onOpen}>
      <div className="window-row-top">
        <DeadlineBadge entry={entry} />
        <span className="window-row-status">{t(`window.status.${entry.status}`, { defaultValue: entry.status })}</span>
        {entry.pending && <span className="window-pill window-pill-pending">{t('window.queue.pending')}</span>}
      </div>
      <div className="window-row-item">{entry.itemName}</div>
      <div className="window-row-meta">
        <span className="window-mono">{entry.trackingNumber}</span>
        <span>{entry.applicantName}</span>
        <span>{entry.departmentName}</span>
      </div>
    </li>
  );
}

/** Find (typed number, scanned receipt, ID card) above the queue of this window's categories, most urgent first. */
export function QueuePanel({ findRef }: { findRef: RefObject<HTMLInputElement | null> }) {
  const { t } = useTranslation();
  const queue = useWindowStore((s) => s.queue);
  const found = useWindowStore((s) => s.found);
  const cursor = useWindowStore((s) => s.cursor);
  const openId = useWindowStore((s) => s.view?.applicationId ?? null);
  const [text, setText] = useState('');
  const list = found ?? queue?.applications ?? [];
  const store = useWindowStore.getState;

  const onListKey = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      store().move(event.key === 'ArrowDown' ? 1 : -1);
    } else if (event.key === 'Enter') {
      const entry = list[store().cursor];
      if (entry) void store().open(entry.applicationId);
    }
  };

  return (
    <section className="window-queue" aria-label={t('window.queue.title', { count: list.length })}>
      <form
        className="window-find"
        onSubmit={(e) => {
          e.preventDefault();
          void store().find(text);
        }}
      >
        <label className="window-field">
          <span>
            {t('window.find.label')} <kbd>{SHORTCUT_LABEL.find}</kbd>
          </span>
          <input ref={findRef} data-testid="find-input" value={text} maxLength={200} placeholder={t('window.find.placeholder')} onChange={(e) => setText(e.target.value)} />
        </label>
        <div className="window-find-buttons">
          <button type="submit" className="wbtn wbtn-primary" data-testid="find-submit">
            {t('window.find.submit')}
            <kbd>Enter</kbd>
          </button>
          <button type="button" className="wbtn" data-testid="find-card" onClick={() => void store().findByCard()}>
            {t('window.find.card')}
            <kbd>{SHORTCUT_LABEL.card}</kbd>
          </button>
        </div>
      </form>
      <div className="window-queue-head">
        <h2>{found ? t('window.find.results', { count: found.length }) : t('window.queue.title', { count: list.length })}</h2>
        {found && (
          <button type="button" className="wbtn wbtn-small" onClick={() => store().clearFind()}>
            {t('window.find.back')}
          </button>
        )}
      </div>
      {!queue && !found ? (
        <p className="window-muted">{t('window.queue.loading')}</p>
      ) : list.length === 0 ? (
        <p className="window-muted" data-testid="queue-empty">
          {t('window.queue.empty')}
        </p>
      ) : (
        <ul className="window-list" role="listbox" tabIndex={0} aria-activedescendant={undefined} data-testid="queue" onKeyDown={onListKey}>
          {list.map((entry, i) => (
            <Row key={entry.applicationId} entry={entry} active={i === cursor || entry.applicationId === openId} onOpen={() => void store().open(entry.applicationId)} />
          ))}
        </ul>
      )}
    </section>
  );
}
