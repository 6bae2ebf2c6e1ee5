import type { CardReply, ListReply } from '../../../core/reply.js';
import type { Responses } from '../../../core/responses.js';
import type { LiveChat, TranscriptEntry } from '../../../skills/handoff/agent-desk.js';
import { renderTeamsActivities } from '../render-teams-activities.js';
import { utcMinute } from './desk-cards.js';

/** The newest messages the transcript shows at most. */
export const TRANSCRIPT_MAX_ENTRIES = 20;
/** An entry's text is cut after this many characters… */
export const TRANSCRIPT_ENTRY_CHARS = 300;
/** …or after this many lines (each line is a block of the card, with its own overhead). */
export const TRANSCRIPT_ENTRY_LINES = 6;
/**
 * The transcript message at most, as Teams counts a message (its JSON in UTF-16). Teams
 * refuses messages over about 28 KB for good (413), and refuses every retry the same; the
 * rest of the activity (ids, service URL, channel data) needs room too.
 */
export const TRANSCRIPT_MAX_BYTES = 20 * 1024;

/**
 * The conversation so far, for the agent who just claimed the chat: the newest messages,
 * each cut short, as many as fit well under what Teams takes in one message (the oldest
 * left out first); a last item says what is not shown and where the full conversation is.
 */
export function transcriptReply(
  entries: readonly TranscriptEntry[],
  chat: Pick<LiveChat, 'ticketNumber'>,
  t: Responses['t'],
): ListReply {
  const shortened = entries.slice(-TRANSCRIPT_MAX_ENTRIES).map(shorten);
  let shown = shortened;
  let reply = build(shown, entries.length - shown.length, chat, t);
  while (shown.length > 1 && messageBytes(reply) > TRANSCRIPT_MAX_BYTES) {
    shown = shown.slice(1);
    reply = build(shown, entries.length - shown.length, chat, t);
  }
  return reply;
}

interface ShortEntry {
  readonly entry: TranscriptEntry;
  readonly text: string;
  readonly cut: boolean;
}

function build(
  shown: readonly ShortEntry[],
  leftOut: number,
  chat: Pick<LiveChat, 'ticketNumber'>,
  t: Responses['t'],
): ListReply {
  const items: CardReply[] = shown.map(({ entry, text }) => ({
    type: 'card',
    title: entry.authorName,
    subtitle: utcMinute(entry.at),
    body: text,
    fields: [],
    actions: [],
  }));
  const notes = [
    ...(leftOut > 0 ? [t('teams.desk.transcript_left_out', { count: leftOut })] : []),
    ...(shown.some((s) => s.cut) ? [t('teams.desk.transcript_cut')] : []),
  ];
  if (notes.length > 0) {
    items.push({
      type: 'card',
      title: t('teams.desk.transcript_not_all'),
      body: [...notes, t('teams.desk.transcript_full', { ticket: chat.ticketNumber })].join(' '),
      fields: [],
      actions: [],
    });
  }
  return { type: 'list', title: t('teams.desk.transcript_title'), items, actions: [] };
}

/** The entry's first lines and characters, with "…" where it was cut (at a word when one is near). */
function shorten(entry: TranscriptEntry): ShortEntry {
  const lines = entry.text
    .split('\n')
    .map((line) => line.trimEnd())
    .filter((line) => line.trim() !== '');
  let text = lines.slice(0, TRANSCRIPT_ENTRY_LINES).join('\n');
  let cut = lines.length > TRANSCRIPT_ENTRY_LINES;
  // By code points, so a cut never splits an emoji's surrogate pair.
  const chars = Array.from(text);
  if (chars.length > TRANSCRIPT_ENTRY_CHARS) {
    const head = chars.slice(0, TRANSCRIPT_ENTRY_CHARS).join('');
    const space = head.search(/\s\S*$/);
    text = space > TRANSCRIPT_ENTRY_CHARS * 0.8 ? head.slice(0, space) : head;
    cut = true;
  }
  return { entry, text: cut ? `${text.trimEnd()}…` : text, cut };
}

/** The transcript's message as Teams counts its size (the JSON in UTF-16). */
function messageBytes(reply: ListReply): number {
  return Buffer.byteLength(JSON.stringify(renderTeamsActivities([reply])), 'utf16le');
}
