import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import type { ResolvedConfig } from 'vite';
import { afterAll, describe, expect, it } from 'vitest';
import viteConfig, { precompress } from '../../web/vite.config';

describe('the web build', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'steward-build-'));
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  it('writes no source maps', () => {
    expect(viteConfig.build?.sourcemap).toBe(false);
  });

  it('writes a brotli and a gzip copy beside every text file, and leaves images alone', async () => {
    const out = path.join(root, 'dist');
    fs.mkdirSync(path.join(out, 'assets'), { recursive: true });
    const text = { 'index.html': '<!doctype html>', 'assets/app-1a2b3c4d.js': 'export {};'.repeat(100) };
    for (const [name, content] of Object.entries(text)) fs.writeFileSync(path.join(out, name), content);
    fs.writeFileSync(path.join(out, 'assets/logo-1a2b3c4d.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));

    const plugin = precompress();
    const hook = <K extends 'configResolved' | 'closeBundle'>(name: K) =>
      plugin[name] as unknown as (...args: unknown[]) => unknown;
    hook('configResolved')({ root, build: { outDir: 'dist' } } as ResolvedConfig);
    await hook('closeBundle')();

    for (const [name, content] of Object.entries(text)) {
      const file = path.join(out, name);
      expect(zlib.brotliDecompressSync(fs.readFileSync(`${file}.br`)).toString()).toBe(content);
      expect(zlib.gunzipSync(fs.readFileSync(`${file}.gz`)).toString()).toBe(content);
    }
    expect(fs.existsSync(path.join(out, 'assets/logo-1a2b3c4d.png.br'))).toBe(false);
  });
});
