import { describe, expect, it } from 'vitest';
import { CONTROL_CHARACTER, ESCAPE_SEQUENCE } from '../../src/text/control-characters.js';

const clean = (text: string) => text.replace(ESCAPE_SEQUENCE, '').replace(CONTROL_CHARACTER, '');

describe('control characters', () => {
  it('drops a window-title sequence whole, ended by BEL or by ESC \\', () => {
    expect(clean('before\u001b]0;pwned\u0007after')).toBe('beforeafter');
    expect(clean('before\u001b]2;title\u001b\\after')).toBe('beforeafter');
  });

  it('drops device-control and application strings, and one left open at the end', () => {
    expect(clean('a\u001bPq#0;2;0;0;0\u001b\\b')).toBe('ab');
    expect(clean('a\u001b_hidden\u0007b')).toBe('ab');
    expect(clean('note\u001b]0;never ended')).toBe('note');
  });

  it('drops colours and cursor keys and keeps the words', () => {
    expect(clean('\u001b[1;31mred\u001b[0m \u001b[Aup \u001bMx')).toBe('red up x');
  });

  it('keeps ordinary text with brackets, tabs and line breaks', () => {
    expect(clean('see ] and [ and ^_^\tok\nnext')).toBe('see ] and [ and ^_^\tok\nnext');
  });
});
