/**
 * Per-case guard of the fuzz tests (issue 12): a single generated case that takes longer than 2 s
 * fails — a guard against hangs, not a performance assertion; cases stay small enough that a busy
 * machine never gets near it. (packages/media has the synchronous twin, src/fuzz-guard.ts.)
 */
export const FUZZ_CASE_LIMIT_MS = 2000;

export async function withinCaseLimit<T>(run: () => T | Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await run();
  const ms = performance.now() - started;
  if (ms > FUZZ_CASE_LIMIT_MS) throw new Error(`one fuzz case took ${Math.round(ms)} ms (limit ${FUZZ_CASE_LIMIT_MS} ms)`);
  return result;
}
