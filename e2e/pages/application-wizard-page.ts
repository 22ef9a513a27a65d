import { firstOf } from '@vigia/testkit/first-of';
import type { Page } from 'playwright-core';

export interface PointData {
  address: string;
  municipality: string;
  latitude: string;
  longitude: string;
  films: string;
  photo: { name: string; mimeType: string; buffer: Buffer };
}

/** Page object for the partner's "Nova habilitação" wizard (/app/habilitacoes/nova → …/editar). */
export class ApplicationWizardPage {
  constructor(
    private readonly page: Page,
    private readonly base: string,
  ) {}

  async create(propertyOwnership: string) {
    await this.page.goto(`${this.base}/app/habilitacoes/nova`);
    await this.page.getByLabel('Situação do imóvel').selectOption(propertyOwnership);
    await this.page.getByRole('button', { name: 'Criar rascunho e continuar' }).click();
    await this.page.waitForURL(/\/habilitacoes\/[0-9a-f-]+\/editar\?etapa=documentos/);
    await this.page.getByRole('heading', { name: 'Documentos exigidos' }).waitFor();
  }

  /** Uploads `file` to every document the partner must send (generated annexes have no upload). */
  async attachEveryDocument(file: { name: string; mimeType: string; buffer: Buffer }) {
    const inputs = this.page.locator('input[type=file][id^="doc-"]');
    const n = await inputs.count();
    for (let i = 0; i < n; i++) {
      const input = this.page.locator(`#doc-${i}`);
      if ((await input.count()) === 0) continue;
      await input.setInputFiles(file);
      await input.locator('xpath=ancestor::li').getByText('Arquivo anexado — baixar').waitFor();
    }
  }

  async next() {
    await this.page.getByRole('button', { name: 'Próxima etapa' }).click();
  }

  async fillPoint(n: number, d: PointData) {
    const p = this.page;
    await p.getByLabel(`Endereço do ponto ${n}`).fill(d.address);
    const m = p.getByLabel(`Município do ponto ${n}`);
    await m.locator('option', { hasText: d.municipality }).first().waitFor({ state: 'attached' });
    await m.selectOption({ label: d.municipality });
    await p.getByLabel(`Latitude do ponto ${n}`).fill(d.latitude);
    await p.getByLabel(`Longitude do ponto ${n}`).fill(d.longitude);
    await p.getByLabel(`O que a câmera do ponto ${n} filma`).fill(d.films);
    for (const label of [`Foto do local de fixação do ponto ${n}`, `Foto do foco do ponto ${n} (o que será filmado)`]) {
      await p.getByLabel(label).setInputFiles(d.photo);
    }
    await p
      .getByRole('group', { name: `Ponto ${n}` })
      .getByText('Foto anexada.', { exact: true })
      .nth(1)
      .waitFor();
  }

  async addPoint() {
    await this.page.getByRole('button', { name: 'Adicionar ponto' }).click();
  }

  async saveProject(points: number) {
    await this.page.getByRole('button', { name: 'Salvar projeto executivo' }).click();
    await this.page.getByText(`Projeto executivo salvo (${points} ponto(s)).`).waitFor();
  }

  /** Submits; returns the application id (from the case page URL). */
  async submit(): Promise<string> {
    await this.page.getByRole('button', { name: 'Enviar pedido de habilitação' }).click();
    const refused = this.page.locator('.br-message.danger').first();
    const outcome = await firstOf({
      sent: this.page.waitForURL(/\/habilitacoes\/[0-9a-f-]+\?enviado=1/),
      refused: refused.waitFor(),
    });
    if (outcome === 'refused') throw new Error(`submission refused: ${await refused.innerText()}`);
    return /habilitacoes\/([0-9a-f-]+)/.exec(this.page.url())![1]!;
  }
}
