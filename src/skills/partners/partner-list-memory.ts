import { z } from 'zod';
import type { TurnContext } from '../../core/turn-context.js';
import { partnerFilterSchema, partnerSortSchema } from '../../store/partner-filter.js';
import type { PartnerAnswer } from './partner-answerer.js';
import { PARTNER_FIELDS } from './partner-question.js';

/** The last list shown, so "more" typed as text continues it. */
const LAST_LIST_KEY = 'partners.lastList';
const MORE = /^(?:show |give me |see )?(?:more|next(?: page)?|the rest|continue)(?: please)?[.!]?$/i;

/** A page of a list (a "More" or sort button, or typed "more"). */
export const listValueSchema = z.object({
  filter: partnerFilterSchema,
  sort: partnerSortSchema,
  offset: z.number().int().min(0).max(1_000_000),
});
export type ListValue = z.infer<typeof listValueSchema>;

/** A page of the partners a name can mean ("who manages Badger" → More). */
export const namesValueSchema = z.object({
  query: z.string().min(1).max(500),
  fields: z.array(z.enum(PARTNER_FIELDS)).max(20).default([]),
  offset: z.number().int().min(0).max(1000),
});
export type NamesValue = z.infer<typeof namesValueSchema>;

const lastListSchema = z.union([listValueSchema, namesValueSchema]);

/** True when the message only asks for the next page ("more", "next page", "the rest"). */
export const asksForMore = (text: string): boolean => MORE.test(text.trim());

/** What typed "more" continues, or null when nothing. */
export function lastList(ctx: TurnContext): ListValue | NamesValue | null {
  const parsed = lastListSchema.safeParse(ctx.state.memory[LAST_LIST_KEY]);
  return parsed.success ? parsed.data : null;
}

export function forgetList(ctx: TurnContext): void {
  delete ctx.state.memory[LAST_LIST_KEY];
}

/**
 * Keeps what "more" continues: the rest of a list just shown, the partners just
 * counted, or the rest of the partners a name can mean; a list or count with no
 * partners to page through leaves nothing.
 */
export function rememberList(ctx: TurnContext, answer: PartnerAnswer): void {
  if (answer.kind === 'choices' && answer.partners.length < answer.total) {
    // A name meaning more partners than one page shows: "more" shows the next ones, then says that was all.
    ctx.state.memory[LAST_LIST_KEY] = {
      query: answer.query,
      fields: answer.fields,
      offset: answer.offset + answer.partners.length,
    };
  } else if (answer.kind === 'list' && answer.total > 0) {
    ctx.state.memory[LAST_LIST_KEY] = {
      filter: answer.filter,
      sort: answer.sort,
      offset: answer.offset + answer.items.length,
    };
  } else if (answer.kind === 'count' && answer.total > 0) {
    ctx.state.memory[LAST_LIST_KEY] = { filter: answer.filter, sort: 'name', offset: 0 };
  } else if (answer.kind === 'list' || answer.kind === 'count') {
    forgetList(ctx);
  }
}
