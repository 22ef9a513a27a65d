import type { Role } from '@vigia/contracts';

/**
 * The one declarative table of back-office areas: who may use each one, where it lives and whether
 * it is built yet. The menu, the home cards, the routes and the route guard all read this table.
 * Roles follow SPEC §2.
 */
export type AreaStatus = 'ready' | 'soon';

export interface NavItem {
  id: AreaId;
  /** Path inside the back office (router basename is /app). */
  path: string;
  label: string;
  description: string;
  /** Font Awesome 5 icon class. */
  icon: string;
  roles: readonly Role[];
  status: AreaStatus;
}

export type AreaId =
  | 'admin-users'
  | 'audit'
  | 'admin-homologations'
  | 'admin-regions'
  | 'admin-publications'
  | 'admin-integrations'
  | 'admin-security-units'
  | 'partner-applications'
  | 'partner-cameras'
  | 'partner-terms'
  | 'partner-profile'
  | 'committee-identity-changes'
  | 'committee-public-access'
  | 'partner-incidents'
  | 'partner-accountability'
  | 'partner-loans'
  | 'partner-sanctions'
  | 'committee-loans'
  | 'committee-accountability'
  | 'committee-complaints'
  | 'integrator-applications'
  | 'signage-plates'
  | 'committee-signage-plates'
  | 'integrator-camera-tests'
  | 'committee-queue'
  | 'committee-inspections'
  | 'committee-sanctions'
  | 'risp-opinions'
  | 'municipal-applications'
  | 'municipal-loans'
  | 'ops-map'
  | 'ops-live'
  | 'ops-mosaic'
  | 'ops-recordings'
  | 'ops-health'
  | 'ops-exports'
  | 'release-decisions'
  | 'requester-requests'
  | 'protection-missions'
  | 'protection-support'
  | 'traffic-accidents'
  | 'civil-police-reports'
  | 'partner-camera-sharing'
  | 'ops-console'
  | 'ops-events'
  | 'politec-identity-cards'
  | 'politec-certificates'
  | 'politec-criminal-records'
  | 'politec-fees'
  | 'ombudsman-queue'
  | 'ombudsman-unit-inbox'
  | 'civil-police-warrants'
  | 'civil-police-vehicles';

const operators: readonly Role[] = ['operator', 'regional_operator'];

export const navigation: readonly NavItem[] = [
  // SESP administration (Art. 26, Art. 27 §2)
  {
    id: 'admin-users',
    path: '/admin/usuarios',
    label: 'Usuários',
    description: 'Contas, perfis de acesso e suspensões.',
    icon: 'fa-users-cog',
    roles: ['admin'],
    status: 'ready',
  },
  {
    id: 'audit',
    path: '/auditoria',
    label: 'Auditoria',
    description: 'Trilha de auditoria e verificação da integridade dos registros.',
    icon: 'fa-clipboard-check',
    roles: ['admin', 'auditor'],
    status: 'ready',
  },
  {
    id: 'admin-homologations',
    path: '/admin/homologacoes',
    label: 'Homologações e termos',
    description: 'Homologação dos pedidos deferidos e assinatura dos termos de cooperação (art. 16, § 1º).',
    icon: 'fa-stamp',
    roles: ['admin'],
    status: 'ready',
  },
  {
    id: 'admin-regions',
    path: '/admin/regioes',
    label: 'Regiões RISP',
    description: 'Regiões integradas de segurança pública e seus municípios.',
    icon: 'fa-map-marked-alt',
    roles: ['admin'],
    status: 'soon',
  },
  {
    id: 'admin-integrations',
    path: '/admin/integracoes',
    label: 'Integrações com VMS',
    description: 'Sistemas do CIOSP que recebem as câmeras em HLS, com credenciais próprias (art. 22, § 3º).',
    icon: 'fa-network-wired',
    roles: ['admin'],
    status: 'ready',
  },
  {
    id: 'admin-security-units',
    path: '/admin/unidades-de-seguranca',
    label: 'Unidades de segurança',
    description: 'Diretório público de batalhões, delegacias, Politec e bombeiros: cadastro, edição e importação por planilha.',
    icon: 'fa-building',
    roles: ['admin'],
    status: 'ready',
  },
  {
    id: 'admin-publications',
    path: '/admin/publicacoes',
    label: 'Publicações',
    description: 'Textos de homologação para o Diário Oficial.',
    icon: 'fa-newspaper',
    roles: ['admin'],
    status: 'soon',
  },
  // Partner (ente proponente)
  {
    id: 'partner-applications',
    path: '/habilitacoes',
    label: 'Minhas habilitações',
    description: 'Pedidos de habilitação, documentos e andamento.',
    icon: 'fa-file-signature',
    roles: ['partner_user'],
    status: 'ready',
  },
  {
    id: 'partner-cameras',
    path: '/cameras',
    label: 'Câmeras',
    description: 'Cadastro, importação da planilha do técnico e autoteste das câmeras.',
    icon: 'fa-video',
    roles: ['partner_user', 'integrator', 'admin', 'committee_member'],
    status: 'ready',
  },
  {
    id: 'partner-terms',
    path: '/termos',
    label: 'Termos e documentos',
    description: 'Termos de cooperação, de cessão de uso e demais atos.',
    icon: 'fa-file-contract',
    roles: ['partner_user'],
    status: 'ready',
  },
  {
    id: 'partner-profile',
    path: '/dados-cadastrais',
    label: 'Dados cadastrais',
    description: 'Dados do ente proponente e solicitações de alteração cadastral.',
    icon: 'fa-id-card',
    roles: ['partner_user'],
    status: 'ready',
  },
  {
    id: 'partner-incidents',
    path: '/ocorrencias',
    label: 'Ocorrências com equipamentos',
    description: 'Roubo, dano ou defeito das câmeras cedidas.',
    icon: 'fa-exclamation-triangle',
    roles: ['partner_user'],
    status: 'ready',
  },
  {
    id: 'partner-accountability',
    path: '/prestacao-de-contas',
    label: 'Prestação de contas',
    description: 'Relatórios sobre o uso dos equipamentos cedidos.',
    icon: 'fa-tasks',
    roles: ['partner_user'],
    status: 'ready',
  },
  {
    id: 'partner-loans',
    path: '/cessoes',
    label: 'Cessões de equipamentos',
    description: 'Câmeras cedidas pelo Estado: agendamento da retirada e termos (art. 17–18).',
    icon: 'fa-boxes',
    roles: ['partner_user'],
    status: 'ready',
  },
  {
    id: 'partner-sanctions',
    path: '/sancoes',
    label: 'Notificações e sanções',
    description: 'Notificações da SESP, defesa em 10 dias úteis e disponibilidade mensal das câmeras.',
    icon: 'fa-gavel',
    roles: ['partner_user'],
    status: 'ready',
  },
  // Integrator / installer (Art. 15)
  {
    id: 'integrator-applications',
    path: '/integradora/parceiros',
    label: 'Clientes e autorizações',
    description: 'Carteira de clientes, câmeras compartilhadas, autorizações (link ou termo) e disponibilidade por cliente.',
    icon: 'fa-briefcase',
    roles: ['integrator'],
    status: 'ready',
  },
  {
    id: 'signage-plates',
    path: '/placas',
    label: 'Placas dos locais',
    description: 'Arte da placa de cada local (PDF com código e QR), foto da placa instalada e a decisão da comissão.',
    icon: 'fa-sign',
    roles: ['partner_user', 'integrator'],
    status: 'ready',
  },
  {
    id: 'integrator-camera-tests',
    path: '/integradora/testes',
    label: 'Teste de câmeras',
    description: 'Teste de conectividade, portas e fluxo de vídeo, em lote, com relatório por câmera.',
    icon: 'fa-plug',
    roles: ['integrator'],
    status: 'ready',
  },
  // Technical committee (Art. 16)
  {
    id: 'committee-queue',
    path: '/comissao/habilitacoes',
    label: 'Fila de habilitações',
    description: 'Análise de documentos e projetos executivos, indicação de falhas e decisão.',
    icon: 'fa-inbox',
    roles: ['committee_member'],
    status: 'ready',
  },
  {
    id: 'committee-inspections',
    path: '/comissao/vistorias',
    label: 'Vistorias',
    description: 'Agenda e registro de vistorias técnicas.',
    icon: 'fa-search-location',
    roles: ['committee_member', 'admin'],
    status: 'ready',
  },
  {
    id: 'committee-sanctions',
    path: '/comissao/sancoes',
    label: 'Processos de sanção',
    description: 'Notificação, defesa e decisão (Art. 30).',
    icon: 'fa-gavel',
    roles: ['committee_member', 'admin'],
    status: 'ready',
  },
  {
    id: 'committee-loans',
    path: '/comissao/cessoes',
    label: 'Cessões de equipamentos',
    description: 'Bens em estoque, cessões, retirada, devolução e ocorrências (art. 17–18).',
    icon: 'fa-boxes',
    roles: ['committee_member', 'admin'],
    status: 'ready',
  },
  {
    id: 'committee-accountability',
    path: '/comissao/prestacao-de-contas',
    label: 'Prestações de contas',
    description: 'Solicitação, tomada de contas especial e análise (art. 19).',
    icon: 'fa-tasks',
    roles: ['committee_member', 'admin'],
    status: 'ready',
  },
  {
    id: 'committee-complaints',
    path: '/comissao/denuncias',
    label: 'Denúncias',
    description: 'Triagem das denúncias do portal e publicação do resultado (art. 28, § 2º).',
    icon: 'fa-bullhorn',
    roles: ['committee_member', 'admin'],
    status: 'ready',
  },
  {
    id: 'committee-identity-changes',
    path: '/comissao/alteracoes-cadastrais',
    label: 'Alterações cadastrais',
    description: 'Pedidos dos entes para mudar tipo, nome, CPF/CNPJ ou representante legal.',
    icon: 'fa-user-edit',
    roles: ['committee_member'],
    status: 'ready',
  },
  {
    id: 'committee-signage-plates',
    path: '/comissao/placas',
    label: 'Fotos de placas',
    description: 'Fotos das placas instaladas nos locais: aprovar ou pedir uma nova foto.',
    icon: 'fa-sign',
    roles: ['committee_member'],
    status: 'ready',
  },
  {
    id: 'committee-public-access',
    path: '/comissao/abertura-ao-publico',
    label: 'Abertura de câmeras ao público',
    description: 'Pedidos dos entes para abrir câmeras ao público no portal (art. 26, § 2º).',
    icon: 'fa-eye',
    roles: ['committee_member'],
    status: 'ready',
  },
  // RISP coordinator (Art. 12)
  {
    id: 'risp-opinions',
    path: '/risp/pareceres',
    label: 'Pareceres de interesse público',
    description: 'Pareceres sobre os locais propostos na região.',
    icon: 'fa-stamp',
    roles: ['risp_coordinator'],
    status: 'ready',
  },
  // Municipal / consortium manager (indirect management)
  {
    id: 'municipal-applications',
    path: '/municipio/habilitacoes',
    label: 'Habilitações do município',
    description: 'Pedidos dos parceiros privados do território, em gestão indireta.',
    icon: 'fa-city',
    roles: ['municipal_manager'],
    status: 'ready',
  },
  {
    id: 'municipal-loans',
    path: '/municipio/cessoes',
    label: 'Cessões de equipamentos',
    description: 'Comodato das câmeras aos parceiros do município.',
    icon: 'fa-boxes',
    roles: ['municipal_manager'],
    status: 'ready',
  },
  // CIOSP and regional operations centers (Art. 26 §1)
  {
    id: 'ops-map',
    path: '/operacoes/mapa',
    label: 'Mapa de operações',
    description: 'Câmeras no mapa, agrupadas e coloridas pela situação, com o campo de visão.',
    icon: 'fa-map',
    // Partners and integrators see their own cameras (scope applied by the server).
    roles: [...operators, 'admin', 'committee_member', 'partner_user', 'integrator'],
    status: 'ready',
  },
  {
    id: 'ops-live',
    path: '/operacoes/ao-vivo',
    label: 'Ao vivo',
    description: 'Uma câmera ao vivo, em tela cheia se preciso (o mapa abre aqui).',
    icon: 'fa-play-circle',
    roles: [...operators, 'partner_user', 'admin'],
    status: 'ready',
  },
  {
    id: 'ops-mosaic',
    path: '/operacoes/mosaico',
    label: 'Mosaico ao vivo',
    description: 'Várias câmeras ao vivo na mesma tela.',
    icon: 'fa-th-large',
    // Partner users watch their own cameras (scope applied by the server).
    roles: [...operators, 'partner_user', 'admin'],
    status: 'ready',
  },
  {
    id: 'ops-recordings',
    path: '/operacoes/gravacoes',
    label: 'Gravações',
    description: 'Reprodução das gravações na linha do tempo.',
    icon: 'fa-history',
    // Partner users play back their own cameras (scope applied by the server); reason required, audited.
    roles: [...operators, 'partner_user', 'admin'],
    status: 'ready',
  },
  {
    id: 'ops-health',
    path: '/operacoes/saude',
    label: 'Disponibilidade das câmeras',
    description: 'Câmeras fora do ar por região e parceiro, maiores interrupções, piores parceiros do mês e alertas.',
    icon: 'fa-heartbeat',
    roles: [...operators, 'admin', 'committee_member'],
    status: 'ready',
  },
  {
    id: 'ops-exports',
    path: '/operacoes/exportacoes',
    label: 'Exportação de gravações',
    description: 'Pacote assinado (MP4 + manifesto SHA-256 + cadeia de custódia) de uma câmera e período.',
    icon: 'fa-file-export',
    roles: [...operators, 'admin'],
    status: 'ready',
  },
  // Footage release (Art. 2 VI)
  {
    id: 'release-decisions',
    path: '/cessao-de-imagens/decisoes',
    label: 'Pedidos de cessão de imagens',
    description: 'Instrução (comissão) e decisão fundamentada (autoridade de cessão) dos pedidos.',
    icon: 'fa-balance-scale',
    roles: ['release_authority', 'committee_member', 'admin', 'auditor'],
    status: 'ready',
  },
  {
    id: 'requester-requests',
    path: '/cessao-de-imagens/pedidos',
    label: 'Meus pedidos de imagens',
    description: 'Pedidos fundamentados de cessão de imagens e exportações recebidas.',
    icon: 'fa-folder-open',
    roles: ['external_requester', ...operators],
    status: 'ready',
  },
  // Protection operations (seed 003)
  {
    id: 'protection-missions',
    path: '/protecao/missoes',
    label: 'Missões de proteção',
    description: 'Pedidos, planos de ação e equipes de proteção a autoridades.',
    icon: 'fa-user-shield',
    roles: ['protection_staff', 'auditor'],
    status: 'ready',
  },
  {
    id: 'protection-support',
    path: '/protecao/apoio',
    label: 'Apoio na rota (hospitais, polícia, bombeiros)',
    description: 'Lista de referência de unidades de apoio listadas nos planos de proteção; importação pelo modelo.',
    icon: 'fa-hospital',
    roles: ['admin', 'protection_staff', 'auditor'],
    status: 'ready',
  },
  // Traffic police (issue 15): declarations of non-injury accidents made on the citizen portal
  {
    id: 'traffic-accidents',
    path: '/transito/acidentes',
    label: 'Declarações de acidente de trânsito',
    description: 'Fila de declarações de acidente sem vítimas: validar e emitir certidão, pedir correção ou indeferir.',
    icon: 'fa-car-crash',
    roles: ['traffic_police'],
    status: 'ready',
  },
  // Civil police (issue 16): the online police station's queue per station
  {
    id: 'civil-police-reports',
    path: '/policia-civil/ocorrencias',
    label: 'Delegacia Virtual',
    description:
      'Boletins de ocorrência pela internet: validar e registrar, pedir mais informações ou recusar; prazos e medidas protetivas.',
    icon: 'fa-file-signature',
    roles: ['civil_police'],
    status: 'ready',
  },
  // Client of an integrator company (issue 18): its shared cameras, who manages them, revocation
  {
    id: 'partner-camera-sharing',
    path: '/compartilhamento',
    label: 'Câmeras compartilhadas por empresas',
    description: 'Quem compartilha suas câmeras com o programa, e revogação a qualquer momento.',
    icon: 'fa-share-alt',
    roles: ['partner_user'],
    status: 'ready',
  },
  // Operations console (issue 17): full screen, dark; mounted outside the back-office layout.
  {
    id: 'ops-console',
    path: '/operacoes/console',
    label: 'Console de operações',
    description: 'Tela cheia para o CIOSP: árvore de câmeras, layouts salvos, rondas, replay instantâneo e marcadores.',
    icon: 'fa-desktop',
    roles: [...operators, 'admin'],
    status: 'ready',
  },
  // Camera events of the operations centres (issue 17)
  {
    id: 'ops-events',
    path: '/operacoes/eventos',
    label: 'Eventos',
    description: 'Quedas e retornos, controle PTZ, câmeras reposicionadas e eventos das câmeras, com acesso ao vivo e à gravação.',
    icon: 'fa-bell',
    // Partner users see their own cameras' events (scope applied by the server).
    roles: [...operators, 'admin', 'committee_member', 'partner_user'],
    status: 'ready',
  },
  // Politec and treasury: citizen services of the Portal da Segurança (issue 15)
  {
    id: 'politec-identity-cards',
    path: '/politec/identidade',
    label: 'Carteiras de identidade',
    description: 'Etapas dos pedidos (biometria, produção, envio, disponível, entregue), isenções da taxa e postos de identificação.',
    icon: 'fa-id-card-alt',
    roles: ['politec_staff'],
    status: 'ready',
  },
  {
    id: 'politec-certificates',
    path: '/politec/certidoes',
    label: 'Análise de certidões',
    description: 'Certidões de antecedentes em análise, com o prazo legal de 15 dias: emitir ou responder com fundamentação.',
    icon: 'fa-file-signature',
    roles: ['politec_staff'],
    status: 'ready',
  },
  {
    id: 'politec-criminal-records',
    path: '/politec/antecedentes',
    label: 'Base de antecedentes',
    description: 'Registros criminais da base própria: consulta por CPF com finalidade, inclusão e atualização da situação.',
    icon: 'fa-database',
    roles: ['politec_staff'],
    status: 'ready',
  },
  {
    id: 'politec-fees',
    path: '/politec/taxas',
    label: 'Confirmação de pagamentos',
    description: 'Taxas de segurança pública aguardando pagamento: confirmação manual com a referência do extrato.',
    icon: 'fa-receipt',
    roles: ['politec_staff', 'admin'],
    status: 'ready',
  },
  // Ombudsman (issue 16, Lei 13.460/2017): the queue with its clocks; the units answer what is routed to them
  {
    id: 'ombudsman-queue',
    path: '/ouvidoria',
    label: 'Ouvidoria',
    description:
      'Manifestações com os prazos legais (30 + 30 dias): encaminhar à unidade, prorrogar com justificativa, mensagens e resposta.',
    icon: 'fa-comments',
    roles: ['ombudsman_staff'],
    status: 'ready',
  },
  {
    id: 'ombudsman-unit-inbox',
    path: '/ouvidoria/unidade',
    label: 'Manifestações da Ouvidoria',
    description: 'O que a Ouvidoria encaminhou à sua unidade: responder em 20 dias (prorrogáveis uma vez por 20).',
    icon: 'fa-inbox',
    roles: ['politec_staff', 'traffic_police', 'civil_police', 'committee_member'],
    status: 'ready',
  },
  // Civil police: the stores behind the public lookups (issue 16)
  {
    id: 'civil-police-warrants',
    path: '/policia-civil/mandados',
    label: 'Mandados de prisão',
    description: 'Mandados consultados pelo portal: cadastro e situação (pendente, cumprido, revogado, expirado), com auditoria.',
    icon: 'fa-gavel',
    roles: ['civil_police'],
    status: 'ready',
  },
  {
    id: 'civil-police-vehicles',
    path: '/policia-civil/veiculos',
    label: 'Cadastro de veículos',
    description: 'Veículos da consulta de situação (sem dados do proprietário): cadastro e importação por planilha.',
    icon: 'fa-car',
    roles: ['civil_police'],
    status: 'ready',
  },
];

export function mayUse(role: Role | null, item: NavItem): boolean {
  return role !== null && item.roles.includes(role);
}

/** Every area of a role, built or not (home cards). */
export function areasOf(role: Role): NavItem[] {
  return navigation.filter((item) => mayUse(role, item));
}

/** Areas of a role that can be opened now (menu). */
export function readyAreasOf(role: Role): NavItem[] {
  return areasOf(role).filter((item) => item.status === 'ready');
}

export function areaById(id: AreaId): NavItem {
  const item = navigation.find((i) => i.id === id);
  if (!item) throw new Error(`Unknown area ${id}`);
  return item;
}
