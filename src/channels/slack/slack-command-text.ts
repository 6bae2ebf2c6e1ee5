import type { IntentResult } from '../../core/turn-context.js';
import { COMMAND } from './slack-action-ids.js';

/** A word shaped like a sub-command ("reload-doc", "my-ticket"): not a question anyone types. */
const COMMAND_SHAPED = /^[a-z]+(?:-[a-z]+)+$/i;

/** What `/helpdesk <typed>` asks the bot: the text it reads, or the command help. */
export type SlashCommandText = { readonly text: string } | { readonly help: true };

/**
 * Slack passes only what follows `/helpdesk`, while the intents' command patterns read the whole
 * command ("/helpdesk stats"). The command is put back when only its whole form is a command
 * (a pattern's sure match the bare words don't get); other text is a question in the user's words.
 * A bare command, or a sub-command no pattern knows, asks for the command help.
 */
export function slashCommandText(typed: string, match: (text: string) => IntentResult): SlashCommandText {
  const words = typed.trim();
  if (!words) return { help: true };
  const whole = `${COMMAND} ${words}`;
  const asCommand = match(whole);
  const isCommand = asCommand.name !== 'none' && asCommand.confidence === 1;
  if (isCommand && match(words).name !== asCommand.name) return { text: whole };
  if (!isCommand && COMMAND_SHAPED.test(words)) return { help: true };
  return { text: words };
}
