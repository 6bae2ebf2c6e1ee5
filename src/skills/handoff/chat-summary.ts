import type { HandoffMessage } from '../../store/handoff-messages.js';

type Line = HandoffMessage & { intent: string | null };

function oneLine(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/**
 * A few lines telling the agent what the bot already tried: each of the user's
 * latest questions with what the bot answered (and which intent it matched).
 */
export function summariseBotAttempts(
  lines: readonly Line[],
  labels: { noAnswer: string; nothingTried: string },
  maxPairs = 5,
): string {
  const pairs: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const asked = lines[i]!;
    if (asked.direction !== 'in' || asked.text.trim() === '') continue;
    const answer = lines.slice(i + 1).find((l) => l.direction === 'out' || l.direction === 'in');
    const bot = answer && answer.direction === 'out' ? oneLine(answer.text, 90) : labels.noAnswer;
    const intent = asked.intent && asked.intent !== 'none' ? ` [${asked.intent}]` : '';
    pairs.push(`• “${oneLine(asked.text, 80)}”${intent} → ${bot}`);
  }
  return pairs.length > 0 ? pairs.slice(-maxPairs).join('\n') : labels.nothingTried;
}

/** The conversation as plain lines for a ticket description ("Name: text"). */
export function conversationExcerpt(
  lines: readonly HandoffMessage[],
  names: { user: string; bot: string },
  maxLines = 12,
): string {
  return lines
    .filter((l) => l.text.trim() !== '')
    .slice(-maxLines)
    .map((l) => `${l.direction === 'in' ? names.user : names.bot}: ${oneLine(l.text, 300)}`)
    .join('\n');
}
