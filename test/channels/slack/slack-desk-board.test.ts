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

/**
 * One instance's board on a chat whose reads are scripted: `reads` are the chat as the
 * database gives it at each read (the last one stays). Records the rewrites of its message,
 * the stale marks and the posts.
 */
async function scriptedBoard(
  reads: LiveChat[],
  options: {
    staleNote?: string | null;
    update?: () => void;
    postFailures?: number;
    /** False: the chat has no message (a gone one was forgotten, keeping `staleNote`). */
    posted?: boolean;
  } = {},
) {
  const responses = await loadResponses(resolve('content/responses'));
  const updates: string[] = [];
  const posts: string[] = [];
  const marks: Array<{ note: string } | 'cleared'> = [];
  const forgotten: string[] = [];
  const released: Array<string | null | undefined> = [];
  let staleNote = options.staleNote ?? null;
  let postFailures = options.postFailures ?? 0;
  let where: { team: string; channel: string; ts: string } | null =
    options.posted === false ? null : { team: 'T1', channel: 'C_AGENTS', ts: '1.1' };
  const names: Record<string, string> = { agent1: 'Sam Agent', agent2: 'Riley Agent' };
  const board = createDeskBoard({
    services: {
      responses,
      config: { TICKET_BASE_URL: 'https://desk.example/tickets' },
      clock: () => new Date(),
      outbox: sharedOutbox(),
      users: { byId: async (id: string) => ({ displayName: names[id] ?? id }) },
    } as unknown as AppServices,
    desk: {
      chat: async () => (reads.length > 1 ? reads.shift() : reads[0]),
      queue: async () =>
        reads.slice(0, 1).filter((c) => c.status === 'pending' || c.status === 'transferred'),
    },
    client: {
      chat: {
        update: async (args: { blocks: unknown }) => {
          options.update?.();
          updates.push(JSON.stringify(args.blocks));
          return { ok: true };
        },
        postMessage: async (args: { blocks: unknown; thread_ts?: string }) => {
          if (!args.thread_ts && postFailures-- > 0) throw new Error('An API error occurred: internal_error');
          if (!args.thread_ts) posts.push(JSON.stringify(args.blocks));
          return { ok: true, channel: 'C_AGENTS', ts: '2.1' };
        },
      },
    },
    // As the AgentThread row: a forgotten message's row keeps the note its next message shows.
    threads: {
      byHandoff: async () => where,
      reserve: async () => (where ? null : 'pending:r1'),
      placed: async (_id: string, _r: string, location: typeof where) => {
        where = location;
        staleNote = null;
        return true;
      },
      // A refused post leaves the row with the note it showed (none: no row); undefined keeps the row's.
      release: async (_id: string, _r: string, note?: string | null) => {
        released.push(note);
        if (note !== undefined) staleNote = note;
      },
      markStale: async (_id: string, note: string) => {
        staleNote = note;
        marks.push({ note });
      },
      clearStale: async () => {
        staleNote = null;
        marks.push('cleared');
      },
      staleNote: async () => staleNote,
      staleHandoffs: async () => (staleNote === null ? [] : [chat.handoffId]),
      forget: async (_id: string, location: { ts: string }, note: string | null) => {
        forgotten.push(location.ts);
        where = null;
        staleNote = note;
      },
    },
    once: sharedMarks(),
    agentsChannel: 'C_AGENTS',
    homeTeam: () => 'T1',
    logger: pino({ level: 'silent' }),
  } as unknown as SlackAgentDeskDeps);
  return { board, updates, posts, marks, forgotten, released };
}

const transferred = (teamId: string): LiveChat => ({ ...chat, status: 'transferred', agentId: null, teamId });

describe('Slack desk board rewriting an escalation as the chat is now', () => {
  it('keeps the transfer note of its event when it reads the chat again', async () => {
    // The chat is moved on to another team while the rewrite is on its way.
    const { board, updates, marks } = await scriptedBoard([
      transferred('team_a'),
      transferred('team_b'),
      transferred('team_b'),
    ]);
    await board.onEvent({ type: 'transferred', chat: transferred('team_a'), note: 'needs billing access' });
    expect(updates).toHaveLength(2);
    for (const update of updates) expect(update).toContain('needs billing access');
    expect(marks.at(-1)).toBe('cleared');
  });

  it('rewrites three times at most while the chat keeps changing, then marks it for the resync with its note', async () => {
    // Every read finds the chat changed since the one before.
    const reads = Array.from({ length: 20 }, (_, i) => transferred(`team_${i}`));
    const { board, updates, marks } = await scriptedBoard(reads);
    await board.onEvent({ type: 'transferred', chat: transferred('team_x'), note: 'needs billing access' });
    expect(updates).toHaveLength(3);
    expect(marks.at(-1)).toEqual({ note: 'needs billing access' });
  });

  it('renders a claimed event from the chat as it is now, with the note the stale mark kept', async () => {
    // The chat was claimed and transferred since; a failed rewrite of the transfer kept its note.
    const { board, updates } = await scriptedBoard([transferred('team_a')], {
      staleNote: 'needs billing access',
    });
    await board.onEvent({ type: 'claimed', chat, agentId: 'agent1' });
    expect(updates).toHaveLength(1);
    expect(updates[0]).toContain('needs billing access');
    expect(updates[0]).not.toContain('Sam Agent is talking');
  });

  it('posts a transferred chat whose message is gone again, with its note', async () => {
    const gone = Object.assign(new Error('An API error occurred: message_not_found'), {
      data: { ok: false, error: 'message_not_found' },
    });
    const { board, posts, forgotten } = await scriptedBoard([transferred('team_a')], {
      update: () => {
        throw gone;
      },
    });
    await board.onEvent({ type: 'transferred', chat: transferred('team_a'), note: 'needs billing access' });
    expect(forgotten).toEqual(['1.1']);
    expect(posts).toHaveLength(1);
    expect(posts[0]).toContain('needs billing access');
    expect(posts[0]).toContain('hd_desk:claim');
  });

  it('posts a transferred chat whose message is gone with its note, also when the first post is refused', async () => {
    const gone = Object.assign(new Error('An API error occurred: message_not_found'), {
      data: { ok: false, error: 'message_not_found' },
    });
    const { board, posts, forgotten } = await scriptedBoard([transferred('team_a')], {
      update: () => {
        throw gone;
      },
      postFailures: 1,
    });
    await expect(
      board.onEvent({ type: 'transferred', chat: transferred('team_a'), note: 'needs billing access' }),
    ).rejects.toThrow(/internal_error/);
    expect(forgotten).toEqual(['1.1']);
    expect(posts).toHaveLength(0);
    // The resync finds the waiting chat without a message and posts it, with the note.
    expect(await board.behind()).toEqual(['h1']);
    await board.catchUp('h1');
    expect(posts).toHaveLength(1);
    expect(posts[0]).toContain('needs billing access');
  });

  it("keeps the latest transfer's note when the new message of a chat whose message is gone is refused", async () => {
    // The message was deleted under an earlier transfer; the chat was claimed and transferred again since.
    const { board, posts, released } = await scriptedBoard([transferred('team_b')], {
      posted: false,
      staleNote: 'first transfer note',
      postFailures: 1,
    });
    await expect(
      board.onEvent({ type: 'transferred', chat: transferred('team_b'), note: 'latest transfer note' }),
    ).rejects.toThrow(/internal_error/);
    expect(released).toEqual(['latest transfer note']);
    expect(await board.behind()).toEqual(['h1']);
    await board.catchUp('h1');
    expect(posts).toHaveLength(1);
    expect(posts[0]).toContain('latest transfer note');
    expect(posts[0]).not.toContain('first transfer note');
  });

  it('keeps the note a refused new message of a transferred chat showed from its row', async () => {
    // A thread line posts the message first: it knows no note of its own.
    const { board, released } = await scriptedBoard([transferred('team_b')], {
      posted: false,
      staleNote: 'needs billing access',
      postFailures: 1,
    });
    await expect(board.onEvent({ type: 'queued', chat: transferred('team_b') })).rejects.toThrow(
      /internal_error/,
    );
    expect(released).toEqual(['needs billing access']);
  });

  it("drops a gone message's note when the chat's refused new message showed it claimed", async () => {
    const { board, posts, released } = await scriptedBoard([chat], {
      posted: false,
      staleNote: 'first transfer note',
      postFailures: 1,
    });
    await expect(board.onEvent({ type: 'claimed', chat, agentId: 'agent1' })).rejects.toThrow(
      /internal_error/,
    );
    expect(released).toEqual([null]);
    expect(await board.behind()).toEqual([]);
    expect(posts).toHaveLength(0);
  });

  it.each(['edit_window_closed', 'cant_update_message', 'is_inactive', 'is_archived'])(
    'leaves a message Slack no longer lets the bot edit (%s) where it is, with its thread',
    async (code) => {
      const refused = Object.assign(new Error(`An API error occurred: ${code}`), {
        data: { ok: false, error: code },
      });
      const { board, posts, forgotten, marks } = await scriptedBoard([transferred('team_a')], {
        update: () => {
          throw refused;
        },
      });
      await board.onEvent({ type: 'transferred', chat: transferred('team_a'), note: 'needs billing access' });
      expect(forgotten).toEqual([]);
      expect(posts).toHaveLength(0);
      expect(marks.at(-1)).toBe('cleared');
      expect(await board.behind()).toEqual([]);
    },
  );
});
