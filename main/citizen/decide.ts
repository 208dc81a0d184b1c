// The privileged side's own view of an application in progress: the catalogue form, the values merged with
// the session's cards, the applicant from the session, the pre-check over the pages held in the session.
// Every method that decides something (check, pre-check, notice, submit) starts here.
import { ContractError, issueAt } from '../../src/contract';
import type { CardDetails, FieldProblem, FormValuesWire, Issue, IssueKind, PrecheckWire, Subject } from '../../src/contract';
import type { FormValue } from '../../src/domain/catalog/conditions';
import type { MaterialRequirement } from '../../src/domain/forms/materials';
import type { MergedForm } from '../../src/domain/forms/merged-form';
import { precheck } from '../../src/domain/precheck/precheck';
import type { CapturedMaterial, PrecheckProblem, PrecheckResult } from '../../src/domain/precheck/precheck';
import type { CatalogService } from '../catalog';
import { formHolders, mergeValues } from './form-values';
import type { CitizenSession } from './session';

export interface Decided {
  readonly service: CatalogService;
  readonly subject: Subject;
  readonly name: string;
  readonly form: MergedForm;
  readonly materials: readonly MaterialRequirement[];
  readonly values: Record<string, FormValue>;
  /** The first card holder of the form, bound in this session; null before identification. */
  readonly applicant: CardDetails | null;
  readonly result: PrecheckResult;
}

export function serviceOf(getService: () => CatalogService | null): CatalogService {
  const service = getService();
  if (!service) throw new ContractError('NOT_FOUND', 'catalog.notLoaded', { detail: 'no catalogue is loaded' });
  return service;
}

export function subjectName(service: CatalogService, kind: 'item' | 'bundle', id: string): string | null {
  return (kind === 'item' ? service.catalog.item(id)?.name : service.catalog.bundle(id)?.name) ?? null;
}

/** A 容缺 material the citizen did not promise to bring is as missing as any other. */
function withPromises(result: PrecheckResult, promised: readonly string[]): PrecheckResult {
  const problems: PrecheckProblem[] = result.problems.map((p) =>
    p.kind === 'promise-needed' && !promised.includes(p.material)
      ? { kind: 'missing-material', material: p.material, reason: 'materialPromiseOrCapture', message: `${p.message}（请勾选承诺或拍摄该材料）`, blocking: true }
      : p,
  );
  return { ...result, ok: problems.every((p) => !p.blocking), problems };
}

export function decide(
  getService: () => CatalogService | null,
  session: CitizenSession,
  subject: Subject,
  input: FormValuesWire,
  promised: readonly string[],
  today: string,
  /** Materials provided another way than the session's captures (the window's originals checked on paper). */
  provided: readonly CapturedMaterial[] = [],
): Decided {
  const service = serviceOf(getService);
  const built = service.formOf(subject.kind, subject.id);
  const name = subjectName(service, subject.kind, subject.id);
  if (!built || name === null) throw new ContractError('NOT_FOUND', subject.kind === 'item' ? 'catalog.itemNotFound' : 'catalog.bundleNotFound', { detail: `no ${subject.kind} ${subject.id}` });
  const values = mergeValues(built.form, input, session);
  const holder = formHolders(built.form)[0] ?? 'applicant';
  const pages = session.capturedMaterials().map((c) => ({ ...c, trust: 'C' as const }));
  const captured = [...provided, ...pages.filter((c) => !provided.some((p) => p.key === c.key))];
  const result = withPromises(precheck(service.catalog, built.form, built.materials, values, captured, today), promised);
  return { service, subject, name, form: built.form, materials: built.materials, values, applicant: session.holder(holder), result };
}

/** The issue reason and params of a problem (what the screens word). */
function kindOf(p: PrecheckProblem): IssueKind {
  return { reason: p.reason, params: p.params } as IssueKind;
}

/** Problems as BAD_INPUT issues: the field id, or `material:<key>` for a material. */
export function issuesOf(problems: readonly PrecheckProblem[]): Issue[] {
  return problems.filter((p) => p.blocking).map((p) => issueAt('field' in p ? p.field : `material:${p.material}`, kindOf(p)));
}

/** The check of one form page: the problems of the fields asked about, and the bundle members included. */
export function fieldCheck(result: PrecheckResult, fields: readonly string[]): { problems: FieldProblem[]; includedMembers: string[] } {
  const asked = new Set(fields);
  const problems = result.problems.flatMap((p): FieldProblem[] => ('field' in p && asked.has(p.field) ? [{ field: p.field, ...kindOf(p) }] : []));
  return { problems, includedMembers: [...result.includedMembers] };
}

/** The pre-check as the contract carries it. */
export function precheckWire(result: PrecheckResult): PrecheckWire {
  return {
    ok: result.ok,
    includedMembers: [...result.includedMembers],
    problems: result.problems.map((p) => ({ kind: p.kind, ...('field' in p ? { field: p.field } : { material: p.material }), ...kindOf(p), blocking: p.blocking })),
  };
}
