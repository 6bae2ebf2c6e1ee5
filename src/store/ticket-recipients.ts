import { Prisma } from '../generated/sqlite/client.js';
import type { Db } from './prisma-client.js';

export interface TicketRecipient {
  readonly userId: string;
  readonly conversationId: string;
}

/** Where to reach the people who follow a ticket on a chat platform. */
export interface TicketRecipients {
  /** Users of `accountId` with one of these e-mail addresses, in any letter case, by id. */
  usersByEmail(accountId: string, emails: readonly string[]): Promise<string[]>;
  /** The user's most recent conversation with the bot on `channel`, if any. */
  latestConversation(userId: string, channel: string): Promise<string | null>;
}

export function createTicketRecipients(db: Db): TicketRecipients {
  return {
    async usersByEmail(accountId, emails) {
      if (emails.length === 0) return [];
      // Channels give addresses as the user typed them (Bob@Acme.com): compared lower-cased.
      const wanted = [...new Set(emails.map((email) => email.toLowerCase()))];
      const rows = await db.$queryRaw<{ id: string }[]>`
        SELECT "id" FROM "User"
        WHERE "accountId" = ${accountId} AND lower("email") IN (${Prisma.join(wanted)})`;
      return rows.map((r) => r.id);
    },
    async latestConversation(userId, channel) {
      const row = await db.conversation.findFirst({
        where: { userId, channel },
        orderBy: { updatedAt: 'desc' },
        select: { id: true },
      });
      return row?.id ?? null;
    },
  };
}
