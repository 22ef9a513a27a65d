import type { Page } from 'playwright-core';

/** Page object for /app/admin/integracoes (Integrações com VMS): register, read the URLs, revoke. */
export class IntegrationsPage {
  constructor(
    private readonly page: Page,
    private readonly base: string,
  ) {}

  async open() {
    await this.page.goto(`${this.base}/app/admin/integracoes`);
    await this.page.getByRole('heading', { name: 'Integrações com VMS', level: 1 }).waitFor();
  }

  /** Fills the form, submits it and returns the login the page shows once. */
  async create(i: { name: string; unit: string; cameras: string[] }): Promise<{ username: string; password: string }> {
    const p = this.page;
    await p.getByLabel('Nome do sistema').fill(i.name);
    await p.getByLabel('Unidade responsável').selectOption({ label: i.unit });
    // DS checkbox: the input is styled away, its label is what shows.
    for (const camera of i.cameras) await p.getByRole('checkbox', { name: camera, exact: true }).check({ force: true });
    await p.getByRole('button', { name: 'Cadastrar e gerar senha' }).click();
    const password = p.getByTestId('integration-password');
    await password.waitFor();
    return { username: (await p.getByTestId('integration-username').innerText()).trim(), password: (await password.innerText()).trim() };
  }

  /** The card of one registered system. */
  card(name: string) {
    return this.page.locator('.br-card').filter({ has: this.page.getByRole('heading', { name, exact: true }) });
  }

  /** The HLS URL the page lists for one camera of the system. */
  async hlsUrl(name: string, camera: string): Promise<string> {
    const row = this.page
      .getByRole('table', { name: `Câmeras de ${name}` })
      .getByRole('row')
      .filter({ hasText: camera });
    return (await row.locator('code').innerText()).trim();
  }

  /** Waits until the system's tag reads `status` ("Ativa", "Revogada"; the list reloads after a change). */
  async waitForStatus(name: string, status: string) {
    await this.card(name).locator('.br-tag', { hasText: status }).waitFor();
  }

  /** "Revogar", answering the page's prompt with the reason; waits for the confirmation. */
  async revoke(name: string, reason: string) {
    this.page.once('dialog', (d) => void d.accept(reason));
    await this.card(name).getByRole('button', { name: 'Revogar' }).click();
    await this.page.getByText('Integração revogada', { exact: false }).waitFor();
  }

  /** Whether a password is on the page (it is shown only right after creation or rotation). */
  async passwordShown(): Promise<boolean> {
    return (await this.page.getByTestId('integration-password').count()) > 0;
  }
}
