// The one-time notice (一次性告知书) a citizen takes home when the pre-check finds problems they cannot fix
// now: every blocking problem at once, each with where to get the material.
import { ContractError } from '../../src/contract';
import type { PrintResult } from '../../src/contract';
import { oneTimeNotice } from '../../src/documents';
import type { OneTimeNoticeData } from '../../src/documents';
import { formFields } from '../../src/domain/forms/merged-form';
import type { Decided } from './decide';
import { printDocument } from './print';
import { localIso } from './submit';
import type { CitizenDeps } from './submit';

type Issue = OneTimeNoticeData['issues'][number];

function whereToGet(decided: Decided, materialKey: string): string {
  const requirement = decided.materials.find((m) => m.key === materialKey);
  const shared = requirement ? decided.service.catalog.sharedMaterial(requirement.sharedMaterialId) : undefined;
  return shared?.issuer ? `${shared.issuer}；可在本终端拍摄提交` : '携带原件到综合窗口，或在本终端拍摄提交';
}

/** Notice lines for the blocking problems of a pre-check. */
export function noticeIssues(decided: Decided): Issue[] {
  const labels = new Map(formFields(decided.form).map((f) => [f.def.id, f.def.label]));
  const names = new Map(decided.materials.map((m) => [m.key, m.name]));
  const issues: Issue[] = [];
  for (const p of decided.result.problems) {
    if (!p.blocking) continue;
    if ('material' in p) {
      issues.push({
        material: (names.get(p.material) ?? p.material).slice(0, 120),
        problem: p.kind === 'missing-material' ? 'missing' : 'incorrect',
        detail: p.message.slice(0, 300),
        whereToGet: whereToGet(decided, p.material).slice(0, 200),
      });
    } else {
      issues.push({
        material: `申请表：${labels.get(p.field) ?? p.field}`.slice(0, 120),
        problem: p.kind === 'missing-field' ? 'missing' : 'incorrect',
        detail: p.message.slice(0, 300),
        whereToGet: '在本终端或综合窗口填写',
      });
    }
  }
  return issues.slice(0, 40);
}

export async function printOneTimeNotice(deps: CitizenDeps, decided: Decided, english: boolean): Promise<PrintResult> {
  const applicant = decided.applicant;
  if (!applicant) throw new ContractError('BAD_INPUT', 'application.identifyFirst', { detail: 'read the ID card first', issues: [{ path: 'identify', reason: 'cardFirst' }] });
  const issues = noticeIssues(decided);
  if (issues.length === 0) throw new ContractError('CONFLICT', 'application.nothingToNotify', { detail: 'nothing to notify: the pre-check passed' });
  const now = localIso(deps.now());
  const hall = decided.service.catalog.file.hall;
  const window = hall.windows.find((w) => w.role === (decided.subject.kind === 'bundle' ? 'bundle' : 'comprehensive')) ?? hall.windows[0];
  const doc = oneTimeNotice(
    {
      noticeNumber: `GZ${deps.hallCode()}${now.slice(0, 19).replace(/[-T:]/g, '')}`,
      applicantName: applicant.name,
      idNumber: applicant.idNumber,
      serviceName: decided.name,
      issuedAt: now,
      issues,
      window: window ? `${window.no}号窗口` : '综合窗口',
      contactPhone: hall.phone,
      hallName: hall.name,
      printedAt: now,
    },
    { english },
  );
  const outcome = await printDocument(deps.printer(), doc);
  deps.log('one-time notice', { subject: decided.subject.id, issues: issues.length, outcome });
  return { outcome, fallback: null };
}
