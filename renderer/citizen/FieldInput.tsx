import { useTranslation } from 'react-i18next';
import type { FormValueWire, WireFormField } from '../../src/contract';
import { OnScreenKeyboard } from '../ui/keyboard/OnScreenKeyboard';
import { dateToDigits, digitsToDate, displayValue, inputFor } from './form-pages';
import { TextEntry } from './TextEntry';

export function fieldDomId(id: string): string {
  return `field-${id.replace(/[^A-Za-z0-9_-]/g, '_')}`;
}

interface Props {
  field: WireFormField;
  value: FormValueWire | undefined;
  /** Filled from a card and read-only. */
  locked: boolean;
  /** Filled from a card, and the citizen may change it (address). */
  editable: boolean;
  error: string | undefined;
  /** The keyboard is open for this field. */
  active: boolean;
  onActivate(): void;
  onChange(value: FormValueWire): void;
  onEdit(): void;
  /** Staff at the window type on a real keyboard: plain text inputs instead of the on-screen keyboards. */
  native?: boolean;
}

/** One question, GOV.UK style: a label (never a placeholder), hint, error message, then the answer. */
export function FieldInput({ field, value, locked, editable, error, active, onActivate, onChange, onEdit, native = false }: Props) {
  const { t } = useTranslation();
  const id = fieldDomId(field.id);
  const input = inputFor(field);
  const optional = !field.required && <span className="field-optional"> {t('citizen.form.optional')}</span>;
  const hint = field.help && <p className="field-hint">{field.help}</p>;
  const message = error && (
    <p className="field-error" id={`${id}-error`}>
      {error}
    </p>
  );
  const classes = `field${error ? ' field-has-error' : ''}`;

  if (locked || editable) {
    return (
      <div className={classes} data-field={field.id}>
        <p className="field-label" id={`${id}-label`}>
          {field.label}
        </p>
        {message}
        <div className="field-prefilled">
          <span className="field-value" aria-labelledby={`${id}-label`}>
            {displayValue(field, value, false)}
          </span>
          <span className="field-source">{t('citizen.form.prefilled')}</span>
          {editable && (
            <button type="button" id={id} className="button button-secondary" onClick={onEdit}>
              {t('citizen.form.edit')}
            </button>
          )}
        </div>
      </div>
    );
  }

  if (native && input.kind === 'choice' && !input.multiple && (field.options?.length ?? 0) > 8) {
    const selected = typeof value === 'string' ? value : '';
    return (
      <div className={classes} data-field={field.id}>
        <label className="field-label" id={`${id}-label`} htmlFor={id}>
          {field.label}
          {optional}
        </label>
        {hint}
        {message}
        <select id={id} className="field-native" value={selected} aria-describedby={error ? `${id}-error` : undefined} aria-invalid={error ? true : undefined} onChange={(event) => onChange(event.target.value)}>
          <option value="">{t('citizen.form.choose')}</option>
          {(field.options ?? []).map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </div>
    );
  }

  if (input.kind === 'choice' || input.kind === 'consent') {
    const options = input.kind === 'consent' ? [{ value: '1', label: t('citizen.form.agree') }] : (field.options ?? []);
    const selected = Array.isArray(value) ? value : value === true ? ['1'] : typeof value === 'string' ? [value] : [];
    const choose = (v: string) => {
      if (input.kind === 'consent') onChange(selected.includes('1') ? false : true);
      else if (input.multiple) onChange(selected.includes(v) ? selected.filter((s) => s !== v) : [...selected, v]);
      else onChange(v);
    };
    return (
      <fieldset className={classes} data-field={field.id} aria-describedby={error ? `${id}-error` : undefined}>
        <legend className="field-label">
          {field.label}
          {optional}
        </legend>
        {hint}
        {message}
        <div className={`choice-grid${options.length > 8 ? ' choice-grid-dense' : ''}`}>
          {options.map((o, i) => (
            <button
              key={o.value}
              id={i === 0 ? id : undefined}
              type="button"
              className="choice"
              role={input.kind === 'choice' && !input.multiple ? 'radio' : 'checkbox'}
              aria-checked={selected.includes(o.value)}
              onClick={() => choose(o.value)}
            >
              {o.label}
            </button>
          ))}
        </div>
      </fieldset>
    );
  }

  if (input.kind === 'none') return null;

  const text = typeof value === 'string' ? value : '';
  const shown = input.format === 'date' ? text : displayValue(field, text, true);
  if (native) {
    return (
      <div className={classes} data-field={field.id}>
        <label className="field-label" id={`${id}-label`} htmlFor={id}>
          {field.label}
          {optional}
        </label>
        {hint}
        {input.format === 'date' && <p className="field-hint">{t('citizen.form.dateHint')}</p>}
        {message}
        <input
          id={id}
          className="field-native"
          type="text"
          value={text}
          maxLength={input.format === 'date' ? 16 : input.maxLength}
          inputMode={input.layout === 'digits' && input.format !== 'date' ? 'numeric' : undefined}
          placeholder={input.format === 'date' ? 'YYYY-MM-DD' : undefined}
          autoComplete="off"
          aria-describedby={error ? `${id}-error` : undefined}
          aria-invalid={error ? true : undefined}
          onChange={(event) => onChange(event.target.value)}
        />
      </div>
    );
  }
  return (
    <div className={classes} data-field={field.id}>
      <p className="field-label" id={`${id}-label`}>
        {field.label}
        {optional}
      </p>
      {hint}
      {input.format === 'date' && <p className="field-hint">{t('citizen.form.dateHint')}</p>}
      {message}
      <button
        type="button"
        id={id}
        className={`field-entry${active ? ' field-entry-active' : ''}`}
        aria-labelledby={`${id}-label ${id}`}
        aria-describedby={error ? `${id}-error` : undefined}
        aria-expanded={active}
        onClick={onActivate}
      >
        {shown || <span className="placeholder">{t('citizen.form.tapToFill')}</span>}
      </button>
      {active &&
        (input.layout === 'letters' ? (
          <TextEntry value={text} onChange={onChange} maxLength={input.maxLength} label={field.label} />
        ) : input.format === 'date' ? (
          <OnScreenKeyboard value={dateToDigits(text)} onChange={(digits) => onChange(digitsToDate(digits))} layout="digits" maxLength={input.maxLength} label={field.label} />
        ) : (
          <OnScreenKeyboard value={text} onChange={onChange} layout={input.layout} maxLength={input.maxLength} label={field.label} />
        ))}
    </div>
  );
}
