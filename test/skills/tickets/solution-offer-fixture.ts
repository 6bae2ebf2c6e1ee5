import { afterAll, beforeAll } from 'vitest';
import type { UserProfile } from '../../../src/domain/user.js';
import type { TicketDesk } from '../../../src/skills/tickets/ticket-desk.js';
import type { DatabaseProvider } from '../../../src/store/prisma-client.js';
import type { Chat } from '../../support/conversation.js';
import { startTicketBot, type TicketBot } from './ticket-test-bot.js';

/**
 * The cast of the Solution Offered stories: a ticket bot where Nora (a requester) and Sam (an agent)
 * have each said hello, so both have a profile and a conversation, and the desk the agents' console uses.
 */
export interface DeskWithRequesterAndAgent {
  bot: TicketBot;
  desk: TicketDesk;
  nora: Chat;
  sam: Chat;
  noraProfile: UserProfile;
  samProfile: UserProfile;
  /** Files a ticket for Nora as if from her web chat (so she is told there); returns its number. */
  fileTicket(subject: string): Promise<number>;
  /** The bodies of the ticket's public replies, oldest first. */
  publicReplies(id: number): Promise<string[]>;
  /** The notifications queued for Nora that mention `text`. */
  toldNora(text: string): Promise<string[]>;
  /** How many notifications queued for Nora mention `text`. */
  timesToldNora(text: string): Promise<number>;
}

/**
 * Starts the bot on `provider` before the suite's tests and closes it after them. Its fields are set
 * once the suite has started, so read them inside the tests; the functions may be taken at once.
 * `label` keeps the ticket idempotency keys of one suite apart from another's.
 */
export function useDeskWithRequesterAndAgent(
  provider: DatabaseProvider,
  label: string,
): DeskWithRequesterAndAgent {
  let n = 0;
  const scene = {
    async fileTicket(subject: string) {
      const ticket = await scene.desk.create({
        requester: scene.noraProfile,
        subject,
        issueType: 'other',
        description: `${subject}: details for support.`,
        channel: 'web',
        conversationId: scene.nora.last?.conversationId ?? null,
        idempotencyKey: `${provider}-${label}-${++n}`,
      });
      return ticket.id;
    },
    async publicReplies(id: number) {
      const comments = await scene.bot.app.services.db.ticketComment.findMany({
        where: { ticketId: id, internal: false },
        orderBy: { id: 'asc' },
      });
      return comments.map((c) => c.body);
    },
    async toldNora(text: string) {
      return (await scene.bot.notifications(scene.nora)).filter((told) => told.includes(text));
    },
    async timesToldNora(text: string) {
      return (await scene.toldNora(text)).length;
    },
  } as DeskWithRequesterAndAgent;

  beforeAll(async () => {
    scene.bot = await startTicketBot(provider);
    scene.desk = scene.bot.app.services.shared.tickets as TicketDesk;
    scene.nora = scene.bot.chat('nora');
    scene.sam = scene.bot.chat('sam');
    await scene.nora.say('hello');
    await scene.sam.say('hello');
    scene.noraProfile = scene.nora.last!.user;
    scene.samProfile = scene.sam.last!.user;
  });
  afterAll(() => scene.bot.close());

  return scene;
}
