import { describe, expect, it } from 'vitest';
import { compactNameKey, partnerNameKey } from '../../src/store/partner-name-key.js';

describe('partner name key', () => {
  it('folds case, accents, "&" and punctuation of Latin names as before', () => {
    expect(partnerNameKey('Müller & Söhne')).toBe('muller and sohne');
    expect(partnerNameKey("O'Neil's Café")).toBe('oneils cafe');
    expect(compactNameKey('Coupon-Cave')).toBe('couponcave');
    expect(compactNameKey('ＣｏｕｐｏｎＣａｖｅ')).toBe('couponcave');
  });

  it('gives a name in any script a key of its own (it was empty, so every such name was the same)', () => {
    expect(compactNameKey('大阪ストア')).toBe('大阪ストア');
    expect(compactNameKey('東京ショップ')).not.toBe(compactNameKey('大阪ストア'));
    expect(partnerNameKey('Берёзка Шоп')).toBe('березка шоп');
    expect(partnerNameKey('Ромашка  Маркет!')).toBe('ромашка маркет');
    expect(partnerNameKey('ΑΘΗΝΑ Καφέ')).toBe('αθηνα καφε');
  });

  it('keeps the marks that tell two names of other scripts apart', () => {
    expect(compactNameKey('バナナ')).not.toBe(compactNameKey('ハナナ'));
    expect(compactNameKey('नमस्ते दुकान')).toBe('नमस्तेदुकान');
  });
});
