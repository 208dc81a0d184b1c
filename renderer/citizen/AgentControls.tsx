import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AgentRelation } from '../../src/contract';
import { api } from '../api/client';
import { OnScreenKeyboard } from '../ui/keyboard/OnScreenKeyboard';
import { useApplicationStore } from './application';
import type { PrincipalProblem } from './application-store';
import { ErrorSummary } from './ErrorSummary';
import { TextEntry } from './TextEntry';

/** Agent mode, second half: the principal's name, ID number (checked by the terminal) and relation. */
export function PrincipalForm() {
  const { t } = useTranslation();
  const setPrincipal = useApplicationStore((s) => s.setPrincipal);
  const [name, setName] = useState('');
  const [idNumber, setIdNumber] = useState('');
  const [relation, setRelation] = useState<AgentRelation | null>(null);
  const [typing, setTyping] = useState<'name' | 'idNumber' | null>('name');
  const [problems, setProblems] = useState<PrincipalProblem[]>([]);
  const labels: Record<string, string> = { name: t('citizen.identify.principalName'), idNumber: t('citizen.identify.principalId'), relation: t('citizen.identify.relation') };
  const save = async () => {
    if (!relation) return setProblems([{ field: 'relation', message: t('citizen.identify.relation') }]);
    setProblems(await setPrincipal({ name, idNumber, relation }));
  };
  const errorOf = (field: string) => problems.find((p) => p.field === field)?.message;
  return (
    <section className="principal" data-testid="principal-form">
      <h2 className="section-title">{t('citizen.identify.principalTitle')}</h2>
      <ErrorSummary items={problems.map((p) => ({ key: `principal-${p.field}`, label: labels[p.field] ?? '', message: p.message, onOpen: () => setTyping(p.field === 'idNumber' ? 'idNumber' : 'name') }))} />
      <div className={`field${errorOf('name') ? ' field-has-error' : ''}`}>
        <p className="field-label" id="principal-name-label">
          {labels.name}
        </p>
        <button type="button" id="principal-name" className="field-entry" aria-labelledby="principal-name-label principal-name" onClick={() => setTyping('name')} data-testid="principal-name">
          {name || <span className="placeholder">{t('citizen.form.tapToFill')}</span>}
        </button>
        {typing === 'name' && <TextEntry value={name} onChange={setName} maxLength={30} label={labels.name ?? ''} />}
      </div>
      <div className={`field${errorOf('idNumber') ? ' field-has-error' : ''}`}>
        <p className="field-label" id="principal-id-label">
          {labels.idNumber}
        </p>
        <button type="button" id="principal-idNumber" className="field-entry" aria-labelledby="principal-id-label principal-idNumber" onClick={() => setTyping('idNumber')} data-testid="principal-id">
          {idNumber || <span className="placeholder">{t('citizen.form.tapToFill')}</span>}
        </button>
        {typing === 'idNumber' && <OnScreenKeyboard value={idNumber} onChange={setIdNumber} layout="idNumber" maxLength={18} label={labels.idNumber ?? ''} />}
      </div>
      <fieldset className="field">
        <legend className="field-label">{labels.relation}</legend>
        <div className="choice-grid">
          {AgentRelation.options.map((r) => (
            <button key={r} type="button" className="choice" role="radio" aria-checked={relation === r} onClick={() => setRelation(r)}>
              {t(`citizen.identify.relations.${r}`)}
            </button>
          ))}
        </div>
      </fieldset>
      <button type="button" className="button button-primary button-wide" onClick={() => void save()} data-testid="principal-save">
        {t('citizen.identify.principalSave')}
      </button>
    </section>
  );
}

/** 帮办: a staff member at the kiosk enters their number; it is recorded as the actor of the submission. */
export function AssistControl() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [staffNo, setStaffNo] = useState('');
  const [on, setOn] = useState<string | null>(null);
  const apply = async (value: string | null) => {
    const view = await api.call('session.assist', { staffNo: value }).catch(() => null);
    if (view) setOn(view.assisted ? value : null);
    setOpen(false);
  };
  if (on) {
    return (
      <p className="assist-on" data-testid="assisting">
        {t('citizen.identify.assisting', { no: on })}
        <button type="button" className="button button-secondary" onClick={() => void apply(null)}>
          {t('citizen.identify.assistOff')}
        </button>
      </p>
    );
  }
  if (!open) {
    return (
      <button type="button" className="button button-secondary" onClick={() => setOpen(true)} data-testid="assist">
        {t('citizen.identify.assist')}
      </button>
    );
  }
  return (
    <div className="assist-form">
      <p className="field-label">{t('citizen.identify.staffNo')}</p>
      <output className="field-entry">{staffNo}</output>
      <OnScreenKeyboard value={staffNo} onChange={setStaffNo} layout="digits" maxLength={16} label={t('citizen.identify.staffNo')} />
      <button type="button" className="button button-primary" disabled={staffNo.length === 0} onClick={() => void apply(staffNo)}>
        {t('citizen.identify.assistSave')}
      </button>
    </div>
  );
}
