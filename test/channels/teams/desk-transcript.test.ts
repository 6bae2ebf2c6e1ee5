import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  TRANSCRIPT_ENTRY_CHARS,
  TRANSCRIPT_MAX_BYTES,
  transcriptReply,
} from '../../../src/channels/teams/agents/desk-transcript.js';
import { renderTeamsActivities } from '../../../src/channels/teams/render-teams-activities.js';
import type { ListReply } from '../../../src/core/reply.js';
import { loadResponses, type Responses } from '../../../src/core/responses.js';
import type { TranscriptEntry } from '../../../src/skills/handoff/agent-desk.js';

const chat = { ticketNumber: '#1042' };

function entries(texts: readonly string[]): TranscriptEntry[] {
  return texts.map((text, i) => ({
    id: i + 1,
    author: i % 2 === 0 ? 'user' : 'bot',
    authorName: i % 2 === 0 ? 'Alice Brand' : 'Help desk',
    text,
    at: new Date(Date.UTC(2026, 4, 4, 9, i)),
  }));
}

/** The transcript's message as Teams counts it (its JSON in UTF-16). */
const bytes = (reply: ListReply) =>
  Buffer.byteLength(JSON.stringify(renderTeamsActivities([reply])), 'utf16le');

describe('the transcript shown to the agent who claims a chat in Teams', () => {
  let t: Responses['t'];
  beforeAll(async () => {
    t = (await loadResponses(resolve('content/responses'))).t;
  });

  it('shows a short chat whole, without a note', () => {
    const reply = transcriptReply(entries(['my payout is late', 'Let me get a person.']), chat, t);
    expect(reply.title).toBe('The conversation so far');
    expect(reply.items.map((i) => [i.title, i.subtitle, i.body])).toEqual([
      ['Alice Brand', '2026-05-04 09:00 UTC', 'my payout is late'],
      ['Help desk', '2026-05-04 09:01 UTC', 'Let me get a person.'],
    ]);
  });

  it('cuts a long message at a word with "…" and says where the full text is', () => {
    const long = `${'the pixel fires twice '.repeat(40)}END`;
    const reply = transcriptReply(entries([long]), chat, t);
    const [entry, note] = reply.items;
    expect(entry!.body!.length).toBeLessThanOrEqual(TRANSCRIPT_ENTRY_CHARS + 1);
    expect(entry!.body).toMatch(/^the pixel fires twice .* (the|pixel|fires|twice)…$/);
    expect(note!.body).toBe(
      'Long messages are cut short (…). The full conversation is in the agent console, and goes on ticket #1042 when the chat closes.',
    );
  });

  it('keeps the first lines of a message of many short lines', () => {
    const reply = transcriptReply(
      entries([Array.from({ length: 40 }, (_, i) => `line ${i}`).join('\n')]),
      chat,
      t,
    );
    expect(reply.items[0]!.body).toBe('line 0\nline 1\nline 2\nline 3\nline 4\nline 5…');
  });

  it('never splits an emoji where it cuts', () => {
    const reply = transcriptReply(entries(['🙂'.repeat(400)]), chat, t);
    expect(reply.items[0]!.body).toBe(`${'🙂'.repeat(TRANSCRIPT_ENTRY_CHARS)}…`);
  });

  it('shows the newest 20 messages of a long chat and counts the others', () => {
    const reply = transcriptReply(entries(Array.from({ length: 30 }, (_, i) => `message ${i}`)), chat, t);
    expect(reply.items.slice(0, -1).map((i) => i.body)).toEqual(
      Array.from({ length: 20 }, (_, i) => `message ${i + 10}`),
    );
    expect(reply.items.at(-1)!.body).toMatch(/^Earlier messages left out: 10\. The full conversation/);
  });

  it('leaves out the oldest messages until the message is well under what Teams takes', () => {
    // Long lines of characters that take the most room: three bytes each in UTF-8, quotes escaped in JSON.
    const heavy = Array.from({ length: 20 }, (_, i) => `${i}: ${'"言\\'.repeat(200)}`);
    const reply = transcriptReply(entries(heavy), chat, t);
    expect(bytes(reply)).toBeLessThanOrEqual(TRANSCRIPT_MAX_BYTES);
    expect(Buffer.byteLength(JSON.stringify(renderTeamsActivities([reply])), 'utf8')).toBeLessThan(28 * 1024);
    const shown = reply.items.slice(0, -1);
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.length).toBeLessThan(20);
    expect(shown.at(-1)!.body).toMatch(/^19: /);
    expect(reply.items.at(-1)!.body).toMatch(
      new RegExp(`^Earlier messages left out: ${20 - shown.length}\\. Long messages are cut short`),
    );
  });
});
