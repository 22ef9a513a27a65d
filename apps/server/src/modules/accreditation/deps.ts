import type { Db } from '../../db/client.js';
import type { AuthContext } from '../accounts/session.service.js';
import type { AuditActor } from '../audit/audit.service.js';
import type { DocumentsDeps } from '../documents/issue-document.js';

export interface AccreditationDeps extends DocumentsDeps {
  db: Db;
}

/** Who is acting: the session (for scope) and the audit actor. */
export interface Acting {
  auth: AuthContext;
  actor: AuditActor;
}
