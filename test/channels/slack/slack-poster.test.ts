import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { createSlackPoster } from '../../../src/channels/slack/slack-poster.js';
import { createSlackTurns } from '../../../src/channels/slack/slack-turns.js';
import type { Bot, TurnResult } from '../../../src/core/bot.js';
import type { Notifier } from '../../../src/core/notifier.js';
import type { Reply } from '../../../src/core/reply.js';

const texts = { openForm: 'Open form', close: 'Cancel' };

/** A Web API client whose chat.postMessage fails from the `failFrom`-th call on. */
function slackClient(failFrom: number) {
  const posted: Array<{ text: string; blocks: unknown[] }> = [];
  let calls = 0;
  const client = {
    chat: {
      postMessage: async (args: { text: string; blocks: unknown[] }) => {
        calls++;
        if (calls >= failFrom)
          throw Object.assign(new Error('An API error occurred: fatal_error'), {
            data: { ok: false, error: 'fatal_error' },
          });
        posted.push(args);
        return { ok: true, ts: `1.${calls}` };
      },
    },
  };
  return { client, posted };
}

describe('Slack replies that do not all go out', () => {
  it('queues only the replies of the batches Slack did not take', async () => {
    const { client, posted } = slackClient(2);
    const queued: Reply[][] = [];
    const notifier: Notifier = {
      send: async (_conversation, replies) => {
        queued.push([...replies]);
      },
    };
    const poster = createSlackPoster({
      client: client as never,
      texts,
      dms: { of: async () => 'D1' },
    });
    const turns = createSlackTurns({
      bot: () => ({}) as Bot,
      client: client as never,
      poster,
      notifier,
      texts,
      unavailableText: () => 'unavailable',
      logger: pino({ level: 'silent' }),
    });
    const replies: Reply[] = Array.from({ length: 70 }, (_, i) => ({
      type: 'card',
      title: `line ${i}`,
      fields: [],
      actions: [],
    }));
    const result = { conversationId: 'conv-1', replies, user: { id: 'usr-1' } } as unknown as TurnResult;
    await turns.deliver(result, { ref: { team: 'T1', channel: 'D1' } });

    expect(posted).toHaveLength(1);
    const sent = posted[0]!.blocks.length;
    expect(sent).toBeGreaterThan(0);
    expect(queued).toHaveLength(1);
    // What went out is not queued again; nothing is left out either.
    const queuedTexts = queued[0]!.map((r) => (r as { title: string }).title);
    expect(queuedTexts[0]).not.toBe('line 0');
    expect(queuedTexts.at(-1)).toBe('line 69');
    expect(queuedTexts.length).toBeLessThan(70);
    expect(JSON.stringify(posted[0]!.blocks)).not.toContain(`"${queuedTexts[0]}`);
    expect(JSON.stringify(posted[0]!.blocks)).toContain(`line ${69 - queuedTexts.length}`);
  });
});

describe('Slack replies longer than one message', () => {
  it('posts a list too long for 50 blocks as several messages, every item once, its buttons with the last', async () => {
    const { client, posted } = slackClient(Number.POSITIVE_INFINITY);
    const poster = createSlackPoster({ client: client as never, texts, dms: { of: async () => 'D1' } });
    const items = Array.from({ length: 30 }, (_, i) => ({
      type: 'card' as const,
      title: `ticket ${i}`,
      subtitle: 'Open',
      fields: [],
      actions: [{ label: `Show ${i}`, value: { ticket: i } }],
    }));
    await poster.post({ team: 'T1', channel: 'D1' }, [
      { type: 'list', title: 'Your tickets', items, actions: [{ label: 'More', value: { page: 2 } }] },
    ]);

    expect(posted.length).toBeGreaterThan(1);
    for (const message of posted) expect(message.blocks.length).toBeLessThanOrEqual(50);
    const shown = posted.flatMap((m) => JSON.stringify(m.blocks).match(/ticket \d+/g) ?? []);
    expect(shown).toEqual(items.map((i) => i.title));
    expect(posted.some((m) => JSON.stringify(m.blocks).includes('…'))).toBe(false);
    const more = posted.map((m) => JSON.stringify(m.blocks).includes('"More"'));
    expect(more).toEqual(posted.map((_, i) => i === posted.length - 1));
  });
});
