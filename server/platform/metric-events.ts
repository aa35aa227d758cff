import diagnostics from 'node:diagnostics_channel';

/**
 * What the mail code reports to the metrics, from wherever it runs (the SMTP listener, the IMAP
 * poller, the outbox), without a handle passed down to it: events on a Node diagnostics channel
 * that the app's metrics subscribe to (`metrics.ts`). Publishing with no subscriber (the CLI,
 * unit tests) costs one check.
 */
export type MetricEvent =
  | { type: 'mail.received'; source: 'smtp' | 'imap' }
  | { type: 'mail.sent'; transport: 'smtp' | 'log' }
  | { type: 'mail.failed'; final: boolean };

const channel = diagnostics.channel('steward:metrics');

export function reportMetric(event: MetricEvent): void {
  if (channel.hasSubscribers) channel.publish(event);
}

/** Hears every event reported in this process until the returned function is called. */
export function onMetricEvent(handler: (event: MetricEvent) => void): () => void {
  const listener = (message: unknown) => handler(message as MetricEvent);
  channel.subscribe(listener);
  return () => channel.unsubscribe(listener);
}
