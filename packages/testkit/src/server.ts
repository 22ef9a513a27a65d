/**
 * The API server modules the test helpers build on, in one place: building the app, loading its
 * configuration, opening and migrating a database, creating a user, the system actor, the clock type. The server
 * has no package entry point; these are the start-up pieces main.ts itself uses plus two seeders.
 */
export { type App, buildApp } from '../../../apps/server/src/app.js';
export type { Clock } from '../../../apps/server/src/config/clock.js';
export { type Config, loadConfig } from '../../../apps/server/src/config/config.js';
export { type Database, migrateDatabase, openDatabase } from '../../../apps/server/src/db/client.js';
export { insertUser } from '../../../apps/server/src/modules/accounts/users.service.js';
export { systemActor } from '../../../apps/server/src/modules/audit/audit.service.js';
