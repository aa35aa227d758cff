import type { FastifyBaseLogger, FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry, Summary } from 'prom-client';
import type { Db } from '../db/database';
import { jobFailuresRepository } from './job-failures.repository';
import type { LiveBus } from './live/bus';
import { outboxRepository } from './mail/outbox.repository';
import { onMetricEvent } from './metric-events';

/** Prometheus metrics of one app, each node scraped on its own (docs/admin-guide.md lists them). */
export interface AppMetrics {
  /** The /metrics body and its content type: this process's metrics, then the app's. */
  render(): Promise<{ contentType: string; body: string }>;
  /**
   * A gauge read when /metrics is scraped: a number, or one value per label value when
   * `label` is given. A read that fails leaves the gauge out of that scrape (and is logged).
   */
  gauge(spec: {
    name: string;
    help: string;
    label?: string;
    read: () => Promise<number | Record<string, number>>;
  }): void;
  /** The bus with each `ticket.created` this node announces counted (every ticket opened is announced once, after commit). */
  countAnnounced(bus: LiveBus): LiveBus;
}

declare module 'fastify' {
  interface FastifyInstance {
    metrics: AppMetrics;
  }
}

/** Request durations in seconds: most API answers take milliseconds; uploads and exports take longer. */
const BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
/** By the status's first digit; anything outside 100–599 counts as a server error. */
const STATUS_CLASSES = ['5xx', '1xx', '2xx', '3xx', '4xx', '5xx'];
/** The route label of requests no route matched: raw URLs would make a series per scanner probe. */
export const UNMATCHED_ROUTE = 'unmatched';

/** Metrics of the process (CPU, memory, event loop, GC): one set however many apps a process builds. */
let processRegistry: Registry | null = null;
function processMetrics(): Registry {
  if (!processRegistry) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry });
  }
  return processRegistry;
}

type Observer = { observe(value: number): void };
type Series = [histogram: Observer, summary: Observer];

/**
 * Request timing for one route pattern. Children are made once per method and status class, so
 * a request costs two lookups and the two observations.
 */
function routeTimer(route: string, histogram: Histogram<string>, summary: Summary<string>) {
  const byMethod = new Map<string, (Series | undefined)[]>();
  return (method: string, status: number, seconds: number): void => {
    let classes = byMethod.get(method);
    if (!classes) {
      classes = [];
      byMethod.set(method, classes);
    }
    const index = status >= 100 && status < 600 ? Math.floor(status / 100) : 0;
    let series = classes[index];
    if (!series) {
      const labels = [method, route, STATUS_CLASSES[index]!];
      series = [histogram.labels(...labels), summary.labels(...labels)];
      classes[index] = series;
    }
    series[0].observe(seconds);
    series[1].observe(seconds);
  };
}

const TIMER = Symbol('metrics timer');
type TimedHook = ((request: FastifyRequest, reply: FastifyReply, done: () => void) => void) & {
  [TIMER]?: true;
};

/** Each route gets its own onResponse hook with its pattern bound, so no request looks its route up. */
function timeEveryRoute(app: FastifyInstance, histogram: Histogram<string>, summary: Summary<string>) {
  const unmatched = routeTimer(UNMATCHED_ROUTE, histogram, summary);
  app.addHook('onRoute', (route: RouteOptions) => {
    const record = routeTimer(route.url, histogram, summary);
    const hook: TimedHook = (request, reply, done) => {
      record(request.method, reply.statusCode, reply.elapsedTime / 1000);
      done();
    };
    hook[TIMER] = true;
    // A HEAD route copied from its GET route arrives with the GET route's timer: replaced, not added.
    const own = [route.onResponse ?? []].flat().filter((h) => !(h as TimedHook)[TIMER]);
    route.onResponse = [...own, hook];
  });
  // Requests no route matched (the not-found handler) have no route hook.
  app.addHook('onResponse', (request, reply, done) => {
    if (request.is404) unmatched(request.method, reply.statusCode, reply.elapsedTime / 1000);
    done();
  });
}

/** The app's registry, request timing, counters of what modules report, and the backlog gauges of the platform's tables. */
export function registerMetrics(app: FastifyInstance, db: Db): void {
  const registry = new Registry();
  const registers = [registry];
  const labelNames = ['method', 'route', 'status_class'];
  const histogram = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'Time from receiving a request to sending the answer, by method, route pattern and status class',
    labelNames,
    buckets: BUCKETS,
    registers,
  });
  const summary = new Summary({
    name: 'http_request_duration_summary_seconds',
    help: 'Quantiles of the request time over the last five to ten minutes, by method, route pattern and status class',
    labelNames,
    percentiles: [0.5, 0.9, 0.99],
    // Two windows of five minutes: each observation goes into both, so more windows cost more per request.
    maxAgeSeconds: 600,
    ageBuckets: 2,
    registers,
  });
  timeEveryRoute(app, histogram, summary);

  const mailReceived = new Counter({
    name: 'steward_mail_received_total',
    help: 'Messages received and kept, by source (smtp, imap); repeats of a kept message included',
    labelNames: ['source'],
    registers,
  });
  const mailSent = new Counter({
    name: 'steward_mail_sent_total',
    help: 'Outgoing mail handed to a mail server (transport smtp) or written to the log when none is configured (log)',
    labelNames: ['transport'],
    registers,
  });
  const mailFailed = new Counter({
    name: 'steward_mail_send_failures_total',
    help: 'Failed delivery attempts; final="true" when the mail was given up (a dead letter)',
    labelNames: ['final'],
    registers,
  });
  const ticketsCreated = new Counter({
    name: 'steward_tickets_created_total',
    help: 'Tickets opened in this process (API, portal, contact form, mail)',
    registers,
  });
  const stop = onMetricEvent((event) => {
    if (event.type === 'mail.received') mailReceived.inc({ source: event.source });
    else if (event.type === 'mail.sent') mailSent.inc({ transport: event.transport });
    else mailFailed.inc({ final: String(event.final) });
  });
  app.addHook('onClose', async () => stop());

  const metrics: AppMetrics = {
    async render() {
      const own = await registry.metrics();
      return { contentType: registry.contentType, body: `${await processMetrics().metrics()}\n${own}` };
    },
    gauge: (spec) => scrapeTimeGauge(registry, app.log, spec),
    countAnnounced: (bus) => ({
      ...bus,
      publish(event) {
        if (event.type === 'ticket.created') ticketsCreated.inc();
        bus.publish(event);
      },
    }),
  };
  app.decorate('metrics', metrics);
  platformGauges(metrics, db);
}

function scrapeTimeGauge(
  registry: Registry,
  log: FastifyBaseLogger,
  { name, help, label, read }: Parameters<AppMetrics['gauge']>[0],
): void {
  new Gauge({
    name,
    help,
    labelNames: label ? [label] : [],
    registers: [registry],
    async collect() {
      this.reset();
      try {
        const value = await read();
        if (typeof value === 'number') this.set(value);
        else for (const [key, n] of Object.entries(value)) this.set({ [label ?? 'value']: key }, n);
      } catch (error) {
        log.warn({ err: error, metric: name }, 'reading a metric failed');
      }
    },
  });
}

/** `read`, called once for all the callers that ask while it runs (the gauges of one scrape). */
function shared<T>(read: () => Promise<T>): () => Promise<T> {
  let running: Promise<T> | null = null;
  return () => {
    running ??= read().finally(() => {
      running = null;
    });
    return running;
  };
}

/** The outbox and the failed background work, read from their tables at scrape time. */
function platformGauges(metrics: AppMetrics, db: Db): void {
  const backlog = shared(() => outboxRepository.backlog(db));
  metrics.gauge({
    name: 'steward_mail_outbox_depth',
    help: 'Outgoing mail not yet sent, by status (queued: waiting or retrying; sending: claimed by a process)',
    label: 'status',
    read: async () => {
      const { queued, sending } = await backlog();
      return { queued, sending };
    },
  });
  metrics.gauge({
    name: 'steward_mail_outbox_oldest_age_seconds',
    help: 'Age of the oldest outgoing mail not yet sent (0 when none waits): how far delivery lags',
    read: async () => {
      const { oldest } = await backlog();
      return oldest ? Math.max(0, (Date.now() - Date.parse(oldest)) / 1000) : 0;
    },
  });
  metrics.gauge({
    name: 'steward_job_failures',
    help: 'Items background jobs could not process, by status (retrying: waiting for the next attempt; dead: given up)',
    label: 'status',
    read: async () => ({ ...(await jobFailuresRepository.counts(db)) }),
  });
}
