import { cameraImportLimits } from '@vigia/contracts';
import { describe, expect, it } from 'vitest';
import { cleanCell, decodeText, detectFormat, detectSeparator, parseDelimited, xlsxCell } from './spreadsheet-reader.js';
import { headerKey, parseDecimal } from './validate-import-rows.js';
import { slimXlsx } from './xlsx-container.js';

describe('spreadsheet reader', () => {
  it('decides the format by the bytes, never the name', () => {
    expect(detectFormat(Buffer.from('PK\u0003\u0004rest'))).toBe('xlsx');
    expect(detectFormat(Buffer.from('Nome;Tipo\r\n'))).toBe('csv');
    expect(() => detectFormat(Buffer.from('MZ\u0090\u0000'))).toThrow(/executável/);
    expect(() => detectFormat(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))).toThrow(/XLSX/);
    expect(() => detectFormat(Buffer.from('a\u0000b'))).toThrow(/XLSX/);
  });

  it('refuses a ZIP without a workbook or without a central directory', () => {
    expect(() => slimXlsx(Buffer.from('PK\u0003\u0004 nothing else'))).toThrow(/danificado/);
  });

  it('cleans cells: control and bidi characters out, spaces collapsed, cut just past the limit', () => {
    expect(cleanCell('  a\u0000b\u202e c\t\td ')).toBe('a b c d');
    expect(cleanCell('x'.repeat(1000))).toHaveLength(cameraImportLimits.maxCellChars + 1);
  });

  it('never takes a formula result', () => {
    expect(xlsxCell({ formula: '1+1', result: 2 } as never)).toEqual({ text: '', formula: true });
    expect(xlsxCell({ sharedFormula: 'A1', result: 2 } as never)).toEqual({ text: '', formula: true });
    expect(xlsxCell({ richText: [{ text: 'Câm' }, { text: 'era' }] } as never)).toEqual({ text: 'Câmera', formula: false });
    expect(xlsxCell(-14.51476)).toEqual({ text: '-14.51476', formula: false });
  });

  it('reads CSV as Excel pt-BR writes it (";", quotes, Windows-1252)', () => {
    expect(detectSeparator('a;b;"c,d"\n1;2;3')).toBe(';');
    expect(detectSeparator('a,b,c')).toBe(',');
    expect(parseDelimited('a;"b;""x"""\r\n1;"2\n3"', ';')).toEqual([
      ['a', 'b;"x"'],
      ['1', '2\n3'],
    ]);
    expect(decodeText(Buffer.from([0x4d, 0x75, 0x6e, 0x69, 0x63, 0xed, 0x70, 0x69, 0x6f]))).toBe('Município');
  });

  it('matches headers loosely and reads decimal commas', () => {
    expect(headerKey('Município *')).toBe('municipio');
    expect(parseDecimal('-14,51476')).toBe(-14.51476);
    expect(parseDecimal('1e5')).toBeNaN();
  });
});
