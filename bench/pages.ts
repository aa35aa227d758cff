// `npm run bench:pages`: what a page costs a browser. Starts a production server holding the demo
// department, opens pages in Chromium with nothing cached, and prints each page's weight (the
// app's own files, as sent and as gzip) and timings (DOMContentLoaded, load, first contentful
// paint, and until the page's main control is there: time to interactive as a person sees it).
// BENCH_PAGES_PORT sets the port (default 3390). Writes JSON under bench/results/.
import fs from 'node:fs';
import path from 'node:path';
import { type Browser, chromium, type Page } from '@playwright/test';
import { chromiumPath } from '../test/helpers/tiers';
import { type DemoServer, startDemoServer } from './demo-server';
import { describeMetrics, measurePage, type PageMetrics } from './page-metrics';

const root = path.resolve(import.meta.dirname, '..');
const port = Number(process.env.BENCH_PAGES_PORT ?? 3390);

interface Scenario {
  name: string;
  path: string;
  /** A staff member signed in first (the page's code is still fetched cold). */
  signedInAs?: string;
  ready: (page: Page) => ReturnType<Page['getByRole']>;
}

const scenarios: Scenario[] = [
  {
    name: 'first page: sign-in (a signed-out visit to /)',
    path: '/',
    ready: (p) => p.getByRole('button', { name: 'Sign in' }),
  },
  {
    name: 'Inbox, signed in as an agent',
    path: '/inbox',
    signedInAs: 'amara.adeyemi@steward.example',
    ready: (p) => p.getByRole('list', { name: 'Tickets' }).getByRole('listitem').first(),
  },
  {
    name: 'portal sign-in',
    path: '/portal/login',
    ready: (p) => p.getByRole('button', { name: 'Email me a link' }),
  },
];

async function run(browser: Browser, baseUrl: string, scenario: Scenario, signIn: DemoServer['signIn']) {
  const context = await browser.newContext({ baseURL: baseUrl, viewport: { width: 1440, height: 900 } });
  try {
    if (scenario.signedInAs) await signIn(context, scenario.signedInAs);
    return await measurePage(await context.newPage(), scenario.path, scenario.ready);
  } finally {
    await context.close();
  }
}

const server = await startDemoServer(port);
const browser = await chromium.launch({
  executablePath: chromiumPath(),
  args: ['--no-sandbox', '--disable-gpu'],
});
const results: { scenario: string; metrics: PageMetrics }[] = [];
try {
  for (const scenario of scenarios) {
    const metrics = await run(browser, server.baseUrl, scenario, server.signIn);
    results.push({ scenario: scenario.name, metrics });
    console.log(describeMetrics(scenario.name, metrics));
  }
} finally {
  await browser.close();
  await server.stop();
}

const kb = (bytes: number) => (bytes / 1024).toFixed(1);
console.log(
  '\n| page | gzip KB | sent KB (br) | files | DOMContentLoaded ms | load ms | FCP ms | interactive ms |',
);
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const { scenario, metrics: m } of results) {
  console.log(
    `| ${scenario} | ${kb(m.gzipBytes)} | ${kb(m.transferredBytes)} | ${m.files.length} | ${m.domContentLoadedMs} | ${m.loadMs} | ${m.firstContentfulPaintMs} | ${m.interactiveMs} |`,
  );
}
fs.mkdirSync(path.join(root, 'bench/results'), { recursive: true });
const out = path.join(root, 'bench/results', `pages-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
fs.writeFileSync(out, JSON.stringify({ at: new Date().toISOString(), results }, null, 2));
console.log(`\nwritten to ${path.relative(root, out)}`);
