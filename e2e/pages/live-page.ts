import type { Page } from 'playwright-core';

/** Page object for live video (/app/operacoes/ao-vivo/…, /app/operacoes/mosaico): waits on the <video> elements. */
export class LivePage {
  constructor(
    private readonly page: Page,
    private readonly base: string,
  ) {}

  /** Opens the live camera list and one camera from it. */
  async openFromList(cameraName: string) {
    await this.page.goto(`${this.base}/app/operacoes/ao-vivo`);
    await this.page.getByRole('link', { name: cameraName, exact: true }).click();
    await this.waitForCameraUrl();
  }

  async openMosaic(n: number) {
    await this.page.goto(`${this.base}/app/operacoes/mosaico?n=${n}`);
    await this.page.getByTestId('mosaic').waitFor();
  }

  async waitForCameraUrl() {
    await this.page.waitForURL(/\/app\/operacoes\/ao-vivo\/[0-9a-f-]{36}$/);
  }

  /** Media time of every <video> now, then waits until each advanced by `by` seconds while playing. */
  async expectVideosPlaying(count: number, by = 1) {
    await this.page.waitForFunction(
      (n) => document.querySelectorAll('video').length === n && [...document.querySelectorAll('video')].every((v) => v.currentTime > 0),
      count,
      { timeout: 30_000 },
    );
    const t0 = await this.page.evaluate(() => [...document.querySelectorAll('video')].map((v) => v.currentTime));
    await this.page.waitForFunction(
      ({ t0, by }) => [...document.querySelectorAll('video')].every((v, i) => !v.paused && v.currentTime > t0[i]! + by),
      { t0, by },
      { timeout: 30_000 },
    );
  }

  /**
   * Keeping to the live edge: the player catches up (faster playback past 0.5 s, a jump past
   * 1.5 s), so the distance to the newest buffered frame comes under a second. A single sample
   * taken on a loaded 2-core machine can land mid-correction, so wait for it (bounded).
   */
  async waitForLiveEdge() {
    await this.page.waitForFunction(
      () => {
        const v = document.querySelector('video');
        return !!v && v.buffered.length > 0 && v.buffered.end(v.buffered.length - 1) - v.currentTime < 1;
      },
      undefined,
      { timeout: 15_000 },
    );
  }

  async isLiveBadgeVisible(): Promise<boolean> {
    return this.page.getByText('AO VIVO', { exact: true }).isVisible();
  }

  async firstFrameMs(): Promise<number> {
    return Number(await this.page.locator('video').getAttribute('data-first-frame-ms'));
  }

  async cameraIds(): Promise<(string | undefined)[]> {
    return this.page.evaluate(() => [...document.querySelectorAll('video')].map((v) => v.dataset.cameraId));
  }

  /** How the player plays (`mse`, `hls` or `none`: data-playback of the first <video>). */
  async playbackMode(): Promise<string | null> {
    return this.page.locator('video').first().getAttribute('data-playback');
  }

  /** Waits until the first <video> has a src matching `pattern` and returns it. */
  async waitForSource(pattern: RegExp): Promise<string> {
    const handle = await this.page.waitForFunction(
      (re) => {
        const src = document.querySelector('video')?.getAttribute('src') ?? '';
        return new RegExp(re).test(src) ? src : false;
      },
      pattern.source,
      { timeout: 30_000 },
    );
    return (await handle.jsonValue()) as string;
  }
}
