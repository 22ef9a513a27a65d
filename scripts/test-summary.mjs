// Prints one line per suite and the closing line "N passed, N failed" from Vitest's JSON reports.
import fs from 'node:fs';
import path from 'node:path';

const dir = process.argv[2];
let passed = 0;
let failed = 0;
let skipped = 0;
// integration-failover: the multi-node fault test run alone (scripts/test.sh); absent in a serial run,
// where the PostgreSQL run includes it.
const optional = new Set(['integration-failover']);
for (const suite of ['unit', 'integration-pglite', 'integration-postgres', 'integration-failover', 'e2e']) {
  const file = path.join(dir, `${suite}.json`);
  if (optional.has(suite) && !fs.existsSync(path.join(dir, `${suite}.exit`))) continue;
  if (!fs.existsSync(file)) {
    console.log(`${suite}: no report (the run did not finish)`);
    failed++;
    continue;
  }
  const r = JSON.parse(fs.readFileSync(file, 'utf8'));
  const s = (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
  console.log(`${suite}: ${r.numPassedTests} passed, ${r.numFailedTests} failed${s ? `, ${s} skipped` : ''}`);
  // Name what failed, so the tail of a CI log says which test to look at.
  for (const file of r.testResults ?? []) {
    const rel = path.relative(process.cwd(), file.name);
    for (const t of file.assertionResults ?? []) {
      if (t.status !== 'failed') continue;
      const why = (t.failureMessages?.[0] ?? '').split('\n')[0].slice(0, 300);
      console.log(`  FAILED ${rel} › ${t.fullName}\n         ${why}`);
    }
    if (file.status === 'failed' && !(file.assertionResults ?? []).some((t) => t.status === 'failed')) {
      console.log(`  FAILED ${rel} (suite): ${(file.message ?? '').split('\n')[0].slice(0, 300)}`);
    }
  }
  passed += r.numPassedTests;
  failed += r.numFailedTests;
  skipped += s;
  if (r.numTotalTests === 0) failed++;
  // Errors outside any test (unhandled rejections, failed suites) fail the run too: count them.
  const exitFile = path.join(dir, `${suite}.exit`);
  const exitCode = fs.existsSync(exitFile) ? Number(fs.readFileSync(exitFile, 'utf8').trim()) : 0;
  if ((r.success === false || exitCode !== 0) && r.numFailedTests === 0) {
    console.log(`${suite}: the run failed outside individual tests (unhandled error or suite failure)`);
    failed++;
  }
}
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);
