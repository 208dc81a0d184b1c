import { useEffect, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldInput } from '../citizen/FieldInput';
import { fieldLocked, fieldShown, formPages } from '../citizen/form-pages';
import { materialsToCapture } from '../citizen/MaterialsScreen';
import { materialDone } from '../citizen/material-progress';
import '../citizen/form.css';
import { api } from '../api/client';
import { issueMessage } from '../api/error-message';
import { SHORTCUT_LABEL } from './shortcuts';
import { WalkInCamera } from './WalkInCamera';
import { useWalkInStore } from './walkin-store';
import './walkin.css';

/** Step 1: the service, from the catalogue's search index (name, pinyin, initials, aliases). */
function Pick() {
  const { t } = useTranslation();
  const { query, hits, search, choose, busy } = useWalkInStore();
  const [cursor, setCursor] = useState(0);
  const onKey = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setCursor((c) => Math.max(0, Math.min(hits.length - 1, c + (event.key === 'ArrowDown' ? 1 : -1))));
    } else if (event.key === 'Enter') {
      const hit = hits[cursor];
      if (hit) void choose(hit);
    }
  };
  return (
    <section className="walkin-pick" aria-labelledby="walkin-pick-title">
      <h2 id="walkin-pick-title">{t('window.walkin.pickTitle')}</h2>
      <label className="window-field">
        {t('window.walkin.search')}
        <input
          autoFocus
          value={query}
          data-testid="walkin-search"
          onChange={(e) => {
            setCursor(0);
            void search(e.target.value);
          }}
          onKeyDown={onKey}
          aria-describedby="walkin-search-hint"
        />
      </label>
      <p id="walkin-search-hint" className="window-muted">
        {t('window.walkin.searchHint')}
      </p>
      <ul className="walkin-hits" role="listbox" aria-label={t('window.walkin.pickTitle')}>
        {hits.map((hit, i) => (
          <li key={`${hit.kind}:${hit.id}`} role="option" aria-selected={i === cursor}>
            <button type="button" className={`wbtn walkin-hit${i === cursor ? ' walkin-hit-active' : ''}`} data-testid="walkin-hit" disabled={busy} onClick={() => void choose(hit)}>
              <span>{hit.name}</span>
              <span className="window-muted">{hit.kind === 'bundle' ? t('window.walkin.bundle') : hit.id}</span>
            </button>
          </li>
        ))}
      </ul>
      {query.trim() !== '' && hits.length === 0 && <p className="window-muted">{t('window.walkin.none')}</p>}
    </section>
  );
}

/** Step 2: cards, the merged form, the materials checklist, pre-check, submit. */
function Intake() {
  const { t } = useTranslation();
  const s = useWalkInStore();
  if (!s.form) return null;
  const included = s.precheck?.includedMembers ?? null;
  const sections = formPages(s.form, included, s.values);
  const fieldErrors = new Map(s.precheck?.problems.flatMap((p) => (p.field ? [[p.field, issueMessage(p, t)] as const] : [])) ?? []);
  const materialErrors = new Map(s.precheck?.problems.flatMap((p) => (p.material ? [[p.material, issueMessage(p, t)] as const] : [])) ?? []);
  const labels = new Map(s.form.sections.flatMap((section) => section.fields.map((f) => [f.id, f.label] as const)));
  const names = new Map(s.materials.map((m) => [m.key, m.name] as const));
  const subjectOf = (p: { field?: string | undefined; material?: string | undefined }) => (p.field ? (labels.get(p.field) ?? p.field) : (names.get(p.material ?? '') ?? p.material ?? ''));
  const blocking = s.precheck?.problems.filter((p) => p.blocking) ?? [];
  const materials = materialsToCapture(s.materials, included);
  const camera = s.camera ? s.materials.find((m) => m.key === s.camera) : undefined;

  return (
    <div className="walkin-grid">
      <aside className="walkin-side">
        <h2>{s.name}</h2>
        <section aria-labelledby="walkin-cards">
          <h3 id="walkin-cards">{t('window.walkin.citizen')}</h3>
          <ul className="walkin-list" data-testid="walkin-cards">
            {s.holders.map((holder) => {
              const card = s.cards[holder];
              return (
                <li key={holder} className="walkin-card">
                  <span className="walkin-card-role">{t(`window.walkin.holders.${holder}`, { defaultValue: holder })}</span>
                  <span data-testid={`walkin-card-${holder}`}>{card ? `${card.maskedName} · ${card.maskedIdNumber}` : t('window.walkin.noCard')}</span>
                  <button type="button" className="wbtn wbtn-small" disabled={s.busy} onClick={() => void s.readCard(holder)} data-testid={`walkin-read-${holder}`}>
                    {t('window.walkin.readCard')}
                    {holder === s.holders.find((h) => !s.cards[h]) && <kbd>{SHORTCUT_LABEL.card}</kbd>}
                  </button>
                </li>
              );
            })}
          </ul>
        </section>
        <section aria-labelledby="walkin-materials">
          <h3 id="walkin-materials">
            {t('window.walkin.materials')} <span className="window-muted walkin-hint">{t('window.walkin.captureHint', { key: SHORTCUT_LABEL.camera })}</span>
          </h3>
          <ul className="walkin-list" data-testid="walkin-materials">
            {materials.map((m) => (
              <li
                key={m.key}
                className="walkin-material"
                data-testid={`walkin-material-${m.key}`}
                data-material={m.key}
                data-complete={materialDone(m, s.pages[m.key] ?? 0, [...s.paper, ...s.promised])}
              >
                <span className="walkin-material-name">{m.name}</span>
                {materialErrors.get(m.key) && <span className="window-error">{materialErrors.get(m.key)}</span>}
                <span className="walkin-capture">
                  <button type="button" className="wbtn wbtn-small" disabled={s.busy} onClick={() => s.openCamera(m.key)} data-testid={`walkin-capture-${m.key}`}>
                    {(s.pages[m.key] ?? 0) > 0 ? t('window.walkin.recapture') : t('window.walkin.capture')}
                  </button>
                  <span className="window-muted" data-testid={`walkin-pages-${m.key}`}>
                    {t('window.walkin.cameraPages', { count: s.pages[m.key] ?? 0, min: m.minPages })}
                  </span>
                </span>
                <label className="walkin-check">
                  <input type="checkbox" checked={s.paper.includes(m.key)} onChange={() => s.togglePaper(m.key)} data-testid={`walkin-paper-${m.key}`} />
                  {t('window.walkin.paper')}
                </label>
                {m.necessity === 'tolerant' && (
                  <label className="walkin-check">
                    <input type="checkbox" checked={s.promised.includes(m.key)} onChange={() => s.togglePromise(m.key)} />
                    {t('window.walkin.promise', { days: m.tolerancePromiseWorkdays ?? 0 })}
                  </label>
                )}
              </li>
            ))}
          </ul>
        </section>
        {s.precheck && (
          <section aria-live="polite" data-testid="walkin-precheck" className={blocking.length === 0 ? 'window-banner window-banner-ok' : 'window-banner window-banner-error'}>
            {blocking.length === 0 ? t('window.walkin.precheckOk') : t('window.walkin.precheckProblems', { count: blocking.length })}
            {blocking.length > 0 && (
              <ul>
                {blocking.map((p) => (
                  <li key={`${p.kind}:${p.field ?? p.material ?? ''}`}>
                    {subjectOf(p)}：{issueMessage(p, t)}
                  </li>
                ))}
              </ul>
            )}
          </section>
        )}
      </aside>
      {camera && <WalkInCamera material={camera} />}
      <section className="walkin-form" aria-label={t('window.walkin.form')} data-testid="walkin-form">
        {sections.map((section) => (
          <fieldset key={section.id} className="walkin-section">
            <legend>{section.title}</legend>
            <div className="form-page">
              {section.fields
                .filter((f) => fieldShown(f, s.values))
                .map((field) => (
                  <FieldInput
                    key={field.id}
                    native
                    field={field}
                    value={s.values[field.id]}
                    locked={fieldLocked(field, s.cards)}
                    editable={false}
                    error={fieldErrors.get(field.id)}
                    active={false}
                    onActivate={() => undefined}
                    onChange={(v) => s.setValue(field.id, v)}
                    onEdit={() => undefined}
                  />
                ))}
            </div>
          </fieldset>
        ))}
      </section>
    </div>
  );
}

/** Step 3: accepted; the notice printed (or what to do when it did not). */
function Done() {
  const { t } = useTranslation();
  const { result, name, open, close } = useWalkInStore();
  const again = useRef<HTMLButtonElement>(null);
  useEffect(() => again.current?.focus(), []);
  if (!result) return null;
  return (
    <section className="walkin-done" data-testid="walkin-done" aria-live="polite">
      <h2>{t('window.walkin.done')}</h2>
      <p className="walkin-tracking" data-testid="walkin-tracking">
        {result.trackingNo}
      </p>
      <p>{name}</p>
      {result.promisedDate && <p>{t('window.walkin.promised', { date: result.promisedDate })}</p>}
      <p className={result.printed === 'printed' ? 'window-ok' : 'window-error'} data-testid="walkin-printed">
        {result.printed === 'printed' ? t('window.walkin.printed') : t('window.walkin.printFailed')}
      </p>
      <p className="window-muted">{t('window.walkin.syncNote')}</p>
      <div className="walkin-buttons">
        <button ref={again} type="button" className="wbtn wbtn-action wbtn-primary" onClick={open}>
          {t('window.walkin.again')}
          <kbd>{SHORTCUT_LABEL.walkin}</kbd>
        </button>
        <button type="button" className="wbtn wbtn-action" onClick={() => void close()} data-testid="walkin-back">
          {t('window.walkin.back')}
        </button>
      </div>
    </section>
  );
}

/** Walk-in intake (现场受理): replaces the queue and the application while it is open. */
export function WalkInPanel() {
  const { t } = useTranslation();
  const s = useWalkInStore();
  // A card placed on the window's reader fills the next holder without a card (Alt+C reads it again).
  useEffect(
    () =>
      api.on('idcard.inserted', () => {
        const w = useWalkInStore.getState();
        if (w.phase === 'form' && !w.busy && w.holders.some((h) => !w.cards[h])) void w.readCard();
      }),
    [],
  );
  return (
    <div className="walkin" data-testid="walkin">
      <div className="walkin-head">
        <h1>{t('window.walkin.title')}</h1>
        {s.problem && (
          <p className="window-error" role="alert" data-testid="walkin-problem">
            {s.problem}
          </p>
        )}
      </div>
      <div className="walkin-body">
        {s.phase === 'pick' && <Pick />}
        {s.phase === 'form' && <Intake />}
        {s.phase === 'done' && <Done />}
      </div>
      {s.phase !== 'done' && (
        <div className="window-actions walkin-actions" role="toolbar" aria-label={t('window.walkin.title')}>
          {s.phase === 'form' && (
            <>
              <button type="button" className="wbtn wbtn-action" disabled={s.busy} onClick={() => void s.runPrecheck()} data-testid="walkin-precheck-run">
                {t('window.walkin.precheck')}
                <kbd>{SHORTCUT_LABEL.precheck}</kbd>
              </button>
              <button type="button" className="wbtn wbtn-action wbtn-primary" disabled={s.busy} onClick={() => void s.submit()} data-testid="walkin-submit">
                {s.busy ? t('window.walkin.busy') : t('window.walkin.submit')}
                <kbd>{SHORTCUT_LABEL.accept}</kbd>
              </button>
            </>
          )}
          <span className="window-actions-spacer" />
          <button type="button" className="wbtn wbtn-action" onClick={() => void s.close()} data-testid="walkin-cancel">
            {t('window.walkin.cancel')}
          </button>
        </div>
      )}
    </div>
  );
}
