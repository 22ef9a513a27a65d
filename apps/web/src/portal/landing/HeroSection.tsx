import { Link } from 'react-router-dom';

export function HeroSection() {
  return (
    <section className="vigia-hero" aria-labelledby="hero-title">
      <div className="container-lg">
        <h1 id="hero-title" className="mt-0">
          Vigia Mais MT
        </h1>
        <p className="lead">
          Programa de videomonitoramento colaborativo do Governo de Mato Grosso. Órgãos públicos, municípios, empresas, cooperativas,
          associações e cidadãos integram câmeras voltadas para as vias públicas à plataforma da Secretaria de Estado de Segurança Pública
          (SESP/MT).
        </p>
        <p className="text-down-01">Instituído pela Lei nº 11.766/2022 e regulamentado pelo Decreto nº 1.522/2022.</p>
        <div className="d-flex flex-wrap mt-3">
          <a className="br-button secondary mr-2 mb-2" href="#como-participar">
            Como participar
          </a>
          <Link className="br-button primary mr-2 mb-2" to="/cadastro">
            Quero participar
          </Link>
          <Link className="br-button secondary mr-2 mb-2" to="/mapa">
            Mapa do programa
          </Link>
          <Link className="br-button secondary mr-2 mb-2" to="/verificar">
            Verificar documento
          </Link>
          <Link className="br-button secondary mr-2 mb-2" to="/denuncia">
            Fazer uma denúncia
          </Link>
          <Link className="br-button primary inverted mb-2" to="/entrar">
            Entrar na plataforma
          </Link>
        </div>
      </div>
    </section>
  );
}
