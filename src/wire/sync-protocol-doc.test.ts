import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderSchemas, withSchemas } from './sync-protocol-doc';

describe('protocol document', () => {
  it('embeds JSON Schema for every payload', () => {
    const text = renderSchemas();
    for (const name of ['EnrolRequest', 'PushRequest', 'PushResponse', 'BlobStatus', 'HeartbeatRequest', 'InboxResponse', 'ErrorBody']) expect(text).toContain(`### ${name}`);
    expect(text).toContain('"application.submitted"');
  });

  it('docs/sync-protocol.md is up to date with src/wire/sync-protocol.ts (run `npm run docs:sync`)', () => {
    const doc = readFileSync(new URL('../../docs/sync-protocol.md', import.meta.url), 'utf8');
    expect(withSchemas(doc)).toBe(doc);
  });
});
