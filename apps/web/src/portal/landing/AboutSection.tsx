const goals = [
  'Ampliar a cobertura de videomonitoramento no estado.',
  'Integrar câmeras públicas, cedidas pelo programa, e privadas, já existentes nos imóveis, em uma única plataforma.',
  'Melhorar a eficiência das ações de segurança pública.',
  'Reduzir os índices de criminalidade.',
];

export function AboutSection() {
  return (
    <section className="vigia-section" aria-labelledby="about-title">
      <div className="container-lg">
        <h2 id="about-title">O que é o programa</h2>
        <div className="row">
          <div className="col-md-7">
            <p>
              O Vigia Mais MT integra câmeras instaladas em imóveis públicos e privados, sempre com foco nos logradouros públicos, a uma
              plataforma central gerenciada pela SESP/MT. As imagens são acompanhadas pelo Centro Integrado de Operações de Segurança
              Pública (CIOSP) e pelos centros regionais, contribuindo para a prevenção e a repressão de crimes.
            </p>
            <p>
              O Estado fornece as câmeras, em regime de cessão de uso (comodato) gratuita por até 5 anos, o armazenamento e a plataforma. O
              participante é responsável pela instalação, manutenção e conectividade dos equipamentos. A participação é voluntária.
            </p>
            <p>
              As gravações são sigilosas: só são cedidas mediante solicitação fundamentada de autoridade competente e decisão registrada, e
              cada acesso às imagens fica registrado de forma permanente e verificável.
            </p>
          </div>
          <div className="col-md-5">
            <h3 className="mt-0">Objetivos</h3>
            <ul>
              {goals.map((goal) => (
                <li key={goal}>{goal}</li>
              ))}
            </ul>
          </div>
        </div>
      </div>
    </section>
  );
}
