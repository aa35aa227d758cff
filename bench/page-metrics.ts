import type { Locator, Page } from '@playwright/test';

/** What one page load cost: bytes of the app's own files, and when it could be seen and used. */
export interface PageMetrics {
  /** Where the browser ended up (a signed-out `/` lands on `/login`). */
  url: string;
  /** The page's own files (HTML, scripts, styles, icons), not API answers. */
  files: { path: string; transferred: number; gzip: number }[];
  /** Bytes the browser received for those files (Chromium takes brotli). */
  transferredBytes: number;
  /** The same files as gzip, as a browser that takes only gzip receives them. */
  gzipBytes: number;
  domContentLoadedMs: number;
  loadMs: number;
  firstContentfulPaintMs: number;
  /** Until the page's main control is visible and enabled (time to interactive, as a person sees it). */
  interactiveMs: number;
}

interface Timings {
  domContentLoadedMs: number;
  loadMs: number;
  firstContentfulPaintMs: number;
  nowMs: number;
  resources: { url: string; transferred: number }[];
}

/** Size on the wire of a file sent as gzip: the server's precompressed .gz copy. */
async function gzipSize(page: Page, url: string): Promise<number> {
  const response = await page.request.get(url, { headers: { 'accept-encoding': 'gzip' } });
  const length = Number(response.headers()['content-length']);
  return response.headers()['content-encoding'] === 'gzip' && length > 0
    ? length
    : (await response.body()).length;
}

/**
 * Opens `path` in a fresh page (nothing cached) and waits until `ready` is visible and enabled and
 * the network is quiet, then reads the browser's navigation and resource timings.
 */
export async function measurePage(
  page: Page,
  path: string,
  ready: (page: Page) => Locator,
): Promise<PageMetrics> {
  await page.goto(path);
  const control = ready(page);
  await control.waitFor({ state: 'visible' });
  const interactiveMs = await page.evaluate(() => performance.now());
  await page.waitForLoadState('networkidle');
  const origin = new URL(page.url()).origin;
  const timings = await page.evaluate((): Timings => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    const fcp = performance.getEntriesByName('first-contentful-paint')[0];
    const resources = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).map((r) => ({
      url: r.name,
      transferred: r.encodedBodySize,
    }));
    return {
      domContentLoadedMs: nav.domContentLoadedEventEnd,
      loadMs: nav.loadEventEnd,
      firstContentfulPaintMs: fcp?.startTime ?? Number.NaN,
      nowMs: performance.now(),
      resources: [{ url: nav.name, transferred: nav.encodedBodySize }, ...resources],
    };
  });
  const own = timings.resources.filter(
    (r) => r.url.startsWith(origin) && !new URL(r.url).pathname.startsWith('/api/'),
  );
  const files: PageMetrics['files'] = [];
  for (const r of own) {
    const { pathname } = new URL(r.url);
    files.push({ path: pathname, transferred: r.transferred, gzip: await gzipSize(page, r.url) });
  }
  const sum = (key: 'transferred' | 'gzip') => files.reduce((total, f) => total + f[key], 0);
  return {
    url: page.url(),
    files,
    transferredBytes: sum('transferred'),
    gzipBytes: sum('gzip'),
    domContentLoadedMs: Math.round(timings.domContentLoadedMs),
    loadMs: Math.round(timings.loadMs),
    firstContentfulPaintMs: Math.round(timings.firstContentfulPaintMs),
    interactiveMs: Math.round(interactiveMs),
  };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** One line per page, for a terminal or a test's output. */
export function describeMetrics(name: string, m: PageMetrics): string {
  return `${name}: ${kb(m.gzipBytes)} gzip (${kb(m.transferredBytes)} as sent, ${m.files.length} files); DOMContentLoaded ${m.domContentLoadedMs} ms, load ${m.loadMs} ms, first contentful paint ${m.firstContentfulPaintMs} ms, interactive ${m.interactiveMs} ms`;
}
