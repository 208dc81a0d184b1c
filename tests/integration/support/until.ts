/** Polls `condition` every 5 ms until it holds; fails naming `what` after `limitMs`. Returns the wait in ms. */
export async function until(condition: () => boolean, what: string, limitMs = 10_000): Promise<number> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > limitMs) throw new Error(`never happened: ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
  return Date.now() - start;
}
