import type { webApi } from '@slack/bolt';
import type { Logger } from 'pino';
import type { AppServices } from '../../app-module.js';
import type { BlockKitTexts } from './render-block-kit.js';
import type { SlackConversationLookup } from './slack-conversation-lookup.js';
import type { DirectMessages } from './slack-direct-messages.js';
import type { SlackIdentities } from './slack-identities.js';
import type { SlackFile } from './slack-inbound.js';
import type { OutsideGuests } from './slack-outside-guests.js';
import type { SlackPoster } from './slack-poster.js';
import type { SlackTurns } from './slack-turns.js';

/** A message in a thread of the agents' channel, as the agent desk needs it. */
export interface AgentThreadMessage {
  readonly team: string;
  readonly channel: string;
  readonly threadTs: string;
  readonly user: string;
  readonly text: string;
  readonly files?: readonly SlackFile[];
}

/** The Slack side of live chats; see slack-agent-desk.ts. */
export interface SlackDeskThreads {
  /** True when the message belonged to a live chat's thread (and was handled as an agent's message). */
  onThreadMessage(message: AgentThreadMessage): Promise<boolean>;
}

/** What every Slack listener works with. */
export interface SlackListenerDeps {
  readonly services: AppServices;
  readonly client: webApi.WebClient;
  readonly identities: SlackIdentities;
  /** People of other companies (Slack Connect): the slash command checks with it. */
  readonly guests: Pick<OutsideGuests, 'admitCommand'>;
  readonly dms: DirectMessages;
  readonly poster: SlackPoster;
  readonly turns: SlackTurns;
  readonly lookup: SlackConversationLookup;
  readonly texts: BlockKitTexts;
  readonly desk: SlackDeskThreads | null;
  /** The bot's own Slack user id (auth.test at start). */
  readonly botUserId: () => string | undefined;
  readonly logger: Logger;
}
