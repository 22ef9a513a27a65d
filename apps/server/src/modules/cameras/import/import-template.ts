import { cameraImportColumns, cameraImportLimits, type ImportColumn } from '@vigia/contracts';
import ExcelJS from 'exceljs';

/**
 * The blank spreadsheet a partner hands to the installer (guide §05, "planilha com os dados para
 * importação"). XLSX: sheet "Câmeras" with the headers (a note on each with what to write, lists
 * for the closed fields, text format where Excel would mangle values) and a sheet "Instruções"
 * with two example rows. CSV: the header line only, ";"-separated with a BOM, as Excel pt-BR opens it.
 * An integrator's template adds the client columns first (`extra`, issue 18).
 */
const TEXT_COLUMNS = new Set([
  'clientName',
  'clientDocument',
  'clientEmail',
  'assetSerial',
  'host',
  'rtspPath',
  'username',
  'password',
  'municipality',
  'cameraPointId',
]);
const LISTS: Readonly<Record<string, string>> = {
  kind: '"Compartilhada,Vigia Mais"',
  mounting: '"Fachada,Poste,Outro"',
  openToPublic: '"Sim,Não"',
  streamSource: '"Caminho RTSP,ONVIF"',
};

type Column = ImportColumn<string>;

export async function buildXlsxTemplate(extra: readonly Column[] = []): Promise<Buffer> {
  const columns: readonly Column[] = [...extra, ...cameraImportColumns];
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Vigia Mais MT';
  wb.created = new Date(0);
  const sheet = wb.addWorksheet('Câmeras', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({
    header: c.required ? `${c.header} *` : c.header,
    key: c.key,
    width: Math.max(14, Math.min(40, c.header.length + 4)),
    ...(TEXT_COLUMNS.has(c.key) ? { style: { numFmt: '@' } } : {}),
  }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.note = c.help;
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: c.required ? 'FFDBE8FB' : 'FFF0F0F0' } };
    const list = LISTS[c.key];
    if (list) {
      for (let r = 2; r <= cameraImportLimits.maxRows + 1; r++) {
        sheet.getCell(r, i + 1).dataValidation = { type: 'list', allowBlank: true, formulae: [list] };
      }
    }
  });

  const help = wb.addWorksheet('Instruções');
  help.columns = [
    { header: 'Coluna', key: 'header', width: 36 },
    { header: 'Obrigatória', key: 'required', width: 12 },
    { header: 'O que informar', key: 'help', width: 90 },
    { header: 'Exemplo 1', key: 'ex1', width: 26 },
    { header: 'Exemplo 2', key: 'ex2', width: 36 },
  ];
  help.getRow(1).font = { bold: true };
  for (const c of columns) {
    help.addRow({ header: c.header, required: c.required ? 'Sim' : 'Não', help: c.help, ex1: c.examples[0], ex2: c.examples[1] });
  }
  help.addRow({});
  help.addRow({
    header: `Preencha uma câmera por linha na aba "Câmeras" (até ${cameraImportLimits.maxRows} linhas). Não use fórmulas: digite ou cole somente valores.`,
  });
  help.addRow({ header: 'Se alguma linha tiver problema, nada é importado: o relatório mostra cada linha recusada e o motivo.' });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export function buildCsvTemplate(extra: readonly Column[] = []): Buffer {
  const quote = (s: string) => (/[;"\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);
  const line = [...extra, ...cameraImportColumns].map((c) => quote(c.required ? `${c.header} *` : c.header)).join(';');
  return Buffer.from(`\ufeff${line}\r\n`, 'utf8');
}
