import type { AppModule } from '../../../src/app-module.js';
import type { ListReply } from '../../../src/core/reply.js';
import type { DocSuggestion, DocSuggestions } from '../../../src/skills/docs/doc-suggestions.js';
import { ticketsModule } from '../../../src/skills/tickets/tickets-module.js';
import type { DatabaseProvider } from '../../../src/store/prisma-client.js';
import type { Chat, TestBot } from '../../support/conversation.js';
import { startTestBot } from '../../support/conversation.js';
import { basicRules, keywordMatcher } from '../../support/keyword-matcher.js';

/** Routing for ticket transcripts without the trained intent engine (one test uses the real one). */
export const ticketRules: ReadonlyArray<[RegExp, string, string]> = [
  [/\b(open|create|file|raise|new)\b.*\b(ticket|case)\b|^ticket:/i, 'ticket.create', 'tickets'],
  [
    /\b(reply|comment|close|reopen|solved|didn'?t help|assign|set|note|take)\b|\bsolution offered\b/i,
    'ticket.update',
    'tickets',
  ],
  [/\b(status|news|where is)\b/i, 'ticket.status', 'tickets'],
  // "1042 in progress": a ticket number first, as the trained engine reads it.
  [/^\s*(?:ticket\s*)?#?\d{3,9}\b/i, 'ticket.status', 'tickets'],
  [/\b(tickets|list|find)\b/i, 'ticket.list', 'tickets'],
  ...basicRules,
];

/** A stand-in for the help center: answers about passwords, and remembers what users said of it. */
export function fakeDocs(): {
  module: AppModule;
  deflections: Array<{ helpful: boolean; sectionIds: readonly string[] }>;
} {
  const deflections: Array<{ helpful: boolean; sectionIds: readonly string[] }> = [];
  const article: DocSuggestion = {
    sectionId: 'reset-your-password#steps',
    articleTitle: 'Reset your password',
    heading: 'Steps',
    url: 'https://help.example.com/articles/reset-your-password#steps',
    extract: 'Select **Forgot password** on the sign-in page…',
  };
  const docs: DocSuggestions = {
    suggest: (text) => (/password/i.test(text) ? [article] : []),
    async recordDeflection(input) {
      deflections.push({ helpful: input.helpful, sectionIds: input.sectionIds });
    },
  };
  return {
    deflections,
    module: {
      name: 'docs',
      create(services) {
        services.shared.docs = docs;
        return {};
      },
    },
  };
}

export interface TicketBot extends TestBot {
  /** Tickets in the database, oldest first. */
  tickets(): Promise<Array<{ id: number; subject: string; status: string; creatorId: string }>>;
  /** Proactive messages queued for a chat's conversation (notifications), as plain text. */
  notifications(chat: Chat): Promise<string[]>;
}

export async function startTicketBot(
  provider: DatabaseProvider,
  options: { docs?: AppModule; env?: Record<string, string>; clock?: () => Date } = {},
): Promise<TicketBot> {
  const bot = await startTestBot(provider, {
    matcher: keywordMatcher(ticketRules),
    modules: [...(options.docs ? [options.docs] : []), ticketsModule],
    ...(options.env ? { env: options.env } : {}),
    ...(options.clock ? { clock: options.clock } : {}),
  });
  const db = bot.app.services.db;
  return {
    ...bot,
    chat: bot.chat,
    close: bot.close,
    tickets: () =>
      db.ticket.findMany({
        orderBy: { id: 'asc' },
        select: { id: true, subject: true, status: true, creatorId: true },
      }),
    async notifications(chat) {
      const conversationId = chat.last?.conversationId;
      if (!conversationId) return [];
      const rows = await db.outboundMessage.findMany({ where: { conversationId }, orderBy: { id: 'asc' } });
      return rows.map((r) => {
        const payload = JSON.parse(r.payload) as {
          replies: Array<{ title?: string; text?: string; body?: string }>;
        };
        return payload.replies.map((x) => [x.title, x.text, x.body].filter(Boolean).join('\n')).join('\n');
      });
    },
  };
}

/** Adds a requester to an account, reachable in the web chat as `name`. */
export async function addRequester(
  bot: TestBot,
  name: string,
  accountId: string,
  email: string,
): Promise<void> {
  await bot.app.services.db.user.create({
    data: {
      id: `usr_${name}`,
      accountId,
      displayName: name.charAt(0).toUpperCase() + name.slice(1),
      email,
      role: 'requester',
      kind: 'brand',
      identities: { create: { channel: 'web', workspace: '', externalId: name } },
    },
  });
}

/** A mutable clock for stories that span days (reopen windows). */
export function testClock(start = '2025-06-02T09:00:00Z') {
  let now = new Date(start);
  return {
    now: () => now,
    advance(ms: number) {
      now = new Date(now.getTime() + ms);
    },
  };
}

const listReplies = (chat: Chat) => chat.replies.filter((r): r is ListReply => r.type === 'list');

/** The title of the ticket list the bot last answered with, or its text when it answered none. */
export const listTitle = (chat: Chat): string => listReplies(chat)[0]?.title ?? chat.text();

/** Subjects of the tickets listed in the last answer ("#1000 · Pixel" → "Pixel"), in the list's order. */
export const listedSubjects = (chat: Chat): string[] =>
  listReplies(chat).flatMap((r) => r.items.map((i) => i.title.replace(/^.*· /, '')));
