import pino from 'pino';
import { loadConfig } from './config/config.js';
import { migrateDatabase, openDatabase } from './db/client.js';
import { verifyAuditChain } from './modules/audit/audit.service.js';

const usage = `Usage: npm run cli -- <command>
  audit:verify   verify the audit hash chain; exit 1 and name the first broken row if broken
  migrate        apply pending database migrations`;

async function main(argv: string[]): Promise<number> {
  const [command] = argv;
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
        console.log(`audit chain BROKEN at row seq=${result.firstBroken!.seq} (${result.firstBroken!.problem}); ${result.checked} rows before it are intact`);
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
