import { readFileSync } from 'node:fs';

/** The package version, read once; 'dev' when package.json is not where we expect it. */
export function packageVersion(packageJsonPath: string): string {
  try {
    const parsed: unknown = JSON.parse(readFileSync(packageJsonPath, 'utf8'));
    if (typeof parsed === 'object' && parsed !== null && 'version' in parsed && typeof parsed.version === 'string') {
      return parsed.version;
    }
  } catch {
    // fall through
  }
  return 'dev';
}
