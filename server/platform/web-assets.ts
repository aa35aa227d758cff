import path from 'node:path';
import type { FastifyStaticOptions } from '@fastify/static';
import type { Config } from '../config';

/** Vite's content-hashed bundles: a name never holds other bytes, so browsers keep them a year. */
export const HASHED_ASSET_CACHE = 'public, max-age=31536000, immutable';
/** index.html and the other unhashed files: asked again each time (a 304 while unchanged). */
export const UNHASHED_CACHE = 'no-cache';

/**
 * How the built web app (dist/web) is served: the brotli and gzip copies the build wrote beside
 * each file (`precompress` in web/vite.config.ts) go to browsers that take them, and nothing is
 * compressed per request; hashed assets under assets/ are cached for a year, everything else
 * revalidated; in production no source map is served even if a build left one behind.
 */
export function webAssetOptions(root: string, env: Config['env']): FastifyStaticOptions {
  const hashed = `${path.join(root, 'assets')}${path.sep}`;
  return {
    root,
    wildcard: false,
    preCompressed: true,
    cacheControl: false,
    globIgnore: env === 'production' ? ['**/*.map', '**/*.map.br', '**/*.map.gz'] : [],
    setHeaders: (reply, file) => {
      reply.header('cache-control', file.startsWith(hashed) ? HASHED_ASSET_CACHE : UNHASHED_CACHE);
    },
  };
}
