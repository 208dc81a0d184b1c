// Staff-token revocation on both engines: a revoked token gets 401 on every staff endpoint at once,
// by the token itself or by its id when the token is lost; only the administrator may revoke.
import { describe, expect, it } from 'vitest';
import { repositoryEngines } from '../support/engines';
import { platformRequest, startPlatform } from '../support/platform';

const engines = repositoryEngines('staff-token test');

describe.each(engines)('staff token revocation on $name', ({ skip, open }) => {
  it.skipIf(skip)('a revoked staff token is refused with 401; the list shows who and when, never the token', async () => {
    const p = await startPlatform(await open());
    try {
      const issue = async (name: string) => (await p.admin('POST', '/admin/staff-tokens', { hallId: 'hall-a', name })).body as { token: string; id: string };
      const asStaff = (token: string, path = '/staff/halls/hall-a/queue', method = 'GET', body?: unknown) =>
        platformRequest(p.url, method, path, token, body);

      const first = await issue('window 3');
      const second = await issue('window 4');
      expect((await asStaff(first.token)).status).toBe(200);
      expect((await asStaff(second.token)).status).toBe(200);

      // Staff cannot revoke (not even themselves); the administrator can, by token…
      expect((await asStaff(first.token, '/admin/staff-tokens/revoke', 'POST', { token: first.token })).status).toBe(401);
      expect(await p.admin('POST', '/admin/staff-tokens/revoke', { token: first.token })).toMatchObject({ status: 200, body: { revoked: true } });
      const refused = await asStaff(first.token);
      expect(refused.status).toBe(401);
      expect(await refused.json()).toMatchObject({ error: { code: 'FORBIDDEN' } });
      expect((await asStaff(first.token, '/staff/stats/evaluations?by=item')).status).toBe(401);
      expect((await p.admin('POST', '/admin/staff-tokens/revoke', { token: first.token })).status).toBe(404);
      expect((await asStaff(second.token)).status).toBe(200);

      // …or by the id from the list, when the token itself is lost.
      const listed = (await p.admin('GET', '/admin/staff-tokens?hallId=hall-a')).body as { tokens: { id: string; name: string; revokedAt: number | null }[] };
      expect(JSON.stringify(listed)).not.toContain(second.token);
      expect(listed.tokens.map((t) => [t.name, t.revokedAt === null])).toEqual([
        ['window 3', false],
        ['window 4', true],
      ]);
      expect(listed.tokens[1]?.id).toBe(second.id);
      expect((await p.admin('POST', '/admin/staff-tokens/revoke', { id: second.id })).status).toBe(200);
      expect((await asStaff(second.token)).status).toBe(401);

      expect((await p.admin('POST', '/admin/staff-tokens/revoke', { id: 'not-a-hash' })).status).toBe(400);
      expect((await p.admin('POST', '/admin/staff-tokens/revoke', { id: 'f'.repeat(64) })).status).toBe(404);
      expect((await p.admin('GET', '/admin/staff-tokens?hallId=bad hall')).status).toBe(400);
    } finally {
      await p.close();
      await p.repo.close();
    }
  });
});
