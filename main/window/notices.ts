// The papers a window prints, filled from the platform's record, the catalogue and the holiday calendar:
// 受理通知书 with the promised completion date in working days, 一次性告知书 with every problem at once,
// and the 领取签收单 / 送达回证 of a hand-out.
import type { ReceiptDocument } from '../../src/kernel/receipt';
import type { WindowSupplementIssue } from '../../src/contract';
import { maskIdNumber, maskName } from '../../src/kernel/mask';
import { promisedDate } from '../../src/domain/application/deadlines';
import { acceptanceNotice } from '../../src/documents/acceptance-notice';
import { deliverySlip } from '../../src/documents/delivery-slip';
import { oneTimeNotice } from '../../src/documents/one-time-notice';
import { rejectionNotice } from '../../src/documents/rejection-notice';
import type { RevealResponse, WindowApplicationDetail } from '../../src/wire/staff-protocol';
import type { CatalogService } from '../catalog';
import { hallDate } from './view';

export interface NoticeContext {
  catalog: CatalogService | null;
  detail: WindowApplicationDetail;
  applicant: RevealResponse;
  windowName: string;
  staffNumber: string;
  /** ISO time of the action on the platform. */
  at: string;
  printedAt: string;
}

const hall = (catalog: CatalogService | null) => ({ name: catalog?.catalog.file.hall.name ?? '政务服务中心', phone: catalog?.catalog.file.hall.phone ?? '12345' });
const serviceName = (catalog: CatalogService | null, code: string) => catalog?.catalog.item(code)?.name ?? catalog?.catalog.bundle(code)?.name ?? code;
const noticeNumber = (prefix: string, ctx: NoticeContext) => `${prefix}-${hallDate(ctx.at).replaceAll('-', '')}-${ctx.detail.trackingNumber.slice(-6)}`.slice(0, 40);

/** The promised completion date of an application accepted on `acceptedOn`, and its working days. */
export function promiseOf(catalog: CatalogService | null, itemCode: string, acceptedOn: string): { date: string; workingDays: number } | null {
  const limit = catalog?.catalog.item(itemCode)?.promisedLimit ?? catalog?.catalog.bundle(itemCode)?.promisedLimit;
  if (!catalog || !limit || limit.value === null) return null;
  const due = promisedDate(catalog.calendar, acceptedOn, limit);
  if (!due) return null;
  const workingDays = limit.unit === 'workday' ? limit.value : catalog.calendar.workingDaysBetween(acceptedOn, due.date);
  return { date: due.date, workingDays };
}

/** What a 受理通知书 says, whether the application came from the platform or was taken in at this window. */
export interface AcceptanceFacts {
  catalog: CatalogService | null;
  trackingNumber: string;
  /** Item or bundle code. */
  subject: string;
  /** Overrides the catalogue's name (a bundle's included members). */
  serviceName?: string;
  applicantName: string;
  idNumber: string;
  acceptedOn: string;
  materials: readonly string[];
  windowName: string;
  staffNumber: string;
  printedAt: string;
}

export function acceptanceNoticeFor(facts: AcceptanceFacts): { doc: ReceiptDocument; promisedDate: string | null } {
  const promise = promiseOf(facts.catalog, facts.subject, facts.acceptedOn);
  const doc = acceptanceNotice({
    noticeNumber: `SL-${facts.acceptedOn.replaceAll('-', '')}-${facts.trackingNumber.slice(-6)}`.slice(0, 40),
    trackingNumber: facts.trackingNumber,
    applicantName: facts.applicantName,
    idNumber: facts.idNumber,
    serviceName: (facts.serviceName ?? serviceName(facts.catalog, facts.subject)).slice(0, 120),
    acceptedAt: facts.acceptedOn,
    workingDays: promise?.workingDays ?? 0,
    promisedDate: promise?.date ?? facts.acceptedOn,
    materials: facts.materials.slice(0, 40).map((m) => m.slice(0, 120)),
    window: facts.windowName.slice(0, 40),
    staffNumber: facts.staffNumber.slice(0, 20),
    hallName: hall(facts.catalog).name,
    printedAt: facts.printedAt,
  });
  return { doc, promisedDate: promise?.date ?? null };
}

export function acceptanceDocument(ctx: NoticeContext): { doc: ReceiptDocument; promisedDate: string | null } {
  const kind = ctx.catalog?.catalog.item(ctx.detail.itemCode) ? 'item' : 'bundle';
  const required = ctx.catalog?.formOf(kind, ctx.detail.itemCode)?.materials ?? [];
  return acceptanceNoticeFor({
    catalog: ctx.catalog,
    trackingNumber: ctx.detail.trackingNumber,
    subject: ctx.detail.itemCode,
    applicantName: ctx.applicant.applicantName,
    idNumber: ctx.applicant.applicantIdNumber,
    acceptedOn: hallDate(ctx.at),
    materials: [...new Set(ctx.detail.blobs.map((b) => required.find((m) => m.key === b.material)?.name ?? b.material))],
    windowName: ctx.windowName,
    staffNumber: ctx.staffNumber,
    printedAt: ctx.printedAt,
  });
}

export function oneTimeDocument(ctx: NoticeContext, issues: readonly WindowSupplementIssue[]): ReceiptDocument {
  return oneTimeNotice({
    noticeNumber: noticeNumber('GZ', ctx),
    trackingNumber: ctx.detail.trackingNumber,
    applicantName: ctx.applicant.applicantName,
    idNumber: ctx.applicant.applicantIdNumber,
    serviceName: serviceName(ctx.catalog, ctx.detail.itemCode),
    issuedAt: hallDate(ctx.at),
    issues: issues.map((i) => ({ ...i, whereToGet: i.whereToGet || '请咨询受理窗口' })),
    window: ctx.windowName.slice(0, 40),
    contactPhone: hall(ctx.catalog).phone,
    hallName: hall(ctx.catalog).name,
    printedAt: ctx.printedAt,
  });
}

/** 不予受理通知书 with the staff member's reason and legal basis, addressed to the applicant. */
export function rejectionDocument(ctx: NoticeContext, reason: string): ReceiptDocument {
  return rejectionNotice({
    noticeNumber: noticeNumber('BSL', ctx),
    trackingNumber: ctx.detail.trackingNumber,
    applicantName: ctx.applicant.applicantName,
    idNumber: ctx.applicant.applicantIdNumber,
    serviceName: serviceName(ctx.catalog, ctx.detail.itemCode),
    submittedAt: ctx.detail.submittedAt,
    decidedAt: hallDate(ctx.at),
    reason: reason.slice(0, 2000),
    window: ctx.windowName.slice(0, 60),
    staffNumber: ctx.staffNumber.slice(0, 20),
    hallName: hall(ctx.catalog).name,
    printedAt: ctx.printedAt,
  });
}

export function deliveryDocument(
  ctx: NoticeContext,
  delivery: { method: 'collect' | 'mail'; collector: { role: 'applicant' | 'agent'; name: string; idNumber: string } | null; mailTracking: string | null },
): ReceiptDocument {
  return deliverySlip({
    trackingNumber: ctx.detail.trackingNumber,
    serviceName: serviceName(ctx.catalog, ctx.detail.itemCode),
    applicantName: maskName(ctx.applicant.applicantName),
    method: delivery.method,
    collector: delivery.collector ? { role: delivery.collector.role, name: maskName(delivery.collector.name), idNumber: maskIdNumber(delivery.collector.idNumber) } : null,
    mailTracking: delivery.mailTracking,
    deliveredAt: ctx.at,
    window: ctx.windowName.slice(0, 60),
    staffNumber: ctx.staffNumber.slice(0, 20),
    hallName: hall(ctx.catalog).name,
    printedAt: ctx.printedAt,
  });
}

/** The reason recorded with a 补正 on the platform: every problem in one line each (what the kiosk shows). */
export function supplementReason(issues: readonly WindowSupplementIssue[]): string {
  const lines = issues.map((i, n) => `${n + 1}. ${i.problem === 'missing' ? '缺少' : '需更正'}：${i.material}${i.detail ? `（${i.detail}）` : ''}`);
  return `一次性告知：${lines.join('；')}`.slice(0, 2000);
}
