/**
 * What a file really is, judged by its first bytes (magic numbers), never by its name or the
 * Content-Type the browser sent. Pure: unit-tested in file-type.test.ts.
 */
export const acceptedMediaTypes = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export type AcceptedMediaType = (typeof acceptedMediaTypes)[number];

export type Sniffed =
  | { kind: 'accepted'; mediaType: AcceptedMediaType; extension: 'pdf' | 'jpg' | 'png' }
  | { kind: 'executable'; what: string }
  | { kind: 'unknown' };

/** Bytes needed to decide. */
export const SNIFF_BYTES = 16;

const startsWith = (head: Buffer, bytes: number[]): boolean => head.length >= bytes.length && bytes.every((b, i) => head[i] === b);

const EXECUTABLES: { what: string; bytes: number[] }[] = [
  { what: 'Windows (MZ/PE)', bytes: [0x4d, 0x5a] },
  { what: 'ELF', bytes: [0x7f, 0x45, 0x4c, 0x46] },
  { what: 'Mach-O', bytes: [0xfe, 0xed, 0xfa, 0xce] },
  { what: 'Mach-O', bytes: [0xfe, 0xed, 0xfa, 0xcf] },
  { what: 'Mach-O', bytes: [0xce, 0xfa, 0xed, 0xfe] },
  { what: 'Mach-O', bytes: [0xcf, 0xfa, 0xed, 0xfe] },
  { what: 'Mach-O universal / Java class', bytes: [0xca, 0xfe, 0xba, 0xbe] },
  { what: 'script', bytes: [0x23, 0x21] },
];

export function sniffFileType(head: Buffer): Sniffed {
  if (startsWith(head, [0x25, 0x50, 0x44, 0x46, 0x2d])) return { kind: 'accepted', mediaType: 'application/pdf', extension: 'pdf' };
  if (startsWith(head, [0xff, 0xd8, 0xff])) return { kind: 'accepted', mediaType: 'image/jpeg', extension: 'jpg' };
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
    return { kind: 'accepted', mediaType: 'image/png', extension: 'png' };
  const exe = EXECUTABLES.find((e) => startsWith(head, e.bytes));
  if (exe) return { kind: 'executable', what: exe.what };
  return { kind: 'unknown' };
}
