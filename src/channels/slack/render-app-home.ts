import type { types } from '@slack/bolt';
import { statusLabel } from '../../domain/ticket-statuses.js';
import type { Availability } from '../../skills/handoff/agent-desk.js';
import type { TicketSummary } from '../../skills/tickets/ticket-service.js';
import { encodePostback } from './slack-action-ids.js';
import { boldMrkdwn, escapeMrkdwn, slackDate, toMrkdwn, truncate } from './slack-mrkdwn.js';

/** The App Home's words (content/responses/slack.yml `home.*`), already filled in. */
export interface AppHomeTexts {
  readonly title: string;
  readonly greeting: string;
  readonly newTicket: string;
  readonly searchDocs: string;
  readonly agent: string;
  /** The ticket button while no agent can take a chat (the chat prompts' "File a ticket"). */
  readonly fileTicket: string;
  readonly ticketsTitle: string;
  readonly noTickets: string;
  readonly lastActivity: string;
  readonly agentsTitle: string;
  readonly agentStatus: string;
  readonly online: string;
  readonly away: string;
  readonly offline: string;
}

export interface AppHomeModel {
  readonly texts: AppHomeTexts;
  readonly tickets: readonly TicketSummary[];
  /** Link to a ticket in the support portal. */
  readonly ticketUrl: (ticket: TicketSummary) => string;
  /** Whether an agent can take a live chat now; without one the tab offers a ticket instead of a person. */
  readonly liveChatOpen: boolean;
  /** Set for agents: their availability buttons. */
  readonly agent?: { readonly availability: Availability | null };
}

/** The buttons' values start the same intents as typing (the help skill runs them). */
export const HOME_ACTIONS = {
  newTicket: { skill: 'core', intent: 'ticket.create' },
  searchDocs: { skill: 'core', intent: 'docs.search' },
  agent: { skill: 'core', intent: 'agent.handoff' },
} as const;

const MAX_TICKETS = 20;

/** The App Home tab: the main actions, the user's open tickets, and for agents their availability. */
export function renderAppHome(model: AppHomeModel): types.HomeView {
  const t = model.texts;
  const blocks: types.KnownBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: truncate(t.title, 150), emoji: true } },
    { type: 'section', text: { type: 'mrkdwn', text: toMrkdwn(t.greeting) } },
    {
      type: 'actions',
      block_id: 'hd_home_actions',
      elements: model.liveChatOpen
        ? [
            homeButton('hd:0', t.newTicket, HOME_ACTIONS.newTicket, 'primary'),
            homeButton('hd:1', t.searchDocs, HOME_ACTIONS.searchDocs),
            homeButton('hd:2', t.agent, HOME_ACTIONS.agent),
          ]
        : // Like the chat's next steps: "talk to a person" would only file a ticket, so the
          // ticket button says so and the person button is left out rather than doubled.
          [
            homeButton('hd:0', t.fileTicket, HOME_ACTIONS.newTicket, 'primary'),
            homeButton('hd:1', t.searchDocs, HOME_ACTIONS.searchDocs),
          ],
    },
    { type: 'divider' },
    { type: 'header', text: { type: 'plain_text', text: truncate(t.ticketsTitle, 150), emoji: true } },
  ];
  if (model.tickets.length === 0) {
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: toMrkdwn(t.noTickets) } });
  }
  for (const ticket of model.tickets.slice(0, MAX_TICKETS)) {
    const title = `*<${escapeMrkdwn(model.ticketUrl(ticket))}|${escapeMrkdwn(ticket.number)}>* ${escapeMrkdwn(truncate(ticket.subject, 200))}`;
    const unread = ticket.unread ? ' :large_blue_circle:' : '';
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: `${title}${unread}` } });
    blocks.push({
      type: 'context',
      elements: [
        {
          type: 'mrkdwn',
          text: `${boldMrkdwn(statusLabel(ticket.status))} · ${escapeMrkdwn(t.lastActivity)} ${slackDate(ticket.lastActivityAt)}`,
        },
      ],
    });
  }
  if (model.agent) {
    blocks.push({ type: 'divider' });
    blocks.push({
      type: 'header',
      text: { type: 'plain_text', text: truncate(t.agentsTitle, 150), emoji: true },
    });
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: toMrkdwn(t.agentStatus) } });
    const current = model.agent.availability;
    blocks.push({
      type: 'actions',
      block_id: 'hd_home_availability',
      elements: (['online', 'away', 'offline'] as const).map((a) => ({
        type: 'button' as const,
        action_id: `hd_availability:${a}`,
        text: { type: 'plain_text' as const, text: t[a], emoji: true },
        value: a,
        ...(current === a ? { style: 'primary' as const } : {}),
      })),
    });
  }
  return { type: 'home', blocks: blocks.slice(0, 100) };
}

function homeButton(
  actionId: string,
  label: string,
  value: Readonly<Record<string, unknown>>,
  style?: 'primary',
): types.Button {
  return {
    type: 'button',
    action_id: actionId,
    text: { type: 'plain_text', text: truncate(label, 75), emoji: true },
    value: encodePostback(value, label),
    ...(style ? { style } : {}),
  };
}
