import type { OutgoingMail } from '../../mail/mailer.js';

/** The e-mails of the account flows (pt-BR). Links point at the web app's public pages. */
export const accountMail = {
  confirm: (to: string, publicUrl: string, token: string): OutgoingMail => ({
    to,
    subject: 'Vigia Mais MT — confirme o seu e-mail',
    text: [
      'Olá,',
      '',
      'Recebemos um cadastro no Vigia Mais MT com este e-mail. Para ativar a conta, abra o link abaixo:',
      '',
      `${publicUrl}/confirmar-email?token=${token}`,
      '',
      'Se você não fez este cadastro, ignore esta mensagem: a conta não será ativada.',
    ].join('\n'),
  }),
  signUpAttempt: (to: string, publicUrl: string, what: 'email' | 'document'): OutgoingMail => ({
    to,
    subject: 'Vigia Mais MT — tentativa de cadastro com os seus dados',
    text: [
      'Olá,',
      '',
      what === 'email'
        ? 'Alguém tentou criar uma conta no Vigia Mais MT com este e-mail, que já tem conta. Nenhuma conta nova foi criada.'
        : 'Alguém tentou cadastrar no Vigia Mais MT um ente proponente com o CPF/CNPJ do ente ligado a este e-mail. Nenhum cadastro novo foi feito.',
      '',
      `Se foi você e esqueceu a senha, peça uma nova em ${publicUrl}/esqueci-a-senha.`,
      'Se não foi você, nenhuma ação é necessária.',
    ].join('\n'),
  }),
  reset: (to: string, publicUrl: string, token: string): OutgoingMail => ({
    to,
    subject: 'Vigia Mais MT — redefinição de senha',
    text: [
      'Olá,',
      '',
      'Recebemos um pedido para redefinir a senha da sua conta. Para escolher uma nova senha, abra o link abaixo:',
      '',
      `${publicUrl}/redefinir-senha?token=${token}`,
      '',
      'O link vale por pouco tempo e só pode ser usado uma vez. Se você não pediu, ignore esta mensagem.',
    ].join('\n'),
  }),
};
