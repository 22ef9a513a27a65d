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

/** The PTZ control over a console tile (shown on the selected or hovered tile of a PTZ camera). */
export class PtzTile {
  constructor(
    private readonly page: Page,
    private readonly tile: number,
  ) {}

  control() {
    return this.page.locator(`[data-tile="${this.tile}"]`).getByTestId('ptz-control');
  }

  holder() {
    return this.control().getByTestId('ptz-holder');
  }

  async take() {
    await this.control().getByRole('button', { name: 'Assumir PTZ' }).click();
    await this.holder().getByText('PTZ: você está no controle').waitFor();
  }

  /** Presses and holds a pad button (the camera moves while it is held) until `done` resolves. */
  async hold(label: string, done: () => Promise<unknown>) {
    await this.control().getByRole('button', { name: label }).hover();
    await this.page.mouse.down();
    try {
      await done();
    } finally {
      await this.page.mouse.up();
    }
  }

  async savePreset(name: string) {
    await this.control().getByLabel('Nome do preset').fill(name);
    await this.control().getByRole('button', { name: 'Salvar preset' }).click();
    await this.control().getByTestId('ptz-presets').getByRole('button', { name }).waitFor();
  }

  /** A coarse grey signature (32×18) of the tile's current video frame; [] before the first frame. */
  frame(): Promise<number[]> {
    return this.page.evaluate((i) => {
      const v = document.querySelector<HTMLVideoElement>(`[data-tile="${i}"] video`);
      if (!v || v.readyState < 2) return [];
      const c = document.createElement('canvas');
      c.width = 32;
      c.height = 18;
      const g = c.getContext('2d', { willReadFrequently: true })!;
      g.drawImage(v, 0, 0, 32, 18);
      const d = g.getImageData(0, 0, 32, 18).data;
      const out: number[] = [];
      for (let k = 0; k < d.length; k += 4) out.push((d[k]! * 299 + d[k + 1]! * 587 + d[k + 2]! * 114) / 1000);
      return out;
    }, this.tile);
  }
}

/** Mean absolute difference (0–255) between two frame signatures. */
export function frameDistance(a: number[], b: number[]): number {
  if (a.length === 0 || a.length !== b.length) return Number.NaN;
  return a.reduce((sum, v, k) => sum + Math.abs(v - b[k]!), 0) / a.length;
}
