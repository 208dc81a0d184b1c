import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

export interface SummaryItem {
  key: string;
  label: string;
  /** Already in the person's language (errorMessage / issueMessage). */
  message: string;
  /** Takes the citizen to the field or material (focus, or another page). */
  onOpen(): void;
}

/** GOV.UK error summary: at the top, takes focus when it appears, one link per problem. */
export function ErrorSummary({ items, title }: { items: readonly SummaryItem[]; title?: string }) {
  const { t } = useTranslation();
  const box = useRef<HTMLDivElement>(null);
  const signature = items.map((i) => i.key).join('|');
  useEffect(() => {
    if (signature) box.current?.focus();
  }, [signature]);
  if (items.length === 0) return null;
  return (
    <div className="error-summary" role="alert" tabIndex={-1} ref={box} aria-labelledby="error-summary-title" data-testid="error-summary">
      <h2 id="error-summary-title" className="error-summary-title">
        {title ?? t('citizen.form.errorSummary', { count: items.length })}
      </h2>
      <ul className="error-summary-list">
        {items.map((item) => (
          <li key={item.key}>
            <a
              href={`#${item.key}`}
              className="error-summary-link"
              onClick={(e) => {
                e.preventDefault();
                item.onOpen();
              }}
            >
              <strong>{item.label}</strong>
              <span>{item.message}</span>
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
