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
  /** The user's most recent one-to-one conversation with the bot on `channel` (a DM), if any. */
  directConversation(userId: string, channel: string): Promise<string | null>;
  /** Whether only its user sees this conversation with the bot (a DM, not a channel thread). */
  isDirect(conversationId: string): Promise<boolean>;
}

interface ConversationPlace {
  readonly channel: string;
  readonly externalId: string;
  readonly reference: string | null;
}

const PLACE = { id: true, channel: true, externalId: true, reference: true } as const;

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
    async directConversation(userId, channel) {
      const rows = await db.conversation.findMany({
        where: { userId, channel, ...directCandidates(channel) },
        orderBy: { updatedAt: 'desc' },
        take: 20,
        select: PLACE,
      });
      return rows.find(isDirectConversation)?.id ?? null;
    },
    async isDirect(conversationId) {
      const row = await db.conversation.findUnique({ where: { id: conversationId }, select: PLACE });
      return row !== null && isDirectConversation(row);
    },
  };
}

/**
 * Whether a stored conversation is one-to-one between the bot and its user, from what
 * each channel stores: a web or console chat always is; a Slack DM is keyed by its
 * D… channel id (a thread by `channel:ts`); a Teams reference says `personal`.
 * Anything else counts as seen by others.
 */
export function isDirectConversation(place: ConversationPlace): boolean {
  switch (place.channel) {
    case 'web':
    case 'console':
      return true;
    case 'slack':
      return /^D[A-Z0-9]+$/.test(place.externalId);
    case 'teams':
      return teamsConversationType(place.reference) === 'personal';
    default:
      return false;
  }
}

/** Narrows the rows `isDirectConversation` has to look at, so a user's many threads do not hide their DM. */
function directCandidates(channel: string): Prisma.ConversationWhereInput {
  if (channel === 'slack') return { externalId: { startsWith: 'D' } };
  if (channel === 'teams') return { reference: { contains: '"personal"' } };
  return {};
}

function teamsConversationType(reference: string | null): unknown {
  if (!reference) return undefined;
  try {
    const parsed = JSON.parse(reference) as { conversation?: { conversationType?: unknown } };
    return parsed?.conversation?.conversationType;
  } catch {
    return undefined;
  }
}
