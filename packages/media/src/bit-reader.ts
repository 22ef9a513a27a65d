/**
 * Bit-level reader for H.264/H.265 RBSP data (exp-Golomb codes) plus the
 * emulation-prevention removal that turns a NAL unit payload into RBSP.
 */

/** Removes emulation prevention bytes (00 00 03 → 00 00). Returns the input when none are present. */
export function removeEmulationPrevention(nal: Buffer): Buffer {
  let zeros = 0;
  let found = -1;
  for (let i = 0; i < nal.length; i++) {
    const b = nal[i]!;
    if (zeros >= 2 && b === 3) {
      found = i;
      break;
    }
    zeros = b === 0 ? zeros + 1 : 0;
  }
  if (found < 0) return nal;
  const out = Buffer.allocUnsafe(nal.length);
  let o = 0;
  zeros = 0;
  for (let i = 0; i < nal.length; i++) {
    const b = nal[i]!;
    if (zeros >= 2 && b === 3) {
      zeros = 0;
      continue;
    }
    out[o++] = b;
    zeros = b === 0 ? zeros + 1 : 0;
  }
  return out.subarray(0, o);
}

export class BitReader {
  private pos = 0; // in bits

  constructor(private readonly data: Buffer) {}

  get bitsLeft(): number {
    return this.data.length * 8 - this.pos;
  }

  u1(): number {
    if (this.pos >= this.data.length * 8) throw new RangeError('bitstream exhausted');
    const byte = this.data[this.pos >> 3]!;
    const bit = (byte >> (7 - (this.pos & 7))) & 1;
    this.pos++;
    return bit;
  }

  flag(): boolean {
    return this.u1() === 1;
  }

  /** Reads n ≤ 32 bits as an unsigned number. */
  u(n: number): number {
    let v = 0;
    for (let i = 0; i < n; i++) v = v * 2 + this.u1();
    return v;
  }

  skip(n: number): void {
    if (this.pos + n > this.data.length * 8) throw new RangeError('bitstream exhausted');
    this.pos += n;
  }

  /** Unsigned exp-Golomb ue(v). */
  ue(): number {
    let zeros = 0;
    while (this.u1() === 0) {
      zeros++;
      if (zeros > 31) throw new RangeError('invalid exp-Golomb code');
    }
    return Math.pow(2, zeros) - 1 + this.u(zeros);
  }

  /** Signed exp-Golomb se(v). */
  se(): number {
    const k = this.ue();
    return k % 2 === 1 ? (k + 1) / 2 : -(k / 2);
  }
}
