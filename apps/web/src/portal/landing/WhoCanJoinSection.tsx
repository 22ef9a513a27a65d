import { applicantKinds } from './content';

export function WhoCanJoinSection() {
  return (
    <section className="vigia-section alt" aria-labelledby="who-title">
      <div className="container-lg">
        <h2 id="who-title">Quem pode participar</h2>
        <p>
          Podem pedir habilitação entes públicos e privados (Decreto nº 1.522/2022, art. 3º), desde que o endereço do imóvel e a localização
          das câmeras estejam no território de Mato Grosso.
        </p>
        <ul className="vigia-cards">
          {applicantKinds.map((kind) => (
            <li key={kind.title}>
              <div className="br-card">
                <div className="card-header">
                  <h3 className="vigia-card-title">
                    <i className={`fas ${kind.icon} vigia-card-icon`} aria-hidden="true" />
                    {kind.title}
                  </h3>
                </div>
                <div className="card-content">
                  <p className="mb-0">{kind.text}</p>
                </div>
              </div>
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}
