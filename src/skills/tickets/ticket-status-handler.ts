import type { TurnContext } from '../../core/turn-context.js';
import { OPEN_STATUSES } from '../../domain/ticket-statuses.js';
import { extractUnknownTicketNumbers, isTicketId } from '../../nlu/entities/ticket-numbers.js';
import { isSupportStaff } from '../../store/ticket-visibility.js';
import { ticketButton, ticketNumber } from './ticket-buttons.js';
import type { TicketSkillDeps } from './ticket-skill-deps.js';
import { ticketStatusCard } from './ticket-status-card.js';

const CHOICE_SUBJECT_CHARS = 48;
/** Tickets spoken of in the plural ("my tickets", "cases", "requests"), not one ticket. */
const TICKETS_PLURAL = /\b(?:tickets|cases|requests)\b/i;

/**
 * "status of 1042", "any news on my ticket?": the ticket's card, or a choice when it is unclear
 * which. No ticket number, tickets in the plural and a named period ("show my tickets from may 3
 * to may 10") ask for the list of that period: `listTickets` (the ticket.list answer) gives it.
 */
export function createStatusHandler(deps: TicketSkillDeps, listTickets: (ctx: TurnContext) => Promise<void>) {
  const { t } = deps.responses;

  /** "I couldn't find ticket #5": `number` as the user gave it ("#5", "-5", "1e3"). */
  function notFound(ctx: TurnContext, number: string): void {
    ctx.reply({
      type: 'choices',
      prompt: t('tickets.status.not_found', { number }),
      choices: [ticketButton(t('tickets.update.actions.my_tickets'), 'list')],
    });
  }

  async function show(ctx: TurnContext, id: number): Promise<boolean> {
    // An id no ticket can have (a client's button can carry any number) is not looked up.
    const details = isTicketId(id) ? await deps.desk.details(ctx.user, id) : null;
    if (!details) {
      notFound(ctx, ticketNumber(id));
      return false;
    }
    ctx.reply(
      ticketStatusCard(deps.responses, details, ctx.user, {
        now: ctx.now,
        reopenDays: deps.reopenDays,
        ticketBaseUrl: deps.ticketBaseUrl,
      }),
    );
    await deps.desk.markRead(ctx.user, id);
    ctx.state.lastTicketId = id;
    return true;
  }

  /** Asks which open ticket is meant; each button then runs `action` on it. Returns the only one if there is one. */
  async function chooseTicket(
    ctx: TurnContext,
    action: string,
    data: Record<string, unknown> = {},
  ): Promise<number | null> {
    // "My ticket": the ones the user filed (for agents: the ones assigned to them), not colleagues' shared ones.
    const staff = isSupportStaff(ctx.user);
    const { items: open } = await deps.desk.list(
      ctx.user,
      { createdBy: staff ? 'anyone' : 'me', assignedToMe: staff, statuses: [...OPEN_STATUSES] },
      { limit: 6 },
    );
    if (open.length === 0) {
      ctx.reply({
        type: 'choices',
        prompt: t('tickets.status.no_tickets'),
        choices: [
          ticketButton(t('tickets.update.actions.new_ticket'), 'start-create'),
          ticketButton(t('tickets.update.actions.my_tickets'), 'list', {
            filter: { createdBy: 'anyone' },
          }),
        ],
      });
      return null;
    }
    if (open.length === 1) return open[0]!.id;
    ctx.reply({
      type: 'choices',
      prompt: t('tickets.status.choose_ticket'),
      choices: open.map((ticket) =>
        ticketButton(`${ticket.number} · ${shorten(ticket.subject)}`, action, { ...data, id: ticket.id }),
      ),
    });
    return null;
  }

  /**
   * Numbers given as tickets that cannot be tickets ("ticket 5", "#0", "ticket -5") when the message
   * names no ticket number: each is not found (true); the ticket talked about before is never meant.
   * `text`: the part of the message that names the ticket (the whole message by default).
   */
  function unknownNumbers(
    ctx: TurnContext,
    readNumbers: readonly number[],
    text = ctx.message.text,
  ): boolean {
    if (readNumbers.length > 0) return false;
    const unknown = extractUnknownTicketNumbers(text);
    for (const typed of unknown.slice(0, 3)) notFound(ctx, /^\d+$/.test(typed) ? `#${typed}` : typed);
    return unknown.length > 0;
  }

  return {
    show,
    notFound,
    unknownNumbers,
    chooseTicket,
    async onIntent(ctx: TurnContext): Promise<void> {
      const text = ctx.message.text;
      const entities = deps.entities(text, { now: ctx.now, kind: ctx.user.kind });
      const numbers = entities.ticketNumbers;
      if (numbers.length > 0) {
        for (const id of numbers.slice(0, 3)) await show(ctx, id);
        return;
      }
      if (unknownNumbers(ctx, numbers)) return;
      if (entities.period && TICKETS_PLURAL.test(text)) return listTickets(ctx);
      const last = ctx.state.lastTicketId;
      if (last && (await deps.desk.get(ctx.user, last))) {
        await show(ctx, last);
        return;
      }
      const only = await chooseTicket(ctx, 'status');
      if (only) await show(ctx, only);
    },
  };
}

function shorten(subject: string): string {
  return subject.length > CHOICE_SUBJECT_CHARS ? `${subject.slice(0, CHOICE_SUBJECT_CHARS - 1)}…` : subject;
}

export type StatusHandler = ReturnType<typeof createStatusHandler>;
