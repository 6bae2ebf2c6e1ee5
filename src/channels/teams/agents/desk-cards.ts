import type { NoticeReply } from '../../../core/reply.js';
import type { Responses } from '../../../core/responses.js';
import { TICKET_STATUSES } from '../../../domain/ticket-statuses.js';
import type { LiveChat } from '../../../skills/handoff/agent-desk.js';
import {
  type AdaptiveAction,
  type AdaptiveCard,
  type AdaptiveElement,
  adaptiveCard,
} from '../adaptive-card-types.js';
import { renderAdaptiveCard, textBlocks } from '../render-adaptive-card.js';

/** Action.Execute verbs of the escalation card; the invoke carries `{ handoffId }` plus the inputs. */
export const DESK_VERBS = {
  claim: 'desk.claim',
  note: 'desk.note',
  status: 'desk.status',
  transfer: 'desk.transfer',
  close: 'desk.close',
} as const;

export type DeskVerb = (typeof DESK_VERBS)[keyof typeof DESK_VERBS];

/** Input ids of the escalation card's forms. */
export const DESK_INPUTS = {
  note: 'note',
  status: 'status',
  /** The solution for the requester, needed with Solution Offered. */
  solution: 'solution',
  target: 'target',
  transferNote: 'transferNote',
} as const;

export function isDeskVerb(verb: string): verb is DeskVerb {
  return (Object.values(DESK_VERBS) as string[]).includes(verb);
}

export interface TransferTargets {
  readonly teams: ReadonlyArray<{ readonly id: string; readonly name: string }>;
  readonly agents: ReadonlyArray<{ readonly id: string; readonly name: string }>;
}

export type DeskCardState =
  | { readonly kind: 'waiting' }
  | { readonly kind: 'claimed'; readonly agentName: string }
  | { readonly kind: 'closed' };

/**
 * The escalation card in the agents' channel, in the chat's current state:
 * waiting (Claim), claimed (note, ticket status, transfer, close), or closed.
 * `notice` is the outcome of the last action, shown at the top. Pure.
 */
export function escalationCard(
  chat: LiveChat,
  state: DeskCardState,
  options: { t: Responses['t']; targets: TransferTargets; notice?: NoticeReply },
): AdaptiveCard {
  const { t } = options;
  const body: AdaptiveElement[] = [];
  if (options.notice) body.push(...(renderAdaptiveCard(options.notice).body as AdaptiveElement[]));
  body.push({
    type: 'TextBlock',
    text: t('teams.desk.queued_title', { ticket: chat.ticketNumber, subject: chat.ticketSubject }).trim(),
    wrap: true,
    size: 'Medium',
    weight: 'Bolder',
  });
  if (state.kind === 'claimed') {
    body.push(statusLine(t('teams.desk.claimed_card', { agent: state.agentName }), 'Good'));
  } else if (state.kind === 'closed') {
    body.push(statusLine(t('teams.desk.closed_card'), 'Default'));
  }
  body.push({
    type: 'FactSet',
    facts: [
      { title: t('teams.desk.requester'), value: chat.requester.name },
      { title: t('teams.desk.account'), value: chat.requester.accountName },
      { title: t('teams.desk.reason'), value: chat.reason },
      { title: t('teams.desk.waiting_since'), value: utcMinute(chat.waitingSince) },
      ...(state.kind === 'waiting' && chat.position !== null
        ? [{ title: t('teams.desk.position'), value: String(chat.position) }]
        : []),
    ],
  });
  if (chat.summary.trim()) {
    body.push({ type: 'TextBlock', text: t('teams.desk.summary_title'), weight: 'Bolder', wrap: true });
    body.push(...textBlocks(chat.summary, { isSubtle: true }));
  }
  return adaptiveCard(body, deskActions(chat, state, options.t, options.targets), { fullWidth: true });
}

function statusLine(text: string, color: string): AdaptiveElement {
  return { type: 'TextBlock', text, wrap: true, weight: 'Bolder', color, spacing: 'Small' };
}

function deskActions(
  chat: LiveChat,
  state: DeskCardState,
  t: Responses['t'],
  targets: TransferTargets,
): AdaptiveAction[] {
  const data = { handoffId: chat.handoffId };
  const execute = (verb: DeskVerb, title: string, extra: Record<string, unknown> = {}): AdaptiveAction => ({
    type: 'Action.Execute',
    verb,
    title,
    data,
    ...extra,
  });
  if (state.kind === 'closed') return [];
  if (state.kind === 'waiting')
    return [execute(DESK_VERBS.claim, t('teams.desk.claim'), { style: 'positive' })];
  const showCard = (title: string, body: AdaptiveElement[], submit: AdaptiveAction): AdaptiveAction => ({
    type: 'Action.ShowCard',
    title,
    card: { type: 'AdaptiveCard', body, actions: [submit] },
  });
  return [
    showCard(
      t('teams.desk.add_note'),
      [
        {
          type: 'Input.Text',
          id: DESK_INPUTS.note,
          label: t('teams.desk.note_label'),
          isMultiline: true,
          isRequired: true,
        },
      ],
      execute(DESK_VERBS.note, t('teams.desk.save_note')),
    ),
    showCard(
      t('teams.desk.set_status'),
      [
        {
          type: 'Input.ChoiceSet',
          id: DESK_INPUTS.status,
          label: t('teams.desk.status_label'),
          style: 'compact',
          isRequired: true,
          choices: TICKET_STATUSES.map((s) => ({ title: s.label, value: s.id })),
        },
        {
          type: 'Input.Text',
          id: DESK_INPUTS.solution,
          label: t('teams.desk.solution_label'),
          isMultiline: true,
        },
      ],
      execute(DESK_VERBS.status, t('teams.desk.save_status')),
    ),
    showCard(
      t('teams.desk.transfer'),
      [
        {
          type: 'Input.ChoiceSet',
          id: DESK_INPUTS.target,
          label: t('teams.desk.transfer_to'),
          style: 'compact',
          isRequired: true,
          choices: [
            ...targets.teams.map((team) => ({
              title: t('teams.desk.transfer_team', { name: team.name }),
              value: `team:${team.id}`,
            })),
            ...targets.agents.map((agent) => ({
              title: t('teams.desk.transfer_agent', { name: agent.name }),
              value: `agent:${agent.id}`,
            })),
          ],
        },
        {
          type: 'Input.Text',
          id: DESK_INPUTS.transferNote,
          label: t('teams.desk.transfer_note'),
          isMultiline: true,
        },
      ],
      execute(DESK_VERBS.transfer, t('teams.desk.do_transfer')),
    ),
    execute(DESK_VERBS.close, t('teams.desk.close'), { style: 'destructive', associatedInputs: 'none' }),
  ];
}

/** A moment as `2026-05-04 09:30 UTC`: the same for every agent, whatever their client's locale. */
export function utcMinute(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
