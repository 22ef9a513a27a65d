import pino from 'pino';
import { loadConfig } from './config/config.js';
import { migrateDatabase, openDatabase } from './db/client.js';
import { verifyAuditChain } from './modules/audit/audit.service.js';
import { verifyExportPackage } from './modules/exports/verify-export-package.js';

const usage = `Usage: npm run cli -- <command>
  audit:verify   verify the audit hash chain; exit 1 and name the first broken row if broken
  migrate        apply pending database migrations
  export:verify <dir> [public-key.pem]
                 verify an export package offline (signature, SHA-256 of every file); exit 1 naming each bad file`;

async function main(argv: string[]): Promise<number> {
  const [command] = argv;
  if (command === 'export:verify') {
    // Offline: no configuration, no database.
    if (!argv[1]) {
      console.error(usage);
      return 2;
    }
    const { readFile } = await import('node:fs/promises');
    const key = argv[2] ? await readFile(argv[2], 'utf8') : undefined;
    const r = await verifyExportPackage(argv[1], key);
    if (r.ok) {
      console.log(
        `export package OK: ${r.manifest!.files.length} file(s), signature valid${key ? ' (trusted key)' : ' (key in manifest — pass the published key to pin it)'}`,
      );
      return 0;
    }
    for (const p of r.problems) console.log(`FAIL ${p.file}: ${p.problem}`);
    return 1;
  }
  const config = loadConfig();
  pino({ level: config.logLevel });
  const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
  try {
    switch (command) {
      case 'migrate':
        await migrateDatabase(database);
        console.log('migrations applied');
        return 0;
      case 'audit:verify': {
        const result = await verifyAuditChain(database.db);
        if (result.ok) {
          console.log(`audit chain OK: ${result.checked} rows verified`);
          return 0;
        }
        console.log(
          `audit chain BROKEN at row seq=${result.firstBroken!.seq} (${result.firstBroken!.problem}); ${result.checked} rows before it are intact`,
        );
        return 1;
      }
      default:
        console.error(usage);
        return 2;
    }
  } finally {
    await database.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
