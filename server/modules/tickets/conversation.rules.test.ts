import { describe, expect, it } from 'vitest';
import {
  afterAnswer,
  afterCustomerMessage,
  conversationStamps,
  type StampedMessage,
} from './conversation.rules';

const at = (minute: number) => new Date(Date.UTC(2026, 0, 5, 9, minute)).toISOString();
const m = (kind: StampedMessage['kind'], minute: number, automatic = false): StampedMessage => ({
  kind,
  createdAt: at(minute),
  automatic,
});

describe('the times kept from a conversation', () => {
  it('an answered conversation: first reply after the customer wrote, nobody waiting', () => {
    expect(
      conversationStamps([m('customer', 0), m('note', 5), m('reply', 10), m('customer', 20), m('call', 30)]),
    ).toEqual({
      message_count: 5,
      last_message_at: at(30),
      first_reply_at: at(10),
      last_customer_message_at: at(20),
      waiting_since: null,
    });
  });

  it('waiting since the oldest message after the last answer, in time order whatever the order given', () => {
    expect(
      conversationStamps([m('customer', 40), m('customer', 0), m('reply', 10), m('customer', 25)]),
    ).toMatchObject({
      first_reply_at: at(10),
      last_customer_message_at: at(40),
      waiting_since: at(25),
      last_message_at: at(40),
    });
  });

  it('an agent who wrote first has not replied to anyone; automatic mail is not the customer writing', () => {
    expect(conversationStamps([m('contact', 0), m('customer', 3, true), m('reply', 5)])).toMatchObject({
      first_reply_at: null,
      last_customer_message_at: null,
      waiting_since: null,
    });
    expect(conversationStamps([m('visit', 0), m('customer', 8), m('visit', 9)])).toMatchObject({
      first_reply_at: at(9),
      waiting_since: null,
    });
  });

  it('as messages arrive: a customer message starts the wait once; the first answer ends it and is timed', () => {
    expect(afterCustomerMessage({ waitingSince: null }, at(1), false)).toEqual({
      last_customer_message_at: at(1),
      waiting_since: at(1),
    });
    expect(afterCustomerMessage({ waitingSince: at(0) }, at(1), false)).toMatchObject({
      waiting_since: at(0),
    });
    expect(afterCustomerMessage({ waitingSince: null }, at(1), true)).toEqual({});
    const ticket = {
      firstReplyAt: null,
      lastCustomerMessageAt: at(2),
      waitingSince: at(2),
      createdAt: at(0),
    };
    expect(afterAnswer(ticket, at(12))).toEqual({
      changes: { waiting_since: null, first_reply_at: at(12) },
      events: [{ type: 'first_reply', to: 600 }],
    });
    expect(afterAnswer({ ...ticket, firstReplyAt: at(1) }, at(12))).toEqual({
      changes: { waiting_since: null },
      events: [],
    });
    expect(
      afterAnswer({ ...ticket, lastCustomerMessageAt: null, waitingSince: null }, at(12)).changes,
    ).toEqual({
      waiting_since: null,
    });
  });
});
