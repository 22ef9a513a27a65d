import { joiningSteps } from './content';

export function StepsSection() {
  return (
    <section className="vigia-section alt" id="como-participar" aria-labelledby="steps-title" tabIndex={-1}>
      <div className="container-lg">
        <h2 id="steps-title">Como participar</h2>
        <p>O credenciamento segue as etapas abaixo, do pedido de habilitação à operação das câmeras.</p>
        <ol className="vigia-steps">
          {joiningSteps.map((step) => (
            <li key={step.title}>
              <h3>{step.title}</h3>
              <ul>
                {step.items.map((item) => (
                  <li key={item}>{item}</li>
                ))}
              </ul>
            </li>
          ))}
        </ol>
      </div>
    </section>
  );
}
