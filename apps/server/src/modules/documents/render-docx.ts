import {
  AlignmentType,
  Document,
  ImageRun,
  Packer,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import QRCode from 'qrcode';
import { type ActContent, ISSUER, type Stamp, stampText } from './act-content.js';

function blockToDocx(block: ActContent['blocks'][number]): (Paragraph | Table)[] {
  switch (block.kind) {
    case 'heading':
      return [new Paragraph({ children: [new TextRun({ text: block.text, bold: true })], spacing: { before: 200, after: 100 } })];
    case 'paragraph':
      return [
        new Paragraph({
          children: [new TextRun({ text: block.text, bold: block.bold ?? false })],
          alignment: AlignmentType.JUSTIFIED,
          spacing: { after: 120 },
        }),
      ];
    case 'list':
      return block.items.map((item, i) => new Paragraph({ children: [new TextRun(`${i + 1}. ${item}`)], spacing: { after: 60 } }));
    case 'table':
      return [
        new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          rows: [block.headers, ...block.rows].map(
            (cells, r) =>
              new TableRow({
                children: cells.map(
                  (c) => new TableCell({ children: [new Paragraph({ children: [new TextRun({ text: c, bold: r === 0, size: 16 })] })] }),
                ),
              }),
          ),
        }),
      ];
    case 'signature':
      return ['', '_____________________________________', ...block.lines].map(
        (l) => new Paragraph({ children: [new TextRun(l)], alignment: AlignmentType.CENTER }),
      );
    case 'qr':
      return [block.caption, block.value].map((l) => new Paragraph({ children: [new TextRun(l)], spacing: { after: 60 } }));
  }
}

/** Renders an act as an editable DOCX (for SESP to edit and sign), with the same code and QR code. */
export async function renderDocx(content: ActContent, stamp: Stamp): Promise<Buffer> {
  const qr = await QRCode.toBuffer(stamp.verifyUrl, { type: 'png', margin: 1, width: 120 });
  const doc = new Document({
    creator: 'SESP/MT — Programa Vigia Mais MT',
    title: content.title,
    description: stamp.code,
    sections: [
      {
        properties: content.landscape ? { page: { size: { orientation: PageOrientation.LANDSCAPE } } } : {},
        children: [
          ...ISSUER.map((l) => new Paragraph({ children: [new TextRun({ text: l, bold: true })], alignment: AlignmentType.CENTER })),
          new Paragraph({
            children: [new TextRun({ text: content.title, bold: true, size: 26 })],
            alignment: AlignmentType.CENTER,
            spacing: { before: 240 },
          }),
          ...(content.subtitle
            ? [
                new Paragraph({
                  children: [new TextRun({ text: content.subtitle, italics: true })],
                  alignment: AlignmentType.CENTER,
                  spacing: { after: 240 },
                }),
              ]
            : []),
          ...content.blocks.flatMap(blockToDocx),
          new Paragraph({
            children: [new ImageRun({ type: 'png', data: qr, transformation: { width: 80, height: 80 } })],
            spacing: { before: 400 },
          }),
          new Paragraph({ children: [new TextRun({ text: stampText(stamp), size: 14 })] }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
