export function ManagementSection() {
  return (
    <section className="vigia-section" aria-labelledby="management-title">
      <div className="container-lg">
        <h2 id="management-title">Gestão direta e gestão indireta</h2>
        <div className="row">
          <div className="col-md-6 d-flex">
            <div className="br-card w-100">
              <div className="card-header">
                <h3 className="vigia-card-title">Gestão direta</h3>
              </div>
              <div className="card-content">
                <p className="mb-0">
                  A SESP/MT conduz a cooperação técnica sem intermediários, em todas as etapas: habilitação, credenciamento, cessão das
                  câmeras e acompanhamento.
                </p>
              </div>
            </div>
          </div>
          <div className="col-md-6 d-flex">
            <div className="br-card w-100">
              <div className="card-header">
                <h3 className="vigia-card-title">Gestão indireta</h3>
              </div>
              <div className="card-content">
                <p>
                  Um município ou consórcio de municípios com termo de cooperação próprio assume a habilitação, o credenciamento e a cessão
                  de câmeras dos participantes privados do seu território, sob supervisão e fiscalização da SESP/MT.
                </p>
                <p className="mb-0">
                  Onde houver gestão indireta, o pedido de um participante privado é dirigido ao município ou consórcio; excepcionalmente,
                  por razões técnicas, pode ser dirigido à SESP/MT.
                </p>
              </div>
            </div>
          </div>
        </div>
      </div>
    </section>
  );
}
