import { generalDocuments, obligations, specificDocuments } from './content';

export function DocumentsSection() {
  return (
    <section className="vigia-section" aria-labelledby="documents-title">
      <div className="container-lg">
        <div className="row">
          <div className="col-md-7">
            <h2 id="documents-title">Documentos necessários</h2>
            <p>Em termos gerais, o pedido de habilitação reúne:</p>
            <ul>
              {generalDocuments.map((doc) => (
                <li key={doc}>{doc}</li>
              ))}
            </ul>
            <p>Casos específicos:</p>
            <ul>
              {specificDocuments.map((doc) => (
                <li key={doc}>{doc}</li>
              ))}
            </ul>
            <p className="text-down-01">
              A lista exata depende do tipo de proponente e está nos arts. 9º a 11 do Decreto nº 1.522/2022 e no edital de credenciamento da
              SESP/MT.
            </p>
          </div>
          <div className="col-md-5">
            <h2 className="h3">Obrigações de quem participa</h2>
            <ul>
              {obligations.map((item) => (
                <li key={item}>{item}</li>
              ))}
            </ul>
            <p className="text-down-01">
              O descumprimento das regras ou o mau uso das imagens pode levar a advertência, suspensão ou rescisão da cooperação.
            </p>
          </div>
        </div>
      </div>
    </section>
  );
}
