import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EDITABLE_CARD_FIELDS } from '../../src/contract';
import { issueMessage } from '../api/error-message';
import { ScreenFrame } from '../ui/ScreenFrame';
import { useApplicationStore } from './application';
import { ErrorSummary } from './ErrorSummary';
import { FieldInput, fieldDomId } from './FieldInput';
import { cardValue, fieldLocked, fieldShown, formPages, inputFor } from './form-pages';
import { StepIndicator } from './StepIndicator';

/** One group of the merged form per page; pre-filled fields read-only; checked by the terminal on "continue". */
export function FormScreen() {
  const { t } = useTranslation();
  const app = useApplicationStore();
  const [active, setActive] = useState<string | null>(null);
  const pages = app.form ? formPages(app.form, app.included, app.values) : [];
  const section = pages[app.page];
  if (!app.form || !section) return null;
  const labels = new Map(section.fields.map((f) => [f.id, f.label]));
  const errors = new Map(app.errors.map((e) => [e.field, issueMessage(e, t)]));

  const openField = (id: string) => {
    const field = section.fields.find((f) => f.id === id);
    if (field && inputFor(field).kind === 'keys') setActive(id);
    requestAnimationFrame(() => {
      const el = document.getElementById(fieldDomId(id));
      el?.scrollIntoView({ block: 'center' });
      el?.focus();
    });
  };
  const next = () => {
    setActive(null);
    void app.nextPage();
  };

  return (
    <ScreenFrame
      key={section.id}
      title={section.title}
      onBack={() => {
        setActive(null);
        app.prevPage();
      }}
      subtitle={<StepIndicator step="form" extra={t('citizen.form.pageOf', { n: app.page + 1, total: pages.length })} />}
      footer={
        <button type="button" className="button button-primary button-huge button-wide" onClick={next} disabled={app.busy} data-testid="form-next">
          {app.busy ? t('citizen.form.checking') : app.returnTo === 'review' ? t('citizen.form.backToReview') : t('citizen.form.next')}
        </button>
      }
    >
      <ErrorSummary items={app.errors.map((e) => ({ key: fieldDomId(e.field), label: labels.get(e.field) ?? '', message: issueMessage(e, t), onOpen: () => openField(e.field) }))} />
      {app.problem && (
        <p className="notice notice-error" role="alert">
          {app.problem} {t('citizen.askStaff')}
        </p>
      )}
      <div className="form-page" data-testid="form-page">
        {section.fields
          .filter((f) => fieldShown(f, app.values))
          .map((field) => {
            const fromCard = cardValue(field, app.cards) !== undefined;
            const editable = fromCard && EDITABLE_CARD_FIELDS.includes(field.prefill?.cardField ?? '') && !app.unlocked.includes(field.id);
            return (
              <FieldInput
                key={field.id}
                field={field}
                value={app.values[field.id]}
                locked={fieldLocked(field, app.cards)}
                editable={editable}
                error={errors.get(field.id)}
                active={active === field.id}
                onActivate={() => setActive(active === field.id ? null : field.id)}
                onChange={(v) => app.setValue(field.id, v)}
                onEdit={() => {
                  app.unlock(field.id);
                  openField(field.id);
                }}
              />
            );
          })}
      </div>
    </ScreenFrame>
  );
}
