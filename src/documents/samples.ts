import type { AcceptanceNoticeData } from './acceptance-notice';
import type { ApplicationReceiptData } from './application-receipt';
import type { OneTimeNoticeData } from './one-time-notice';
import type { QueueTicketData } from './queue-ticket';

// Fixed, fictitious data for previews, the simulator and tests. The ID number is the published GB 11643
// example, not a person's; the names carry rare characters on purpose (䶮 is 2-byte GBK, 𠮷 is 4-byte).

const hallName = '示例市政务服务中心';

export const sampleApplicationReceipt: ApplicationReceiptData = {
  trackingNumber: 'TRK2026000123',
  applicantName: '王䶮',
  idNumber: '11010519491231002X',
  items: ['居民身份证换领', '户口迁入（投靠子女）'],
  submittedAt: '2026-11-23T09:30:00+08:00',
  promisedDate: '2026-12-07',
  queryBy: ['政务服务网 www.example.gov.cn', '拨打 12345 热线', '本终端“办件查询”'],
  hallName,
  printedAt: '2026-11-23T09:31:00+08:00',
};

export const sampleAcceptanceNotice: AcceptanceNoticeData = {
  noticeNumber: 'SL-2026-001234',
  trackingNumber: 'TRK2026000123',
  applicantName: '王䶮',
  idNumber: '11010519491231002X',
  serviceName: '不动产转移登记与水电气过户联办',
  acceptedAt: '2026-11-23T10:05:00+08:00',
  workingDays: 5,
  promisedDate: '2026-11-30',
  materials: ['不动产权证书（原件）', '买卖合同', '完税凭证', '申请人身份证明'],
  window: '综合窗口 3 号',
  staffNumber: 'A0317',
  hallName,
  printedAt: '2026-11-23T10:06:00+08:00',
};

export const sampleOneTimeNotice: OneTimeNoticeData = {
  noticeNumber: 'GZ-2026-000456',
  trackingNumber: 'TRK2026000124',
  applicantName: '李𠮷',
  idNumber: '11010519491231002X',
  serviceName: '个体工商户设立登记',
  issuedAt: '2026-11-23',
  issues: [
    { material: '经营场所使用证明', problem: 'missing', detail: '租赁合同及出租方产权证明复印件', whereToGet: '出租方提供；产权证明可在不动产登记窗口查询打印' },
    { material: '个体工商户登记申请书', problem: 'incorrect', detail: '经营范围填写不规范，请按规范目录填写', whereToGet: '本大厅 2 号窗口或政务服务网下载' },
    { material: '经营者照片', problem: 'missing', detail: '近期一寸白底证件照 1 张', whereToGet: '大厅一楼自助照相机' },
  ],
  window: '综合窗口 5 号',
  contactPhone: '0000-12345678',
  hallName,
  printedAt: '2026-11-23T10:20:00+08:00',
};

export const sampleQueueTicket: QueueTicketData = {
  ticketNumber: 'A017',
  serviceName: '不动产登记',
  waitingAhead: 6,
  windows: '8-12 号窗口',
  issuedAt: '2026-11-23T09:02:00+08:00',
  hallName,
};
