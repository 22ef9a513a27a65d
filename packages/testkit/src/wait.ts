/**
 * Wait that follows progress: polls `progress()` every 200 ms until `done(value)`; fails only when
 * the value has not changed for `stallMs` (a busy machine is slower, not red).
 */
export async function untilProgress<T>(progress: () => T | Promise<T>, done: (value: T) => boolean, stallMs = 30_000): Promise<T> {
  let last = JSON.stringify(await progress());
  let lastChange = Date.now();
  for (;;) {
    const value = await progress();
    if (done(value)) return value;
    const now = JSON.stringify(value);
    if (now !== last) {
      last = now;
      lastChange = Date.now();
    } else if (Date.now() - lastChange > stallMs) {
      throw new Error(`no progress for ${stallMs} ms (last: ${now})`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}
