import { mediaTables as tables } from '@vigia/contracts/media-tables';
import type { SqlClient } from '../sql.js';

/**
 * The node's SQL for VMS integrations (Art. 22 §3): it reads `vms_integration` and
 * `vms_integration_camera` (written by the API's integrations module) and writes only
 * `vms_integration_pull`, one row per pull session, which the API turns into audit events.
 * Single statements, as everything the node runs (store.ts).
 */
export interface IntegrationGrant {
  id: string;
  secretHash: string;
  status: string;
  allowedCidr: string | null;
  /** The camera asked for is in the integration's set. */
  cameraAllowed: boolean;
}

export class IntegrationStore {
  constructor(
    private readonly sql: SqlClient,
    private readonly nodeId: string,
  ) {}

  async grant(username: string, cameraId: string): Promise<IntegrationGrant | undefined> {
    const rows = await this.sql.query<{
      id: string;
      secret_hash: string;
      status: string;
      allowed_cidr: string | null;
      camera_allowed: boolean;
    }>(
      `SELECT i.id::text AS id, i.secret_hash, i.status, i.allowed_cidr,
              EXISTS (SELECT 1 FROM ${tables.vmsIntegrationCamera} c WHERE c.integration_id = i.id AND c.camera_id = $2::uuid) AS camera_allowed
       FROM ${tables.vmsIntegration} i WHERE i.username = $1`,
      [username, cameraId],
    );
    const r = rows[0];
    if (!r) return undefined;
    return {
      id: r.id,
      secretHash: r.secret_hash,
      status: r.status,
      allowedCidr: r.allowed_cidr,
      cameraAllowed: r.camera_allowed === true || String(r.camera_allowed) === 'true',
    };
  }

  async startPull(integrationId: string, cameraId: string, origin: string): Promise<string> {
    const rows = await this.sql.query<{ id: string }>(
      `INSERT INTO ${tables.vmsIntegrationPull} (integration_id, camera_id, node_id, origin) VALUES ($1::uuid, $2::uuid, $3, $4) RETURNING id::text AS id`,
      [integrationId, cameraId, this.nodeId, origin.slice(0, 200)],
    );
    return rows[0]!.id;
  }

  async touchPulls(ids: string[]): Promise<void> {
    if (!ids.length) return;
    await this.sql.query(
      `UPDATE ${tables.vmsIntegrationPull} SET seen_at = now() WHERE id = ANY(string_to_array($1, ',')::uuid[]) AND ended_at IS NULL`,
      [ids.join(',')],
    );
  }

  async endPull(id: string): Promise<void> {
    await this.sql.query(
      `UPDATE ${tables.vmsIntegrationPull} SET ended_at = now(), seen_at = now() WHERE id = $1::uuid AND ended_at IS NULL`,
      [id],
    );
  }

  /** After a restart: pull sessions this node left open end when they were last seen. */
  async closeStalePulls(): Promise<void> {
    await this.sql.query(`UPDATE ${tables.vmsIntegrationPull} SET ended_at = seen_at WHERE node_id = $1 AND ended_at IS NULL`, [
      this.nodeId,
    ]);
  }
}
