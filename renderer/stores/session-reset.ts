/**
 * Every store that holds a citizen's data registers how to wipe itself. Ending a session (goodbye, idle
 * timeout, card pulled and confirmed) calls them all, so no personal data outlives the person at the
 * screen.
 */
const resetters = new Set<() => void>();

export function registerSessionReset(reset: () => void): () => void {
  resetters.add(reset);
  return () => resetters.delete(reset);
}

export function wipeSession(): void {
  for (const reset of [...resetters]) {
    try {
      reset();
    } catch {
      // One store failing to reset must not leave the others holding data.
    }
  }
}
