import { describe, expect, it } from 'vitest';
import { choosePlaybackMode, hlsForm, hlsUrls } from './playback-mode';

const none = { managedMediaSource: false, mediaSource: false, webSocket: true, nativeHls: false, crypto: true };

describe('live player playback mode', () => {
  it('prefers MSE (ManagedMediaSource or MediaSource), falls back to native HLS, else nothing', () => {
    expect(choosePlaybackMode({ ...none, managedMediaSource: true, nativeHls: true })).toBe('mse');
    expect(choosePlaybackMode({ ...none, mediaSource: true })).toBe('mse');
    expect(choosePlaybackMode({ ...none, nativeHls: true })).toBe('hls');
    expect(choosePlaybackMode({ ...none, mediaSource: true, webSocket: false, nativeHls: true })).toBe('hls');
    expect(choosePlaybackMode(none)).toBe('none');
    expect(choosePlaybackMode({ ...none, mediaSource: true, crypto: false })).toBe('none');
  });

  it('derives the HLS URLs from the live socket URL of the token; token and nonce go in the body only', () => {
    const u = hlsUrls('wss://video.example/mt/live/0b7e1c9a-0000-4000-8000-000000000001');
    expect(u.session).toBe('https://video.example/mt/hls/0b7e1c9a-0000-4000-8000-000000000001/session');
    expect(u.renew).toBe('https://video.example/mt/hls/0b7e1c9a-0000-4000-8000-000000000001/renew');
    expect(hlsUrls('ws://127.0.0.1:3001/live/abc').base).toBe('http://127.0.0.1:3001/hls/abc');
    expect(hlsForm('v1.a+b.c', 'n_1').toString()).toBe('token=v1.a%2Bb.c&nonce=n_1');
  });
});
