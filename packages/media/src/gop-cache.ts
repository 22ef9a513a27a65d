/**
 * Keeps the live fragments since the last keyframe so that a new viewer can start
 * immediately: init segment + this burst, instead of waiting up to one GOP.
 *
 * Bounded by bytes and frames. A GOP is only useful whole (a decoder needs its
 * keyframe), so when a bound is exceeded the cache is emptied and stays empty until the
 * next keyframe; new viewers then simply wait for that keyframe.
 */

export interface GopCacheOptions {
  /** Default 2 MiB. */
  maxBytes?: number;
  /** Default 300 frames (20 s at 15 fps). */
  maxFrames?: number;
}

export interface CachedFragment {
  data: Buffer;
  keyframe: boolean;
}

export class GopCache {
  private items: Buffer[] = [];
  private size = 0;
  private overflowed = false;
  private readonly maxBytes: number;
  private readonly maxFrames: number;
  /** Times the cache had to be emptied because a GOP exceeded the bounds. */
  overflows = 0;

  constructor(options: GopCacheOptions = {}) {
    this.maxBytes = options.maxBytes ?? 2 * 1024 * 1024;
    this.maxFrames = options.maxFrames ?? 300;
  }

  push(fragment: CachedFragment): void {
    if (fragment.keyframe) {
      this.items = [];
      this.size = 0;
      this.overflowed = false;
    } else if (this.overflowed || this.items.length === 0) {
      return; // nothing decodable to append to
    }
    if (this.size + fragment.data.length > this.maxBytes || this.items.length + 1 > this.maxFrames) {
      this.clear();
      this.overflowed = true;
      this.overflows++;
      return;
    }
    this.items.push(fragment.data);
    this.size += fragment.data.length;
  }

  clear(): void {
    this.items = [];
    this.size = 0;
  }

  /** Fragments from the last keyframe, in order (empty when no complete GOP start is cached). */
  get fragments(): readonly Buffer[] {
    return this.items;
  }

  get bytes(): number {
    return this.size;
  }

  get frames(): number {
    return this.items.length;
  }

  /** The cached fragments concatenated into one buffer (one allocation), or undefined when empty. */
  burst(): Buffer | undefined {
    if (this.items.length === 0) return undefined;
    return this.items.length === 1 ? this.items[0] : Buffer.concat(this.items, this.size);
  }
}
