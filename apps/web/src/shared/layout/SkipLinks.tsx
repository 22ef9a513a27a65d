export interface SkipLink {
  href: string;
  label: string;
}

const defaultLinks: SkipLink[] = [
  { href: '#main-content', label: 'Ir para o conteúdo' },
  { href: '#footer', label: 'Ir para o rodapé' },
];

/** gov.br DS skip links: hidden until focused, first thing a keyboard user reaches. */
export function SkipLinks({ links = defaultLinks }: { links?: SkipLink[] }) {
  return (
    <nav className="br-skiplink" aria-label="Atalhos de teclado">
      {links.map((link, i) => (
        <a key={link.href} className="br-item" href={link.href} accessKey={String(i + 1)}>
          {link.label}
          <span aria-hidden="true" className="br-tag text ml-1">
            {i + 1}
          </span>
        </a>
      ))}
    </nav>
  );
}
