import { z } from 'zod';

/**
 * Every validation message a person reads is pt-BR (issue 12 item 10): a schema without its own
 * message used to answer zod's English default ("Too small: expected string to have >=1
 * characters"). Installed once, globally, by importing the contracts package (server and web).
 * The common cases get a plain sentence; every other issue falls back to zod's pt-BR locale.
 */
const customError: z.core.$ZodErrorMap = (issue) => {
  if (issue.code === 'invalid_type' && issue.input === undefined) return 'Campo obrigatório.';
  if (issue.code === 'too_small' && issue.origin === 'string') {
    return Number(issue.minimum) <= 1 ? 'Campo obrigatório.' : `Use pelo menos ${issue.minimum} caracteres.`;
  }
  if (issue.code === 'too_big' && issue.origin === 'string') return `Use no máximo ${issue.maximum} caracteres.`;
  if (issue.code === 'too_small' && issue.origin === 'array') return `Informe pelo menos ${issue.minimum} item(ns).`;
  if (issue.code === 'too_big' && issue.origin === 'array') return `Informe no máximo ${issue.maximum} item(ns).`;
  if (issue.code === 'invalid_value') return 'Opção inválida.';
  return undefined;
};

z.config({ ...z.locales.ptBR(), customError });
