import type { Action, Reply } from '../../core/reply.js';
import type { Responses } from '../../core/responses.js';
import type { TurnContext } from '../../core/turn-context.js';
import { ticketNumber } from './ticket-buttons.js';

/** Tickets one command handles at most ("close 1000 and 1001"); more, and the user is asked for fewer. */
export const MAX_TICKETS_AT_ONCE = 5;

/**
 * Runs one ticket's command for every ticket named, each by the same rules as alone, and answers
 * once: each ticket's answer on a line of its own, then their buttons, each naming its ticket
 * ("Reopen #1000"). Warnings (a rejected attachment) are said once.
 */
export async function forEachTicket(
  ctx: TurnContext,
  ids: readonly number[],
  responses: Responses,
  runOne: (ctx: TurnContext, id: number) => Promise<void>,
  /** Run after every ticket, its replies joined last (one question for all of them). */
  finish?: (ctx: TurnContext) => void,
): Promise<void> {
  const { t } = responses;
  if (ids.length > MAX_TICKETS_AT_ONCE) {
    ctx.reply({
      type: 'text',
      text: t('tickets.update.too_many_tickets', { count: ids.length, max: MAX_TICKETS_AT_ONCE }),
    });
    return;
  }
  const steps: TicketStep[] = ids.map((id) => ({ id, run: (c) => runOne(c, id) }));
  if (finish) steps.push({ id: null, run: finish });
  return inOneReply(ctx, responses, steps);
}

/** One step of a reply about several tickets: `id`, the ticket it is about (its buttons name it), if any. */
export interface TicketStep {
  readonly id: number | null;
  readonly run: (ctx: TurnContext) => Promise<void> | void;
}

/**
 * Runs the steps in order and answers once, as `forEachTicket` does: each step's answer on a line
 * of its own, then their buttons, each naming its ticket. The caller keeps to `MAX_TICKETS_AT_ONCE`.
 */
export async function inOneReply(
  ctx: TurnContext,
  responses: Responses,
  steps: readonly TicketStep[],
): Promise<void> {
  const { t } = responses;
  const lines: string[] = [];
  const choices: Action[] = [];
  const others: Reply[] = [];
  for (const { id, run } of steps) {
    const replies: Reply[] = [];
    await run(collecting(ctx, replies));
    for (const reply of replies) {
      if (reply.type === 'text') lines.push(reply.text);
      else if (reply.type === 'choices') {
        lines.push(reply.prompt);
        for (const choice of reply.choices) {
          const forTicket = id !== null && choice.value?.id === id;
          const label = forTicket
            ? t('tickets.update.actions.for_ticket', { action: choice.label, number: ticketNumber(id) })
            : choice.label;
          if (!choices.some((c) => c.label === label)) choices.push({ ...choice, label });
        }
      } else if (!others.some((o) => JSON.stringify(o) === JSON.stringify(reply))) others.push(reply);
    }
  }
  const text = lines.join('\n');
  ctx.reply(
    ...others,
    choices.length > 0 ? { type: 'choices', prompt: text, choices } : { type: 'text', text },
  );
}

/** The turn as one ticket's command sees it, its replies kept aside to be joined with the others'. */
function collecting(ctx: TurnContext, replies: Reply[]): TurnContext {
  return Object.create(ctx, {
    replies: { value: replies },
    reply: {
      value: (...r: Reply[]) => {
        replies.push(...r);
      },
    },
  }) as TurnContext;
}
