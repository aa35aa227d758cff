export type LiveStatus = 'connecting' | 'open' | 'closed';

export interface SocketHandlers {
  open(): void;
  /** A text frame parsed as JSON; frames that are not JSON objects with a `type` are dropped. */
  message(message: { type: string } & Record<string, unknown>): void;
  close(code: number): void;
  status(status: LiveStatus): void;
}

/**
 * A WebSocket to a path of this site that reconnects with backoff (from one second, doubling,
 * up to 30 seconds, jittered) until stopped. The live channels of the staff app and the portal
 * both ride on it.
 */
export class ReconnectingSocket {
  private socket: WebSocket | null = null;
  private stopped = true;
  private attempts = 0;
  private retryTimer: number | undefined;

  constructor(
    private readonly path: string,
    private readonly handlers: SocketHandlers,
  ) {}

  start(): void {
    this.stopped = false;
    this.connect();
  }

  stop(): void {
    this.stopped = true;
    window.clearTimeout(this.retryTimer);
    this.socket?.close();
    this.socket = null;
  }

  send(message: unknown): void {
    if (this.socket?.readyState === WebSocket.OPEN) this.socket.send(JSON.stringify(message));
  }

  private connect(): void {
    if (this.stopped) return;
    this.handlers.status('connecting');
    const protocol = window.location.protocol === 'https:' ? 'wss' : 'ws';
    let socket: WebSocket;
    try {
      socket = new WebSocket(`${protocol}://${window.location.host}${this.path}`);
    } catch {
      this.scheduleRetry();
      return;
    }
    this.socket = socket;
    socket.addEventListener('open', () => {
      this.attempts = 0;
      this.handlers.status('open');
      this.handlers.open();
    });
    socket.addEventListener('message', (event) => {
      const message = parse(event.data);
      if (message) this.handlers.message(message);
    });
    socket.addEventListener('close', (event) => {
      if (this.socket !== socket) return;
      this.socket = null;
      this.handlers.close(event.code);
      this.handlers.status('closed');
      this.scheduleRetry();
    });
  }

  private scheduleRetry(): void {
    if (this.stopped) return;
    this.attempts += 1;
    const delay = Math.min(30_000, 1000 * 2 ** Math.min(this.attempts - 1, 5)) * (0.75 + Math.random() * 0.5);
    window.clearTimeout(this.retryTimer);
    this.retryTimer = window.setTimeout(() => this.connect(), delay);
  }
}

function parse(data: unknown): ({ type: string } & Record<string, unknown>) | null {
  if (typeof data !== 'string') return null;
  let value: unknown;
  try {
    value = JSON.parse(data);
  } catch {
    return null;
  }
  return typeof value === 'object' && value !== null && 'type' in value && typeof value.type === 'string'
    ? (value as { type: string } & Record<string, unknown>)
    : null;
}
