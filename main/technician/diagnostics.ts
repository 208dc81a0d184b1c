// The diagnostics bundle a technician exports: configuration, device status and health history, masked
// logs, versions and sync state, as one JSON file in <dataDir>/diagnostics/. Built only from data that is
// already free of personal data, then passed through the mask once more as a last guard.
import { mkdirSync, readdirSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { maskPersonalDataInText } from '../../src/kernel/mask';

export const KEEP_BUNDLES = 20;

export interface DiagnosticsSources {
  readonly versions: Record<string, string>;
  readonly system: unknown;
  readonly identity: { hallCode: string; terminalNumber: string } & Record<string, unknown>;
  readonly devices: unknown;
  readonly configuration: unknown;
  readonly statusHistory: unknown;
  readonly health: unknown;
  readonly logs: unknown;
  readonly technician: unknown;
  /** sync.status when sync exists; an error text when it failed. */
  readonly sync: () => unknown;
}

export function buildDiagnostics(sources: DiagnosticsSources, now: Date): string {
  let sync: unknown;
  try {
    sync = sources.sync();
  } catch (error) {
    sync = { error: error instanceof Error ? error.message : String(error) };
  }
  const bundle = {
    kind: 'hall-terminal-diagnostics',
    format: 1,
    createdAt: now.toISOString(),
    versions: sources.versions,
    system: sources.system,
    identity: sources.identity,
    technician: sources.technician,
    devices: { current: sources.devices, configuration: sources.configuration, statusHistory: sources.statusHistory, health: sources.health },
    sync,
    logs: sources.logs,
  };
  return maskPersonalDataInText(JSON.stringify(bundle, null, 2));
}

const safe = (s: string) => s.replace(/[^A-Za-z0-9-]/g, '_');

/** Writes the bundle (owner-only) and keeps the newest KEEP_BUNDLES files; returns the file name. */
export function writeDiagnostics(dataDir: string, content: string, identity: { hallCode: string; terminalNumber: string }, now: Date): string {
  const dir = join(dataDir, 'diagnostics');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  const fileName = `diagnostics-${safe(identity.hallCode)}-${safe(identity.terminalNumber)}-${stamp}.json`;
  writeFileSync(join(dir, fileName), content, { mode: 0o600 });
  const bundles = readdirSync(dir)
    .filter((f) => f.startsWith('diagnostics-') && f.endsWith('.json'))
    .sort((a, b) => a.slice(-29).localeCompare(b.slice(-29)));
  for (const old of bundles.slice(0, Math.max(0, bundles.length - KEEP_BUNDLES))) unlinkSync(join(dir, old));
  return fileName;
}
