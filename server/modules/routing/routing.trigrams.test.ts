import fc from 'fast-check';
import { franc } from 'franc-min';
import { describe, expect, it } from 'vitest';
import { trigramLanguage } from './routing.trigrams';

// franc-min itself is the oracle: the index must answer what franc answers, for any text.
const sentences = [
  'Hello, my parcel was supposed to arrive last week and nothing has come yet.',
  'Guten Tag, ich habe meine Rechnung zweimal bezahlt. Bitte erstatten Sie mir das Geld.',
  'Bonjour, ma commande est arrivée cassée, pouvez-vous me renvoyer un colis ?',
  'Hola, mi pedido llegó roto y necesito un reembolso lo antes posible.',
  'Olá, a minha encomenda ainda não chegou e o rastreamento não funciona.',
  'Ciao, il mio ordine è arrivato danneggiato, potete aiutarmi per favore?',
  'Hallo, mijn bestelling is nog steeds niet aangekomen, kunt u helpen?',
  'Здравствуйте, мой заказ до сих пор не доставлен, помогите пожалуйста.',
  'Доброго дня, моє замовлення досі не прийшло.',
  'مرحبا، لم يصل طلبي بعد وأحتاج إلى المساعدة.',
  'नमस्ते, मेरा ऑर्डर अभी तक नहीं आया है, कृपया मदद करें।',
  '您好，我的订单还没有到，请帮我查一下。',
  'こんにちは、注文した商品がまだ届いていません。',
  '안녕하세요, 주문한 상품이 아직 도착하지 않았습니다.',
  'Γεια σας, η παραγγελία μου δεν έχει φτάσει ακόμα.',
  'สวัสดีครับ สินค้าที่สั่งยังไม่ได้รับเลย',
  'Witam, moje zamówienie jeszcze nie dotarło, proszę o pomoc.',
  'Merhaba, siparişim hâlâ gelmedi, yardımcı olur musunuz?',
  'Hej, min beställning har inte kommit fram än.',
  'Dobrý den, moje objednávka stále nedorazila.',
];

const piece = fc.oneof(
  fc.constantFrom(...sentences),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.constantFrom(' ', '\n', '  \t', '12345', '!!!', 'ORDER SO-123', 'İstanbul', 'ß', '\u00a0'),
);
const text = fc.array(piece, { maxLength: 8 }).map((parts) => parts.join(' '));

describe('the trigram index answers what franc-min answers', () => {
  it('for every sample sentence, whole and cut short', () => {
    for (const s of sentences)
      for (const length of [5, 10, 19, 20, 30, 60, s.length])
        expect(trigramLanguage(s.slice(0, length), 20), s.slice(0, length)).toBe(
          franc(s.slice(0, length), { minLength: 20 }),
        );
  });

  it('for mixed, random and hostile text', () => {
    fc.assert(
      fc.property(text, fc.constantFrom(1, 10, 20), (value, minLength) => {
        expect(trigramLanguage(value, minLength)).toBe(franc(value, { minLength }));
      }),
      { numRuns: 3000 },
    );
  });

  it('for edge cases: empty, only digits and punctuation, one script-less character, long text', () => {
    for (const value of [
      '',
      '1234567890123456789012',
      '!!!!!!!!!!!!!!!!!!!!!!!',
      '\u0000'.repeat(30),
      'a'.repeat(3000),
      sentences.join(' ').repeat(10),
    ])
      expect(trigramLanguage(value, 20)).toBe(franc(value, { minLength: 20 }));
  });
});
