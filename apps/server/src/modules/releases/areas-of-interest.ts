import { type AreaOfInterest, type AreaOfInterestCreate, areaOfInterestCreateSchema } from '@vigia/contracts';
import { and, desc, eq, or } from 'drizzle-orm';
import type { Db, Queryable } from '../../db/client.js';
import { roleGrants } from '../../db/tables/accounts.js';
import { securityRegions } from '../../db/tables/regions.js';
import { operatorAreaEdges, operatorAreas } from '../../db/tables/releases.js';
import { AppError } from '../../http/errors.js';
import { type AuditActor, recordAudit } from '../audit/audit.service.js';
import { findMunicipality } from '../reference/index.js';

type Row = typeof operatorAreas.$inferSelect;
const toView = (r: Row): AreaOfInterest => ({
  id: r.id,
  userId: r.userId,
  unit: r.unit,
  label: r.label,
  kind: r.kind,
  securityRegionId: r.securityRegionId,
  municipalityIbge: r.municipalityIbge,
  polygon: r.polygon,
  createdAt: r.createdAt.toISOString(),
});

export async function listAreas(
  db: Queryable,
  filter: { userId?: string | undefined; unit?: string | undefined },
): Promise<AreaOfInterest[]> {
  const where =
    filter.userId || filter.unit
      ? or(
          filter.userId ? eq(operatorAreas.userId, filter.userId) : undefined,
          filter.unit ? eq(operatorAreas.unit, filter.unit) : undefined,
        )
      : undefined;
  const rows = await db.select().from(operatorAreas).where(where).orderBy(desc(operatorAreas.createdAt)).limit(1000);
  return rows.map(toView);
}

/** Edges of a polygon given as [lng, lat] vertices (closing edge included). */
export function polygonEdges(polygon: [number, number][]): { x1: number; y1: number; x2: number; y2: number }[] {
  return polygon.map(([x1, y1], i) => {
    const [x2, y2] = polygon[(i + 1) % polygon.length]!;
    return { x1, y1, x2, y2 };
  });
}

/** Gives an operator (or every operator of a unit) an area of interest (art. 26; BH). */
export async function createArea(db: Db, actor: AuditActor, raw: AreaOfInterestCreate): Promise<AreaOfInterest> {
  const input = areaOfInterestCreateSchema.parse(raw);
  return db.transaction(async (tx) => {
    if (input.userId) {
      const [g] = await tx
        .select({ id: roleGrants.id })
        .from(roleGrants)
        .where(and(eq(roleGrants.userId, input.userId), eq(roleGrants.role, 'operator')))
        .limit(1);
      if (!g)
        throw new AppError('VALIDATION_FAILED', undefined, [{ path: 'userId', message: 'A conta não tem o perfil de operador do CIOSP.' }]);
    }
    if (input.kind === 'security_region') {
      const [r] = await tx
        .select({ id: securityRegions.id })
        .from(securityRegions)
        .where(eq(securityRegions.id, input.securityRegionId!))
        .limit(1);
      if (!r) throw new AppError('VALIDATION_FAILED', undefined, [{ path: 'securityRegionId', message: 'Região não encontrada.' }]);
    }
    if (input.kind === 'municipality' && !findMunicipality(input.municipalityIbge!)) {
      throw new AppError('VALIDATION_FAILED', undefined, [{ path: 'municipalityIbge', message: 'Município de MT não encontrado.' }]);
    }
    const [row] = await tx
      .insert(operatorAreas)
      .values({
        userId: input.userId ?? null,
        unit: input.unit ?? null,
        label: input.label,
        kind: input.kind,
        securityRegionId: input.kind === 'security_region' ? input.securityRegionId! : null,
        municipalityIbge: input.kind === 'municipality' ? input.municipalityIbge! : null,
        polygon: input.kind === 'polygon' ? input.polygon! : null,
        createdBy: actor.id,
      })
      .returning();
    if (input.kind === 'polygon') {
      await tx.insert(operatorAreaEdges).values(polygonEdges(input.polygon!).map((e, seq) => ({ areaId: row!.id, seq, ...e })));
    }
    await recordAudit(tx, actor, {
      action: 'operator_area.created',
      targetType: input.userId ? 'user' : 'operator_unit',
      targetId: input.userId ?? input.unit!,
      data: {
        areaId: row!.id,
        kind: input.kind,
        label: input.label,
        securityRegionId: input.securityRegionId ?? null,
        municipalityIbge: input.municipalityIbge ?? null,
        vertices: input.polygon?.length ?? 0,
      },
    });
    return toView(row!);
  });
}

export async function removeArea(db: Db, actor: AuditActor, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await tx.delete(operatorAreas).where(eq(operatorAreas.id, id)).returning();
    if (!row) throw new AppError('NOT_FOUND', 'Área de interesse não encontrada.');
    await recordAudit(tx, actor, {
      action: 'operator_area.removed',
      targetType: row.userId ? 'user' : 'operator_unit',
      targetId: row.userId ?? row.unit!,
      data: { areaId: id, kind: row.kind, label: row.label },
    });
  });
}
