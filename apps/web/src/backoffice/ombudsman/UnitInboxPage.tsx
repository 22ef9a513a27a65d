import { manifestationKindLabels, manifestationStatusLabels, ombudsmanUnitLabels, type UnitManifestation } from '@vigia/contracts';
import { useState } from 'react';
import { type ApiError, toApiError } from '../../shared/api/api-error';
import { ApiErrorMessage } from '../../shared/components/ApiErrorMessage';
import { Loading } from '../../shared/components/Loading';
import { TextAreaField } from '../../shared/components/TextAreaField';
import { useApiData } from '../../shared/hooks/use-api-data';
import { useDocumentTitle } from '../../shared/hooks/use-document-title';
import { Breadcrumb } from '../../shared/layout/Breadcrumb';
import { LegalClockBadge } from './LegalClockBadge';
import { fetchUnitInbox, unitAnswer, unitExtend } from './ombudsman-api';

/**
 * The responsible unit's inbox: what the ombudsman routed to it, with its 20-day clock (once more
 * by 20 with justification). Never the identity of a confidential manifestation (Lei 13.460 art. 10 §7).
 */
export function UnitInboxPage() {
  useDocumentTitle('Manifestações da Ouvidoria');
  const { data, error, loading, reload } = useApiData(fetchUnitInbox);
  return (
    <>
      <Breadcrumb items={[{ label: 'Manifestações da Ouvidoria' }]} />
      <h1>Manifestações encaminhadas pela Ouvidoria</h1>
      <p>Responda à Ouvidoria dentro do prazo da unidade (20 dias, prorrogáveis uma vez por 20 com justificativa).</p>
      <ApiErrorMessage error={error} />
      {loading ? (
        <Loading />
      ) : data?.items.length ? (
        data.items.map((m) => <UnitItem key={m.id} item={m} onChanged={reload} />)
      ) : (
        <p>Nada encaminhado à sua unidade.</p>
      )}
    </>
  );
}

function UnitItem({ item, onChanged }: { item: UnitManifestation; onChanged: () => void }) {
  const [text, setText] = useState('');
  const [justification, setJustification] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const act = async (f: () => Promise<unknown>) => {
    setError(null);
    try {
      await f();
      onChanged();
    } catch (e) {
      setError(toApiError(e));
    }
  };
  const open = item.status === 'with_unit';
  return (
    <section className="br-card p-3 mb-3" aria-label={`Manifestação ${item.protocol}`}>
      <h2 className="h4">
        {item.protocol} — {manifestationKindLabels[item.kind]}: {item.subject}
      </h2>
      <p>
        {ombudsmanUnitLabels[item.unit]} · {manifestationStatusLabels[item.status]} · Prazo: <LegalClockBadge clock={item.unitClock} />
      </p>
      <p>
        {item.identity === 'identified' && item.requesterName
          ? `Manifestante: ${item.requesterName}`
          : 'Identidade preservada pela Ouvidoria.'}
      </p>
      <p style={{ whiteSpace: 'pre-wrap' }}>{item.description}</p>
      {item.routingNote && <p>Orientação da Ouvidoria: {item.routingNote}</p>}
      <ApiErrorMessage error={error} />
      {open ? (
        <>
          <TextAreaField id={`unit-answer-${item.id}`} label="Resposta à Ouvidoria" value={text} onChange={setText} maxLength={8000} />
          <button type="button" className="br-button primary mt-1" onClick={() => void act(() => unitAnswer(item.id, text))}>
            Enviar resposta
          </button>
          {!item.unitClock.extended && (
            <>
              <TextAreaField
                id={`unit-extend-${item.id}`}
                label="Justificativa para prorrogar (20 dias)"
                value={justification}
                onChange={setJustification}
                maxLength={2000}
              />
              <button type="button" className="br-button secondary mt-1" onClick={() => void act(() => unitExtend(item.id, justification))}>
                Prorrogar prazo
              </button>
            </>
          )}
        </>
      ) : (
        item.unitAnswer && <p>Resposta enviada: {item.unitAnswer}</p>
      )}
    </section>
  );
}
