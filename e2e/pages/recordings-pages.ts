import { firstOf } from '@vigia/testkit/first-of';
import type { Download, Page } from 'playwright-core';

/** `datetime-local` value with seconds in the browser's time zone (the playback page's clock). */
const setDateTimeLocal = (page: Page, selector: string, ms: number) =>
  page.evaluate(
    ({ selector, ms }) => {
      const v = new Date(ms - new Date(ms).getTimezoneOffset() * 60_000).toISOString().slice(0, 19);
      const input = document.querySelector<HTMLInputElement>(selector)!;
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, v);
      input.dispatchEvent(new Event('input', { bubbles: true }));
    },
    { selector, ms },
  );

/** Cuiabá wall-clock time (UTC−4) as the export form shows it, to the second. */
export const cuiabaInput = (ms: number) => new Date(ms - 4 * 3_600_000).toISOString().slice(0, 19);

/** Page object for /app/operacoes/gravacoes: timeline, reason, playback from an instant. */
export class PlaybackPage {
  constructor(
    private readonly page: Page,
    private readonly base: string,
  ) {}

  /** Opens the camera list and one camera's timeline. */
  async openFromList(cameraName: string) {
    await this.page.goto(`${this.base}/app/operacoes/gravacoes`);
    await this.page.getByRole('link', { name: cameraName, exact: true }).click();
    await this.page.waitForURL(/\/app\/operacoes\/gravacoes\/[0-9a-f-]{36}$/);
    await this.page.getByTestId('timeline').first().waitFor();
  }

  async open(cameraId: string, syncedWith: string[] = []) {
    await this.page.goto(`${this.base}/app/operacoes/gravacoes/${cameraId}${syncedWith.length ? `?com=${syncedWith.join(',')}` : ''}`);
    await this.page.getByTestId('timeline').first().waitFor();
  }

  goButton() {
    return this.page.getByRole('button', { name: 'Ir para' });
  }

  async confirmReason(reason: string) {
    await this.page.getByLabel(/Motivo ou número do procedimento/).fill(reason);
    await this.page.getByRole('button', { name: 'Confirmar motivo' }).click();
  }

  /** Plays every camera on the page from the instant `ms` (epoch milliseconds). */
  async playFrom(ms: number) {
    await setDateTimeLocal(this.page, '#pb-goto', ms);
    await this.goButton().click();
  }

  /** Waits until `count` videos have frames, then until each advanced by `by` seconds while playing. */
  async expectVideosPlaying(count: number, by = 1) {
    await this.page.waitForFunction(
      (n) =>
        document.querySelectorAll('video').length === n &&
        [...document.querySelectorAll('video')].every((v) => v.currentTime > 0 && v.readyState >= 2),
      count,
      { timeout: 20_000 },
    );
    const t0 = await this.page.evaluate(() => [...document.querySelectorAll('video')].map((v) => v.currentTime));
    await this.page.waitForFunction(
      ({ t0, by }) => [...document.querySelectorAll('video')].every((v, i) => !v.paused && v.currentTime > t0[i]! + by),
      { t0, by },
      { timeout: 20_000 },
    );
  }

  /** "Buscar no gravador do parceiro (NVR)" (offered where the platform has no footage of the chosen instant). */
  async fetchFromNvr() {
    await this.page.getByRole('button', { name: 'Buscar no gravador do parceiro (NVR)' }).click();
    await this.page.getByTestId('nvr-player').waitFor();
  }

  /** Waits until the NVR player's video has frames, then until it advanced by `by` seconds while playing. */
  async expectNvrPlaying(by = 1) {
    const video = await this.page.getByTestId('nvr-player').locator('video').elementHandle();
    await this.page.waitForFunction(
      (v) => !!v && (v as HTMLVideoElement).currentTime > 0 && (v as HTMLVideoElement).readyState >= 2,
      video,
      { timeout: 30_000 },
    );
    const t0 = await video!.evaluate((v) => (v as HTMLVideoElement).currentTime);
    await this.page.waitForFunction(
      ({ v, t0, by }) => !(v as HTMLVideoElement).paused && (v as HTMLVideoElement).currentTime > t0 + by,
      { v: video, t0, by },
      { timeout: 20_000 },
    );
  }

  async videoTimes(): Promise<number[]> {
    return this.page.evaluate(() => [...document.querySelectorAll('video')].map((v) => v.currentTime));
  }

  async seekMs(): Promise<number> {
    return Number(await this.page.locator('video').first().getAttribute('data-seek-ms'));
  }

  /** "Exportar trecho": the export form, prefilled with this camera from the chosen instant. */
  async exportClip() {
    await this.page.getByRole('link', { name: 'Exportar trecho' }).click();
    await this.page.getByRole('heading', { name: 'Exportação de gravações', level: 1 }).waitFor();
  }
}

/** Page object for /app/operacoes/exportacoes: request, progress, download of the signed ZIP. */
export class ExportsPage {
  constructor(private readonly page: Page) {}

  async selectedCamera(): Promise<string> {
    const select = this.page.getByLabel('Câmera', { exact: true });
    await select.locator('option:checked').waitFor({ state: 'attached' });
    return select.evaluate((el) => (el as HTMLSelectElement).selectedOptions[0]?.textContent ?? '');
  }

  /** The period as `yyyy-MM-ddTHH:mm:ss` (Chromium leaves out `:00` seconds in a datetime-local value). */
  async range(): Promise<{ from: string; to: string }> {
    const withSeconds = (v: string) => (/T\d\d:\d\d$/.test(v) ? `${v}:00` : v);
    return {
      from: withSeconds(await this.page.locator('#export-from').inputValue()),
      to: withSeconds(await this.page.locator('#export-to').inputValue()),
    };
  }

  /** Fills the period (Cuiabá time, to the second) and the reason, then asks for the package. */
  async request(p: { fromMs: number; toMs: number; reason: string }) {
    await this.page.locator('#export-from').fill(cuiabaInput(p.fromMs));
    await this.page.locator('#export-to').fill(cuiabaInput(p.toMs));
    await this.page.getByLabel('Motivo', { exact: true }).fill(p.reason);
    await this.page.getByRole('button', { name: 'Pedir exportação' }).click();
  }

  /** The row of the export with this reason. */
  row(reason: string) {
    return this.page.getByTestId('export-row').filter({ hasText: reason });
  }

  /**
   * Watches the row (the page polls while a job is queued or running) until the package is ready;
   * returns the situations it went through.
   */
  async waitUntilReady(reason: string, timeoutMs = 90_000): Promise<string[]> {
    const row = this.row(reason);
    const seen: string[] = [];
    const end = Date.now() + timeoutMs;
    for (;;) {
      const status = (await row.locator('td').nth(3).innerText()).trim();
      if (seen.at(-1) !== status) seen.push(status);
      if (status.startsWith('Pronto') || status.startsWith('Falhou')) return seen;
      if (Date.now() > end) throw new Error(`export not ready: ${seen.join(' → ')}`);
      await this.page.waitForTimeout(250);
    }
  }

  async download(reason: string): Promise<Download> {
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.row(reason)
        .getByRole('link', { name: /Baixar ZIP/ })
        .click(),
    ]);
    return download;
  }
}

/** Page object for the public /verificar-exportacao. */
export class ExportVerificationPage {
  constructor(
    private readonly page: Page,
    private readonly base: string,
  ) {}

  async open() {
    await this.page.goto(`${this.base}/verificar-exportacao`);
    await this.page.getByRole('heading', { name: 'Verificar pacote de exportação de imagens' }).waitFor();
  }

  /** Uploads a ZIP (on a freshly opened page) and returns the verdict's title and the result's text. */
  async verify(file: { name: string; buffer: Buffer }): Promise<{ title: string; text: string }> {
    await this.open();
    await this.page.setInputFiles('#export-zip', { name: file.name, mimeType: 'application/zip', buffer: file.buffer });
    const result = this.page.getByTestId('export-verification-result');
    await this.page.getByRole('button', { name: 'Verificar' }).click();
    const failure = this.page.locator('.br-message.danger .message-title');
    const outcome = await firstOf({ result: result.waitFor({ timeout: 60_000 }), error: failure.waitFor({ timeout: 60_000 }) });
    if (outcome === 'error') throw new Error(`verification request failed: ${await failure.innerText()}`);
    return { title: (await result.locator('.message-title').innerText()).trim(), text: await result.innerText() };
  }
}
