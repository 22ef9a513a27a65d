import type { Page } from 'playwright-core';

/** Page object for the client's consent link (/autorizacao-cameras?token=…, public portal). */
export class ConsentLinkPage {
  constructor(
    private readonly page: Page,
    private readonly base: string,
  ) {}

  /** Opens the mailed link on this platform (the mail names PUBLIC_URL; the test server has its own port). */
  async open(link: string) {
    const u = new URL(link);
    await this.page.goto(`${this.base}${u.pathname}${u.search}`);
    await this.page.getByRole('heading', { level: 1 }).waitFor();
  }

  async consent(name: string) {
    await this.page.getByLabel('Seu nome completo').fill(name);
    await this.page.getByRole('button', { name: 'Autorizar o compartilhamento' }).click();
    await this.page.getByText('Autorização registrada.', { exact: false }).waitFor();
  }

  async revoke() {
    await this.page.getByRole('button', { name: 'Revogar a autorização' }).click();
    await this.page.getByText('Autorização revogada: as câmeras deixaram de ser compartilhadas.').waitFor();
  }
}

/** Page object for /app/placas (partner or integrator): plate per site, artwork, installation photo. */
export class SignagePlatesPage {
  constructor(
    private readonly page: Page,
    private readonly base: string,
  ) {}

  async open() {
    await this.page.goto(`${this.base}/app/placas`);
    await this.page.getByRole('heading', { name: 'Placas dos locais', level: 1 }).waitFor();
    await this.page.locator('table[aria-label="Placas por local"]').waitFor();
  }

  row(cameraId: string) {
    return this.page.locator(`tr[data-camera-id="${cameraId}"]`);
  }

  /** Clicks the artwork link and returns the downloaded PDF's name and first bytes. */
  async downloadArtwork(cameraId: string): Promise<{ filename: string; head: string }> {
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.row(cameraId).getByRole('link', { name: 'Baixar arte da placa (PDF)' }).click(),
    ]);
    const stream = await download.createReadStream();
    const chunks: Buffer[] = [];
    for await (const c of stream) chunks.push(c as Buffer);
    return { filename: download.suggestedFilename(), head: Buffer.concat(chunks).subarray(0, 5).toString() };
  }

  async sendPhoto(cameraId: string, jpeg: Buffer) {
    await this.page.setInputFiles(`#plate-photo-${cameraId}`, { name: 'placa.jpg', mimeType: 'image/jpeg', buffer: jpeg });
    await this.row(cameraId).getByRole('button', { name: 'Enviar foto' }).click();
    await this.waitForStatus(cameraId, 'submitted');
  }

  async waitForStatus(cameraId: string, status: string) {
    await this.page.locator(`tr[data-camera-id="${cameraId}"][data-plate-status="${status}"]`).waitFor({ timeout: 30_000 });
  }

  async siteCode(cameraId: string): Promise<string> {
    return (await this.row(cameraId).locator('td:nth-child(2)').innerText()).trim();
  }
}

/** Page object for /app/comissao/placas: the committee reviews installation photos. */
export class PlateReviewPage {
  constructor(
    private readonly page: Page,
    private readonly base: string,
  ) {}

  async open() {
    await this.page.goto(`${this.base}/app/comissao/placas`);
    await this.page.getByRole('heading', { name: 'Fotos de placas', level: 1 }).waitFor();
  }

  card(siteCode: string) {
    return this.page.locator(`section[data-site-code="${siteCode}"]`);
  }

  /** Whether the photo of the site loaded (decoded by the browser). */
  async photoLoaded(siteCode: string): Promise<boolean> {
    const img = this.card(siteCode).locator('img');
    await img.waitFor();
    return img.evaluate((el: HTMLImageElement) =>
      el.complete ? el.naturalWidth > 0 : new Promise((r) => el.addEventListener('load', () => r(el.naturalWidth > 0))),
    );
  }

  async approve(siteCode: string) {
    await this.card(siteCode).getByRole('button', { name: 'Aprovar placa' }).click();
    await this.page.getByText(`Placa ${siteCode}: placa instalada (aprovada).`).waitFor();
  }
}
