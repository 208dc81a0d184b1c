import type { DeviceRole } from '../../src/contract';
import type { Device, HealthLevel, HealthReport } from '../model/device';

export interface HealthRecord extends HealthReport {
  readonly role: DeviceRole;
  readonly kind: string;
}

/** Health checks of every device, kept (bounded) for the technician console and the diagnostics bundle. */
export class HealthHistory {
  private readonly records: HealthRecord[] = [];

  constructor(private readonly capacity = 1000) {}

  async check(devices: readonly Pick<Device, 'role' | 'kind' | 'checkHealth'>[], level: Exclude<HealthLevel, 'interactive'>): Promise<HealthRecord[]> {
    const results: HealthRecord[] = [];
    for (const device of devices) {
      let report: HealthReport;
      try {
        report = await device.checkHealth(level);
      } catch (error) {
        // A driver bug must not hide the other devices' health.
        report = { level, ok: false, detail: `health check failed: ${error instanceof Error ? error.message : String(error)}`, at: new Date().toISOString() };
      }
      const record = { ...report, role: device.role, kind: device.kind };
      results.push(record);
      this.add(record);
    }
    return results;
  }

  add(record: HealthRecord): void {
    this.records.push(record);
    if (this.records.length > this.capacity) this.records.splice(0, this.records.length - this.capacity);
  }

  list(role?: DeviceRole): readonly HealthRecord[] {
    return role === undefined ? [...this.records] : this.records.filter((r) => r.role === role);
  }
}
