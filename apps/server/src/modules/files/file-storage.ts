import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import type { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/**
 * Where file bytes live. Keys are relative, slash-separated, and never climb out of the root.
 * The only implementation today is the local filesystem (DATA_DIR/uploads); an object store can
 * implement the same interface.
 */
export interface FileStorage {
  /** Streams into `key` through optional transforms; a failed write leaves nothing behind. */
  writeStream(key: string, source: Readable, ...through: Transform[]): Promise<void>;
  write(key: string, data: Buffer): Promise<void>;
  read(key: string): Promise<Buffer>;
  move(from: string, to: string): Promise<void>;
  remove(key: string): Promise<void>;
  exists(key: string): Promise<boolean>;
}

const KEY = /^[a-z0-9][a-z0-9._-]*(\/[a-z0-9][a-z0-9._-]*)*$/;

export class LocalFileStorage implements FileStorage {
  constructor(readonly root: string) {}

  private resolve(key: string): string {
    if (!KEY.test(key) || key.includes('..')) throw new Error(`invalid storage key: ${key}`);
    return path.join(this.root, ...key.split('/'));
  }

  async writeStream(key: string, source: Readable, ...through: Transform[]): Promise<void> {
    const file = this.resolve(key);
    await fsp.mkdir(path.dirname(file), { recursive: true });
    try {
      await pipeline([source, ...through, fs.createWriteStream(file, { flags: 'wx' })]);
    } catch (err) {
      await fsp.rm(file, { force: true });
      throw err;
    }
  }

  async write(key: string, data: Buffer): Promise<void> {
    const file = this.resolve(key);
    await fsp.mkdir(path.dirname(file), { recursive: true });
    await fsp.writeFile(file, data, { flag: 'wx' });
  }

  read(key: string): Promise<Buffer> {
    return fsp.readFile(this.resolve(key));
  }

  async move(from: string, to: string): Promise<void> {
    const target = this.resolve(to);
    await fsp.mkdir(path.dirname(target), { recursive: true });
    await fsp.rename(this.resolve(from), target);
  }

  async remove(key: string): Promise<void> {
    await fsp.rm(this.resolve(key), { force: true });
  }

  async exists(key: string): Promise<boolean> {
    return fsp.access(this.resolve(key)).then(
      () => true,
      () => false,
    );
  }
}

export function localFileStorage(dataDir: string): LocalFileStorage {
  return new LocalFileStorage(path.join(dataDir, 'uploads'));
}
