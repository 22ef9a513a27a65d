import { describe, expect, it } from 'vitest';
import { Batcher } from './batcher.js';

describe('Batcher', () => {
  it('sends calls of one turn together, and calls made meanwhile as the next batch', async () => {
    const batches: number[][] = [];
    let release!: () => void;
    const gate = new Promise<void>((r) => {
      release = r;
    });
    const b = new Batcher(async (items: number[]) => {
      batches.push(items);
      if (batches.length === 1) await gate;
      return items.map((i) => i * 10);
    });
    const first = [b.add(1), b.add(2), b.add(3)];
    await new Promise((r) => setImmediate(r));
    const later = [b.add(4), b.add(5)]; // while the first batch runs
    await new Promise((r) => setImmediate(r));
    expect(batches).toEqual([[1, 2, 3]]);
    release();
    expect(await Promise.all([...first, ...later])).toEqual([10, 20, 30, 40, 50]);
    expect(batches).toEqual([
      [1, 2, 3],
      [4, 5],
    ]);
  });

  it('fails only the item the database refuses: a failed batch is run again item by item', async () => {
    const b = new Batcher(async (items: number[]) => {
      if (items.includes(2)) throw new Error(`refused ${items.join(',')}`);
      return items.map((i) => -i);
    });
    const out = await Promise.allSettled([b.add(1), b.add(2), b.add(3)]);
    expect(out).toEqual([
      { status: 'fulfilled', value: -1 },
      { status: 'rejected', reason: new Error('refused 2') },
      { status: 'fulfilled', value: -3 },
    ]);
  });
});
