import { describe, expect, it } from 'vitest';
import { describeApi } from '../../../test/helpers/app';
import { inlinePictures } from './outbound';

describeApi('mail from the support address', (t) => {
  it('carries nothing a contact form sender typed as a link, image or markup', async () => {
    const name = 'Ana [Claim your refund](http://evil.example) www.evil.example';
    const subject = '![logo](http://evil.example/p.png) <a href="http://evil.example">Win</a> **now**';
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/public/contact',
      payload: { name, email: 'victim@site.example', subject, message: 'See <http://evil.example>' },
    });
    expect(res.statusCode, res.body).toBe(202);
    const ack = await t.handle.db
      .selectFrom('mail_outbox')
      .selectAll()
      .where('kind', '=', 'ticket_received')
      .executeTakeFirstOrThrow();
    expect(ack.to_address).toBe('victim@site.example');
    const html = ack.html_body ?? '';
    expect(html).not.toMatch(/<img|<a [^>]*evil|<strong>now|www\.evil|http:\/\/evil/);
    expect(html).toContain('&lt;a href=&quot;http:&#8203;//evil.&#8203;example&quot;&gt;Win&lt;/a&gt;');
    expect(ack.text_body).toContain(name);
    expect(ack.text_body).toContain(subject);
  });
});

describe('pictures in a reply', () => {
  it('point at the file the mail carries, and only files it carries', () => {
    const html =
      '<p>See <img src="/api/v1/attachments/31" alt="screen.png" /> and <img src="/api/v1/attachments/7" /></p>';
    expect(inlinePictures(html, [31])).toBe(
      '<p>See <img src="cid:attachment-31@steward" alt="screen.png" /> and <img src="/api/v1/attachments/7" /></p>',
    );
    expect(inlinePictures(html, [])).toBe(html);
  });
});
