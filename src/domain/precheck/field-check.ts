// Validates one form value against its field definition. Messages name the field, never repeat the value
// (values are often personal data).
import { checkIdNumber } from '../../kernel/id-number';
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

/** Returns a problem message, or null when the (non-blank) value is acceptable. */
export function checkFieldValue(
  def: FieldDef,
  value: FormValue,
  values: FormValues,
  today: string,
  options?: readonly string[],
): string | null {
  const label = def.label;
  if (def.type === 'checkbox') {
    if (!Array.isArray(value)) return `${label}：请选择 (choose at least one)`;
    if (options && value.some((v) => !options.includes(v))) return `${label}：选项无效 (invalid option)`;
    if (def.minSelected !== undefined && value.length < def.minSelected) return `${label}：至少选择 ${def.minSelected} 项`;
    return null;
  }
  if (def.type === 'consent') return value === true || value === '1' ? null : `${label}：须阅读并同意 (consent required)`;
  if (Array.isArray(value) || typeof value === 'boolean') return `${label}：格式不正确 (wrong value type)`;
  const text = String(value).trim();
  switch (def.type) {
    case 'idNumber': {
      const check = checkIdNumber(text, new Date(parseIsoDate(today)));
      if (!check.valid) return `${label}：${check.message}`;
      for (const cross of def.crossChecks ?? []) {
        const [kind, other] = cross.split('=');
        const otherValue = other === undefined ? undefined : values[other];
        if (otherValue === undefined || otherValue === null || otherValue === '') continue;
        if (kind === 'birthDate' && String(otherValue).slice(0, 10) !== check.birthDate) {
          return `${label}：与出生日期不一致 (does not match the birth date)`;
        }
        if (kind === 'genderParity' && String(otherValue) !== (check.gender === 'male' ? '1' : '2')) {
          return `${label}：与性别不一致 (does not match the gender)`;
        }
      }
      return null;
    }
    case 'mobile':
      return MOBILE.test(text) ? null : `${label}：请输入 11 位手机号码 (invalid mobile number)`;
    case 'uscc':
      return checkUscc(text).valid ? null : `${label}：统一社会信用代码不正确 (invalid USCC)`;
    case 'number': {
      const n = Number(text);
      if (text === '' || !Number.isFinite(n)) return `${label}：请输入数字 (not a number)`;
      if (def.min !== undefined && n < def.min) return `${label}：不能小于 ${def.min}`;
      if (def.max !== undefined && n > def.max) return `${label}：不能大于 ${def.max}`;
      if (def.step !== undefined && def.step > 0) {
        const steps = (n - (def.min ?? 0)) / def.step;
        if (Math.abs(steps - Math.round(steps)) > 1e-6) return `${label}：精度不正确 (step ${def.step})`;
      }
      return null;
    }
    case 'date':
    case 'datetime': {
      const shape = def.type === 'date' ? ISO_DATE : ISO_DATETIME;
      const day = text.slice(0, 10);
      if (!shape.test(text) || !realDate(day)) return `${label}：日期格式不正确 (invalid date)`;
      const notAfter = bound(def.notAfter, today);
      const notBefore = bound(def.notBefore, today);
      if (notAfter !== undefined && day > notAfter) return `${label}：不能晚于 ${notAfter}`;
      if (notBefore !== undefined && day < notBefore) return `${label}：不能早于 ${notBefore}`;
      if (def.withinDaysBefore !== undefined && day < addDays(today, -def.withinDaysBefore)) {
        return `${label}：须在 ${def.withinDaysBefore} 日以内`;
      }
      return null;
    }
    case 'select':
    case 'radio':
      return options && !options.includes(text) ? `${label}：选项无效 (invalid option)` : null;
    case 'computed':
      return null;
    default: {
      if (def.maxLength !== undefined && Array.from(text).length > def.maxLength) return `${label}：不能超过 ${def.maxLength} 个字`;
      if (def.pattern !== undefined) {
        let re: RegExp;
        try {
          re = new RegExp(def.pattern, 'u');
        } catch {
          return null; // rejected at import; never reached with a validated catalogue
        }
        if (!re.test(text)) return `${label}：格式不正确 (invalid format)`;
      }
      return null;
    }
  }
}
