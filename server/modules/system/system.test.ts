import { expect, it } from 'vitest';
import { describeApi } from '../../../test/helpers/app';
import { enqueueMail } from '../../platform/mail/outbox';
import { reportMetric } from '../../platform/metric-events';

const outside = '203.0.113.5';

describeApi('metrics access', (t) => {
  const metrics = (auth: Parameters<typeof t.request>[0], remoteAddress: string) =>
    t.request(auth, { method: 'GET', url: '/metrics', remoteAddress });

  it('serves admins (session or token) from anywhere, and loopback by default', async () => {
    const admin = await t.signIn('admin');
    const res = await metrics(admin, outside);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/plain');
    expect((await metrics(await t.tokenFor('admin'), outside)).statusCode).toBe(200);
    expect((await metrics({ kind: 'anonymous' }, '127.0.0.1')).statusCode).toBe(200);
    expect((await metrics({ kind: 'anonymous' }, '::ffff:127.0.0.1')).statusCode).toBe(200);
  });

  it('refuses everyone else with the error shape', async () => {
    for (const auth of [
      { kind: 'anonymous' } as const,
      await t.signIn('agent'),
      await t.signIn('manager'),
      await t.signIn('customer'),
      await t.tokenFor('manager'),
    ]) {
      const res = await metrics(auth, outside);
      expect(res.statusCode).toBe(403);
      expect(res.json()).toEqual({ error: { code: 'FORBIDDEN', message: expect.any(String) } });
    }
  });
});

describeApi(
  'metrics address range',
  (t) => {
    it('serves the configured ranges and nothing else without sign-in', async () => {
      const from = (remoteAddress: string) => t.app.inject({ method: 'GET', url: '/metrics', remoteAddress });
      expect((await from('10.20.30.40')).statusCode).toBe(200);
      expect((await from('192.0.2.7')).statusCode).toBe(200);
      expect((await from('192.0.2.8')).statusCode).toBe(403);
      expect((await from('127.0.0.1')).statusCode).toBe(403);
    });
  },
  { METRICS_ALLOW: '10.0.0.0/8, 192.0.2.7' },
);

/** One sample of the scrape: the line's value, or undefined when the series is absent. */
function sample(body: string, series: string): number | undefined {
  const line = body.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describeApi('metrics content', (t) => {
  const scrape = async () => {
    const res = await t.app.inject({ method: 'GET', url: '/metrics', remoteAddress: '127.0.0.1' });
    expect(res.statusCode).toBe(200);
    return res.body;
  };

  it('times requests by route pattern, with unknown routes under one label, as a histogram and a summary', async () => {
    const admin = await t.signIn('admin');
    await t.request(admin, { method: 'GET', url: '/api/v1/tickets/424242' });
    await t.app.inject({ method: 'GET', url: '/no/such/page/1' });
    await t.app.inject({ method: 'GET', url: '/no/such/page/2' });
    const body = await scrape();
    expect(body).toContain('# TYPE http_request_duration_seconds histogram');
    expect(body).toContain('# HELP http_request_duration_seconds ');
    expect(body).toContain('# TYPE http_request_duration_summary_seconds summary');
    const ticket = 'method="GET",route="/api/v1/tickets/:id",status_class="4xx"';
    expect(sample(body, `http_request_duration_seconds_count{${ticket}}`)).toBe(1);
    expect(sample(body, `http_request_duration_seconds_bucket{le="+Inf",${ticket}}`)).toBe(1);
    expect(body).toMatch(
      /http_request_duration_summary_seconds\{quantile="0\.99",method="GET",route="\/api\/v1\/tickets\/:id"/,
    );
    expect(
      sample(body, 'http_request_duration_seconds_count{method="GET",route="unmatched",status_class="4xx"}'),
    ).toBe(2);
    expect(body).not.toContain('/no/such/page');
  });

  it('shows the process, the mail backlog, failed work, live connections and what happened', async () => {
    await enqueueMail(t.handle.db, { to: 'someone@example.com', subject: 'Hello', text: 'Hi' });
    const admin = await t.signIn('admin');
    const created = await t.request(admin, {
      method: 'POST',
      url: '/api/v1/tickets',
      payload: { subject: 'Counted', requester: { email: 'counted@example.com' }, message: { body: 'Hi' } },
    });
    expect(created.statusCode).toBe(201);
    const body = await scrape();
    for (const name of [
      'process_cpu_seconds_total',
      'process_resident_memory_bytes',
      'nodejs_eventloop_lag_seconds',
    ])
      expect(body).toContain(`# TYPE ${name} `);
    expect(sample(body, 'steward_mail_outbox_depth{status="queued"}')).toBeGreaterThanOrEqual(1);
    expect(sample(body, 'steward_mail_outbox_oldest_age_seconds')).toBeGreaterThanOrEqual(0);
    expect(sample(body, 'steward_job_failures{status="dead"}')).toBe(0);
    expect(sample(body, 'steward_mail_inbound_waiting')).toBe(0);
    expect(sample(body, 'steward_live_connections')).toBe(0);
    expect(sample(body, 'steward_tickets_created_total')).toBe(1);
    expect(body).toContain('# TYPE steward_mail_received_total counter');
    expect(body).toContain('# TYPE steward_mail_sent_total counter');
  });

  it('counts mail received, sent and failed as the mail code reports it', async () => {
    reportMetric({ type: 'mail.received', source: 'smtp' });
    reportMetric({ type: 'mail.received', source: 'imap' });
    reportMetric({ type: 'mail.sent', transport: 'smtp' });
    reportMetric({ type: 'mail.failed', final: true });
    const body = await scrape();
    expect(sample(body, 'steward_mail_received_total{source="smtp"}')).toBe(1);
    expect(sample(body, 'steward_mail_received_total{source="imap"}')).toBe(1);
    expect(sample(body, 'steward_mail_sent_total{transport="smtp"}')).toBe(1);
    expect(sample(body, 'steward_mail_send_failures_total{final="true"}')).toBe(1);
  });
});
