import { type MissionStatus, missionStatusLabels } from '@vigia/contracts';
import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { protectionMissions } from '../../db/tables/protection.js';
import { AppError } from '../../http/errors.js';
import { recordAudit } from '../audit/audit.service.js';
import type { Acting } from './deps.js';
import type { MissionRow } from './scope.js';

export function requireStatus(mission: MissionRow, ...allowed: MissionStatus[]): void {
  if (!allowed.includes(mission.status as MissionStatus))
    throw new AppError(
      'PROTECTION_INVALID_STATE',
      `Esta ação não é permitida com a missão "${missionStatusLabels[mission.status as MissionStatus]}".`,
    );
}

/** Updates a mission guarded by its current status (a concurrent change loses), with its audit row. */
export async function updateMission(
  tx: Tx,
  who: Acting,
  mission: MissionRow,
  entry: {
    action: string;
    to?: MissionStatus;
    reason?: string | null;
    set?: Partial<typeof protectionMissions.$inferInsert>;
    data?: Record<string, unknown>;
  },
): Promise<MissionRow> {
  const [row] = await tx
    .update(protectionMissions)
    .set({ ...entry.set, ...(entry.to ? { status: entry.to } : {}), updatedAt: new Date() })
    .where(and(eq(protectionMissions.id, mission.id), eq(protectionMissions.status, mission.status)))
    .returning();
  if (!row) throw new AppError('CONFLICT');
  await recordAudit(tx, who.actor, {
    action: entry.action,
    targetType: 'protection_mission',
    targetId: mission.id,
    reason: entry.reason ?? null,
    data: { number: mission.number, from: mission.status, to: row.status, ...entry.data },
  });
  return row;
}
