import type { Db } from '../../db/client.js';
import type { DocumentsDeps } from '../documents/issue-document.js';

export interface AccreditationDeps extends DocumentsDeps {
  db: Db;
}

export type { Acting } from '../../http/context.js';
