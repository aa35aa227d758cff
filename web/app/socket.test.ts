import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type LiveStatus, ReconnectingSocket } from './socket';

/** A WebSocket that the test opens, feeds and closes by hand. */
class FakeSocket extends EventTarget {
  static OPEN = 1;
  static opened: FakeSocket[] = [];
  readyState = 0;
  sent: string[] = [];
  constructor(readonly url: string) {
    super();
    FakeSocket.opened.push(this);
  }
  send(text: string) {
    this.sent.push(text);
  }
  close() {
    this.readyState = 3;
  }
  open() {
    this.readyState = 1;
    this.dispatchEvent(new Event('open'));
  }
  receive(data: unknown) {
    this.dispatchEvent(new MessageEvent('message', { data }));
  }
  drop(code: number) {
    this.readyState = 3;
    this.dispatchEvent(new CloseEvent('close', { code }));
  }
}

describe('the reconnecting socket', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    FakeSocket.opened = [];
    vi.stubGlobal('WebSocket', FakeSocket);
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  function start() {
    const events = {
      statuses: [] as LiveStatus[],
      messages: [] as unknown[],
      opens: 0,
      closes: [] as number[],
    };
    const socket = new ReconnectingSocket('/api/v1/portal/live', {
      open: () => {
        events.opens += 1;
      },
      message: (message) => events.messages.push(message),
      close: (code) => events.closes.push(code),
      status: (status) => events.statuses.push(status),
    });
    socket.start();
    return { socket, events };
  }

  it('opens on this site, passes on JSON messages with a type and drops the rest', () => {
    const { events } = start();
    const ws = FakeSocket.opened[0]!;
    expect(ws.url).toBe(`ws://${window.location.host}/api/v1/portal/live`);
    ws.open();
    ws.receive(JSON.stringify({ type: 'request.changed', ticketId: 4 }));
    ws.receive('not json');
    ws.receive(JSON.stringify([1, 2]));
    ws.receive(JSON.stringify({ ticketId: 4 }));
    expect(events.messages).toEqual([{ type: 'request.changed', ticketId: 4 }]);
    expect(events.statuses).toEqual(['connecting', 'open']);
  });

  it('connects again with a growing wait after the server goes away, until stopped', () => {
    const { socket, events } = start();
    FakeSocket.opened[0]!.open();
    FakeSocket.opened[0]!.drop(1006);
    expect(events.closes).toEqual([1006]);
    expect(events.statuses.at(-1)).toBe('closed');
    vi.advanceTimersByTime(1500);
    expect(FakeSocket.opened).toHaveLength(2);
    FakeSocket.opened[1]!.drop(1006);
    vi.advanceTimersByTime(1400);
    expect(FakeSocket.opened).toHaveLength(2);
    vi.advanceTimersByTime(1700);
    expect(FakeSocket.opened).toHaveLength(3);
    FakeSocket.opened[2]!.open();
    expect(events.opens).toBe(2);
    socket.stop();
    FakeSocket.opened[2]!.drop(1000);
    vi.advanceTimersByTime(60_000);
    expect(FakeSocket.opened).toHaveLength(3);
  });
});
