import type { types } from '@slack/bolt';
import { TICKET_STATUSES } from '../../domain/ticket-statuses.js';
import type { DeskAgent, DeskTeam, LiveChat } from '../../skills/handoff/agent-desk.js';
import { VIEW_DESK_SOLUTION } from './slack-action-ids.js';
import { boldMrkdwn, escapeMrkdwn, slackDate, toMrkdwn, truncate } from './slack-mrkdwn.js';

type Translate = (key: string, vars?: Readonly<Record<string, string | number>>) => string;

/** How the escalation message shows a live chat. */
export type EscalationState =
  | { readonly kind: 'waiting' }
  | { readonly kind: 'claimed'; readonly agentName: string }
  | { readonly kind: 'transferred'; readonly note: string }
  | { readonly kind: 'closed' };

export interface EscalationModel {
  readonly chat: LiveChat;
  readonly state: EscalationState;
  readonly ticketUrl: string;
  readonly now: Date;
}

/**
 * The agents'-channel message for one live chat: ticket, requester, wait time,
 * reason and what the bot tried, with Claim while it waits, and Transfer / Note /
 * Status / Close once claimed. Its thread is where the agent talks to the user.
 */
export function renderEscalation(
  model: EscalationModel,
  t: Translate,
): { text: string; blocks: types.KnownBlock[] } {
  const { chat, state } = model;
  const waitedMin = Math.max(0, Math.round((model.now.getTime() - chat.waitingSince.getTime()) / 60_000));
  const ticket = `*<${escapeMrkdwn(model.ticketUrl)}|${escapeMrkdwn(chat.ticketNumber)}>* ${escapeMrkdwn(truncate(chat.ticketSubject, 300))}`;
  const requester = `${escapeMrkdwn(chat.requester.name)} · ${escapeMrkdwn(chat.requester.accountName)}`;
  const blocks: types.KnownBlock[] = [
    {
      type: 'header',
      text: { type: 'plain_text', text: truncate(t('slack.desk.new_chat'), 150), emoji: true },
    },
    {
      type: 'section',
      fields: [
        field(t('slack.desk.ticket'), ticket),
        field(t('slack.desk.requester'), requester),
        field(t('slack.desk.waiting'), `${slackDate(chat.waitingSince, '{time}')} (${waitedMin} min)`),
        field(t('slack.desk.reason'), escapeMrkdwn(truncate(chat.reason || '—', 500))),
      ],
    },
  ];
  if (chat.summary.trim()) {
    blocks.push({
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: truncate(`${boldMrkdwn(t('slack.desk.summary'))}\n${escapeMrkdwn(chat.summary)}`, 3000),
      },
    });
  }
  blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: stateLine(state, t) }] });
  const actions = actionsFor(chat.handoffId, state, t);
  if (actions.length > 0)
    blocks.push({ type: 'actions', block_id: `hd_desk:${chat.handoffId}`, elements: actions });
  const text = `${t('slack.desk.new_chat')}: ${chat.ticketNumber} ${chat.ticketSubject} (${chat.requester.name})`;
  return { text: escapeMrkdwn(truncate(text, 300)), blocks };
}

function stateLine(state: EscalationState, t: Translate): string {
  switch (state.kind) {
    case 'waiting':
      return toMrkdwn(t('slack.desk.state_waiting'));
    case 'claimed':
      return toMrkdwn(t('slack.desk.state_claimed', { agent: state.agentName }));
    case 'transferred':
      return toMrkdwn(t('slack.desk.state_transferred', { note: state.note || '—' }));
    case 'closed':
      return toMrkdwn(t('slack.desk.state_closed'));
  }
}

function actionsFor(handoffId: string, state: EscalationState, t: Translate): types.ActionsBlockElement[] {
  if (state.kind === 'waiting' || state.kind === 'transferred') {
    return [deskButton('claim', t('slack.desk.claim'), handoffId, 'primary')];
  }
  if (state.kind === 'closed') return [];
  return [
    deskButton('transfer', t('slack.desk.transfer'), handoffId),
    deskButton('note', t('slack.desk.note'), handoffId),
    {
      type: 'static_select',
      action_id: 'hd_desk:status',
      placeholder: {
        type: 'plain_text',
        text: truncate(t('slack.desk.status_placeholder'), 150),
        emoji: true,
      },
      options: TICKET_STATUSES.map((s) => ({
        text: { type: 'plain_text', text: s.label, emoji: true },
        value: s.id,
      })),
    },
    {
      ...deskButton('close', t('slack.desk.close'), handoffId, 'danger'),
      confirm: {
        title: { type: 'plain_text', text: truncate(t('slack.desk.close_confirm_title'), 100) },
        text: { type: 'plain_text', text: truncate(t('slack.desk.close_confirm_text'), 300) },
        confirm: { type: 'plain_text', text: truncate(t('slack.desk.close_confirm_yes'), 30) },
        deny: { type: 'plain_text', text: truncate(t('slack.desk.cancel'), 30) },
        style: 'danger',
      },
    },
  ];
}

function deskButton(
  kind: string,
  label: string,
  handoffId: string,
  style?: 'primary' | 'danger',
): types.Button {
  return {
    type: 'button',
    action_id: `hd_desk:${kind}`,
    text: { type: 'plain_text', text: truncate(label, 75), emoji: true },
    value: handoffId,
    ...(style ? { style } : {}),
  };
}

function field(label: string, mrkdwn: string): types.MrkdwnElement {
  return { type: 'mrkdwn', text: truncate(`${boldMrkdwn(label)}\n${mrkdwn}`, 2000) };
}

/** The modal an agent fills in to transfer a chat: to another agent or to a team, with a note. */
export function renderTransferModal(
  handoffId: string,
  targets: { agents: readonly DeskAgent[]; teams: readonly DeskTeam[] },
  t: Translate,
): types.ModalView {
  const option = (id: string, label: string) => ({
    text: { type: 'plain_text' as const, text: truncate(label, 75), emoji: true },
    value: id,
  });
  const blocks: types.KnownBlock[] = [];
  if (targets.agents.length > 0) {
    blocks.push({
      type: 'input',
      block_id: 'agent',
      optional: true,
      label: { type: 'plain_text', text: t('slack.desk.transfer_agent') },
      element: {
        type: 'static_select',
        action_id: 'value',
        options: targets.agents
          .slice(0, 100)
          .map((a) =>
            option(a.id, `${a.name} (${t(`slack.home.${a.availability}`)}, ${a.activeChats}/${a.maxChats})`),
          ),
      },
    });
  }
  if (targets.teams.length > 0) {
    blocks.push({
      type: 'input',
      block_id: 'team',
      optional: true,
      label: { type: 'plain_text', text: t('slack.desk.transfer_team') },
      element: {
        type: 'static_select',
        action_id: 'value',
        options: targets.teams.slice(0, 100).map((team) => option(team.id, team.name)),
      },
    });
  }
  blocks.push({
    type: 'input',
    block_id: 'note',
    optional: true,
    label: { type: 'plain_text', text: t('slack.desk.transfer_note') },
    element: { type: 'plain_text_input', action_id: 'value', multiline: true, max_length: 2000 },
  });
  return {
    type: 'modal',
    callback_id: 'hd_desk_transfer',
    private_metadata: handoffId,
    title: { type: 'plain_text', text: truncate(t('slack.desk.transfer_title'), 24) },
    submit: { type: 'plain_text', text: truncate(t('slack.desk.transfer'), 24) },
    close: { type: 'plain_text', text: truncate(t('slack.desk.cancel'), 24) },
    blocks,
  };
}

/** A modal asking an agent for one text about a live chat (a note, a solution). */
function textModal(
  handoffId: string,
  callbackId: string,
  blockId: string,
  texts: { title: string; submit: string; label: string },
  t: Translate,
): types.ModalView {
  return {
    type: 'modal',
    callback_id: callbackId,
    private_metadata: handoffId,
    title: { type: 'plain_text', text: truncate(t(texts.title), 24) },
    submit: { type: 'plain_text', text: truncate(t(texts.submit), 24) },
    close: { type: 'plain_text', text: truncate(t('slack.desk.cancel'), 24) },
    blocks: [
      {
        type: 'input',
        block_id: blockId,
        label: { type: 'plain_text', text: t(texts.label) },
        element: { type: 'plain_text_input', action_id: 'value', multiline: true, max_length: 3000 },
      },
    ],
  };
}

/** The modal for an internal note on a live chat. */
export function renderNoteModal(handoffId: string, t: Translate): types.ModalView {
  return textModal(
    handoffId,
    'hd_desk_note',
    'note',
    { title: 'slack.desk.note_title', submit: 'slack.desk.submit', label: 'slack.desk.note_label' },
    t,
  );
}

/** The modal asking for the solution when an agent sets Solution Offered: it goes to the requester. */
export function renderSolutionModal(handoffId: string, t: Translate): types.ModalView {
  return textModal(
    handoffId,
    VIEW_DESK_SOLUTION,
    'solution',
    {
      title: 'slack.desk.solution_title',
      submit: 'slack.desk.solution_submit',
      label: 'slack.desk.solution_label',
    },
    t,
  );
}
