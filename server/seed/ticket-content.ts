/** Realistic ticket content for demo data and benchmarks. */
export interface Topic {
  category: [string, string];
  type: 'question' | 'complaint' | 'incident' | 'task';
  subjects: string[];
  openers: string[];
  replies: string[];
}

export const topics: Topic[] = [
  {
    category: ['Orders', 'Delivery'],
    type: 'complaint',
    subjects: [
      'Order has not arrived',
      'Parcel marked delivered but not here',
      'Delivery is a week late',
      'Wrong address on my order',
    ],
    openers: [
      'I ordered on the {day} and the tracking has not moved for five days. Can you tell me where my parcel is?',
      'The courier says the parcel was delivered but nothing is at my door or with my neighbours.',
      'My order {order} was promised for Tuesday. It is now the following week and I still have nothing.',
    ],
    replies: [
      'I am sorry about the wait. I have asked the courier to trace order {order} and will update you within 24 hours.',
      'Thank you for your patience. The parcel was held at the depot; it is back on the van for tomorrow.',
      'I have sent a replacement by express delivery at no cost. You should have it in two working days.',
    ],
  },
  {
    category: ['Orders', 'Returns'],
    type: 'question',
    subjects: [
      'How do I return an item?',
      'Return label not working',
      'Refund after return still missing',
      'Exchange for a different size',
    ],
    openers: [
      'The jacket is too small. How can I exchange it for a larger size?',
      'I printed the return label but the post office says the barcode is invalid.',
      'I sent my return back two weeks ago and have not had my refund yet.',
    ],
    replies: [
      'You can start an exchange from your account page; I have also emailed you a new label.',
      'The return reached our warehouse yesterday, and the refund will show on your card in 3–5 days.',
      'I have generated a fresh label for you; please use the attached one instead.',
    ],
  },
  {
    category: ['Billing', 'Refunds'],
    type: 'complaint',
    subjects: [
      'Charged twice for one order',
      'Refund amount is wrong',
      'Unexpected charge on my card',
      'Cancelled but still billed',
    ],
    openers: [
      'My card was charged twice for order {order}. Please refund the duplicate payment.',
      'I was refunded 20 euros less than I paid. Why?',
      'I cancelled my subscription last month but was charged again this morning.',
    ],
    replies: [
      'You are right: the second charge was a duplicate. I have refunded it in full today.',
      'The difference was the delivery fee, which I have now refunded as a goodwill gesture.',
      'I have cancelled the renewal and refunded this month. I am sorry for the trouble.',
    ],
  },
  {
    category: ['Billing', 'Invoices'],
    type: 'task',
    subjects: ['Need a VAT invoice', 'Invoice shows the wrong company name', 'Copy of last year’s invoices'],
    openers: [
      'Could you send me a VAT invoice for order {order}? Our accounts team needs it.',
      'The invoice shows my old company name. Can you reissue it?',
    ],
    replies: [
      'Attached is the corrected invoice.',
      'I have reissued the invoice with your new company details.',
    ],
  },
  {
    category: ['Technical', 'App'],
    type: 'incident',
    subjects: [
      'App crashes on start',
      'Cannot sync my data',
      'Error 500 when saving',
      'Notifications stopped working',
    ],
    openers: [
      'Since the last update the app closes as soon as I open it. I am on Android 14.',
      'Saving my profile gives "Error 500" every time.',
      'My devices have not synced since yesterday.',
    ],
    replies: [
      'Thank you for the details. Our engineers found the cause and a fix is rolling out today.',
      'Could you try signing out and in again? That refreshes the sync token.',
      'This was a known incident that is now resolved. Please let me know if it happens again.',
    ],
  },
  {
    category: ['Account', 'Login'],
    type: 'question',
    subjects: [
      'Cannot log in',
      'Password reset email never arrives',
      'Locked out of my account',
      'Change the email on my account',
    ],
    openers: [
      'I have tried to reset my password three times but the email never arrives.',
      'My account says it is locked. I only tried twice!',
      'I want to change the email address on my account to my new work address.',
    ],
    replies: [
      'I have unlocked your account. You can sign in again now.',
      'The reset emails were landing in spam; I have sent a new one directly.',
      'Done: your account now uses the new address.',
    ],
  },
];

export const followUps = [
  'Thanks, but it still has not arrived.',
  'That worked, thank you!',
  'I tried that and it did not help.',
  'Any news on this?',
  'Great, thanks for the quick help.',
];

export const notes = [
  'Checked with the warehouse: parcel left on the 3rd.',
  'Customer has had two similar issues this quarter.',
  'Refund approved under goodwill policy.',
  'Escalating to Technical if this happens again.',
];

export function fill(template: string, values: { order: string; day: string }): string {
  return template.replace('{order}', values.order).replace('{day}', values.day);
}
