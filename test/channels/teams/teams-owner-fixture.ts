/**
 * What the Teams stories about whom the bot's cards belong to share: the people in them, a bot
 * with tickets, the help center's suggestions and live agents (and its agents' desk), a new
 * thread in the support channel, and finding a card button in a message the bot posted.
 */
import { afterAll, beforeAll } from 'vitest';
import type { AppModule } from '../../../src/app-module.js';
import { createTeamsModule } from '../../../src/channels/teams/teams-module.js';
import type { AgentDesk } from '../../../src/skills/handoff/agent-desk.js';
import { createHandoffModule } from '../../../src/skills/handoff/handoff-module.js';
import { ticketsModule } from '../../../src/skills/tickets/tickets-module.js';
import type { DatabaseProvider } from '../../../src/store/prisma-client.js';
import { fakeDocs, ticketRules } from '../../skills/tickets/ticket-test-bot.js';
import { keywordMatcher } from '../../support/keyword-matcher.js';
import type { ConnectorCall } from './fakes/fake-bot-connector.js';
import {
  AGENTS_CHANNEL,
  channelConversation,
  nextMessageId,
  SUPPORT_CHANNEL,
  type TeamsTestUser,
  teamsUser,
} from './fakes/teams-activities.js';
import { allActions, startTeamsTestBot, type TeamsChat, type TeamsTestBot } from './fakes/teams-test-bot.js';

// biome-ignore lint/suspicious/noExplicitAny: Adaptive Card JSON is walked generically.
export type Json = any;

// Teams people whose e-mail (from the member API) links them to the seeded directory.
export const alice = teamsUser('alice', 'Alice B.', 'alice@acme.example');
export const bob = teamsUser('bob', 'Bob B.', 'bob@acme.example');
export const nora = teamsUser('nora', 'Nora N.', 'nora@northpeak.example');
export const sam = teamsUser('sam', 'Sam A.', 'sam@support.example');

interface Extra {
  readonly modules?: readonly AppModule[];
  readonly rules?: ReadonlyArray<[RegExp, string, string]>;
}

/** The bot of the suite's stories, and its agents' desk. */
export interface OwnerTeamsBot extends TeamsTestBot {
  readonly desk: AgentDesk;
}

/**
 * Starts the bot on `provider` before the suite's tests and closes it after them: tickets, the
 * help center's suggestions and live agents, the member API knowing `members`; `extra` adds
 * modules (after tickets) and routing rules (before the ticket rules). Read it inside the tests.
 */
export function useOwnerTeamsBot(
  provider: DatabaseProvider,
  members: readonly TeamsTestUser[],
  extra: Extra = {},
): OwnerTeamsBot {
  let started: { bot: TeamsTestBot; desk: AgentDesk } | undefined;
  const current = () => {
    if (!started) throw new Error('The Teams bot starts with the suite: use it inside a test.');
    return started;
  };
  beforeAll(async () => {
    started = await startOwnerTeamsBot(provider, members, extra);
  });
  afterAll(async () => started?.bot.close());
  return {
    get app() {
      return current().bot.app;
    },
    get connector() {
      return current().bot.connector;
    },
    get database() {
      return current().bot.database;
    },
    get desk() {
      return current().desk;
    },
    post: (activity, headers) => current().bot.post(activity, headers),
    chat: (user, conversation) => current().bot.chat(user, conversation),
    close: () => current().bot.close(),
  };
}

async function startOwnerTeamsBot(
  provider: DatabaseProvider,
  members: readonly TeamsTestUser[],
  extra: Extra,
): Promise<{ bot: TeamsTestBot; desk: AgentDesk }> {
  let captured: AgentDesk | null = null;
  const bot = await startTeamsTestBot(provider, {
    matcher: keywordMatcher([
      [/\b(agent|human|person)\b/i, 'agent.handoff', 'handoff'],
      ...(extra.rules ?? []),
      ...ticketRules,
    ]),
    env: { TEAMS_AGENTS_CHANNEL: AGENTS_CHANNEL },
    modules: [
      fakeDocs().module,
      ticketsModule,
      ...(extra.modules ?? []),
      createHandoffModule({
        queueUpdateDelayMs: 0,
        sweepIntervalMs: 3_600_000,
        onCreated: (inner) => {
          captured = inner.desk;
        },
      }),
      createTeamsModule(),
    ],
  });
  for (const user of members) {
    bot.connector.members.set(user.id, { ...user, userPrincipalName: user.email });
  }
  return { bot, desk: captured as unknown as AgentDesk };
}

/** The card action labelled `label` in the message `call` posted, if it has one. */
export function cardAction(call: ConnectorCall, label: string): Json | undefined {
  for (const attachment of call.body?.attachments ?? []) {
    const action = allActions(attachment.content).find((a) => a.title === label);
    if (action) return action;
  }
  return undefined;
}

/** A new thread in the support channel, started by `user` mentioning the bot. */
export function supportThread(bot: TeamsTestBot, user: TeamsTestUser): TeamsChat {
  const thread = bot.chat(user, channelConversation(SUPPORT_CHANNEL, nextMessageId()));
  thread.mention = true;
  return thread;
}
