/**
 * Small RTP reorder buffer for UDP transport: packets are released in sequence order; a
 * missing packet is waited for until the buffer holds `maxPackets` or the oldest buffered
 * packet has waited `maxDelayMs`, then skipped (the depacketizer and the SequenceTracker see
 * the gap and count the loss as on TCP). Packets older than the release point are late and
 * dropped. Time is passed in by the caller (testable without timers).
 */

export interface JitterBufferOptions {
  /** Default 50 packets. */
  maxPackets?: number;
  /** Default 100 ms. */
  maxDelayMs?: number;
}

export interface JitterBufferStats {
  /** Packets that arrived ahead of a missing predecessor and waited for it. */
  reordered: number;
  /** Packets that arrived after their place had been released (dropped). */
  late: number;
  duplicates: number;
  /** Times the buffer gave up waiting for a missing packet. */
  skips: number;
}

const SLOTS = 256; // > maxPackets and a power of two, indexed by sequence

export class JitterBuffer {
  readonly stats: JitterBufferStats = { reordered: 0, late: 0, duplicates: 0, skips: 0 };
  private readonly packets: (Buffer | undefined)[] = new Array(SLOTS);
  private readonly arrivals = new Float64Array(SLOTS);
  private expected = -1;
  private count = 0;
  private readonly maxPackets: number;
  private readonly maxDelayMs: number;

  constructor(
    private readonly release: (packet: Buffer) => void,
    options: JitterBufferOptions = {},
  ) {
    this.maxPackets = Math.min(SLOTS - 1, Math.max(1, options.maxPackets ?? 50));
    this.maxDelayMs = options.maxDelayMs ?? 100;
  }

  /** Packets waiting for a missing predecessor. */
  get buffered(): number {
    return this.count;
  }

  /** Adds a packet (a whole RTP packet; its sequence number is read from bytes 2-3). */
  push(packet: Buffer, now: number): void {
    if (packet.length < 12) {
      this.release(packet); // let the RTP parser count it as malformed
      return;
    }
    const seq = packet.readUInt16BE(2);
    if (this.expected < 0) this.expected = seq;
    const diff = (seq - this.expected) & 0xffff;
    if (diff >= 0x8000) {
      this.stats.late++;
      return;
    }
    if (diff >= SLOTS) {
      // Far ahead (stream restart, long outage): release what we hold and start over here.
      this.drain(Infinity);
      this.expected = seq;
    }
    if (diff === 0 && this.count === 0) {
      // In order with nothing pending: the common case, no buffering.
      this.expected = (seq + 1) & 0xffff;
      this.release(packet);
      return;
    }
    const slot = seq & (SLOTS - 1);
    if (this.packets[slot]) {
      this.stats.duplicates++;
      return;
    }
    if (diff !== 0) this.stats.reordered++;
    this.packets[slot] = packet;
    this.arrivals[slot] = now;
    this.count++;
    this.releaseInOrder();
    if (this.count > this.maxPackets) this.skipGap();
    this.poll(now);
  }

  /**
   * Releases packets whose wait for a missing predecessor expired. Returns the ms until the next
   * deadline (schedule a timer for it), or undefined when nothing is waiting.
   */
  poll(now: number): number | undefined {
    while (this.count > 0) {
      const oldest = this.oldestArrival();
      const wait = oldest + this.maxDelayMs - now;
      if (wait > 0) return wait;
      this.skipGap();
    }
    return undefined;
  }

  /** Releases everything held, in order (end of stream). */
  flush(): void {
    this.drain(Infinity);
  }

  /** Drops everything and forgets the sequence (new session). */
  reset(): void {
    this.packets.fill(undefined);
    this.count = 0;
    this.expected = -1;
  }

  private releaseInOrder(): void {
    while (this.count > 0) {
      const slot = this.expected & (SLOTS - 1);
      const p = this.packets[slot];
      if (!p) return;
      this.packets[slot] = undefined;
      this.count--;
      this.expected = (this.expected + 1) & 0xffff;
      this.release(p);
    }
  }

  /** Skips the missing packet(s) before the next buffered one. */
  private skipGap(): void {
    if (this.count === 0) return;
    while (!this.packets[this.expected & (SLOTS - 1)]) this.expected = (this.expected + 1) & 0xffff;
    this.stats.skips++;
    this.releaseInOrder();
  }

  private drain(limit: number): void {
    let n = 0;
    while (this.count > 0 && n++ < limit) this.skipGap();
  }

  private oldestArrival(): number {
    let min = Infinity;
    for (let i = 0, s = this.expected; i < SLOTS; i++, s = (s + 1) & 0xffff) {
      const slot = s & (SLOTS - 1);
      if (this.packets[slot] && this.arrivals[slot]! < min) min = this.arrivals[slot]!;
    }
    return min;
  }
}
