import { roleLabels } from '@vigia/contracts';
import { Message } from '../../shared/components/Message';
import { useDocumentTitle } from '../../shared/hooks/use-document-title';
import { areasOf } from '../navigation';
import { useSession } from '../session/session-context';
import { AreaCard } from './AreaCard';

/** Home of the active role: a card for each of its areas. */
export function HomePage() {
  const { me, activeRole } = useSession();
  useDocumentTitle('Início');

  if (!activeRole) {
    return (
      <>
        <h1>Início</h1>
        <Message kind="warning" title="Nenhum perfil atribuído.">
          Sua conta ainda não tem perfil de acesso. Procure a administração do programa.
        </Message>
      </>
    );
  }

  const areas = areasOf(activeRole);
  return (
    <>
      <h1>Olá, {me.name}</h1>
      <p>
        Perfil em uso: <strong>{roleLabels[activeRole]}</strong>.
        {me.roles.length > 1 && ' Para usar outro perfil, escolha-o no topo da página.'}
      </p>
      <ul className="vigia-cards" aria-label="Áreas do perfil">
        {areas.map((item) => (
          <li key={item.id}>
            <AreaCard item={item} />
          </li>
        ))}
      </ul>
    </>
  );
}
