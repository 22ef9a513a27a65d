import type { Page } from 'playwright-core';

/** Page objects of the footage release area (/app/cessao-de-imagens/…). */
export class ReleaseRequestForm {
  constructor(
    private readonly page: Page,
    private readonly base: string,
  ) {}

  async open() {
    await this.page.goto(`${this.base}/app/cessao-de-imagens/pedidos/novo`);
    await this.page.getByRole('heading', { name: 'Novo pedido de cessão de imagens' }).waitFor();
  }

  async file(input: {
    kind: string;
    name: string;
    role: string;
    organisation: string;
    caseNumber: string;
    grounds: string;
    from: string;
    to: string;
    camera: string;
  }) {
    await this.page.getByLabel('Qualidade do requerente').selectOption({ label: input.kind });
    await this.page.getByLabel('Nome do requerente').fill(input.name);
    await this.page.getByLabel('Cargo ou função').fill(input.role);
    await this.page.getByLabel('Órgão').fill(input.organisation);
    await this.page.getByLabel('Número do processo, inquérito ou procedimento').fill(input.caseNumber);
    await this.page.getByLabel('Fundamentação legal e relação com os fatos').fill(input.grounds);
    await this.page.getByLabel('Início').fill(input.from);
    await this.page.getByLabel('Fim').fill(input.to);
    await this.page.getByLabel('Filtrar câmeras por nome').fill(input.camera);
    await this.page.getByLabel(new RegExp(`^${input.camera}`)).check({ force: true });
    await this.page.getByRole('button', { name: 'Protocolar pedido' }).click();
  }
}

export class ReleaseRequestPage {
  constructor(private readonly page: Page) {}

  status() {
    return this.page.getByTestId('release-status').innerText();
  }

  async addNote(text: string, conclude: boolean) {
    await this.page.getByLabel('Nota de instrução').fill(text);
    if (conclude) await this.page.getByLabel('Concluir a instrução e enviar à autoridade de cessão').check({ force: true });
    await this.page.getByRole('button', { name: 'Registrar nota' }).click();
  }

  async decide(decision: string, reasons: string) {
    await this.page.getByLabel('Decisão', { exact: true }).selectOption({ label: decision });
    await this.page.getByLabel('Fundamentação da decisão').fill(reasons);
    await this.page.getByRole('button', { name: 'Decidir e emitir o ato' }).click();
    await this.page.getByTestId('authenticity-code').waitFor();
    return this.page.getByTestId('authenticity-code').innerText();
  }
}
