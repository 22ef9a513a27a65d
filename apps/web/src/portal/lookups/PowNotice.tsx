/** The ALTCHA proof-of-work notice of the anonymous lookups: what it is and that it runs in the browser. */
export function PowNotice({ busy }: { busy: boolean }) {
  return (
    <p className="text-down-01 mt-2" data-testid="altcha-status" aria-live="polite">
      <i className={`fas ${busy ? 'fa-spinner fa-spin' : 'fa-shield-alt'}`} aria-hidden="true" />{' '}
      {busy
        ? 'Verificação anti-robô em andamento (ALTCHA): o seu navegador está resolvendo um desafio, sem coletar dados…'
        : 'Proteção anti-robô ALTCHA: ao consultar, o seu navegador resolve um pequeno desafio de cálculo. Nenhum dado pessoal é coletado para isso.'}
    </p>
  );
}
