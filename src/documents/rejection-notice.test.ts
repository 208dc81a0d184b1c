import { describe, expect, it } from 'vitest';
import { encodeReceipt } from '../../devices/protocols/escpos/encoder';
import { interpret } from '../../devices/protocols/escpos/interpreter';
import type { RejectionNoticeData } from './rejection-notice';
import { rejectionNotice } from './rejection-notice';

const data: RejectionNoticeData = {
  noticeNumber: 'BSL-20261123-000125',
  trackingNumber: 'TRK2026000125',
  applicantName: '王䶮',
  idNumber: '11010519491231002X',
  serviceName: '个体工商户设立登记',
  submittedAt: '2026-11-20T15:40:00+08:00',
  decidedAt: '2026-11-23T10:05:00+08:00',
  reason: '申请事项不属于本机关职权范围，依据《中华人民共和国行政许可法》第三十二条第一款第（二）项。',
  window: '综合受理窗口 W01',
  staffNumber: 'A0317',
  hallName: '长沙市岳麓区政务服务中心',
  printedAt: '2026-11-23T10:06:00+08:00',
};

function printed(doc: ReturnType<typeof rejectionNotice>) {
  const encoded = encodeReceipt(doc, { paperWidth: 576 });
  const job = interpret(encoded.bytes, 576);
  return { job, encoded, text: job.lines.join('\n'), flat: job.lines.join('') };
}

describe('不予受理通知书', () => {
  it('prints the decision, the legal reason once, the remedies, the item, the hall and window, and the date', () => {
    const { job, encoded, text, flat } = printed(rejectionNotice(data));
    expect(job.lines[0]).toBe('不予受理通知书');
    expect(flat).toContain('您于2026年11月20日提出的“个体工商户设立登记”申请，经审查，决定不予受理。');
    expect(flat).toContain('依据《中华人民共和国行政许可法》第三十二条第一款第（二）项。');
    expect(flat).not.toContain('项。。');
    expect(flat).toContain('六十日内依法申请行政复议');
    expect(flat).toContain('六个月内依法向人民法院提起行政诉讼');
    expect(text).toMatch(/窗口\s+综合受理窗口 W01/);
    expect(text).toMatch(/经办人工号\s+A0317/);
    expect(text).toContain('2026年11月23日');
    expect(text).toContain('长沙市岳麓区政务服务中心');
    expect(job.qrCodes).toEqual(['TRK2026000125']);
    expect(job.cuts).toBe(1);
    expect(job.problems).toEqual([]);
    expect(encoded.unprintable).toEqual([]);
  });

  it('addresses the applicant by name but masks the ID number', () => {
    const { text } = printed(rejectionNotice(data));
    expect(text).toContain('王䶮：');
    expect(text).toMatch(/证件号码\s+1101\*{10}002X/);
    expect(text).not.toContain('11010519491231002X');
  });

  it('adds English lines when asked and refuses a notice without a reason', () => {
    const { flat } = printed(rejectionNotice(data, { english: true }));
    expect(flat).toContain('Notice of Non-Acceptance');
    expect(flat).toContain('6 months.');
    expect(flat).toContain('administrative reconsideration');
    expect(() => rejectionNotice({ ...data, reason: '   ' })).toThrow();
  });
});
