/**
 * Stable error codes shared by the server and the web app. One table maps each code to its HTTP
 * status and the message a person reads (pt-BR). Codes and logs stay in English.
 */
export const errorTable = {
  VALIDATION_FAILED: { status: 400, message: 'Os dados enviados são inválidos. Verifique os campos indicados.' },
  BAD_REQUEST: { status: 400, message: 'Requisição inválida.' },
  UNAUTHENTICATED: { status: 401, message: 'Você precisa entrar no sistema para continuar.' },
  INVALID_CREDENTIALS: { status: 401, message: 'E-mail ou senha incorretos.' },
  MFA_REQUIRED: { status: 401, message: 'Informe o código do aplicativo autenticador para continuar.' },
  MFA_INVALID_CODE: { status: 401, message: 'Código de verificação incorreto ou expirado.' },
  SESSION_EXPIRED: { status: 401, message: 'Sua sessão expirou. Entre novamente.' },
  CSRF_INVALID: { status: 403, message: 'A requisição não pôde ser confirmada. Recarregue a página e tente novamente.' },
  FORBIDDEN: { status: 403, message: 'Você não tem permissão para acessar este recurso.' },
  ACCOUNT_SUSPENDED: { status: 403, message: 'Esta conta está suspensa. Procure a administração do programa.' },
  NOT_FOUND: { status: 404, message: 'Recurso não encontrado.' },
  CONFLICT: { status: 409, message: 'A operação conflita com o estado atual do registro.' },
  EMAIL_TAKEN: { status: 409, message: 'Já existe uma conta com este e-mail.' },
  INVALID_STATE: { status: 409, message: 'Esta ação não é permitida no estado atual do processo.' },
  PAYLOAD_TOO_LARGE: { status: 413, message: 'O arquivo enviado excede o tamanho máximo permitido.' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, message: 'Tipo de arquivo não aceito.' },
  ACCOUNT_LOCKED: { status: 429, message: 'Muitas tentativas de acesso. Aguarde alguns minutos e tente novamente.' },
  RATE_LIMITED: { status: 429, message: 'Muitas requisições. Aguarde um momento e tente novamente.' },
  INTERNAL: { status: 500, message: 'Erro interno. A equipe técnica foi notificada; tente novamente mais tarde.' },
  UNAVAILABLE: { status: 503, message: 'Serviço temporariamente indisponível.' },
  PARTNER_DOCUMENT_TAKEN: { status: 409, message: 'Já existe um ente proponente cadastrado com este CPF/CNPJ.' },
  EMAIL_NOT_CONFIRMED: {
    status: 403,
    message: 'Confirme o seu e-mail antes de entrar: siga o link que enviamos para o endereço cadastrado (ou peça um novo link).',
  },
  EMAIL_TOKEN_INVALID: { status: 400, message: 'Este link é inválido, já foi usado ou expirou. Peça um novo link.' },
  ALTCHA_INVALID: {
    status: 400,
    message: 'A verificação anti-robô não foi concluída ou já foi usada. Recarregue a página e envie o formulário novamente.',
  },
  PARTNER_IDENTITY_LOCKED: {
    status: 409,
    message:
      'Depois do envio do pedido de habilitação, o tipo, o nome, o CPF/CNPJ e o representante legal do ente só mudam por solicitação de alteração cadastral, decidida pela comissão. Use "Solicitar alteração cadastral" no seu perfil.',
  },
  PARTNER_PROFILE_MISSING: { status: 404, message: 'Sua conta não está vinculada a um ente proponente.' },
  FILE_TYPE_NOT_ALLOWED: { status: 415, message: 'Tipo de arquivo não aceito: envie o documento em PDF, JPEG ou PNG.' },
  FILE_IS_EXECUTABLE: {
    status: 415,
    message: 'O arquivo enviado é um programa executável, não um documento. Envie o documento em PDF, JPEG ou PNG.',
  },
  FILE_EMPTY: { status: 400, message: 'O arquivo enviado está vazio.' },
  LOCATION_OUTSIDE_MT: {
    status: 422,
    message:
      'Somente endereços e pontos de videomonitoramento dentro de Mato Grosso são admitidos (Decreto 1.522/2022, art. 3º, parágrafo único).',
  },
  MUNICIPALITY_UNKNOWN: { status: 422, message: 'Município não encontrado entre os municípios de Mato Grosso.' },
  REQUIRED_DOCUMENTS_MISSING: {
    status: 422,
    message: 'Faltam documentos obrigatórios para enviar o pedido de habilitação (Decreto 1.522/2022, arts. 9 a 11).',
  },
  LEASE_TOO_SHORT: {
    status: 422,
    message: 'O contrato de locação deve ter no mínimo 2 anos de vigência restante (Decreto 1.522/2022, art. 10, I, "e", e II, "d").',
  },
  PROPERTY_SITUATION_NOT_ADMITTED: {
    status: 422,
    message:
      'O imóvel deve ser próprio ou locado por no mínimo 2 anos (Decreto 1.522/2022, art. 10). A assinatura conjunta com o proprietário é prevista apenas para associações e conselhos (art. 11).',
  },
  DEADLINE_PASSED: { status: 409, message: 'O prazo para sanar as falhas indicadas terminou (Decreto 1.522/2022, art. 16, § 3º).' },
  DEADLINE_RUNNING: {
    status: 409,
    message: 'O prazo dado ao proponente para sanar as falhas ainda está correndo (Decreto 1.522/2022, art. 16, § 2º).',
  },
  DEFICIENCY_NOTICE_REQUIRED: {
    status: 409,
    message:
      'Falhas de documentação ou do projeto executivo devem ser indicadas em notificação, com prazo para saná-las, antes do indeferimento (Decreto 1.522/2022, art. 16, § 2º).',
  },
  RISP_REGION_UNKNOWN: {
    status: 409,
    message:
      'Há ponto de videomonitoramento em município sem região de segurança (RISP) cadastrada: o parecer do art. 12 não pode ser solicitado. Cadastre a região do município antes de decidir.',
  },
  REQUIREMENTS_NOT_MET: { status: 409, message: 'O pedido ainda não cumpre todos os requisitos para o deferimento.' },
  CAMERA_ENDPOINT_TAKEN: {
    status: 409,
    message:
      'Já existe uma câmera cadastrada neste endereço com a mesma porta RTSP. Cada câmera atrás do mesmo endereço precisa de uma porta RTSP própria (redirecionamento de portas no roteador).',
  },
  CAMERA_HTTP_PORT_TAKEN: {
    status: 409,
    message:
      'Já existe uma câmera cadastrada neste endereço com a mesma porta HTTP. Cada câmera atrás do mesmo endereço precisa de uma porta HTTP própria.',
  },
  CAMERA_ADDRESS_NOT_ALLOWED: {
    status: 422,
    message:
      'Endereço privado ou reservado não permitido: informe o IP público ou o nome DDNS pelo qual a câmera é acessada pela internet.',
  },
  CAMERA_PARTNER_REQUIRED: { status: 422, message: 'Informe o ente parceiro dono da câmera.' },
  INTEGRATOR_UNKNOWN: {
    status: 422,
    message:
      'Não há conta de empresa integradora (perfil "Empresa integradora / instaladora") com este e-mail. Peça à SESP o cadastro da conta da integradora.',
  },
  INTEGRATOR_PARTNER_REQUIRED: {
    status: 422,
    message: 'Informe o ente parceiro que autorizou a sua empresa integradora (Decreto 1.522/2022, art. 15).',
  },
  MEDIA_NODE_UNAVAILABLE: {
    status: 503,
    message: 'Nenhum servidor de vídeo está disponível no momento. Tente novamente em alguns segundos.',
  },
  CAMERA_DISABLED: { status: 409, message: 'Esta câmera está desativada e não pode ser exibida ao vivo.' },
  CAMERA_NOT_ELIGIBLE: {
    status: 409,
    message:
      'Esta câmera ainda não pode transmitir: o ente parceiro precisa de termo de cooperação vigente e a câmera precisa estar vinculada a um ponto aprovado do projeto executivo (Decreto 1.522/2022, art. 14, § 4º). Até lá, somente o autoteste do instalador é permitido.',
  },
  CAMERA_PUBLIC_ACCESS_NOT_REQUESTED: {
    status: 409,
    message: 'O ente parceiro não solicitou a abertura desta câmera ao público.',
  },
  CAMERA_IMPORT_FILE_TYPE: {
    status: 415,
    message: 'Formato não aceito: envie a planilha em XLSX (Excel) ou CSV. Arquivos .xls antigos precisam ser salvos como .xlsx.',
  },
  CAMERA_IMPORT_FILE_INVALID: { status: 422, message: 'Não foi possível ler a planilha: o arquivo está danificado ou não segue o modelo.' },
  CAMERA_IMPORT_TOO_MANY_ROWS: { status: 422, message: 'A planilha tem linhas demais para uma importação. Divida-a em arquivos menores.' },
  CAMERA_IMPORT_COLUMNS: {
    status: 422,
    message: 'A planilha não tem as colunas do modelo. Baixe o modelo e preencha-o sem alterar os títulos.',
  },
  ASSET_NOT_AVAILABLE: {
    status: 409,
    message: 'Equipamento indisponível: só equipamentos em estoque podem ser reservados para uma cessão de uso.',
  },
  ASSET_SERIAL_TAKEN: { status: 409, message: 'Já existe um equipamento com este número de série ou tombamento (patrimônio).' },
  COOPERATION_NOT_ACTIVE: { status: 409, message: 'A cooperação técnica não está vigente (termo não assinado ou encerrado).' },
  PICKUP_AUTHORISATION_REQUIRED: {
    status: 422,
    message: 'A retirada por pessoa diferente do representante legal exige autorização assinada por ele (guia §03): anexe o documento.',
  },
  POLICE_REPORT_REQUIRED: {
    status: 422,
    message: 'Informe o número do boletim de ocorrência (notícia-crime) — Decreto 1.522/2022, art. 18, § 1º.',
  },
  WARRANTY_EXPIRED: {
    status: 409,
    message: 'A garantia de fábrica deste equipamento terminou: a substituição do art. 18, § 3º, não se aplica.',
  },
  REPORT_INCOMPLETE: {
    status: 422,
    message: 'Descreva as atividades realizadas e os resultados alcançados (Decreto 1.522/2022, art. 19).',
  },
  SANCTION_DEFENCE_LATE: {
    status: 409,
    message: 'O prazo de defesa de 10 dias úteis, contado do recebimento da notificação, terminou (Decreto 1.522/2022, art. 30, § 1º).',
  },
  SANCTION_DEFENCE_RUNNING: {
    status: 409,
    message:
      'A defesa prévia é garantida: aguarde a defesa ou o fim do prazo de 10 dias úteis antes de decidir (Decreto 1.522/2022, art. 30, caput e § 1º).',
  },
  SANCTION_SUSPENSION_TOO_LONG: { status: 422, message: 'A suspensão não pode passar de 2 anos (Decreto 1.522/2022, art. 30, II).' },
  SANCTION_TIME_BARRED: {
    status: 409,
    message:
      'A pretensão punitiva está prescrita: passaram-se 5 anos desde a apresentação da prestação de contas sem ato de apuração que interrompesse a prescrição (Decreto 1.522/2022, art. 30, §§ 2º e 3º).',
  },
  PARTNER_SUSPENDED: {
    status: 409,
    message: 'O parceiro está suspenso e impedido de celebrar nova parceria até o fim da suspensão (Decreto 1.522/2022, art. 30, II).',
  },
  COMPLAINT_NOT_FOUND: { status: 404, message: 'Nenhuma denúncia com este protocolo.' },
  RELEASE_REQUESTER_NOT_ELIGIBLE: {
    status: 422,
    message:
      'Pedido recusado: imagens só são cedidas a pedido do Poder Judiciário, do Ministério Público, de autoridade policial que presida ou conduza inquérito, ou para a instrução de processos administrativos ou judiciais. Cidadãos, imprensa e empresas não podem requerer imagens (Decreto 1.522/2022, art. 2º, VI; regra de sigilo).',
  },
  RELEASE_REQUESTER_ACCOUNT_REQUIRED: {
    status: 422,
    message: 'Informe o e-mail da conta do solicitante (perfil "Solicitante externo"): as imagens cedidas só são entregues a essa conta.',
  },
  RELEASE_INVALID_STATE: { status: 409, message: 'O pedido de cessão não está na fase que permite esta ação.' },
  RELEASE_DELIVERY_EXPIRED: { status: 410, message: 'O prazo do link de entrega terminou. Peça à autoridade de cessão uma nova entrega.' },
  RELEASE_PACKAGE_PENDING: {
    status: 409,
    message:
      'Pacote em preparação: as gravações cedidas estão sendo exportadas e assinadas. O acesso foi registrado; tente novamente em alguns minutos.',
  },
  RELEASE_PACKAGE_FAILED: {
    status: 409,
    message: 'Não foi possível montar o pacote das imagens cedidas. A autoridade de cessão foi informada e pode tentar novamente.',
  },
  PLAYBACK_NVR_NOT_CONFIGURED: { status: 404, message: 'Esta câmera não tem gravador do parceiro (NVR) cadastrado.' },
  PLAYBACK_NVR_RANGE_INVALID: {
    status: 422,
    message: 'Período inválido para o gravador do parceiro: o início deve estar no passado e o período deve ter no máximo 1 hora.',
  },
  EXPORT_NOT_READY: { status: 409, message: 'O pacote de exportação ainda não está pronto (ou a montagem falhou).' },
  EXPORT_RANGE_INVALID: {
    status: 422,
    message: 'Período inválido: o fim deve ser posterior ao início, no passado, e o período deve ter no máximo 7 dias.',
  },
  ZIP_TOO_LARGE_INFLATED: {
    status: 413,
    message: 'O arquivo compactado se expande além do limite permitido (possível “bomba ZIP”) e foi recusado.',
  },
  EXPORT_VERIFY_BUSY: { status: 429, message: 'Muitas verificações em andamento. Tente novamente em instantes.' },
  AUDIT_EXPORT_TOO_LARGE: {
    status: 422,
    message: 'A exportação excede o limite de linhas. Restrinja os filtros (período, usuário, câmera ou ação).',
  },
  // Integrator portfolio (issue 18)
  INTEGRATOR_COMPANY_MISSING: {
    status: 422,
    message: 'Sua conta de integradora não está vinculada a uma empresa credenciada. Procure a administração do programa.',
  },
  IMPORT_CLIENTS_INTEGRATOR_ONLY: {
    status: 403,
    message:
      'Esta planilha tem colunas de cliente: somente a empresa integradora a importa, em "Clientes e autorizações". Para câmeras próprias, apague as colunas de cliente.',
  },
  CONSENT_LINK_INVALID: { status: 404, message: 'Link de autorização inválido ou já utilizado.' },
  CONSENT_CAMERA_TAKEN: {
    status: 409,
    message: 'Uma das câmeras já tem autorização pendente ou vigente do cliente; revogue-a ou aguarde antes de pedir outra.',
  },
  CONSOLE_NO_UNIT: { status: 409, message: 'Você não está em uma unidade: salve o layout como pessoal.' },
  BOOKMARK_ATTACHMENT_INVALID: { status: 409, message: 'A solicitação ou o bloqueio informado não existe ou não é desta câmera.' },
  PROTECTEE_EXCLUDED: {
    status: 422,
    message:
      'Pedido recusado: pessoas amparadas pela Lei Federal nº 9.807/1999 (proteção a vítimas e testemunhas) não são atendidas pela proteção de autoridades da PJC/MT (Resolução 121/2025/CSPJC-MT, art. 3º). Encaminhe ao programa de proteção competente.',
  },
  PROTECTION_ORDER_REQUIRED: {
    status: 422,
    message: 'Para as autoridades do art. 5º, registre a determinação do Delegado-Geral da PJC/MT (Resolução 121/2025/CSPJC-MT, art. 5º).',
  },
  PROTECTION_FUNCTION_REQUIRED: {
    status: 403,
    message: 'Esta etapa cabe a outra função da operação de proteção (Resolução 121/2025/CSPJC-MT).',
  },
  PROTECTION_INVALID_STATE: { status: 409, message: 'A missão não está na fase que permite esta ação.' },
  PROTECTION_PLAN_INCOMPLETE: {
    status: 409,
    message: 'O plano de ação não contém todos os elementos essenciais (Resolução 121/2025/CSPJC-MT, art. 18).',
  },
  PROTECTION_NOT_READY: { status: 409, message: 'A missão ainda não pode ser iniciada: veja as pendências indicadas.' },
  PROTECTION_CONVOCATION_INVALID: { status: 422, message: 'Convocação inválida (Resolução 121/2025/CSPJC-MT, arts. 9º e 10).' },
  PROTECTION_CHECKLIST_INCOMPLETE: {
    status: 422,
    message: 'Checklist incompleto: informe o número de série de cada equipamento mínimo (Resolução 121/2025/CSPJC-MT, art. 22).',
  },
  PROTECTION_PERIOD_INVALID: { status: 422, message: 'Período inválido (Resolução 121/2025/CSPJC-MT, art. 11, § 1º).' },
  PROTECTION_VEHICLE_INVALID: { status: 422, message: 'Viatura inadequada (Resolução 121/2025/CSPJC-MT, art. 20).' },
  SECURITY_UNIT_IMPORT_INVALID: {
    status: 422,
    message: 'A planilha de unidades de segurança tem problemas: nada foi importado. Corrija as linhas indicadas e envie de novo.',
  },
  SECURITY_UNIT_MUNICIPALITY_UNKNOWN: { status: 422, message: 'Município não encontrado na referência de municípios de Mato Grosso.' },
  SECURITY_UNIT_OUTSIDE_MT: { status: 422, message: 'O ponto (latitude, longitude) da unidade fica fora de Mato Grosso.' },
  PROTECTION_REFERENCE_IMPORT_INVALID: {
    status: 422,
    message: 'A planilha de hospitais, polícia e bombeiros tem problemas: nada foi importado. Corrija as linhas indicadas e envie de novo.',
  },
  PTZ_NOT_SUPPORTED: { status: 409, message: 'Esta câmera não informa controle PTZ (ONVIF): não é possível movê-la.' },
  PTZ_LOCKED: { status: 409, message: 'Outro operador está controlando esta câmera.' },
  PTZ_LOCK_REQUIRED: { status: 409, message: 'Assuma o controle PTZ da câmera antes de movê-la.' },
  PTZ_NOT_ALLOWED: { status: 403, message: 'Câmeras do programa são comandadas somente pelas centrais de operação.' },
  PTZ_DEVICE_FAILED: { status: 502, message: 'A câmera não respondeu ao comando PTZ. Tente novamente.' },
  CITIZEN_SIGN_IN_UNAVAILABLE: {
    status: 503,
    message: 'O acesso com gov.br não está configurado neste ambiente: só os serviços que dispensam identificação estão disponíveis.',
  },
  GOVBR_SIGN_IN_FAILED: { status: 400, message: 'Não foi possível concluir o acesso com gov.br. Tente entrar novamente.' },
  CITIZEN_LEVEL_TOO_LOW: {
    status: 403,
    message: 'Este serviço exige conta gov.br nível prata ou ouro. Eleve o nível da sua conta em gov.br e entre novamente.',
  },
  CERTIFICATE_NOT_FOUND: { status: 404, message: 'Nenhuma certidão foi emitida com este código de autenticação.' },
  CERTIFICATE_CONSENT_LINK_INVALID: { status: 404, message: 'Este link de consulta não existe ou expirou.' },
  CERTIFICATE_CONSENT_LINK_REVOKED: {
    status: 410,
    message: 'Este link de consulta foi revogado pelo titular da certidão e não pode mais ser usado.',
  },
  DOCUMENT_RENDERING: {
    status: 409,
    message: 'O documento foi emitido e o arquivo está sendo gerado. Tente novamente em alguns segundos.',
  },
  FEES_UNAVAILABLE: {
    status: 503,
    message: 'A emissão de taxas não está configurada neste ambiente (valor da UPF-MT, tabela de taxas ou chave Pix).',
  },
  WEBHOOK_SIGNATURE_INVALID: { status: 400, message: 'Assinatura do aviso de pagamento ausente ou inválida.' },
  ACCIDENT_WITH_INJURIES: {
    status: 422,
    message:
      'Acidentes com feridos ou vítimas não podem ser declarados pela internet: ligue 190 (Polícia Militar) ou 193 (Bombeiros) e registre a ocorrência na delegacia de polícia.',
  },
  ACCIDENT_DECLARATION_LATE: {
    status: 422,
    message: 'O prazo para declarar este acidente pela internet terminou. Procure uma unidade da polícia de trânsito para registrá-lo.',
  },
  ACCIDENT_OUTSIDE_MT: {
    status: 422,
    message: 'O local indicado no mapa fica fora de Mato Grosso. Acidentes em outros estados são registrados pela polícia daquele estado.',
  },
  ACCIDENT_CERTIFICATE_NOT_FOUND: {
    status: 404,
    message: 'Nenhuma certidão de acidente de trânsito foi emitida com este código de autenticação.',
  },
  POLICE_REPORT_INCOMPLETE: {
    status: 422,
    message: 'O boletim de ocorrência ainda não tem todas as informações que este tipo de ocorrência exige. Verifique os campos indicados.',
  },
  POLICE_REPORT_OUTSIDE_MT: {
    status: 422,
    message:
      'O local indicado no mapa fica fora de Mato Grosso. Fatos ocorridos em outros estados são registrados pela polícia daquele estado.',
  },
  POLICE_REPORT_NOT_FOUND: { status: 404, message: 'Nenhum boletim de ocorrência com este identificador.' },
  POLICE_REPORT_NOT_EDITABLE: {
    status: 409,
    message: 'Este boletim de ocorrência já foi enviado e não pode mais ser alterado. Use as mensagens para complementar.',
  },
  POLICE_STATION_NOT_FOUND: { status: 404, message: 'Delegacia não encontrada. Escolha uma delegacia da Polícia Civil da lista.' },
  POLICE_REPORT_CERTIFICATE_NOT_FOUND: {
    status: 404,
    message: 'Nenhum boletim de ocorrência foi emitido com este código de autenticação.',
  },
  SLOT_FULL: { status: 409, message: 'Não há mais vagas neste posto para o dia escolhido. Escolha outro dia ou posto.' },
  MANIFESTATION_NOT_FOUND: {
    status: 404,
    message: 'Manifestação não encontrada. Confira o protocolo e o código de acesso informados no registro.',
  },
  OMBUDSMAN_ALREADY_EXTENDED: {
    status: 409,
    message: 'O prazo desta manifestação já foi prorrogado uma vez; a lei permite uma única prorrogação (Lei nº 13.460/2017, art. 16).',
  },
  MANIFESTATION_ANSWERED: { status: 409, message: 'Esta manifestação já foi respondida.' },
  SERVICE_USE_NOT_FOUND: {
    status: 404,
    message: 'Não encontramos esta solicitação concluída entre os seus serviços. Só é possível avaliar um serviço que você usou.',
  },
  SERVICE_ALREADY_RATED: { status: 409, message: 'Você já avaliou este atendimento. Obrigado pela sua avaliação!' },
  VEHICLE_PLATE_INVALID: { status: 400, message: 'Placa inválida: use o formato antigo (ABC-1234) ou Mercosul (ABC1D23).' },
  VEHICLE_CHASSIS_INVALID: { status: 400, message: 'Chassi inválido: use os 17 caracteres do chassi (letras e números, sem I, O e Q).' },
  VEHICLE_IDENTIFIER_REQUIRED: { status: 400, message: 'Informe a placa ou o chassi do veículo.' },
  WARRANT_IDENTIFIERS_REQUIRED: {
    status: 400,
    message: 'Informe ao menos dois identificadores: CPF e data de nascimento, ou nome completo, nome da mãe e data de nascimento.',
  },
  WARRANT_CPF_INVALID: { status: 400, message: 'CPF inválido: confira os 11 dígitos.' },
  WARRANT_NAME_INVALID: { status: 400, message: 'Informe o nome completo e o nome completo da mãe (nome e sobrenome, só letras).' },
  WARRANT_BIRTH_DATE_INVALID: { status: 400, message: 'Data de nascimento inválida: use o formato AAAA-MM-DD.' },
  WARRANT_NUMBER_TAKEN: { status: 409, message: 'Já existe um mandado cadastrado com este número.' },
  WARRANT_NOT_FOUND: { status: 404, message: 'Mandado não encontrado.' },
  LOOKUP_RATE_LIMITED: {
    status: 429,
    message: 'Muitas consultas feitas a partir deste endereço. Aguarde um minuto e tente novamente.',
  },
  VEHICLE_NOT_FOUND: { status: 404, message: 'Veículo não encontrado no cadastro.' },
  VEHICLE_ALREADY_REGISTERED: { status: 409, message: 'Já existe um veículo cadastrado com esta placa ou chassi.' },
  VEHICLE_IMPORT_INVALID: {
    status: 422,
    message: 'A planilha de veículos tem problemas: nada foi importado. Corrija as linhas indicadas e envie de novo.',
  },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof errorTable;

export const errorCodes = Object.keys(errorTable) as ErrorCode[];

/** The body of every error response. `details` carries field-level problems for forms. */
export interface ErrorBody {
  error: {
    code: ErrorCode;
    message: string;
    details?: { path: string; message: string }[];
    requestId?: string;
  };
}
