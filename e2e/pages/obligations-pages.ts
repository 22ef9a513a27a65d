import { firstOf } from '@vigia/testkit/first-of';
import type { Locator, Page } from 'playwright-core';

/** Page objects of the obligations areas (back office /app/... and portal /denuncia). */

/** Chooses the first option of a native select whose text contains `text` (waits for async options). */
export async function chooseOption(select: Locator, text: string): Promise<void> {
  const option = select.locator('option', { hasText: text }).first();
  await option.waitFor({ state: 'attached' });
  const value = await option.getAttribute('value');
  await select.selectOption(value ?? '');
}

/** Waits for `target`; if an error message appears first, fails with the server's message. */
export async function settle(page: Page, target: Locator): Promise<void> {
  const danger = page.locator('.br-message.danger').first();
  const outcome = await firstOf({ ok: target.waitFor(), error: danger.waitFor() });
  if (outcome === 'error') throw new Error(`page error: ${(await danger.innerText()).trim()}`);
}

export async function successMessage(page: Page): Promise<string> {
  const msg = page.locator('.br-message.success').first();
  await settle(page, msg);
  return (await msg.innerText()).trim();
}

/** Authenticity codes and download links of the documents table of the page. */
export async function documents(page: Page): Promise<{ title: string; code: string; href: string | null }[]> {
  const rows = page.locator('table tbody tr').filter({ has: page.locator('.vigia-hash a') });
  const out = [];
  for (const row of await rows.all()) {
    out.push({
      title: (await row.getByRole('rowheader').innerText()).trim(),
      code: (await row.locator('.vigia-hash a').innerText()).trim(),
      href: await row.getByRole('link', { name: /Baixar/ }).getAttribute('href'),
    });
  }
  return out;
}

export class CommitteeLoansPage {
  constructor(
    private readonly page: Page,
    private readonly base: string,
  ) {}

  async newLoan(termNumber: string, serials: string[]): Promise<string> {
    const p = this.page;
    await p.goto(`${this.base}/app/comissao/cessoes`);
    await p.getByRole('heading', { name: 'Cessões de equipamentos', level: 1 }).waitFor();
    await chooseOption(p.getByLabel('Termo de cooperação'), termNumber);
    for (const s of serials) await p.getByLabel(new RegExp(`^${s} —`)).check({ force: true }); // DS checkbox: the input is styled away, its label is what shows
    await p.getByRole('button', { name: 'Reservar e emitir termo de cessão' }).click();
    await settle(p, p.getByRole('heading', { name: /Cessão nº/ }));
    return p.url().split('/').pop()!;
  }

  async openLoan(id: string) {
    await this.page.goto(`${this.base}/app/comissao/cessoes/${id}`);
    await this.page.getByRole('heading', { name: /Cessão nº/ }).waitFor();
  }

  async recordPickup(): Promise<string> {
    await this.page.getByRole('button', { name: 'Registrar retirada' }).click();
    return successMessage(this.page);
  }

  loanStatus() {
    return this.page.getByRole('definition').first().innerText();
  }

  /** The "Instalação (90 dias, guia §04)" fact: status label, deadline and when it was met. */
  installation() {
    return installationFact(this.page);
  }

  async replaceUnderWarranty(defectiveSerial: string, newSerial: string): Promise<string> {
    const p = this.page;
    await p.goto(`${this.base}/app/comissao/cessoes/ocorrencias`);
    await p.getByRole('button', { name: `Tratar ocorrência de ${defectiveSerial}` }).click();
    await chooseOption(p.getByLabel('Novo equipamento (número de série)'), newSerial);
    await p.getByRole('button', { name: 'Registrar substituição' }).click();
    return successMessage(p);
  }

  incidentRow(serial: string) {
    return this.page
      .getByRole('table', { name: 'Ocorrências com equipamentos' })
      .getByRole('row')
      .filter({ has: this.page.getByRole('rowheader', { name: serial, exact: true }) });
  }
}

/** The installation fact (guide §04) of a loan page, committee or partner side. */
export async function installationFact(page: Page): Promise<string> {
  const dd = page.locator('dt', { hasText: 'Instalação (90 dias, guia §04)' }).locator('xpath=following-sibling::dd[1]');
  return (await dd.innerText()).trim();
}

export class PartnerLoansPage {
  constructor(
    private readonly page: Page,
    private readonly base: string,
  ) {}

  async openLoan(loanId: string): Promise<void> {
    await this.page.goto(`${this.base}/app/cessoes/${loanId}`);
    await this.page.locator('dt', { hasText: 'Instalação (90 dias, guia §04)' }).waitFor();
  }

  installation() {
    return installationFact(this.page);
  }

  async schedulePickup(loanId: string, person: { name: string; cpf: string; authorisation: Buffer }): Promise<string> {
    const p = this.page;
    await p.goto(`${this.base}/app/cessoes`);
    await p.getByRole('table', { name: 'Cessões de equipamentos' }).getByRole('link').first().waitFor();
    await p.goto(`${this.base}/app/cessoes/${loanId}`);
    await p.getByRole('heading', { name: 'Agendar retirada na SESP/MT' }).waitFor();
    // the date field takes the server's first business day once the loan has loaded
    await p.waitForFunction(() => (document.getElementById('pickup-on') as HTMLInputElement | null)?.value !== '');
    await p.getByLabel('Nome de quem vai retirar').fill(person.name);
    await p.getByLabel('CPF de quem vai retirar').fill(person.cpf);
    await p
      .getByLabel('Autorização assinada pelo representante legal')
      .setInputFiles({ name: 'autorizacao.pdf', mimeType: 'application/pdf', buffer: person.authorisation });
    await p.getByRole('button', { name: 'Agendar retirada' }).click();
    return successMessage(p);
  }

  async reportIncident(i: {
    loanNumber: string;
    serial: string;
    kind: string;
    description: string;
    policeReport?: string;
  }): Promise<string> {
    const p = this.page;
    await p.goto(`${this.base}/app/ocorrencias`);
    await chooseOption(p.getByLabel('Cessão', { exact: true }), i.loanNumber);
    await chooseOption(p.getByLabel('Equipamento (número de série)'), i.serial);
    await chooseOption(p.getByLabel('Tipo de ocorrência'), i.kind);
    if (i.policeReport) await p.getByLabel('Número do boletim de ocorrência').fill(i.policeReport);
    await p.getByLabel('Descrição do fato').fill(i.description);
    await p.getByRole('button', { name: 'Comunicar ocorrência', exact: true }).click();
    return successMessage(p);
  }
}

export class AccountabilityPages {
  constructor(
    private readonly page: Page,
    private readonly base: string,
  ) {}

  async request(termNumber: string, reason: string): Promise<string> {
    const p = this.page;
    await p.goto(`${this.base}/app/comissao/prestacao-de-contas`);
    await chooseOption(p.getByLabel('Termo de cooperação'), termNumber);
    await p.getByLabel('Motivo').fill(reason);
    await p.getByRole('button', { name: 'Solicitar' }).click();
    await p.getByRole('heading', { name: 'Análise da prestação de contas' }).waitFor();
    return p.url().split('/').pop()!;
  }

  async fillAndSubmit(id: string, r: { activities: string; results: string; photo: Buffer }): Promise<string> {
    const p = this.page;
    await p.goto(`${this.base}/app/prestacao-de-contas/${id}`);
    await p.getByLabel('Atividades realizadas').fill(r.activities);
    await p.getByLabel('Resultados alcançados').fill(r.results);
    await p.getByLabel('Adicionar foto').setInputFiles({ name: 'instalacao.jpg', mimeType: 'image/jpeg', buffer: r.photo });
    await p.getByRole('button', { name: 'Enviar prestação de contas' }).click();
    return successMessage(p);
  }

  async approve(id: string, reasons: string): Promise<string> {
    const p = this.page;
    await p.goto(`${this.base}/app/comissao/prestacao-de-contas/${id}`);
    await p.getByLabel('Aprovar').check();
    await p.getByLabel('Fundamentação').fill(reasons);
    await p.getByRole('button', { name: 'Registrar análise' }).click();
    return successMessage(p);
  }
}

export class InspectionPages {
  constructor(
    private readonly page: Page,
    private readonly base: string,
  ) {}

  async schedule(termNumber: string, when: string, place: string): Promise<string> {
    const p = this.page;
    await p.goto(`${this.base}/app/comissao/vistorias`);
    await chooseOption(p.getByLabel('Termo de cooperação'), termNumber);
    await p.getByLabel('Data e hora (horário de Cuiabá)').fill(when);
    await p.getByLabel('Local').fill(place);
    await p.getByRole('button', { name: 'Agendar vistoria' }).click();
    await p.getByRole('heading', { name: 'Vistoria', exact: true }).waitFor();
    return p.url().split('/').pop()!;
  }

  /** Records the checklist: every item "Conforme" except `faults`. */
  async record(r: { faults: string[]; findings: string; followUpDueOn: string; photo: Buffer }): Promise<string> {
    const p = this.page;
    const form = p.getByRole('form', { name: 'Registrar vistoria' });
    await form.getByRole('group').first().waitFor(); // the form appears once the inspection has loaded
    for (const group of await form.getByRole('group').all()) {
      const name = (await group.locator('legend').innerText()).trim();
      await group.getByLabel(r.faults.some((f) => name.startsWith(f)) ? 'Falha' : 'Conforme').check();
    }
    await p.getByLabel('Constatações').fill(r.findings);
    await p.getByLabel('Adicionar foto').setInputFiles({ name: 'placa.jpg', mimeType: 'image/jpeg', buffer: r.photo });
    await p.getByLabel('Prazo para sanar as falhas').fill(r.followUpDueOn);
    await p.getByRole('button', { name: 'Registrar vistoria' }).click();
    return successMessage(p);
  }
}

export class ComplaintPortalPages {
  constructor(
    private readonly page: Page,
    private readonly base: string,
  ) {}

  async file(c: { subject: string; description: string }): Promise<string> {
    const p = this.page;
    await p.goto(this.base);
    await p.getByRole('link', { name: 'Fazer uma denúncia' }).click();
    await p.getByRole('heading', { name: 'Fazer uma denúncia' }).waitFor();
    await p.getByLabel('Denúncia anônima').check();
    await p.getByLabel('Um local com câmera do programa').check();
    await p.getByLabel('Endereço ou referência do local').fill(c.subject);
    await p.getByLabel('Descrição da irregularidade').fill(c.description);
    await p.getByRole('button', { name: 'Enviar denúncia' }).click();
    return (await p.getByTestId('complaint-protocol').innerText()).trim();
  }

  async lookup(protocol: string): Promise<{ status: string; outcome: string }> {
    const p = this.page;
    await p.goto(`${this.base}/denuncia/acompanhar`);
    await p.getByLabel('Número do protocolo').fill(protocol);
    await p.getByRole('button', { name: 'Consultar' }).click();
    return {
      status: (await p.getByTestId('complaint-status').innerText()).trim(),
      outcome: (await p.getByTestId('complaint-outcome').innerText()).trim(),
    };
  }
}

export class ComplaintTriagePage {
  constructor(
    private readonly page: Page,
    private readonly base: string,
  ) {}

  async investigateAndPublish(protocol: string, termNumber: string, note: string, outcome: string): Promise<string> {
    const p = this.page;
    await p.goto(`${this.base}/app/comissao/denuncias`);
    await p.getByRole('link', { name: `Abrir denúncia ${protocol}` }).click();
    await chooseOption(p.getByLabel('Cooperação relacionada (opcional)'), termNumber);
    await p.getByLabel('Nota da triagem').fill(note);
    await p.getByRole('button', { name: 'Registrar triagem' }).click();
    await successMessage(p);
    await p.getByLabel('Resultado (visível na consulta pública do protocolo)').fill(outcome);
    await p.getByRole('button', { name: 'Publicar resultado' }).click();
    await p.getByText('Resultado publicado: o cidadão').waitFor();
    return (await p.locator('.br-message.success').first().innerText()).trim();
  }
}

export class SanctionPages {
  constructor(
    private readonly page: Page,
    private readonly base: string,
  ) {}

  async notify(termNumber: string, facts: string): Promise<string> {
    const p = this.page;
    await p.goto(`${this.base}/app/comissao/sancoes`);
    await chooseOption(p.getByLabel('Termo de cooperação'), termNumber);
    await p.getByLabel('Fatos imputados').fill(facts);
    await p.getByRole('button', { name: 'Notificar parceiro' }).click();
    await p.getByRole('heading', { name: /Processo de sanção nº/ }).waitFor();
    return p.url().split('/').pop()!;
  }

  defenceDue() {
    return this.page.getByTestId('defence-due').innerText();
  }
  limitation() {
    return this.page.getByTestId('limitation').innerText();
  }

  /** Committee: notifies with an explicit receipt date (postal notice of receipt); returns the server's error when refused. */
  async notifyReceivedOn(termNumber: string, facts: string, receivedOn: string): Promise<{ id: string } | { error: string }> {
    const p = this.page;
    await p.goto(`${this.base}/app/comissao/sancoes`);
    await chooseOption(p.getByLabel('Termo de cooperação'), termNumber);
    await p.getByLabel('Fatos imputados').fill(facts);
    await p.getByLabel('Recebimento da notificação (opcional)').fill(receivedOn);
    await p.getByRole('button', { name: 'Notificar parceiro' }).click();
    const heading = p.getByRole('heading', { name: /Processo de sanção nº/ });
    const danger = p.locator('.br-message.danger').first();
    const outcome = await firstOf({ ok: heading.waitFor(), error: danger.waitFor() });
    if (outcome === 'error') return { error: (await danger.innerText()).trim() };
    return { id: p.url().split('/').pop()! };
  }

  /** Partner: opens a process from the list by its number; returns its id. */
  async openAsPartner(number: string): Promise<string> {
    const p = this.page;
    await p.goto(`${this.base}/app/sancoes`);
    await p.getByRole('heading', { name: 'Notificações e sanções', level: 1 }).waitFor();
    await p.getByRole('link', { name: `Abrir processo ${number}` }).click();
    await p.getByRole('heading', { name: `Processo de sanção nº ${number}` }).waitFor();
    await p.getByTestId('defence-due').waitFor();
    return p.url().split('/').pop()!;
  }

  /** The facts list of the open process, as label → text. */
  async facts(): Promise<Record<string, string>> {
    const dl = this.page.locator('dl[aria-label="Dados do processo"]');
    const terms = await dl.locator('dt').allInnerTexts();
    const defs = await dl.locator('dd').allInnerTexts();
    return Object.fromEntries(terms.map((t, i) => [t.trim(), (defs[i] ?? '').trim()]));
  }

  /** Partner, on the process page: whether the defence form is offered. */
  defenceForm() {
    return this.page.getByRole('form', { name: 'Apresentar defesa' });
  }

  /** Partner, on the process page: files the defence through the form and returns the success message. */
  async submitDefence(text: string): Promise<string> {
    const p = this.page;
    await p.getByLabel('Defesa', { exact: true }).fill(text);
    await p.getByRole('button', { name: 'Apresentar defesa' }).click();
    return successMessage(p);
  }

  /** Partner, on the process page: the warning shown once the deadline has passed. */
  async lateNotice(): Promise<string> {
    const msg = this.page.locator('.br-message.warning', { hasText: 'O prazo de defesa terminou' }).first();
    await msg.waitFor();
    return (await msg.innerText()).trim();
  }

  /**
   * Partner: sends the defence straight to the API from the signed-in page (same session and CSRF
   * token the app uses) — what a stale form submitted after the deadline would do.
   */
  async postDefence(id: string, text: string): Promise<{ status: number; code?: string; message?: string }> {
    return this.page.evaluate(
      async ({ id, text }) => {
        const session = await (await fetch('/api/auth/session')).json();
        const res = await fetch(`/api/sanctions/${id}/defence`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken },
          body: JSON.stringify({ text }),
        });
        const body = await res.json().catch(() => ({}));
        return { status: res.status, code: body?.error?.code, message: body?.error?.message };
      },
      { id, text },
    );
  }

  async fileDefence(id: string, text: string): Promise<string> {
    const p = this.page;
    await p.goto(`${this.base}/app/sancoes`);
    await p.getByRole('heading', { name: 'Notificações e sanções', level: 1 }).waitFor();
    await p.goto(`${this.base}/app/sancoes/${id}`);
    await p.getByLabel('Defesa', { exact: true }).fill(text);
    await p.getByRole('button', { name: 'Apresentar defesa' }).click();
    return successMessage(p);
  }
}
