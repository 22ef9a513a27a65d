import type { Page } from 'playwright-core';

/** Page object for /app/operacoes/saude: the CIOSP camera health dashboard. */
export class HealthPage {
  constructor(
    private readonly page: Page,
    private readonly base: string,
  ) {}

  async open() {
    await this.page.goto(`${this.base}/app/operacoes/saude`);
    await this.page.getByRole('heading', { name: 'Disponibilidade das câmeras', level: 1 }).waitFor();
    await this.page.getByRole('heading', { name: /^Fora do ar agora/ }).waitFor();
  }

  /** Rows of the "Fora do ar agora" table: camera name → cause as shown. */
  async down(): Promise<{ camera: string; cause: string }[]> {
    return this.page.locator('table:has(caption:text-is("Câmeras fora do ar")) tbody tr').evaluateAll((trs) =>
      trs.map((tr) => ({
        camera: (tr.children[0] as HTMLElement).innerText.trim(),
        cause: (tr.children[5] as HTMLElement).innerText.trim(),
      })),
    );
  }

  /** Texts of the open alerts. */
  async openAlerts(): Promise<string[]> {
    return this.page.locator('[data-testid="open-alerts"] li').allInnerTexts();
  }

  /**
   * Reopens the dashboard until `ready` holds for what it shows (the page itself refreshes only
   * every minute), within `timeoutMs`.
   */
  async waitFor(ready: (d: { down: { camera: string; cause: string }[]; alerts: string[] }) => boolean, timeoutMs: number) {
    const end = Date.now() + timeoutMs;
    for (;;) {
      await this.open();
      const d = { down: await this.down(), alerts: await this.openAlerts() };
      if (ready(d)) return d;
      if (Date.now() > end) throw new Error(`health dashboard never showed the expected state: ${JSON.stringify(d)}`);
      await this.page.waitForTimeout(2_000);
    }
  }
}
