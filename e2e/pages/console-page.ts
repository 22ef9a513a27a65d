import type { Page } from 'playwright-core';

/** Page object for the operations console (/app/operacoes/console). */
export class ConsolePage {
  constructor(
    private readonly page: Page,
    private readonly base: string,
  ) {}

  async open() {
    await this.page.goto(`${this.base}/app/operacoes/console`);
    await this.page.getByTestId('console').waitFor();
  }

  async search(text: string) {
    await this.page.getByLabel('Buscar câmera').fill(text);
  }

  async chooseGrid(label: string) {
    await this.page.getByRole('toolbar', { name: 'Layout' }).getByRole('button', { name: label, exact: true }).click();
  }

  tile(i: number) {
    return this.page.locator(`[data-tile="${i}"]`);
  }

  /** Drags a camera of the tree onto a tile (HTML5 drag and drop). */
  async dragCameraToTile(cameraName: string, tile: number) {
    await this.page.locator('button.vigia-console-camera', { hasText: cameraName }).dragTo(this.tile(tile));
    await this.page.waitForFunction((i) => !!document.querySelector(`[data-tile="${i}"]`)?.getAttribute('data-camera-id'), tile);
  }

  async tileCameraIds(): Promise<string[]> {
    return this.page.locator('[data-tile]').evaluateAll((els) => els.map((e) => e.getAttribute('data-camera-id') ?? ''));
  }

  /** Every tile's video reached its first frame (the live player's own measurement). */
  async waitForFirstFrames(count: number) {
    await this.page.waitForFunction((n) => document.querySelectorAll('[data-tile] video[data-first-frame-ms]').length === n, count, {
      timeout: 60_000,
    });
  }

  async saveLayout(name: string, opts: { tourSeconds?: number } = {}) {
    await this.page.getByLabel('Nome do layout').fill(name);
    if (opts.tourSeconds) await this.page.getByLabel(/Ronda: trocar/).fill(String(opts.tourSeconds));
    await this.page.getByRole('button', { name: 'Salvar layout' }).click();
    await this.page.getByText(`Layout “${name}” salvo.`).waitFor();
  }

  async loadLayout(name: string) {
    await this.page.locator('.vigia-console-layouts button', { hasText: name }).click();
  }

  async startTour() {
    await this.page.getByRole('button', { name: 'Iniciar ronda' }).click();
  }

  async stopTour() {
    await this.page.getByRole('button', { name: 'Parar ronda' }).click();
  }

  tourStep() {
    return this.page.getByTestId('tour-step');
  }

  /** Selects a tile by its number key and bookmarks the last 30 s with the B key. */
  async bookmarkFromLive(tileNumber: number, title: string, tags: string) {
    // Shortcuts are ignored while a field has the focus.
    await this.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await this.page.keyboard.press(String(tileNumber));
    await this.page.keyboard.press('b');
    const dialog = this.page.getByRole('dialog', { name: 'Marcar momento' });
    await dialog.getByLabel('Título').fill(title);
    await dialog.getByLabel(/Etiquetas/).fill(tags);
    await dialog.getByRole('button', { name: 'Salvar marcador' }).click();
    await dialog.waitFor({ state: 'detached' });
  }
}
