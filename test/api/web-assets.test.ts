import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../../server/app';
import { HASHED_ASSET_CACHE } from '../../server/platform/web-assets';
import { testConfig } from '../helpers/app';
import { describeEachDatabase } from '../helpers/db';

const INDEX =
  '<!doctype html><html><head><script type="module" src="/assets/index-AbCd1234.js"></script></head></html>';
const BUNDLE = `console.log(${JSON.stringify('Steward '.repeat(400))});`;

/** A built web app as the build leaves it (`precompress` in web/vite.config.ts), plus a stray source map. */
function writeBuild(root: string) {
  const files: Record<string, string> = {
    'index.html': INDEX,
    'favicon.svg': '<svg xmlns="http://www.w3.org/2000/svg"></svg>',
    'assets/index-AbCd1234.js': BUNDLE,
    'assets/index-AbCd1234.js.map': '{"version":3,"sources":["secret.tsx"]}',
  };
  fs.mkdirSync(path.join(root, 'assets'), { recursive: true });
  for (const [name, text] of Object.entries(files)) {
    const file = path.join(root, name);
    fs.writeFileSync(file, text);
    if (name.endsWith('.map')) continue;
    fs.writeFileSync(`${file}.br`, zlib.brotliCompressSync(text));
    fs.writeFileSync(`${file}.gz`, zlib.gzipSync(text));
  }
}

describeEachDatabase('The web app’s files', (t) => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'steward-web-'));
  let app: FastifyInstance;
  beforeAll(async () => {
    writeBuild(root);
    app = await buildApp({
      // Production serving, without the background jobs: they would hold locks while each test
      // empties the tables (PostgreSQL found a deadlock there).
      config: testConfig(t.dataDir, { NODE_ENV: 'production', BACKGROUND_JOBS: 'false' }),
      database: t.handle,
      webRoot: root,
    });
  });
  afterAll(async () => {
    await app?.close();
    fs.rmSync(root, { recursive: true, force: true });
  });

  const get = (url: string, acceptEncoding?: string) =>
    app.inject({
      method: 'GET',
      url,
      headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {},
    });

  it('send the build’s brotli or gzip copy to a browser that takes it, and the plain file otherwise', async () => {
    const br = await get('/assets/index-AbCd1234.js', 'gzip, deflate, br');
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toMatch(/^(application|text)\/javascript/);
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(zlib.brotliDecompressSync(br.rawPayload).toString()).toBe(BUNDLE);

    const gz = await get('/assets/index-AbCd1234.js', 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gz.rawPayload).toString()).toBe(BUNDLE);

    const plain = await get('/assets/index-AbCd1234.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(BUNDLE);
  });

  it('let browsers keep hashed bundles for a year, and ask again for index.html every time', async () => {
    for (const encoding of ['br', 'gzip', undefined]) {
      expect((await get('/assets/index-AbCd1234.js', encoding)).headers['cache-control']).toBe(
        HASHED_ASSET_CACHE,
      );
    }
    expect(HASHED_ASSET_CACHE).toBe('public, max-age=31536000, immutable');
    // The page itself, by its name, at the root, and for any address the app routes in the browser.
    for (const url of ['/index.html', '/', '/inbox/3/tickets/12', '/portal/login?next=%2F']) {
      const page = await get(url, 'br');
      expect(page.statusCode, url).toBe(200);
      expect(page.headers['cache-control'], url).toBe('no-cache');
      expect(page.headers['content-type'], url).toMatch(/^text\/html/);
      expect(page.headers['content-encoding'], url).toBe('br');
      expect(zlib.brotliDecompressSync(page.rawPayload).toString(), url).toBe(INDEX);
    }
    expect((await get('/favicon.svg')).headers['cache-control']).toBe('no-cache');
  });

  it('serve no source map in production, and answer a missing bundle with 404, not the page', async () => {
    for (const url of ['/assets/index-AbCd1234.js.map', '/assets/index-Gone0000.js']) {
      const res = await get(url, 'br');
      expect(res.statusCode, url).toBe(404);
      expect(res.headers['content-type'], url).toMatch(/^application\/json/);
      expect(res.body).not.toContain('secret.tsx');
    }
  });
});
