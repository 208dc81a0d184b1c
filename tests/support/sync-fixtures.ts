// Sample sync payloads for tests and benchmarks. The ID numbers are synthetic but valid-looking, so the
// tests can check they never leak unmasked.
import type { ApplicationSubmitted } from '../../src/wire/sync-protocol';

let dbCounter = 0;
export function nextDbName(): string {
  dbCounter += 1;
  return `t_${process.pid}_${Date.now().toString(36)}_${dbCounter}`;
}

export const SAMPLE_ID_NUMBER = '430102199003071234';

/** Platform data key for test repositories (sealing at rest is on in every test, as in production). */
export const TEST_DATA_KEY = Buffer.alloc(32, 0x3c);

export function application(id: string, blobs: readonly { sha256: string; size: number }[] = []): ApplicationSubmitted {
  return {
    applicationId: id,
    trackingNumber: `TR-${id}`,
    itemCode: 'ITEM-1',
    department: 'DEPT-A',
    submittedAt: new Date('2026-11-23T09:00:00Z').toISOString(),
    applicant: { name: '张三', idNumber: SAMPLE_ID_NUMBER, phone: '13812345678' },
    form: { reason: '新办' },
    blobs: blobs.map((b, i) => ({ sha256: b.sha256, size: b.size, mediaType: 'image/jpeg', material: `M${i + 1}` })),
  };
}
