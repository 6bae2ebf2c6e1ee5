import { resolve } from 'node:path';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import type { AppServices } from '../../../src/app-module.js';
import { createDeskBoard, relayKey } from '../../../src/channels/slack/slack-desk-board.js';
import type { SlackAgentDeskDeps } from '../../../src/channels/slack/slack-desk-deps.js';
import type { OnceMarks } from '../../../src/channels/slack/slack-once.js';
import { loadResponses } from '../../../src/core/responses.js';
import type { DeskEvent, LiveChat } from '../../../src/skills/handoff/agent-desk.js';
import type { OutboundItem, Outbox } from '../../../src/store/outbox.js';

/** The outbox every instance shares, in memory: items are leased once and marked sent. */
function sharedOutbox(): Outbox {
  const items: Array<OutboundItem & { status: string }> = [];
  return {
    enqueue: async (conversationId, channel, replies, from = { author: 'system' }) => {
      items.push({
        id: items.length + 1,
        conversationId,
        channel,
        replies: [...replies],
        from,
        attempts: 0,
        status: 'pending',
      });
      return items.length;
    },
    lease: async (limit, _now, channels) =>
      items
        .filter((i) => i.status === 'pending' && channels.includes(i.channel))
        .slice(0, limit)
        .map((i) => {
          i.status = 'leased';
          return { ...i, attempts: i.attempts + 1 };
        }),
    markSent: async (id) => {
      items[id - 1]!.status = 'sent';
    },
    markFailed: async (id, _error, retryAt) => {
      items[id - 1]!.status = retryAt ? 'later' : 'failed';
    },
  };
}

/** The processed-events table every instance shares, in memory. */
function sharedMarks(): OnceMarks {
  const keys = new Set<string>();
  return {
    claim: async (key) => {
      if (keys.has(key)) return false;
      keys.add(key);
      return true;
    },
    consume: async (key) => keys.delete(key),
  };
}

const chat: LiveChat = {
  handoffId: 'h1',
  status: 'assigned',
  ticketId: 1,
  ticketNumber: '#1042',
  ticketSubject: 'Pixel',
  requester: { id: 'u1', name: 'Nora', accountId: 'a1', accountName: 'Acme' },
  teamId: null,
  agentId: 'agent1',
  reason: '',
  summary: '',
  waitingSince: new Date('2026-01-01T10:00:00Z'),
  position: null,
};

async function instances(count: number, once: OnceMarks) {
  const posts: string[] = [];
  const responses = await loadResponses(resolve('content/responses'));
  const outbox = sharedOutbox();
  const boards = Array.from({ length: count }, () =>
    createDeskBoard({
      services: {
        responses,
        config: { TICKET_BASE_URL: 'https://desk.example/tickets' },
        clock: () => new Date(),
        outbox,
      } as unknown as AppServices,
      desk: { chat: async () => chat },
      client: {
        chat: {
          postMessage: async (args: { text: string }) => {
            posts.push(args.text);
            return { ok: true, ts: '1.2' };
          },
        },
      },
      threads: { byHandoff: async () => ({ team: 'T1', channel: 'C_AGENTS', ts: '1.1' }) },
      once,
      agentsChannel: 'C_AGENTS',
      homeTeam: () => 'T1',
      logger: pino({ level: 'silent' }),
    } as unknown as SlackAgentDeskDeps),
  );
  return { boards, posts };
}

const agentMessage = (id: number, text: string): DeskEvent => ({
  type: 'agent-message',
  chat,
  entry: { id, author: 'agent', authorName: 'Sam Agent', text, at: new Date() },
});

describe('Slack desk board with several instances', () => {
  it("does not echo an agent's reply typed in the thread, whichever instance hears it first", async () => {
    const once = sharedMarks();
    const { boards, posts } = await instances(3, once);
    await once.claim(relayKey('h1', 'On it, Nora'));
    const event = agentMessage(7, 'On it, Nora');
    for (const board of boards) await board.onEvent(event);
    for (const board of boards) await board.deliverQueued();
    expect(posts).toEqual([]);
    // The next time the same words come from elsewhere, they are relayed (once).
    await Promise.all(boards.map((board) => board.onEvent(agentMessage(8, 'On it, Nora'))));
    await Promise.all(boards.map((board) => board.deliverQueued()));
    expect(posts).toEqual([expect.stringContaining('On it, Nora')]);
  });

  it('posts a reply the agent sent from elsewhere (web console, Teams) once', async () => {
    const once = sharedMarks();
    const { boards, posts } = await instances(3, once);
    await Promise.all(boards.map((board) => board.onEvent(agentMessage(9, 'Sent from the console'))));
    await Promise.all(boards.map((board) => board.deliverQueued()));
    expect(posts).toHaveLength(1);
    expect(posts[0]).toMatch(/Sam Agent.*Sent from the console/);
  });
});
