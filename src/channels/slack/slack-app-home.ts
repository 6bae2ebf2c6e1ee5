import type { webApi } from '@slack/bolt';
import type { Logger } from 'pino';
import type { AppServices } from '../../app-module.js';
import type { Availability } from '../../skills/handoff/agent-desk.js';
import { type AppHomeTexts, renderAppHome } from './render-app-home.js';
import type { SlackIdentities } from './slack-identities.js';

/**
 * Whether an agent can take a live chat at `now`: the check the chat's own prompts
 * make before offering a person (passed in; the channel knows nothing of teams or hours).
 */
export type LiveChatOpen = (now: Date) => Promise<boolean>;

/** The App Home tab (scope: app_home_opened event) and agents' availability. */
export interface SlackAppHome {
  publish(team: string, slackUser: string): Promise<void>;
  /** Sets an agent's availability; false when the user is not an agent (or there is no agent desk). */
  setAvailability(team: string, slackUser: string, availability: Availability): Promise<boolean>;
}

/** What the chat's next steps say instead of "talk to a person" while no agent is free (handoff-offer). */
const FILE_TICKET = 'handoff.offer_ticket_yes';

export function createSlackAppHome(deps: {
  services: AppServices;
  client: webApi.WebClient;
  identities: SlackIdentities;
  /** Without it (no live chat behind the bot) the tab keeps its "talk to a person" button. */
  liveChatOpen?: LiveChatOpen;
  logger: Logger;
}): SlackAppHome {
  const { services } = deps;
  const t = services.responses.t;
  const ticketBase = services.config.TICKET_BASE_URL.replace(/\/$/, '');

  async function profileOf(team: string, slackUser: string) {
    return services.users.resolve('slack', team, await deps.identities.inboundUser(team, slackUser));
  }

  /** Whether to show the person button; when the check fails, the tab is still published, with it. */
  async function liveChatOpenNow(): Promise<boolean> {
    if (!deps.liveChatOpen) return true;
    try {
      return await deps.liveChatOpen(services.clock());
    } catch (error) {
      deps.logger.warn(
        { err: error },
        'live chat availability not known; the App Home shows its person button',
      );
      return true;
    }
  }

  return {
    /** Published each time the tab is opened, so the buttons match who is available then. */
    async publish(team, slackUser) {
      const profile = await profileOf(team, slackUser);
      const [tickets, liveChatOpen] = await Promise.all([
        services.shared.tickets?.listOpen(profile, 20) ?? [],
        liveChatOpenNow(),
      ]);
      const desk = services.shared.agentDesk;
      const me = desk ? await desk.me(profile) : null;
      const current = me?.availability ?? null;
      const queue = me && desk ? (await desk.queue()).length : 0;
      const texts: AppHomeTexts = {
        title: t('slack.home.title'),
        greeting: t('slack.home.greeting', {
          name: profile.displayName.split(' ')[0] ?? profile.displayName,
        }),
        newTicket: t('slack.home.new_ticket'),
        searchDocs: t('slack.home.search_docs'),
        agent: t('slack.home.agent'),
        // The chat prompts' own words for the button that replaces "talk to a person".
        fileTicket: services.responses.has(FILE_TICKET) ? t(FILE_TICKET) : t('slack.home.new_ticket'),
        ticketsTitle: t('slack.home.tickets_title'),
        noTickets: t('slack.home.no_tickets'),
        lastActivity: t('slack.home.last_activity'),
        agentsTitle: t('slack.home.agents_title'),
        agentStatus: t('slack.home.agent_status', {
          availability: t(`slack.home.${current ?? 'offline'}`),
          queue,
        }),
        online: t('slack.home.online'),
        away: t('slack.home.away'),
        offline: t('slack.home.offline'),
      };
      await deps.client.views.publish({
        user_id: slackUser,
        view: renderAppHome({
          texts,
          tickets,
          liveChatOpen,
          ticketUrl: (ticket) => `${ticketBase}/${ticket.number.replace(/^#/, '')}`,
          ...(me ? { agent: { availability: current } } : {}),
        }),
      });
    },
    async setAvailability(team, slackUser, a) {
      const desk = services.shared.agentDesk;
      const profile = await profileOf(team, slackUser);
      if (!desk || !(await desk.me(profile))) return false;
      await desk.setAvailability(profile, a);
      return true;
    },
  };
}
