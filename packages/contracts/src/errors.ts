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
  PARTNER_PROFILE_MISSING: { status: 404, message: 'Sua conta não está vinculada a um ente proponente.' },
  FILE_TYPE_NOT_ALLOWED: { status: 415, message: 'Tipo de arquivo não aceito: envie o documento em PDF, JPEG ou PNG.' },
  FILE_IS_EXECUTABLE: { status: 415, message: 'O arquivo enviado é um programa executável, não um documento. Envie o documento em PDF, JPEG ou PNG.' },
  FILE_EMPTY: { status: 400, message: 'O arquivo enviado está vazio.' },
  LOCATION_OUTSIDE_MT: { status: 422, message: 'Somente endereços e pontos de videomonitoramento dentro de Mato Grosso são admitidos (Decreto 1.522/2022, art. 3º, parágrafo único).' },
  MUNICIPALITY_UNKNOWN: { status: 422, message: 'Município não encontrado entre os municípios de Mato Grosso.' },
  REQUIRED_DOCUMENTS_MISSING: { status: 422, message: 'Faltam documentos obrigatórios para enviar o pedido de habilitação (Decreto 1.522/2022, arts. 9 a 11).' },
  LEASE_TOO_SHORT: { status: 422, message: 'O contrato de locação deve ter no mínimo 2 anos de vigência restante (Decreto 1.522/2022, art. 10, I, "e", e II, "d").' },
  PROPERTY_SITUATION_NOT_ADMITTED: { status: 422, message: 'O imóvel deve ser próprio ou locado por no mínimo 2 anos (Decreto 1.522/2022, art. 10). A assinatura conjunta com o proprietário é prevista apenas para associações e conselhos (art. 11).' },
  DEADLINE_PASSED: { status: 409, message: 'O prazo para sanar as falhas indicadas terminou (Decreto 1.522/2022, art. 16, § 3º).' },
  DEADLINE_RUNNING: { status: 409, message: 'O prazo dado ao proponente para sanar as falhas ainda está correndo (Decreto 1.522/2022, art. 16, § 2º).' },
  DEFICIENCY_NOTICE_REQUIRED: { status: 409, message: 'Falhas de documentação ou do projeto executivo devem ser indicadas em notificação, com prazo para saná-las, antes do indeferimento (Decreto 1.522/2022, art. 16, § 2º).' },
  RISP_REGION_UNKNOWN: { status: 409, message: 'Há ponto de videomonitoramento em município sem região de segurança (RISP) cadastrada: o parecer do art. 12 não pode ser solicitado. Cadastre a região do município antes de decidir.' },
  REQUIREMENTS_NOT_MET: { status: 409, message: 'O pedido ainda não cumpre todos os requisitos para o deferimento.' },
  CAMERA_ENDPOINT_TAKEN: { status: 409, message: 'Já existe uma câmera cadastrada neste endereço com a mesma porta RTSP. Cada câmera atrás do mesmo endereço precisa de uma porta RTSP própria (redirecionamento de portas no roteador).' },
  CAMERA_HTTP_PORT_TAKEN: { status: 409, message: 'Já existe uma câmera cadastrada neste endereço com a mesma porta HTTP. Cada câmera atrás do mesmo endereço precisa de uma porta HTTP própria.' },
  CAMERA_ADDRESS_NOT_ALLOWED: { status: 422, message: 'Endereço privado ou reservado não permitido: informe o IP público ou o nome DDNS pelo qual a câmera é acessada pela internet.' },
  CAMERA_PARTNER_REQUIRED: { status: 422, message: 'Informe o ente parceiro dono da câmera.' },
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
