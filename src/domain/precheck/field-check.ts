// Validates one form value against its field definition. A problem is an issue reason with its numbers (the
// screens word it in the person's language) and a Chinese sentence for printed notices (一次性告知书);
// both name the field, never repeat the value (values are often personal data).
import type { IssueKind } from '../../contract/error-reasons';
import { checkIdNumber, idNumberIssue } from '../../kernel/id-number';
import type { IdNumberProblem } from '../../kernel/id-number';
import type { FormValue, FormValues } from '../catalog/conditions';
import type { FieldDef } from '../catalog/schema';
import { checkUscc } from '../codes/uscc';
import { addDays, parseIsoDate } from '../calendar/working-days';

export const MOBILE = /^1[3-9]\d{9}$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/;

export function isBlank(value: FormValue): boolean {
  return value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
}

function realDate(iso: string): boolean {
  try {
    parseIsoDate(iso);
    return true;
  } catch {
    return false;
  }
}

function bound(spec: string | undefined, today: string): string | undefined {
  if (spec === undefined) return undefined;
  if (spec === 'today' || spec === 'now') return today;
  return ISO_DATE.test(spec) ? spec : undefined;
}

/** What is wrong with a value: the reason the screens word, and the Chinese sentence printed notices carry. */
export type ValueProblem = IssueKind & { readonly message: string };

/** The printed notice's words for an ID number's problem (the notice is a Chinese document). */
const ID_NUMBER_TEXT: Readonly<Record<IdNumberProblem, string>> = {
  'legacy-15-digit': '15 位旧号码已停用，请使用 18 位公民身份号码',
  format: '身份号码应为 18 位，最后一位可为 X',
  region: '身份号码的地区码不正确',
  'birth-date': '身份号码中的出生日期不正确',
  'check-digit': '身份号码校验位不正确，请核对',
};

function problem(label: string, kind: IssueKind, text: string): ValueProblem {
  return { ...kind, message: `${label}：${text}` };
}

/** Returns what is wrong, or null when the (non-blank) value is acceptable. */
export function checkFieldValue(
  def: FieldDef,
  value: FormValue,
  values: FormValues,
  today: string,
  options?: readonly string[],
): ValueProblem | null {
  const label = def.label;
  if (def.type === 'checkbox') {
    if (!Array.isArray(value)) return problem(label, { reason: 'chooseOne' }, '请选择');
    if (options && value.some((v) => !options.includes(v))) return problem(label, { reason: 'invalidOption' }, '选项无效');
    if (def.minSelected !== undefined && value.length < def.minSelected) return problem(label, { reason: 'chooseAtLeast', params: { min: def.minSelected } }, `至少选择 ${def.minSelected} 项`);
    return null;
  }
  if (def.type === 'consent') return value === true || value === '1' ? null : problem(label, { reason: 'consentRequired' }, '须阅读并同意');
  if (Array.isArray(value) || typeof value === 'boolean') return problem(label, { reason: 'invalidType' }, '格式不正确');
  const text = String(value).trim();
  switch (def.type) {
    case 'idNumber': {
      const check = checkIdNumber(text, new Date(parseIsoDate(today)));
      if (!check.valid) return problem(label, { reason: idNumberIssue(check.problem) }, ID_NUMBER_TEXT[check.problem]);
      for (const cross of def.crossChecks ?? []) {
        const [kind, other] = cross.split('=');
        const otherValue = other === undefined ? undefined : values[other];
        if (otherValue === undefined || otherValue === null || otherValue === '') continue;
        if (kind === 'birthDate' && String(otherValue).slice(0, 10) !== check.birthDate) {
          return problem(label, { reason: 'birthDateMismatch' }, '与出生日期不一致');
        }
        if (kind === 'genderParity' && String(otherValue) !== (check.gender === 'male' ? '1' : '2')) {
          return problem(label, { reason: 'genderMismatch' }, '与性别不一致');
        }
      }
      return null;
    }
    case 'mobile':
      return MOBILE.test(text) ? null : problem(label, { reason: 'mobile' }, '请输入 11 位手机号码');
    case 'uscc':
      return checkUscc(text).valid ? null : problem(label, { reason: 'uscc' }, '统一社会信用代码不正确');
    case 'number': {
      const n = Number(text);
      if (text === '' || !Number.isFinite(n)) return problem(label, { reason: 'notNumber' }, '请输入数字');
      if (def.min !== undefined && n < def.min) return problem(label, { reason: 'tooSmall', params: { min: def.min } }, `不能小于 ${def.min}`);
      if (def.max !== undefined && n > def.max) return problem(label, { reason: 'tooBig', params: { max: def.max } }, `不能大于 ${def.max}`);
      if (def.step !== undefined && def.step > 0) {
        const steps = (n - (def.min ?? 0)) / def.step;
        if (Math.abs(steps - Math.round(steps)) > 1e-6) return problem(label, { reason: 'notMultipleOf', params: { step: def.step } }, `须为 ${def.step} 的整数倍`);
      }
      return null;
    }
    case 'date':
    case 'datetime': {
      const shape = def.type === 'date' ? ISO_DATE : ISO_DATETIME;
      const day = text.slice(0, 10);
      if (!shape.test(text) || !realDate(day)) return problem(label, { reason: 'invalidDate' }, '日期格式不正确');
      const notAfter = bound(def.notAfter, today);
      const notBefore = bound(def.notBefore, today);
      if (notAfter !== undefined && day > notAfter) return problem(label, { reason: 'notAfter', params: { date: notAfter } }, `不能晚于 ${notAfter}`);
      if (notBefore !== undefined && day < notBefore) return problem(label, { reason: 'notBefore', params: { date: notBefore } }, `不能早于 ${notBefore}`);
      if (def.withinDaysBefore !== undefined && day < addDays(today, -def.withinDaysBefore)) {
        return problem(label, { reason: 'withinDays', params: { days: def.withinDaysBefore } }, `须在 ${def.withinDaysBefore} 日以内`);
      }
      return null;
    }
    case 'select':
    case 'radio':
      return options && !options.includes(text) ? problem(label, { reason: 'invalidOption' }, '选项无效') : null;
    case 'computed':
      return null;
    default: {
      if (def.maxLength !== undefined && Array.from(text).length > def.maxLength) return problem(label, { reason: 'tooLong', params: { max: def.maxLength } }, `不能超过 ${def.maxLength} 个字`);
      if (def.pattern !== undefined) {
        let re: RegExp;
        try {
          re = new RegExp(def.pattern, 'u');
        } catch {
          return null; // rejected at import; never reached with a validated catalogue
        }
        if (!re.test(text)) return problem(label, { reason: 'pattern' }, '格式不正确');
      }
      return null;
    }
  }
}
