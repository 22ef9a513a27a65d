import type { Page } from 'playwright-core';

/** Page object for /app/cameras/importar: upload a spreadsheet and read the row-by-row report. */
export class CameraImportPage {
  constructor(
    private readonly page: Page,
    private readonly base: string,
  ) {}

  async open() {
    await this.page.goto(`${this.base}/app/cameras/importar`);
    await this.page.getByRole('heading', { name: 'Importar planilha de câmeras' }).waitFor();
  }

  templateLink(format: 'XLSX' | 'CSV') {
    return this.page.getByRole('link', { name: `Baixar modelo (${format})` });
  }

  async importFile(name: string, buffer: Buffer): Promise<string> {
    await this.page.setInputFiles('#import-file', {
      name,
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer,
    });
    await this.page.getByRole('button', { name: 'Importar', exact: true }).click();
    const report = this.page.getByRole('heading', { name: 'Relatório da importação' });
    await report.waitFor({ timeout: 30_000 });
    return this.page.locator('section[aria-labelledby="import-report-title"] .br-message').innerText();
  }

  async rows(): Promise<{ row: number; outcome: string; reasons: string }[]> {
    return this.page.locator('table[aria-label="Resultado por linha"] tbody tr').evaluateAll((trs) =>
      trs.map((tr) => ({
        row: Number(tr.getAttribute('data-row')),
        outcome: tr.getAttribute('data-outcome') ?? '',
        reasons: (tr.querySelector('td:nth-child(4)') as HTMLElement).innerText,
      })),
    );
  }
}

/** Page object for /app/cameras: the list, one camera, and its self-test. */
export class CameraRegistryPage {
  constructor(
    private readonly page: Page,
    private readonly base: string,
  ) {}

  async openList() {
    await this.page.goto(`${this.base}/app/cameras`);
    await this.page.getByRole('heading', { name: 'Câmeras', level: 1 }).waitFor();
    await this.page.locator('table[aria-label="Câmeras cadastradas"]').waitFor();
  }

  async openCamera(name: string) {
    await this.page.getByRole('link', { name, exact: true }).click();
    await this.page.getByRole('heading', { name, level: 1 }).waitFor();
  }

  /** Runs the self-test and returns the outcome of each step. */
  async runSelfTest(): Promise<{ ok: boolean; steps: Record<string, string> }> {
    await this.page.getByRole('button', { name: 'Executar autoteste' }).click();
    const result = this.page.locator('[data-testid="self-test-result"]');
    await this.page.getByRole('button', { name: 'Executar autoteste' }).waitFor({ timeout: 60_000 });
    await result.waitFor({ timeout: 60_000 });
    const steps = await result
      .locator('li[data-step]')
      .evaluateAll((lis) => Object.fromEntries(lis.map((li) => [li.getAttribute('data-step'), li.getAttribute('data-outcome')])));
    return { ok: (await result.getAttribute('data-ok')) === 'true', steps: steps as Record<string, string> };
  }

  /**
   * "Envio pela câmera (sem IP público)": clicks the generate button (confirming a replacement when
   * asked) and returns what the page shows once.
   */
  async generatePushCredentials(): Promise<{ url: string; username: string; password: string }> {
    const section = this.page.locator('section[aria-labelledby="push-title"]');
    await section.getByRole('button', { name: /^Gerar (credenciais de envio|novas credenciais)$/ }).click();
    const confirm = section.getByRole('button', { name: 'Confirmar' });
    if (await confirm.isVisible()) await confirm.click();
    await section.locator('[data-testid="push-credentials"]').waitFor();
    return {
      url: await section.getByRole('textbox', { name: 'Endereço de envio (RTSP)', exact: true }).inputValue(),
      username: await section.getByRole('textbox', { name: 'Usuário', exact: true }).inputValue(),
      password: await section.getByRole('textbox', { name: 'Senha', exact: true }).inputValue(),
    };
  }

  /**
   * "Gravador do parceiro (NVR)": declares the partner's recorder with a manufacturer preset (the
   * camera's own login) and returns the playback address template the panel then shows.
   */
  async declareNvr(manufacturer: string): Promise<string> {
    const section = this.page.locator('section[aria-labelledby="nvr-title"]');
    await section.getByRole('button', { name: /^(Informar gravador|Alterar)$/ }).click();
    await section.getByLabel('Fabricante').selectOption({ label: manufacturer });
    await section.getByRole('button', { name: 'Salvar gravador' }).click();
    await section.getByRole('button', { name: 'Alterar' }).waitFor();
    return (await section.locator('code').innerText()).trim();
  }

  /** Natural width of the snapshot image once loaded (0 if it failed). */
  async snapshotWidth(): Promise<number> {
    const img = this.page.getByAltText('Imagem capturada pela câmera no autoteste');
    await img.waitFor({ timeout: 15_000 });
    await this.page.waitForFunction((el) => (el as HTMLImageElement).complete, await img.elementHandle(), { timeout: 15_000 });
    return img.evaluate((el) => (el as HTMLImageElement).naturalWidth);
  }
}

/** Page object for /app/operacoes/mapa. */
export class OperationsMapPage {
  constructor(
    private readonly page: Page,
    private readonly base: string,
  ) {}

  async open() {
    await this.page.goto(`${this.base}/app/operacoes/mapa`);
    await this.page.locator('[data-testid="operations-map"]').waitFor();
  }

  clusters() {
    return this.page.locator('.vigia-cluster');
  }

  markers() {
    return this.page.locator('.vigia-cam-marker');
  }

  async summary(): Promise<string> {
    return this.page.locator('[data-testid="map-summary"]').innerText();
  }

  /**
   * Clicks clusters until a single camera marker shows (bounded), clicks the first marker and
   * returns the camera name of the popup it opens.
   */
  async openFirstCameraPopup(): Promise<string> {
    await this.page.waitForFunction(() => document.querySelectorAll('.vigia-cluster, .vigia-cam-marker').length > 0, undefined, {
      timeout: 15_000,
    });
    for (let i = 0; i < 5 && (await this.markers().count()) === 0; i++) {
      await this.clusters().first().click();
      // A cluster may split into smaller clusters only: then click again.
      await this.markers()
        .first()
        .waitFor({ timeout: 5_000 })
        .catch(() => undefined);
    }
    await this.markers().first().click();
    const popup = this.page.locator('.vigia-map-popup');
    await popup.waitFor();
    return popup.locator('strong').innerText();
  }

  /** The popup's "Ver ao vivo" link. */
  liveLink() {
    return this.page.locator('.vigia-map-popup').getByRole('link', { name: 'Ver ao vivo' });
  }
}

/** Page object for /app/cameras/nova: registers one camera through the form. */
export class CameraFormPage {
  constructor(
    private readonly page: Page,
    private readonly base: string,
  ) {}

  /**
   * Registers a camera lent by the program (kind "comodato") with the asset's serial, pointing at
   * `host:rtspPort/rtspPath`; lands on the camera's page. Returns the camera id.
   */
  async registerLentCamera(c: {
    name: string;
    serial: string;
    host: string;
    rtspPort: number;
    httpPort: number;
    rtspPath: string;
    username: string;
    password: string;
    latitude: number;
    longitude: number;
    municipality: string;
  }): Promise<string> {
    const p = this.page;
    await p.goto(`${this.base}/app/cameras`);
    await p.getByRole('link', { name: 'Nova câmera' }).click();
    await p.getByRole('heading', { name: 'Nova câmera', level: 1 }).waitFor();
    await p.getByLabel('Nome da câmera').fill(c.name);
    await p.getByLabel('Tipo').selectOption({ label: 'Câmera do programa (comodato)' });
    await p.getByLabel('Número de série / patrimônio').fill(c.serial);
    await p.getByLabel('IP público ou DDNS').fill(c.host);
    await p.getByLabel('Porta RTSP').fill(String(c.rtspPort));
    await p.getByLabel('Porta HTTP').fill(String(c.httpPort));
    await p.getByLabel('Caminho RTSP').fill(c.rtspPath);
    await p.getByLabel('Login da câmera').fill(c.username);
    await p.getByLabel('Senha da câmera').fill(c.password);
    await p.getByLabel('Latitude').fill(String(c.latitude));
    await p.getByLabel('Longitude').fill(String(c.longitude));
    const municipality = p.getByLabel('Município');
    await municipality.locator('option', { hasText: c.municipality }).first().waitFor({ state: 'attached' });
    await municipality.selectOption({ label: c.municipality });
    await p.getByRole('button', { name: 'Cadastrar câmera' }).click();
    await p.getByRole('heading', { name: c.name, level: 1 }).waitFor();
    return p.url().split('/').pop()!;
  }
}

/** Page object for /app/comissao/abertura-ao-publico: the committee's queue of requests to open a camera to the public. */
export class PublicAccessRequestsPage {
  constructor(
    private readonly page: Page,
    private readonly base: string,
  ) {}

  async open() {
    await this.page.goto(`${this.base}/app/comissao/abertura-ao-publico`);
    await this.page.getByRole('heading', { name: 'Abertura de câmeras ao público', level: 1 }).waitFor();
  }

  /** The card of one request, found by the camera's name (a link to the camera page). */
  card(cameraName: string) {
    return this.page.locator('.br-card').filter({ has: this.page.getByRole('link', { name: cameraName, exact: true }) });
  }

  /** Clicks Deferir or Indeferir after typing the reason; returns the card's field error, if any. */
  async decide(cameraName: string, decision: 'Deferir' | 'Indeferir', reason: string): Promise<string | null> {
    const card = this.card(cameraName);
    await card.getByLabel('Fundamentação da decisão').fill(reason);
    await card.getByRole('button', { name: decision, exact: true }).click();
    const done = this.page.getByText(`: ${cameraName}.`);
    const refused = card.locator('.feedback.danger');
    await done.or(refused).first().waitFor();
    return (await done.count()) > 0 ? null : refused.innerText();
  }
}
