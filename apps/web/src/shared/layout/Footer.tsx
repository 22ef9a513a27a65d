/** gov.br DS `br-footer`, identical on the portal and the back office. */
export function Footer() {
  return (
    <footer className="br-footer pt-3" id="footer" tabIndex={-1}>
      <div className="container-lg">
        <div className="vigia-footer-brand py-2">
          <strong>Governo de Mato Grosso — SESP</strong>
          <span className="d-block text-down-01">
            Secretaria de Estado de Segurança Pública · Programa Vigia Mais MT (Lei nº 11.766/2022 e Decreto nº 1.522/2022)
          </span>
        </div>
        <span className="br-divider my-3" />
        <div className="info">
          <div className="text-down-01 text-medium pb-3">
            Plataforma aberta do Programa Vigia Mais MT. As imagens captadas são tratadas de forma sigilosa e só são cedidas mediante
            solicitação fundamentada e decisão da autoridade competente.
          </div>
        </div>
      </div>
    </footer>
  );
}
