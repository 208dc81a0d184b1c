import type { Bundle } from './schema';

/**
 * Naive combined deadline of a bundle: the longest chain of member promises over `dependsOn`
 * (parallel members take the maximum, chained ones add up). Null when the dependencies form a cycle.
 */
export function criticalPathWorkdays(bundle: Pick<Bundle, 'members'>): { allMembers: number; requiredMembersOnly: number } | null {
  const all = longestPath(bundle.members);
  const required = longestPath(bundle.members.filter((m) => m.required));
  if (all === null || required === null) return null;
  return { allMembers: all, requiredMembersOnly: required };
}

function longestPath(members: Pick<Bundle, 'members'>['members']): number | null {
  const byId = new Map(members.map((m) => [m.item, m]));
  const finish = new Map<string, number>();
  const visiting = new Set<string>();
  const visit = (id: string): number | null => {
    const known = finish.get(id);
    if (known !== undefined) return known;
    const member = byId.get(id);
    if (!member) return 0; // dependency on an excluded member: it does not delay this one
    if (visiting.has(id)) return null;
    visiting.add(id);
    let start = 0;
    for (const dep of member.dependsOn) {
      const end = visit(dep);
      if (end === null) return null;
      start = Math.max(start, end);
    }
    visiting.delete(id);
    const end = start + member.promisedWorkdays;
    finish.set(id, end);
    return end;
  };
  let longest = 0;
  for (const m of members) {
    const end = visit(m.item);
    if (end === null) return null;
    longest = Math.max(longest, end);
  }
  return longest;
}
