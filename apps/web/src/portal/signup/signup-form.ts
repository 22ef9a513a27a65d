import type { ApplicantKind } from '@vigia/contracts';

export interface AddressDraft {
  cep: string;
  street: string;
  number: string;
  complement: string;
  district: string;
  municipalityIbge: string;
}

export interface RepresentativeDraft {
  name: string;
  cpf: string;
  position: string;
  email: string;
  phone: string;
}

export interface ContactDraft {
  key: number;
  name: string;
  role: string;
  email: string;
  phone: string;
}

export interface SignUpDraft {
  kind: ApplicantKind | '';
  name: string;
  tradeName: string;
  document: string;
  email: string;
  phone: string;
  address: AddressDraft;
  legalRepresentative: RepresentativeDraft;
  contacts: ContactDraft[];
  account: { name: string; email: string; password: string; confirm: string };
}

let nextKey = 1;
export const emptyContact = (): ContactDraft => ({ key: nextKey++, name: '', role: '', email: '', phone: '' });

export const emptySignUp = (): SignUpDraft => ({
  kind: '',
  name: '',
  tradeName: '',
  document: '',
  email: '',
  phone: '',
  address: { cep: '', street: '', number: '', complement: '', district: '', municipalityIbge: '' },
  legalRepresentative: { name: '', cpf: '', position: '', email: '', phone: '' },
  contacts: [],
  account: { name: '', email: '', password: '', confirm: '' },
});

const optional = (value: string) => (value.trim() ? value.trim() : undefined);

/**
 * The request body for POST /api/public/partners/sign-up. Values go as typed (masked): the API
 * validates and canonicalises them and answers pt-BR messages per field.
 */
export function toSignUpRequest(d: SignUpDraft) {
  return {
    kind: d.kind,
    name: d.name.trim(),
    tradeName: optional(d.tradeName),
    document: d.document.trim(),
    email: d.email.trim(),
    phone: d.phone.trim(),
    address: {
      cep: d.address.cep.trim(),
      street: d.address.street.trim(),
      number: d.address.number.trim(),
      complement: optional(d.address.complement),
      district: d.address.district.trim(),
      municipalityIbge: d.address.municipalityIbge.trim(),
    },
    legalRepresentative: {
      name: d.legalRepresentative.name.trim(),
      cpf: d.legalRepresentative.cpf.trim(),
      position: d.legalRepresentative.position.trim(),
      email: d.legalRepresentative.email.trim(),
      phone: d.legalRepresentative.phone.trim(),
    },
    contacts: d.contacts.map((c) => ({ name: c.name.trim(), role: optional(c.role), email: c.email.trim(), phone: c.phone.trim() })),
    account: { name: d.account.name.trim(), email: d.account.email.trim(), password: d.account.password },
  };
}

/** Checks only what the API cannot: the kind is chosen and the password was typed twice alike. */
export function clientErrors(d: SignUpDraft): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!d.kind) errors.kind = 'Escolha o tipo de ente proponente.';
  if (d.account.password !== d.account.confirm) errors['account.confirm'] = 'As senhas não conferem.';
  return errors;
}
