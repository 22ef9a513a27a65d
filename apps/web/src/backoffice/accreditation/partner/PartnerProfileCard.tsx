import { applicantKindLabels, type PartnerProfile } from '@vigia/contracts';

/** The registered partner data an application is filed under (address and legal representative). */
export function PartnerProfileCard({ profile }: { profile: PartnerProfile }) {
  const a = profile.address;
  const r = profile.legalRepresentative;
  return (
    <section className="br-card p-3 mb-3" aria-labelledby="profile-title">
      <h2 id="profile-title" className="h5 mt-0">
        Ente proponente
      </h2>
      <p className="mb-1">
        <strong>{profile.name}</strong> — {applicantKindLabels[profile.kind]} — {profile.kind === 'individual' ? 'CPF' : 'CNPJ'}{' '}
        {profile.document}
      </p>
      <p className="mb-1">
        Endereço:{' '}
        {a
          ? `${a.street}, ${a.number}${a.complement ? `, ${a.complement}` : ''} — ${a.district} — CEP ${a.cep} — IBGE ${a.municipalityIbge}`
          : 'não informado'}
      </p>
      <p className="mb-0">Representante legal: {r ? `${r.name} (${r.position})` : 'não informado'}</p>
      {(!a || !r) && <p className="text-danger mb-0 mt-1">O endereço e o representante legal são exigidos para enviar o pedido.</p>}
    </section>
  );
}
