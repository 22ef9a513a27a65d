import { createRequire } from 'node:module';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import { type ActContent, ISSUER, type Stamp, stampText } from './act-content.js';

const require = createRequire(import.meta.url);
const pdfmake = require('pdfmake') as typeof import('pdfmake');
const roboto = require('pdfmake/fonts/Roboto.js') as { Roboto: Record<'normal' | 'bold' | 'italics' | 'bolditalics', string> };

// pdfmake 0.3 in Node reads fonts from disk; nothing else may be read and no URL fetched.
const fontFiles = new Set(Object.values(roboto.Roboto));
pdfmake.setFonts(roboto);
pdfmake.setUrlAccessPolicy(() => false);
pdfmake.setLocalAccessPolicy((p) => fontFiles.has(p));

function blockToPdf(block: ActContent['blocks'][number]): Content {
  switch (block.kind) {
    case 'heading':
      return { text: block.text, style: 'heading' };
    case 'paragraph':
      return { text: block.text, bold: block.bold ?? false, margin: [0, 0, 0, 8], alignment: 'justify' };
    case 'list':
      return { ol: block.items, margin: [0, 0, 0, 8] };
    case 'table':
      return {
        table: {
          headerRows: 1,
          widths: block.headers.map(() => '*'),
          body: [block.headers.map((h) => ({ text: h, bold: true, fillColor: '#eeeeee' })), ...block.rows],
        },
        fontSize: 8,
        margin: [0, 0, 0, 10],
      };
    case 'signature':
      return { stack: ['\n\n_____________________________________', ...block.lines], alignment: 'center', margin: [0, 20, 0, 0] };
    case 'qr':
      return {
        stack: [
          { qr: block.value, fit: 160 },
          { text: block.caption, fontSize: 8, margin: [0, 4, 0, 0] },
        ],
        margin: [0, 6, 0, 10],
      };
  }
}

/** Renders an act as PDF with the authenticity code and a QR code to the verification page on every page. */
export async function renderPdf(content: ActContent, stamp: Stamp): Promise<Buffer> {
  const definition: TDocumentDefinitions = {
    pageSize: 'A4',
    pageOrientation: content.landscape ? 'landscape' : 'portrait',
    pageMargins: [50, 60, 50, 90],
    ...(content.watermark ? { watermark: { text: content.watermark, opacity: 0.12, bold: true, fontSize: 28 } } : {}),
    info: { title: content.title, author: 'SESP/MT — Programa Vigia Mais MT', subject: stamp.code, creationDate: stamp.issuedAt },
    defaultStyle: { font: 'Roboto', fontSize: 10 },
    styles: { heading: { bold: true, fontSize: 11, margin: [0, 8, 0, 4] }, title: { bold: true, fontSize: 13, alignment: 'center' } },
    content: [
      { stack: ISSUER, alignment: 'center', bold: true, fontSize: 9, margin: [0, 0, 0, 12] },
      { text: content.title, style: 'title' },
      ...(content.subtitle
        ? [
            {
              text: content.subtitle,
              alignment: 'center' as const,
              italics: true,
              margin: [0, 2, 0, 12] as [number, number, number, number],
            },
          ]
        : []),
      ...content.blocks.map(blockToPdf),
    ],
    footer: (page, pages) => ({
      margin: [50, 10, 50, 0],
      columns: [
        { qr: stamp.verifyUrl, fit: 60, width: 70 },
        { text: [stampText(stamp), `\nPágina ${page} de ${pages}`], fontSize: 7, width: '*' },
      ],
    }),
  };
  return Buffer.from(await pdfmake.createPdf(definition).getBuffer());
}

/**
 * The program's signage plate of a site, for printing (A4 landscape): the program's name, the
 * notice that the camera is integrated with the operations center, the public site code and a QR to
 * the program's public page. It carries nothing about the partner (no name, address or contact).
 */
export async function renderPlatePdf(plate: { siteCode: string; publicPageUrl: string }): Promise<Buffer> {
  const definition: TDocumentDefinitions = {
    pageSize: 'A4',
    pageOrientation: 'landscape',
    pageMargins: [40, 40, 40, 40],
    info: { title: `Placa do Programa Vigia Mais MT — ${plate.siteCode}`, author: 'SESP/MT — Programa Vigia Mais MT' },
    defaultStyle: { font: 'Roboto', fontSize: 14 },
    content: [
      { stack: ISSUER, alignment: 'center', bold: true, fontSize: 12, margin: [0, 0, 0, 16] },
      { text: 'ÁREA MONITORADA', alignment: 'center', bold: true, fontSize: 40 },
      {
        text: 'Esta câmera compartilha imagens da via pública com o Centro Integrado de Operações de Segurança Pública (CIOSP), sob sigilo.',
        alignment: 'center',
        margin: [40, 12, 40, 20],
      },
      {
        columns: [
          { qr: plate.publicPageUrl, fit: 150, width: 180 },
          {
            stack: [
              { text: 'Código do local', fontSize: 12 },
              { text: plate.siteCode, bold: true, fontSize: 32, margin: [0, 4, 0, 12] },
              { text: `Saiba mais: ${plate.publicPageUrl}`, fontSize: 12 },
              { text: 'Emergências: 190 (Polícia Militar) · 193 (Bombeiros)', fontSize: 12, margin: [0, 8, 0, 0] },
            ],
            width: '*',
          },
        ],
        columnGap: 30,
        margin: [60, 0, 0, 0],
      },
    ],
  };
  return Buffer.from(await pdfmake.createPdf(definition).getBuffer());
}
