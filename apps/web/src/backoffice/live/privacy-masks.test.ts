import { describe, expect, it } from 'vitest';
import { contentBox } from './privacy-masks';

describe('contentBox (object-fit: contain)', () => {
  it('pillarboxes a 4:3 picture in a 16:9 box', () => {
    expect(contentBox(1600, 900, 640, 480)).toEqual({ x: 200, y: 0, w: 1200, h: 900 });
  });
  it('letterboxes a wide picture', () => {
    expect(contentBox(800, 800, 1920, 1080)).toEqual({ x: 0, y: 175, w: 800, h: 450 });
  });
  it('covers the whole box before the video size is known', () => {
    expect(contentBox(320, 180, 0, 0)).toEqual({ x: 0, y: 0, w: 320, h: 180 });
  });
});
