export function ContactsSection() {
  return (
    <section className="vigia-section alt" aria-labelledby="contacts-title">
      <div className="container-lg">
        <h2 id="contacts-title">Contatos</h2>
        <div className="row">
          <div className="col-md-6">
            <h3 className="h5">SESP/MT — Gerência de Videomonitoramento do CIOSP</h3>
            <ul className="list-unstyled">
              <li>
                <i className="fas fa-envelope vigia-card-icon" aria-hidden="true" />
                <a href="mailto:videomonitoramentociosp@sesp.mt.gov.br">videomonitoramentociosp@sesp.mt.gov.br</a>
              </li>
              <li>
                <i className="fab fa-whatsapp vigia-card-icon" aria-hidden="true" />
                <span className="sr-only">WhatsApp: </span>(65) 8145-0303
              </li>
              <li>
                <i className="fas fa-globe vigia-card-icon" aria-hidden="true" />
                <a href="https://www.sesp.mt.gov.br/vigia-mais-mt">www.sesp.mt.gov.br/vigia-mais-mt</a>
              </li>
            </ul>
          </div>
          <div className="col-md-6">
            <h3 className="h5">Cooperativas — Sistema OCB/MT</h3>
            <ul className="list-unstyled">
              <li>
                <i className="fas fa-phone vigia-card-icon" aria-hidden="true" />
                (65) 3648-2457 · (65) 3648-2469
              </li>
              <li>
                <i className="fas fa-globe vigia-card-icon" aria-hidden="true" />
                <a href="https://www.sistemaocbmt.coop.br">www.sistemaocbmt.coop.br</a>
              </li>
            </ul>
          </div>
        </div>
      </div>
    </section>
  );
}
