/**
 * Test support for the fuzz tests (issue 12): fails a single generated case that takes longer than
 * 2 s — a guard against hangs and super-linear parsing, not a performance assertion; cases are
 * kept small enough that a busy machine stays far from it.
 */
export const FUZZ_CASE_LIMIT_MS = 2000;

export function withinCaseLimit<T>(run: () => T): T {
  const started = performance.now();
  const result = run();
  const ms = performance.now() - started;
  if (ms > FUZZ_CASE_LIMIT_MS) throw new Error(`one fuzz case took ${Math.round(ms)} ms (limit ${FUZZ_CASE_LIMIT_MS} ms)`);
  return result;
}
