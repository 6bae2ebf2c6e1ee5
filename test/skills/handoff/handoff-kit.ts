import type { AppModule } from '../../../src/app-module.js';
import type { Reply } from '../../../src/core/reply.js';
import type { UserProfile } from '../../../src/domain/user.js';
import type { AgentDesk, DeskEvent } from '../../../src/skills/handoff/agent-desk.js';
import { createHandoffModule, type HandoffInternals } from '../../../src/skills/handoff/handoff-module.js';
import type { Chat, TestBot } from '../../support/conversation.js';
import { startTestBot } from '../../support/conversation.js';
import { basicRules, keywordMatcher } from '../../support/keyword-matcher.js';
import { type createFakeTickets, fakeTicketsModule } from './fake-tickets.js';

/** Routing for handoff tests until the intent engine lands. */
export const handoffRules: ReadonlyArray<[RegExp, string, string]> = [
  [/^\/helpdesk\b/i, 'agent.availability', 'handoff'],
  [/\b(agent|human|person)\b/i, 'agent.handoff', 'handoff'],
  ...basicRules,
];

/**
 * The web chat without its HTTP server: proactive messages are read from the
 * transcript, as the chat page does, so delivering one does nothing more.
 */
export const webChannelModule: AppModule = {
  name: 'web-channel',
  create: () => ({
    channels: [{ name: 'web', start: async () => {}, stop: async () => {}, deliver: async () => {} }],
  }),
};

export interface HandoffKit {
  readonly bot: TestBot;
  readonly desk: AgentDesk;
  readonly internals: HandoffInternals;
  readonly tickets: ReturnType<typeof createFakeTickets>;
  /** Every desk event this instance delivered, in order. */
  readonly events: DeskEvent[];
  agent(webId: string): Promise<UserProfile>;
  /** Waits until signals, queue updates, live events and the outbox are done. */
  settle(): Promise<void>;
  /**
   * The proactive messages (agent replies, notices) the chat received since the last
   * call: they become `chat.replies`, so `chat.text()` and `chat.click()` work on them.
   */
  receive(chat: Chat): Promise<string>;
  conversationId(chat: Chat): Promise<string>;
  /** Moves the bot's clock forward. */
  advance(minutes: number): void;
  /**
   * Back to a clean desk between tests sharing one bot: live chats ended, agents
   * offline with 3 slots, teams as seeded, watches answered, logs and events emptied.
   */
  reset(): Promise<void>;
  close(): Promise<void>;
}

export async function startHandoffKit(
  provider: 'sqlite' | 'postgresql',
  options: {
    env?: Record<string, string>;
    rules?: ReadonlyArray<[RegExp, string, string]>;
    http?: boolean;
    /** Modules ahead of the kit's: their middleware wraps the handoff gate and the whole turn. */
    before?: readonly AppModule[];
  } = {},
): Promise<HandoffKit> {
  let internals: HandoffInternals | null = null;
  let tickets: ReturnType<typeof createFakeTickets> | null = null;
  // Ahead of real time only: the outbox compares its own timestamps with this clock.
  let offsetMs = 0;
  const clock = () => new Date(Date.now() + offsetMs);
  const bot = await startTestBot(provider, {
    matcher: keywordMatcher(options.rules ?? handoffRules),
    clock,
    env: options.env,
    http: options.http ?? false,
    modules: [
      ...(options.before ?? []),
      fakeTicketsModule((t) => {
        tickets = t;
      }),
      createHandoffModule({
        queueUpdateDelayMs: 0,
        sweepIntervalMs: 3_600_000,
        onCreated: (i) => {
          internals = i;
        },
      }),
      webChannelModule,
    ],
  });
  const inner = internals as unknown as HandoffInternals;
  const db = bot.app.services.db;
  const events: DeskEvent[] = [];
  inner.desk.subscribe((e) => events.push(e));
  const cursors = new Map<string, number>();
  const seededTeams = await db.team.findMany();

  async function settle(): Promise<void> {
    for (let round = 0; round < 3; round++) {
      // Work a turn does once it is stored (relay announcements, the chat's last-heard time).
      await bot.app.bot.drain();
      await inner.signals.settle();
      await inner.announcer.flush();
      await inner.hub.idle();
      const deadline = Date.now() + 5000;
      while ((await db.outboundMessage.count({ where: { status: 'pending' } })) > 0) {
        if (Date.now() > deadline) throw new Error('the outbox did not drain');
        await new Promise((r) => setTimeout(r, 5));
      }
    }
  }

  async function conversationId(chat: Chat): Promise<string> {
    const row = await db.conversation.findUnique({
      where: {
        channel_workspace_externalId: {
          channel: chat.channel,
          workspace: '',
          externalId: chat.conversationKey,
        },
      },
    });
    if (!row) throw new Error(`no conversation ${chat.conversationKey}`);
    return row.id;
  }

  return {
    bot,
    desk: inner.desk,
    internals: inner,
    tickets: tickets as unknown as ReturnType<typeof createFakeTickets>,
    events,
    settle,
    conversationId,
    async agent(webId) {
      const user = await inner.deps.agents.userByWebId(webId);
      if (!user) throw new Error(`no user ${webId}`);
      return user;
    },
    async receive(chat) {
      await settle();
      const id = await conversationId(chat);
      const rows = await db.message.findMany({
        where: {
          conversationId: id,
          direction: 'out',
          author: { in: ['agent', 'system'] },
          id: { gt: cursors.get(id) ?? 0 },
        },
        orderBy: { id: 'asc' },
      });
      if (rows.length > 0) cursors.set(id, rows[rows.length - 1]!.id);
      chat.replies = rows.map((r) =>
        r.payload ? (JSON.parse(r.payload) as Reply) : { type: 'text', text: r.text },
      );
      return chat.text();
    },
    advance(minutes) {
      offsetMs += minutes * 60_000;
    },
    async reset() {
      await settle();
      await db.handoff.updateMany({
        where: { status: { in: ['pending', 'assigned', 'transferred'] } },
        data: { status: 'resolved' },
      });
      await db.agentProfile.updateMany({ data: { availability: 'offline', maxChats: 3 } });
      await db.availabilityWatch.updateMany({
        where: { notifiedAt: null },
        data: { notifiedAt: new Date() },
      });
      for (const team of seededTeams) await db.team.update({ where: { id: team.id }, data: team });
      const log = (tickets as unknown as ReturnType<typeof createFakeTickets>).log;
      log.comments.length = 0;
      log.statuses.length = 0;
      log.assignments.length = 0;
      events.length = 0;
      offsetMs = 0;
    },
    close: () => bot.close(),
  };
}
