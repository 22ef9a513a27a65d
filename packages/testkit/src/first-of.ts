/**
 * Resolves with the label of the first wait that succeeds. The losing waits time out later; their
 * rejections are swallowed so they are not reported as unhandled errors. Throws when none succeeds.
 */
export async function firstOf<T extends string>(waits: Record<T, Promise<unknown>>): Promise<T> {
  const entries = Object.entries(waits) as [T, Promise<unknown>][];
  const winner = await Promise.race(entries.map(([label, p]) => p.then(() => label).catch(() => null)));
  if (winner === null) throw new Error(`none of ${entries.map(([l]) => l).join(', ')} happened`);
  return winner;
}
