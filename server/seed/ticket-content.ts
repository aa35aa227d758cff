/**
 * Realistic ticket content for demo data and benchmarks. Each case keeps its subject with the
 * messages that fit it: the customer's first message says what the subject says, and the
 * agent's answer answers that.
 */
export interface TicketCase {
  subject: string;
  openers: string[];
  replies: string[];
}

export interface Topic {
  category: [string, string];
  type: 'question' | 'complaint' | 'incident' | 'task';
  cases: TicketCase[];
  /** Internal notes an agent might leave on this kind of ticket. */
  notes: string[];
}

export const topics: Topic[] = [
  {
    category: ['Orders', 'Delivery'],
    type: 'complaint',
    cases: [
      {
        subject: 'Order has not arrived',
        openers: [
          'I ordered on the {day} and the tracking has not moved for five days. Can you tell me where my parcel is?',
          'My order {order} still has not arrived and the tracking page shows no update since it left your warehouse.',
        ],
        replies: [
          'I am sorry about the wait. I have asked the courier to trace order {order} and will update you within 24 hours.',
          'Thank you for your patience. The parcel was held at the depot; it is back on the van for tomorrow.',
        ],
      },
      {
        subject: 'Parcel marked delivered but not here',
        openers: [
          'The courier says the parcel was delivered but nothing is at my door or with my neighbours.',
          'Tracking for order {order} says "delivered" since the {day}, but I never received anything.',
        ],
        replies: [
          'I have opened a claim with the courier for order {order} and sent a replacement by express delivery at no cost.',
          'The courier’s photo shows a different front door, so I have sent a replacement; you should have it in two working days.',
        ],
      },
      {
        subject: 'Delivery is a week late',
        openers: [
          'My order {order} was promised for Tuesday. It is now the following week and I still have nothing.',
        ],
        replies: [
          'I am sorry: order {order} was delayed by a stock shortage. It left today and I have refunded the delivery fee.',
        ],
      },
      {
        subject: 'Wrong address on my order',
        openers: [
          'I just noticed order {order} is going to my old address. Can you change it before it ships?',
        ],
        replies: [
          'Caught it in time: order {order} now goes to your new address, and the confirmation is on its way.',
          'The parcel had already left, so I have asked the courier to redirect it to your new address.',
        ],
      },
    ],
    notes: [
      'Checked with the warehouse: the parcel left on the {day}.',
      'Courier claim opened; reference in the order history.',
    ],
  },
  {
    category: ['Orders', 'Returns'],
    type: 'question',
    cases: [
      {
        subject: 'How do I return an item?',
        openers: [
          'I would like to return the shoes from order {order}. How do I do that?',
          'What is the easiest way to send back an item I do not need?',
        ],
        replies: [
          'You can start a return from your account page under Orders; I have also emailed you a prepaid label.',
        ],
      },
      {
        subject: 'Return label not working',
        openers: ['I printed the return label but the post office says the barcode is invalid.'],
        replies: [
          'I am sorry about that: the first label expired. I have emailed you a fresh one that is valid for 14 days.',
        ],
      },
      {
        subject: 'Refund after return still missing',
        openers: [
          'I sent my return back two weeks ago and have not had my refund yet.',
          'You received my return of order {order} on the {day}, but the refund has not reached my card.',
        ],
        replies: [
          'The return reached our warehouse and the refund was released today; it will show on your card in 3–5 days.',
        ],
      },
      {
        subject: 'Exchange for a different size',
        openers: ['The jacket is too small. How can I exchange it for a larger size?'],
        replies: [
          'I have reserved the larger size for you and emailed an exchange label; we send it as soon as the jacket is on its way back.',
        ],
      },
    ],
    notes: ['Item is in stock in the warehouse; exchange reserved.', 'Refund released by finance today.'],
  },
  {
    category: ['Billing', 'Refunds'],
    type: 'complaint',
    cases: [
      {
        subject: 'Charged twice for one order',
        openers: ['My card was charged twice for order {order}. Please refund the duplicate payment.'],
        replies: ['You are right: the second charge was a duplicate. I have refunded it in full today.'],
      },
      {
        subject: 'Refund amount is wrong',
        openers: ['I was refunded 20 euros less than I paid for order {order}. Why?'],
        replies: ['The difference was the delivery fee, which I have now refunded as a goodwill gesture.'],
      },
      {
        subject: 'Unexpected charge on my card',
        openers: [
          'There is a charge from you on my card this morning and I have not ordered anything. What is it?',
        ],
        replies: [
          'That charge was the yearly renewal of your plan. If you did not mean to renew, I can cancel and refund it.',
        ],
      },
      {
        subject: 'Cancelled but still billed',
        openers: ['I cancelled my subscription last month but was charged again this morning.'],
        replies: ['I have cancelled the renewal and refunded this month. I am sorry for the trouble.'],
      },
    ],
    notes: [
      'Refund approved under the goodwill policy.',
      'Customer has had two billing issues this quarter.',
    ],
  },
  {
    category: ['Billing', 'Invoices'],
    type: 'task',
    cases: [
      {
        subject: 'Need a VAT invoice',
        openers: ['Could you send me a VAT invoice for order {order}? Our accounts team needs it.'],
        replies: ['I have sent the VAT invoice for order {order} to your email address.'],
      },
      {
        subject: 'Invoice shows the wrong company name',
        openers: ['The invoice for order {order} shows my old company name. Can you reissue it?'],
        replies: ['I have reissued the invoice with your new company details and emailed it to you.'],
      },
      {
        subject: 'Copy of last year’s invoices',
        openers: ['For our audit I need copies of all invoices from last year. Can you send them?'],
        replies: ['I have put last year’s invoices together in one file and emailed it to you.'],
      },
    ],
    notes: ['Company details updated in the billing system.'],
  },
  {
    category: ['Technical', 'App'],
    type: 'incident',
    cases: [
      {
        subject: 'App crashes on start',
        openers: ['Since the last update the app closes as soon as I open it. I am on Android 14.'],
        replies: [
          'Thank you for the details. Our engineers found the cause and a fixed version is rolling out today.',
        ],
      },
      {
        subject: 'Cannot sync my data',
        openers: ['My devices have not synced since yesterday.'],
        replies: ['Could you try signing out and in again? That refreshes the sync token.'],
      },
      {
        subject: 'Error 500 when saving',
        openers: ['Saving my profile gives "Error 500" every time.'],
        replies: ['This was a known incident that is now resolved. Please let me know if it happens again.'],
      },
      {
        subject: 'Notifications stopped working',
        openers: ['I no longer get any notifications from the app, although they are switched on.'],
        replies: [
          'The last update reset notification permissions on some phones; switching them off and on again in your phone’s settings brings them back.',
        ],
      },
    ],
    notes: [
      'Same crash reported by three customers today; engineering is on it.',
      'Logs attached to the engineering ticket.',
    ],
  },
  {
    category: ['Account', 'Login'],
    type: 'question',
    cases: [
      {
        subject: 'Cannot log in',
        openers: ['I cannot log in any more: it says my password is wrong, but I have not changed it.'],
        replies: ['I have sent you a link to set a new password; it works for one hour.'],
      },
      {
        subject: 'Password reset email never arrives',
        openers: ['I have tried to reset my password three times but the email never arrives.'],
        replies: ['The reset emails were landing in spam; I have sent a new one directly.'],
      },
      {
        subject: 'Locked out of my account',
        openers: ['My account says it is locked. I only tried twice!'],
        replies: ['I have unlocked your account. You can sign in again now.'],
      },
      {
        subject: 'Change the email on my account',
        openers: ['I want to change the email address on my account to my new work address.'],
        replies: ['Done: your account now uses the new address.'],
      },
    ],
    notes: ['Identity checked by phone before changing the account.'],
  },
];

/** What a customer writes back when the answer helped. */
export const thanks = ['That worked, thank you!', 'Great, thanks for the quick help.', 'Perfect, thank you.'];

/** What a customer writes back while the matter is still open. */
export const stillOpen = [
  'Any news on this?',
  'I tried that and it did not help.',
  'Thanks. How long will it take?',
];

/** Both kinds of follow-up, for benchmarks that only need text. */
export const followUps = [...thanks, ...stillOpen];

export function fill(template: string, values: { order: string; day: string }): string {
  return template.replace('{order}', values.order).replace('{day}', values.day);
}

/** A subject's case within its topic (demo data checks bodies against it). */
export function caseOf(subject: string): { topic: Topic; case: TicketCase } | undefined {
  for (const topic of topics) {
    const found = topic.cases.find((c) => c.subject === subject);
    if (found) return { topic, case: found };
  }
  return undefined;
}
