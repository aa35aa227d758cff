import type { FastifyInstance } from 'fastify';

/** A few Prometheus counters kept per process; each node is scraped on its own. */
const requests = new Map<string, number>();
let durationSum = 0;
let durationCount = 0;

export function registerMetrics(app: FastifyInstance): void {
  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    const key = `method="${request.method}",route="${route}",status="${reply.statusCode}"`;
    requests.set(key, (requests.get(key) ?? 0) + 1);
    durationSum += reply.elapsedTime / 1000;
    durationCount += 1;
  });
}

export function renderMetrics(): string {
  const memory = process.memoryUsage();
  const lines = [
    '# HELP steward_http_requests_total HTTP requests answered',
    '# TYPE steward_http_requests_total counter',
    ...[...requests].map(([labels, n]) => `steward_http_requests_total{${labels}} ${n}`),
    '# HELP steward_http_request_duration_seconds Time spent answering requests',
    '# TYPE steward_http_request_duration_seconds summary',
    `steward_http_request_duration_seconds_sum ${durationSum}`,
    `steward_http_request_duration_seconds_count ${durationCount}`,
    '# HELP process_resident_memory_bytes Resident memory',
    '# TYPE process_resident_memory_bytes gauge',
    `process_resident_memory_bytes ${memory.rss}`,
    `process_heap_used_bytes ${memory.heapUsed}`,
  ];
  return `${lines.join('\n')}\n`;
}
