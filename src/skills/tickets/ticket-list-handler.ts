import type { TurnContext } from '../../core/turn-context.js';
import type { TicketCursor, TicketFilter } from '../../store/ticket-query-repository.js';
import { parseListFilter, ticketCursorSchema, ticketFilterSchema } from './ticket-list-filter.js';
import { ticketListReply } from './ticket-list-reply.js';
import type { TicketSkillDeps } from './ticket-skill-deps.js';

export const LIST_PAGE_SIZE = 5;

/** "my open tickets", "tickets awaiting my response", "all tickets of my account about payouts", and "More". */
export function createListHandler(deps: TicketSkillDeps) {
  async function page(
    ctx: TurnContext,
    filter: TicketFilter,
    after: TicketCursor | undefined,
    offset: number,
  ) {
    const result = await deps.desk.list(ctx.user, filter, { limit: LIST_PAGE_SIZE, after });
    ctx.reply(...ticketListReply(deps.responses, filter, { ...result, offset }, ctx.now));
  }

  return {
    async onIntent(ctx: TurnContext): Promise<void> {
      const timeZone = (await deps.timeZoneOf?.(ctx.user.id)) ?? undefined;
      const entities = deps.entities(ctx.message.text, {
        now: ctx.now,
        kind: ctx.user.kind,
        ...(timeZone ? { timeZone } : {}),
      });
      await page(ctx, parseListFilter(ctx.message.text, entities, ctx.user), undefined, 0);
    },
    /** The "More" button (and "My tickets" buttons, which carry no filter: open tickets the user may see). */
    async onAction(ctx: TurnContext, value: Readonly<Record<string, unknown>>): Promise<void> {
      const filter = ticketFilterSchema.safeParse(value.filter ?? { createdBy: 'anyone' });
      const after = ticketCursorSchema.safeParse(value.after);
      const offset = typeof value.offset === 'number' && value.offset >= 0 ? value.offset : 0;
      const base: TicketFilter = filter.success ? filter.data : { createdBy: 'anyone' };
      const withDefault: TicketFilter =
        value.filter === undefined
          ? { ...base, statuses: ['open', 'in_progress', 'awaiting_response', 'solution_offered'] }
          : base;
      await page(ctx, withDefault, after.success ? after.data : undefined, after.success ? offset : 0);
    },
  };
}
