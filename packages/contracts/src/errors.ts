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
