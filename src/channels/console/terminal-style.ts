import type { TerminalStyle } from './render-terminal.js';

/**
 * Bold only on a terminal: never into a pipe or a file (`npm run chat > chat.log`), nor with
 * NO_COLOR set to anything (https://no-color.org) or on a terminal that takes no escapes (TERM=dumb).
 */
export function terminalStyle(output: { readonly isTTY?: boolean }, env: NodeJS.ProcessEnv): TerminalStyle {
  return { bold: output.isTTY === true && !env.NO_COLOR && env.TERM !== 'dumb' };
}
