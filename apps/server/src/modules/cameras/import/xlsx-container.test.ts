import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readSpreadsheet } from './spreadsheet-reader.js';
import { checkSheetBounds, isNeededXlsxPart, slimXlsx } from './xlsx-container.js';

const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fe0dc7e6b20000000049454e44ae426082',
  'hex',
);

describe('xlsx container', () => {
  it('hands ExcelJS only the XML parts, and a workbook with an image, a note and a link still reads', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Câmeras');
    ws.addRow(['Nome', 'Link']);
    ws.addRow([{ richText: [{ text: 'Câm' }, { text: 'era' }] }, { text: 'site', hyperlink: 'https://exemplo.gov.br' }]);
    ws.getCell('C2').note = 'nota';
    ws.addImage(wb.addImage({ buffer: PNG as never, extension: 'png' }), 'E1:F3');
    ws.mergeCells('G1:H2');
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    expect(Object.keys(unzipSync(bytes))).toContain('xl/media/image1.png');
    const slim = Object.keys(unzipSync(slimXlsx(bytes)));
    expect(slim).toContain('xl/worksheets/sheet1.xml');
    expect(slim.some((n) => n.startsWith('xl/media/'))).toBe(false);
    const sheet = await readSpreadsheet(bytes);
    expect(sheet.rows[0]!.cells.slice(0, 2)).toEqual([
      { text: 'Câmera', formula: false },
      { text: 'site', formula: false },
    ]);
    expect(isNeededXlsxPart('xl/vbaProject.bin')).toBe(false);
    expect(isNeededXlsxPart('xl/worksheets/_rels/sheet1.xml.rels')).toBe(true);
  });

  it('refuses cells, merges and validations far past the template (a few bytes that cost ExcelJS seconds)', () => {
    expect(() => checkSheetBounds('<sheetData><row r="99999999"><c r="A99999999"/></row></sheetData>')).toThrow(
      /linhas além da linha 5\.000/,
    );
    expect(() => checkSheetBounds('<mergeCells><mergeCell ref="A1:XFD1048576"/></mergeCells>')).toThrow(/linhas além/);
    expect(() => checkSheetBounds('<row r="2"><c r="XFD2"/></row>')).toThrow(/colunas além da coluna 200/);
    expect(() => checkSheetBounds('<dataValidation type="list" sqref="A1:A1048576">')).toThrow(/linhas além/);
    // A whole column selected when the file was saved is only a view.
    expect(() => checkSheetBounds('<row r="501"><c r="R501"/></row><selection activeCell="A1" sqref="A1:A1048576"/>')).not.toThrow();
  });
});
