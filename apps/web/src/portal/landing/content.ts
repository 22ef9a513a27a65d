/**
 * Landing page content, taken from the program guide (cartilha Vigia Mais MT, seed 000) and from
 * Decreto nº 1.522/2022 (seed 001). Text is pt-BR because people read it.
 */

export interface ApplicantKind {
  title: string;
  icon: string;
  text: string;
}

export const applicantKinds: ApplicantKind[] = [
  {
    title: 'Órgãos públicos',
    icon: 'fa-landmark',
    text: 'Órgãos e entidades da administração pública federal, estadual e municipal.',
  },
  {
    title: 'Municípios',
    icon: 'fa-city',
    text: 'Prefeituras, em gestão direta com a SESP ou assumindo a gestão indireta no seu território.',
  },
  {
    title: 'Consórcios intermunicipais',
    icon: 'fa-project-diagram',
    text: 'Consórcios públicos de municípios, que também podem assumir a gestão indireta.',
  },
  {
    title: 'Empresas',
    icon: 'fa-store',
    text: 'Pessoas jurídicas de direito privado, como comércios e indústrias.',
  },
  {
    title: 'Cooperativas',
    icon: 'fa-handshake',
    text: 'Cooperativas com sede ou filiais em Mato Grosso, na sede e nos pontos de atendimento.',
  },
  {
    title: 'Associações e conselhos comunitários',
    icon: 'fa-users',
    text: 'Associações e conselhos comerciais ou comunitários de bairro.',
  },
  {
    title: 'Organizações da sociedade civil',
    icon: 'fa-hands-helping',
    text: 'OSCs que queiram contribuir com a segurança do seu entorno.',
  },
  {
    title: 'Pessoas físicas',
    icon: 'fa-user',
    text: 'Cidadãos que queiram apontar câmeras da sua residência para a via pública.',
  },
];

export interface JoiningStep {
  title: string;
  items: string[];
}

/** The guide's "Fluxograma processo de credenciamento e operação Vigia Mais MT". */
export const joiningSteps: JoiningStep[] = [
  {
    title: 'Pedido de habilitação',
    items: [
      'Apresentação dos documentos do proponente e do representante legal.',
      'Projeto executivo, com uma linha para cada câmera.',
      'Declaração de interesse de segurança pública.',
      'Termo de responsabilidade e declaração de conformidade dos documentos apresentados.',
      'Possibilidade de visita técnica aos locais de instalação.',
    ],
  },
  {
    title: 'Análise e avaliação da habilitação',
    items: [
      'Recebimento e conferência dos documentos pela comissão técnica da SESP/MT.',
      'Avaliação dos requisitos técnicos.',
      'Avaliação do interesse de segurança pública dos locais, com parecer da coordenação regional (RISP).',
      'Havendo pendências, o proponente é notificado e tem prazo para corrigi-las.',
    ],
  },
  {
    title: 'Pré-qualificação ao programa',
    items: [
      'Termo de avaliação e conformidade dos requisitos, deferindo ou indeferindo o pedido de habilitação.',
      'Termo de pré-qualificação ao programa.',
    ],
  },
  {
    title: 'Celebração da cooperação técnica',
    items: [
      'Termo de cooperação técnica direta, de delegação (gestão indireta) ou de adesão, válido por 5 anos e prorrogável.',
      'Termo de cessão de uso e recebimento das câmeras, assinado na retirada dos equipamentos.',
    ],
  },
  {
    title: 'Operação do programa',
    items: [
      'Instalação e integração das câmeras à plataforma da SESP/MT em até 90 dias.',
      'Fiscalização, supervisão e acompanhamento da cooperação, com vistorias.',
      'Prestações de contas sobre o uso dos equipamentos.',
    ],
  },
];

export const generalDocuments: string[] = [
  'Documento de identidade e CPF do representante legal.',
  'Ato constitutivo (estatuto ou contrato social e ata de eleição da diretoria atual), no caso de pessoa jurídica.',
  'Cartão CNPJ, no caso de pessoa jurídica.',
  'Comprovante de endereço.',
  'Documento de propriedade do imóvel onde as câmeras serão instaladas ou, se alugado, contrato de locação com pelo menos 2 anos de vigência restante.',
  'Certidões negativas criminais da Justiça Federal e da Justiça Estadual, de 1º e 2º graus, do representante legal.',
  'Projeto executivo: endereço, município, latitude e longitude de cada câmera, com foto do local de instalação (fachada, poste etc.) e foto da visão da câmera voltada para a via pública.',
  'Quadro de distribuição das câmeras e declaração de interesse de segurança pública, com os mesmos pontos do projeto executivo.',
];

export const specificDocuments: string[] = [
  'Consórcios intermunicipais: protocolo de intenções ratificado por lei municipal e contratos de constituição e de rateio.',
  'Associações que filmem a partir de imóveis de terceiros: anuência e documentos dos proprietários.',
];

export const obligations: string[] = [
  'Manter as câmeras funcionando 100% do tempo, com manutenção preventiva regular.',
  'Custear a instalação, a manutenção, a energia e a conectividade dos equipamentos.',
  'Em caso de roubo ou dano causado por terceiros, comunicar imediatamente o CIOSP e registrar boletim de ocorrência.',
  'Permitir vistorias técnicas da SESP/MT e prestar contas do uso dos equipamentos cedidos.',
  'Devolver os equipamentos em condições de uso ao final da cooperação.',
];
