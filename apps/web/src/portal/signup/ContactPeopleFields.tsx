import { TextField } from '../../shared/components/TextField';
import { maskPhone } from '../../shared/masks';
import { type ContactDraft, emptyContact } from './signup-form';

interface Props {
  contacts: ContactDraft[];
  onChange: (contacts: ContactDraft[]) => void;
  errorFor: (path: string) => string | undefined;
}

/** Other people SESP may contact about the cooperation (optional, up to 10). */
export function ContactPeopleFields({ contacts, onChange, errorFor }: Props) {
  const update = (key: number, patch: Partial<ContactDraft>) => onChange(contacts.map((c) => (c.key === key ? { ...c, ...patch } : c)));
  return (
    <fieldset className="vigia-fieldset">
      <legend>Contatos (opcional)</legend>
      {contacts.length === 0 && <p className="text-down-01">Nenhum contato adicional.</p>}
      {contacts.map((c, i) => (
        <div key={c.key} className="mb-3" role="group" aria-label={`Contato ${i + 1}`}>
          <div className="vigia-form-grid">
            <TextField
              id={`contact-${c.key}-name`}
              label={`Nome do contato ${i + 1}`}
              value={c.name}
              onChange={(name) => update(c.key, { name })}
              error={errorFor(`contacts.${i}.name`)}
            />
            <TextField
              id={`contact-${c.key}-role`}
              label={`Função do contato ${i + 1}`}
              value={c.role}
              onChange={(role) => update(c.key, { role })}
              error={errorFor(`contacts.${i}.role`)}
            />
            <TextField
              id={`contact-${c.key}-email`}
              label={`E-mail do contato ${i + 1}`}
              type="email"
              value={c.email}
              onChange={(email) => update(c.key, { email })}
              error={errorFor(`contacts.${i}.email`)}
            />
            <TextField
              id={`contact-${c.key}-phone`}
              label={`Telefone do contato ${i + 1}`}
              value={c.phone}
              onChange={(v) => update(c.key, { phone: maskPhone(v) })}
              error={errorFor(`contacts.${i}.phone`)}
              inputMode="tel"
            />
          </div>
          <button
            className="br-button secondary small mt-2"
            type="button"
            onClick={() => onChange(contacts.filter((x) => x.key !== c.key))}
          >
            Remover contato {i + 1}
          </button>
        </div>
      ))}
      {contacts.length < 10 && (
        <button className="br-button secondary small" type="button" onClick={() => onChange([...contacts, emptyContact()])}>
          <i className="fas fa-plus mr-1" aria-hidden="true" />
          Adicionar contato
        </button>
      )}
    </fieldset>
  );
}
