import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { roleGrants } from '../../db/tables/accounts.js';
import { systemActor } from '../audit/audit.service.js';
import { insertUser } from './users.service.js';

/**
 * On first start, creates the first administrator: password from ADMIN_PASSWORD, or a random one
 * printed once to the console. Does nothing when any administrator exists.
 */
export async function bootstrapAdmin(
  db: Db,
  admin: { email: string; password: string | undefined },
  print: (line: string) => void,
): Promise<boolean> {
  const existing = await db.select({ id: roleGrants.id }).from(roleGrants).where(eq(roleGrants.role, 'admin')).limit(1);
  if (existing.length > 0) return false;
  const password = admin.password ?? randomBytes(12).toString('base64url');
  await db.transaction((tx) =>
    insertUser(tx, systemActor('bootstrap'), {
      email: admin.email,
      name: 'Administrador inicial',
      password,
      grants: [{ role: 'admin', partnerId: null, municipalityIbge: null, securityRegionId: null, unit: null }],
    }),
  );
  if (!admin.password) {
    print('================================================================');
    print(' First administrator created (shown only this once):');
    print(`   e-mail:   ${admin.email}`);
    print(`   password: ${password}`);
    print(' Sign in at /entrar; you will be asked to enrol an authenticator app.');
    print('================================================================');
  }
  return true;
}
