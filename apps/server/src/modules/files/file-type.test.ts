import { describe, expect, it } from 'vitest';
import { sniffFileType } from './file-type.js';

describe('sniffFileType (magic bytes, never the name)', () => {
  it('recognises PDF, JPEG and PNG', () => {
    expect(sniffFileType(Buffer.from('%PDF-1.7\n'))).toMatchObject({ kind: 'accepted', mediaType: 'application/pdf' });
    expect(sniffFileType(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]))).toMatchObject({ kind: 'accepted', mediaType: 'image/jpeg' });
    expect(sniffFileType(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toMatchObject({
      kind: 'accepted',
      mediaType: 'image/png',
    });
  });
  it('flags executables (Windows, ELF, scripts) and refuses anything else', () => {
    expect(sniffFileType(Buffer.from('MZ\x90\x00\x03'))).toMatchObject({ kind: 'executable' });
    expect(sniffFileType(Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1]))).toMatchObject({ kind: 'executable', what: 'ELF' });
    expect(sniffFileType(Buffer.from('#!/bin/sh\nrm -rf /'))).toMatchObject({ kind: 'executable' });
    expect(sniffFileType(Buffer.from('PK\x03\x04'))).toEqual({ kind: 'unknown' });
    expect(sniffFileType(Buffer.alloc(0))).toEqual({ kind: 'unknown' });
  });
});
