import { randomNonce, streamNonceHash } from '../../shared/crypto/stream-nonce';
import { mediaSourceClass } from '../live/live-session';
import { auditSnapshot, endPlayback, fetchChunk, renewPlayback, startPlayback } from './playback-api';

/**
 * Playback of one recorded camera into one <video> (MSE fed by the API's media endpoint, one
 * answer = init + keyframe-aligned fragments of one recorded segment).
 *
 * Media time ↔ wall clock: every session of a page shares `origin` (ms since epoch) and each chunk
 * is appended with `timestampOffset` so that `currentTime = (wall - origin) / 1000`. Cameras on one
 * page are then synchronised by giving their videos the same currentTime.
 *
 * The token (action `playback`) is bound to user, session, camera and a nonce kept in this object;
 * it is renewed at half-life. Starting a session needs the reason, audited by the API.
 */
export type PlaybackState =
  | { kind: 'idle' }
  | { kind: 'loading' }
  | { kind: 'playing' }
  | { kind: 'paused' }
  | { kind: 'no_footage' }
  | { kind: 'failed'; message: string };

const hex2 = (n: number) => n.toString(16).padStart(2, '0');

/**
 * Codec string from the init part (avcC → avc1.PPCCLL; H.265 gets a generic Main profile string),
 * plus ",mp4a.40.2" when the segment carries an AAC track (MEDIA_AUDIO=pass): MSE refuses an init
 * segment with a track its codecs do not list. Only the moov is searched.
 */
export function codecOf(bytes: Uint8Array): string {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = Math.min(bytes.length, 4096);
  for (let o = 0; o + 8 <= bytes.length; ) {
    const size = view.getUint32(o);
    if (bytes[o + 4] === 0x6d && bytes[o + 5] === 0x6f && bytes[o + 6] === 0x6f && bytes[o + 7] === 0x76) {
      end = Math.min(bytes.length, o + size); // moov
      break;
    }
    if (size < 8) break;
    o += size;
  }
  const at = (i: number, a: number, b: number, c: number, d: number) =>
    bytes[i] === a && bytes[i + 1] === b && bytes[i + 2] === c && bytes[i + 3] === d;
  let video = 'avc1.42e01e';
  let audio = '';
  for (let i = 4; i + 8 < end; i++) {
    if (at(i, 0x61, 0x76, 0x63, 0x43)) video = `avc1.${hex2(bytes[i + 5]!)}${hex2(bytes[i + 6]!)}${hex2(bytes[i + 7]!)}`;
    else if (at(i, 0x68, 0x76, 0x63, 0x43)) video = 'hvc1.1.6.L93.B0';
    else if (at(i, 0x6d, 0x70, 0x34, 0x61)) audio = ',mp4a.40.2';
  }
  return video + audio;
}

/** How many seconds of media to keep ahead of the playhead, at a playback rate. */
export const aheadSeconds = (rate: number) => Math.max(6, 4 * rate);

export interface PlaybackSessionOptions {
  origin: number;
  reason: string;
  onState(s: PlaybackState): void;
  /** Called with ms from seek() to the first frame shown. */
  onFirstFrame?(ms: number): void;
}

export class PlaybackSession {
  private nonce = randomNonce();
  private token: string | undefined;
  playbackId: string | undefined;
  private renewTimer: number | undefined;
  private tick: number | undefined;
  private sb: SourceBuffer | undefined;
  private sbReady: Promise<SourceBuffer> | undefined;
  private objectUrl: string | undefined;
  private gen = 0;
  private nextAt: number | undefined;
  private loading = false;
  private abort: AbortController | undefined;
  wantPlay = true;
  rate = 1;
  /** Recorded frame rate of the last chunk (the API measures it from the segment); 15 until known. */
  fps = 15;

  constructor(
    readonly video: HTMLVideoElement,
    readonly cameraId: string,
    private readonly opts: PlaybackSessionOptions,
  ) {}

  /** Wall-clock time (ms) at the playhead. */
  get cursor(): number {
    return this.opts.origin + this.video.currentTime * 1000;
  }

  private async ensureToken(from: number): Promise<string> {
    if (this.token) return this.token;
    const t = await startPlayback(this.cameraId, {
      nonceHash: streamNonceHash(this.nonce),
      from: new Date(from).toISOString(),
      reason: this.opts.reason,
    });
    this.token = t.token;
    this.playbackId = t.playbackId;
    this.scheduleRenew(t.expiresAt);
    return t.token;
  }

  private scheduleRenew(expiresAt: string): void {
    window.clearTimeout(this.renewTimer);
    const ms = Math.max(1_000, (new Date(expiresAt).getTime() - Date.now()) / 2);
    this.renewTimer = window.setTimeout(async () => {
      if (!this.token) return;
      try {
        const t = await renewPlayback(this.cameraId, { nonceHash: streamNonceHash(this.nonce), token: this.token });
        this.token = t.token;
        this.scheduleRenew(t.expiresAt);
      } catch (err) {
        this.fail((err as Error).message);
      }
    }, ms);
  }

  private mediaFor(mime: string): Promise<SourceBuffer> {
    if (this.sbReady) return this.sbReady;
    const MS = mediaSourceClass();
    if (!MS || !MS.isTypeSupported(mime)) return Promise.reject(new Error('Este navegador não reproduz o vídeo desta câmera.'));
    const ms = new MS();
    this.video.disableRemotePlayback = true;
    this.objectUrl = URL.createObjectURL(ms);
    this.video.src = this.objectUrl;
    this.sbReady = new Promise((resolve) => {
      ms.addEventListener(
        'sourceopen',
        () => {
          const sb = ms.addSourceBuffer(mime);
          sb.mode = 'segments';
          this.sb = sb;
          resolve(sb);
        },
        { once: true },
      );
    });
    return this.sbReady;
  }

  private static done(sb: SourceBuffer): Promise<void> {
    return new Promise((resolve, reject) => {
      const ok = () => (sb.removeEventListener('error', bad), resolve());
      const bad = () => (sb.removeEventListener('updateend', ok), reject(new Error('Erro ao decodificar a gravação.')));
      sb.addEventListener('updateend', ok, { once: true });
      sb.addEventListener('error', bad, { once: true });
    });
  }

  private async append(chunk: { bytes: ArrayBuffer; wallMs: number; mediaStart: number; fps: number | undefined }): Promise<void> {
    if (chunk.fps) this.fps = chunk.fps;
    const sb = await this.mediaFor(`video/mp4; codecs="${codecOf(new Uint8Array(chunk.bytes))}"`);
    if (sb.updating) await PlaybackSession.done(sb);
    sb.timestampOffset = (chunk.wallMs - this.opts.origin) / 1000 - chunk.mediaStart;
    const p = PlaybackSession.done(sb);
    sb.appendBuffer(chunk.bytes);
    await p;
  }

  private buffered(t: number): { start: number; end: number } | undefined {
    const b = this.video.buffered;
    for (let i = 0; i < b.length; i++) if (b.start(i) <= t + 0.05 && t < b.end(i)) return { start: b.start(i), end: b.end(i) };
    return undefined;
  }

  /** Plays from a wall-clock instant (ms); footage already buffered is reused. */
  async seek(wallMs: number): Promise<void> {
    const t0 = performance.now();
    const gen = ++this.gen;
    const t = (wallMs - this.opts.origin) / 1000;
    this.abort?.abort();
    this.loading = false;
    this.watchFirstFrame(t0, gen);
    if (this.buffered(t)) {
      this.video.currentTime = t;
      this.startTicking();
      return;
    }
    this.opts.onState({ kind: 'loading' });
    try {
      const token = await this.ensureToken(wallMs);
      if (gen !== this.gen) return;
      if (this.sb && this.video.buffered.length) {
        if (this.sb.updating) this.sb.abort();
        const p = PlaybackSession.done(this.sb);
        this.sb.remove(0, Infinity);
        await p;
      }
      const chunk = await fetchChunk(this.cameraId, wallMs, token, this.nonce);
      if (gen !== this.gen) return;
      if (!chunk) return this.opts.onState({ kind: 'no_footage' });
      await this.append(chunk);
      if (gen !== this.gen) return;
      this.nextAt = chunk.nextMs;
      // Start at the asked instant (or at the next recording when it fell in a gap).
      this.video.currentTime = Math.max(t, (chunk.wallMs - this.opts.origin) / 1000);
      this.startTicking();
    } catch (err) {
      if (gen === this.gen) this.fail((err as Error).message);
    }
  }

  private watchFirstFrame(t0: number, gen: number): void {
    const v = this.video as HTMLVideoElement & { requestVideoFrameCallback?(cb: () => void): number };
    const report = () => {
      if (gen !== this.gen) return;
      const ms = performance.now() - t0;
      v.setAttribute('data-seek-ms', String(Math.round(ms)));
      this.opts.onFirstFrame?.(ms);
    };
    v.addEventListener('seeked', () => (v.requestVideoFrameCallback ? v.requestVideoFrameCallback(report) : report()), { once: true });
  }

  private startTicking(): void {
    this.video.playbackRate = this.rate;
    if (this.wantPlay) void this.video.play().catch(() => undefined);
    this.opts.onState({ kind: this.wantPlay ? 'playing' : 'paused' });
    if (this.tick === undefined) this.tick = window.setInterval(() => void this.onTick(), 200);
  }

  private async onTick(): Promise<void> {
    const v = this.video;
    const here = this.buffered(v.currentTime);
    // Skip a gap between recordings: jump to the next buffered range.
    if (v.buffered.length && (!here || here.end - v.currentTime < 0.15)) {
      for (let i = 0; i < v.buffered.length; i++)
        if (v.buffered.start(i) > v.currentTime + 0.05) {
          v.currentTime = v.buffered.start(i);
          break;
        }
    }
    if (this.wantPlay && v.paused && !v.seeking) void v.play().catch(() => undefined);
    const end = here?.end ?? v.currentTime;
    if (!this.loading && this.nextAt !== undefined && this.token && end - v.currentTime < aheadSeconds(this.rate)) {
      this.loading = true;
      const gen = this.gen;
      const at = this.nextAt;
      this.abort = new AbortController();
      try {
        const chunk = await fetchChunk(this.cameraId, at, this.token, this.nonce, this.abort.signal);
        if (gen !== this.gen) return;
        if (chunk) {
          await this.append(chunk);
          this.nextAt = chunk.nextMs;
        } else this.nextAt = undefined;
      } catch (err) {
        if ((err as Error).name !== 'AbortError' && gen === this.gen) this.nextAt = at; // retried next tick
      } finally {
        if (gen === this.gen) this.loading = false;
      }
    }
    this.trim();
  }

  /** Keeps about 30 s behind the playhead. */
  private trim(): void {
    const sb = this.sb;
    const v = this.video;
    if (!sb || sb.updating || !v.buffered.length || this.loading) return;
    if (v.currentTime - v.buffered.start(0) > 45) sb.remove(0, v.currentTime - 30);
  }

  setRate(rate: number): void {
    this.rate = rate;
    this.video.playbackRate = rate;
  }

  play(): void {
    this.wantPlay = true;
    void this.video.play().catch(() => undefined);
    this.opts.onState({ kind: 'playing' });
  }

  pause(): void {
    this.wantPlay = false;
    this.video.pause();
    this.opts.onState({ kind: 'paused' });
  }

  /** One frame forward or back (paused), at the camera's recorded frame rate. */
  step(frames: number): void {
    this.pause();
    this.video.currentTime = Math.max(0, this.video.currentTime + frames / this.fps);
  }

  /** PNG of the frame on screen (client-side capture), audited as `playback.snapshot`. */
  async snapshot(): Promise<Blob> {
    const v = this.video;
    const c = document.createElement('canvas');
    c.width = v.videoWidth;
    c.height = v.videoHeight;
    c.getContext('2d')!.drawImage(v, 0, 0);
    const blob = await new Promise<Blob>((resolve, reject) =>
      c.toBlob((b) => (b ? resolve(b) : reject(new Error('Captura indisponível.'))), 'image/png'),
    );
    if (this.playbackId) await auditSnapshot(this.cameraId, { playbackId: this.playbackId, at: new Date(this.cursor).toISOString() });
    return blob;
  }

  private fail(message: string): void {
    this.opts.onState({ kind: 'failed', message });
  }

  /** Stops the player; the playback ends (audited `playback.ended` with the time watched). */
  stop(): void {
    if (this.playbackId && this.token) void endPlayback(this.cameraId, this.playbackId).catch(() => undefined);
    this.token = undefined;
    this.playbackId = undefined;
    this.gen++;
    this.abort?.abort();
    window.clearTimeout(this.renewTimer);
    window.clearInterval(this.tick);
    this.tick = undefined;
    this.sb = undefined;
    this.sbReady = undefined;
    if (this.objectUrl) URL.revokeObjectURL(this.objectUrl);
    this.video.removeAttribute('src');
    this.video.load();
  }
}
