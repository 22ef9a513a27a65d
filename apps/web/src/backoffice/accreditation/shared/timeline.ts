import type { ApplicationDetail } from '@vigia/contracts';
import { formatDate } from '../../../shared/format';

export interface TimelineEntry {
  at: string;
  text: string;
}

/**
 * The case history, assembled from the dated records the application detail carries (the API has
 * no event-history endpoint for applications yet). Sorted oldest first.
 */
export function timelineOf(app: ApplicationDetail): TimelineEntry[] {
  const entries: TimelineEntry[] = [];
  if (app.submittedAt) entries.push({ at: app.submittedAt, text: `Pedido nº ${app.number} enviado.` });
  for (const o of app.rispOpinions) {
    if (o.decidedAt) {
      entries.push({
        at: o.decidedAt,
        text: `Parecer ${o.status === 'favourable' ? 'favorável' : 'desfavorável'} da ${o.securityRegionName}.`,
      });
    }
  }
  for (const v of app.technicalVisits) {
    entries.push({ at: v.scheduledFor, text: `Visita técnica ${v.recordedAt ? 'realizada' : 'agendada'}: ${v.place}.` });
  }
  for (const n of app.deficiencyNotices) {
    entries.push({ at: n.issuedAt, text: `Notificação de falhas emitida (${n.items.length} item(ns)); prazo até ${formatDate(n.dueOn)}.` });
    const answered = n.items
      .map((i) => i.answeredAt)
      .filter((x): x is string => Boolean(x))
      .sort();
    const last = answered[answered.length - 1];
    if (last) entries.push({ at: last, text: 'Resposta à notificação de falhas enviada.' });
  }
  for (const d of app.generatedDocuments)
    entries.push({ at: d.issuedAt, text: `Documento emitido: ${d.title} (${d.format.toUpperCase()}).` });
  return entries.sort((a, b) => a.at.localeCompare(b.at));
}
