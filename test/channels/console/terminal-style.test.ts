import { describe, expect, it } from 'vitest';
import { terminalStyle } from '../../../src/channels/console/terminal-style.js';

describe('terminalStyle', () => {
  it('is bold only on a terminal without NO_COLOR', () => {
    expect(terminalStyle({ isTTY: true }, {})).toEqual({ bold: true });
    expect(terminalStyle({ isTTY: false }, {})).toEqual({ bold: false });
    expect(terminalStyle({}, {})).toEqual({ bold: false });
    expect(terminalStyle({ isTTY: true }, { NO_COLOR: '1' })).toEqual({ bold: false });
    expect(terminalStyle({ isTTY: true }, { TERM: 'dumb' })).toEqual({ bold: false });
  });
});
