import { z } from 'zod';
import type { ActiveFlow } from '../../core/conversation-state.js';
import { askOpenQuestion } from '../../core/router.js';
import type { TurnContext } from '../../core/turn-context.js';
import { MAX_PARTNERS_ASKED, type PartnerAnswer } from './partner-answerer.js';
import {
  PARTNER_FIELDS,
  type PartnerField,
  type PartnerQuestion,
  type PartnerRef,
} from './partner-question.js';
import { type ParserContext, parsePartnerQuestion } from './partner-question-parser.js';
import { SKILL_NAME } from './partner-replies.js';

/** The open question a partner answer leaves: the next message may ask more about the same partners. */
export const FOLLOW_UP_QUESTION = 'follow-up';

/** The partners just answered for, kept in the conversation state for the next message. */
const followUpSchema = z.object({
  accountId: z.string().min(1).max(200),
  partnerIds: z
    .array(z.string().regex(/^\d{1,12}$/))
    .min(1)
    .max(MAX_PARTNERS_ASKED),
  fields: z.array(z.enum(PARTNER_FIELDS)).max(20),
});
export type FollowUp = z.infer<typeof followUpSchema>;

/** "what about Northwind Outlet?", "and partner 100234?", "how about them?": the rest is what is asked about. */
const WHAT_ABOUT = /^(?:and\s+)?(?:what|how)\s+about\s+(.+?)[\s?.!]*$|^and\s+(.+?)\s*\?+$/i;

/** The partners an answer was about (a card, facts, or facts for each of several), with the facts asked. */
function answeredPartners(answer: PartnerAnswer): { partnerIds: string[]; fields: PartnerField[] } {
  switch (answer.kind) {
    case 'one':
      return { partnerIds: [answer.partner.partnerId], fields: [...answer.fields] };
    case 'several': {
      const each = answer.answers.map(answeredPartners);
      return { partnerIds: each.flatMap((a) => a.partnerIds), fields: each[0]?.fields ?? [] };
    }
    default:
      return { partnerIds: [], fields: [] };
  }
}

/**
 * After an answer about one or more partners, lets the next message ask about them
 * ("what is their contract status?") or about another partner the same way
 * ("what about Northwind Outlet?"). Held for that one message.
 */
export function askFollowUp(ctx: TurnContext, accountId: string, answer: PartnerAnswer): void {
  const { partnerIds, fields } = answeredPartners(answer);
  if (partnerIds.length === 0) return;
  const slots: FollowUp = { accountId, partnerIds: partnerIds.slice(0, MAX_PARTNERS_ASKED), fields };
  askOpenQuestion(ctx, { skill: SKILL_NAME, name: FOLLOW_UP_QUESTION, slots });
}

/** The partners a follow-up question may be about, or null for another open question. */
export function followUpOf(question: ActiveFlow): FollowUp | null {
  if (question.name !== FOLLOW_UP_QUESTION) return null;
  const parsed = followUpSchema.safeParse(question.slots);
  return parsed.success ? parsed.data : null;
}

const isAboutPartners = (q: PartnerQuestion): q is Extract<PartnerQuestion, { kind: 'one' | 'several' }> =>
  q.kind === 'one' || q.kind === 'several';

/**
 * The question a message asks as a follow-up, or null when it is not one (it is
 * then routed as usual): "what is their status?" / "are they active?" about the
 * partners just answered for; "what about X?" asks about X what was just asked
 * (or what it names itself). A question that names its partner without "what
 * about" stands on its own and is not a follow-up.
 */
export function followUpQuestion(
  text: string,
  followUp: FollowUp,
  ctx: ParserContext,
): PartnerQuestion | null {
  const subject = followUp.partnerIds.map((value): PartnerRef => ({ by: 'partnerId', value }));
  const about = WHAT_ABOUT.exec(text.trim());
  if (about) {
    const asked = parsePartnerQuestion(about[1] ?? about[2] ?? '', { ...ctx, subject });
    if (!isAboutPartners(asked)) return null;
    return asked.fields.length > 0 ? asked : { ...asked, fields: followUp.fields };
  }
  if (isAboutPartners(parsePartnerQuestion(text, ctx))) return null;
  const asked = parsePartnerQuestion(text, { ...ctx, subject });
  return isAboutPartners(asked) ? asked : null;
}
