export type WizardStep = 'pedido' | 'documentos' | 'projeto' | 'envio';

export const wizardSteps: { id: WizardStep; label: string }[] = [
  { id: 'pedido', label: '1. Pedido' },
  { id: 'documentos', label: '2. Documentos' },
  { id: 'projeto', label: '3. Projeto executivo' },
  { id: 'envio', label: '4. Revisão e envio' },
];

/** Where the partner is in the "Nova habilitação" wizard. */
export function WizardSteps({ current }: { current: WizardStep }) {
  return (
    <ol className="vigia-stepper" aria-label="Etapas do pedido">
      {wizardSteps.map((s) => (
        <li key={s.id} aria-current={s.id === current ? 'step' : undefined}>
          {s.label}
        </li>
      ))}
    </ol>
  );
}
