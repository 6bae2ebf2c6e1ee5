import { z } from 'zod';
import type { Responses } from '../../core/responses.js';
import { askOpenQuestion } from '../../core/router.js';
import type { FlowOutcome, Skill } from '../../core/skill.js';
import type { TurnContext } from '../../core/turn-context.js';
import type { PartnerRepository } from '../../store/partner-repository.js';
import { mainMenuActions } from '../core/help-skill.js';
import {
  type DirectoryAccount,
  type PartnerAccessDeps,
  PICKED_ACCOUNT_KEY,
  resolvePartnerAccess,
} from './partner-access.js';
import { answerByName, answerPartnerQuestion, type PartnerAnswer } from './partner-answerer.js';
import { askFollowUp, type FollowUp, followUpOf, followUpQuestion } from './partner-follow-up.js';
import {
  asksForMore,
  forgetList,
  type ListValue,
  lastList,
  listValueSchema,
  type NamesValue,
  namesValueSchema,
  rememberList,
} from './partner-list-memory.js';
import { PARTNER_FIELDS, type PartnerField } from './partner-question.js';
import { parsePartnerQuestion } from './partner-question-parser.js';
import { listDoneText, type PartnerPageUrl, partnerAnswerReplies, SKILL_NAME } from './partner-replies.js';
import type { PartnerSnapshots } from './partner-snapshots.js';

/** The intent this skill answers. */
const PARTNER_INTENT = 'partner.query';
/**
 * The open question a list, a count or names to choose from leave: "more" typed next reaches this skill
 * before intent matching, which reads a lone "more" as anything ("nothing to cancel", a new ticket).
 */
const MORE_QUESTION = 'more';

export interface PartnersSkillDeps extends PartnerAccessDeps {
  readonly responses: Responses;
  readonly repository: PartnerRepository;
  readonly snapshots: PartnerSnapshots;
}

const showValueSchema = z.object({
  partnerId: z.string().regex(/^\d{1,12}$/),
  fields: z.array(z.enum(PARTNER_FIELDS)).max(20).default([]),
});
const useAccountSchema = z.object({
  accountId: z.string().min(1).max(200),
  text: z.string().max(2000).optional(),
});

function pageUrlFor(account: DirectoryAccount): PartnerPageUrl {
  const base = account.partnerPageUrl?.replace(/\/+$/, '');
  return (partnerId) => (base ? `${base}/${encodeURIComponent(partnerId)}` : null);
}

/**
 * `partner.query`: questions about the brand's partner directory, answered
 * from the database; buttons for details, "More" and sorting come back here.
 */
export function createPartnersSkill(deps: PartnersSkillDeps): Skill {
  const { t } = deps.responses;

  /** The directory this turn may read, or the reply that explains why none. */
  async function accessFor(ctx: TurnContext, pendingText: string): Promise<DirectoryAccount | null> {
    const access = await resolvePartnerAccess(ctx, deps);
    switch (access.kind) {
      case 'account':
        if (access.asAgent) {
          ctx.reply({
            type: 'choices',
            prompt: t('partners.agent_account', { account: access.account.name }),
            choices: [
              { label: t('partners.switch_account'), value: { skill: SKILL_NAME, action: 'switch-account' } },
            ],
          });
        }
        return access.account;
      case 'partner-user':
        ctx.reply({
          type: 'choices',
          prompt: t('partners.partner_user'),
          choices: mainMenuActions(deps.responses),
        });
        return null;
      case 'no-accounts':
        ctx.reply({ type: 'text', text: t('partners.no_accounts') });
        return null;
      case 'pick-account':
        ctx.reply({
          type: 'choices',
          prompt: access.fromChats ? t('partners.pick_account_from_chats') : t('partners.pick_account'),
          choices: access.options.map((a) => ({
            label: a.name,
            value: { skill: SKILL_NAME, action: 'use-account', accountId: a.id, text: pendingText },
          })),
        });
        return null;
    }
  }

  /** Shows an answer, keeps what "more" continues, and lets the next message follow up on its partners. */
  function replyWith(ctx: TurnContext, account: DirectoryAccount, answer: PartnerAnswer): void {
    rememberList(ctx, answer);
    ctx.reply(...partnerAnswerReplies(answer, deps.responses, pageUrlFor(account)));
    askFollowUp(ctx, account.id, answer);
    if (answer.kind === 'list' || answer.kind === 'count' || answer.kind === 'choices') askMore(ctx);
  }

  /** Lets "more" typed next continue what was just shown, or say that nothing is left. */
  function askMore(ctx: TurnContext): void {
    askOpenQuestion(ctx, { skill: SKILL_NAME, name: MORE_QUESTION, slots: {} });
  }

  async function answerText(ctx: TurnContext, text: string): Promise<void> {
    if (asksForMore(text)) {
      const last = lastList(ctx);
      if (!last) {
        ctx.reply({ type: 'text', text: t('partners.more_nothing') });
      } else if ('query' in last) {
        await showNames(ctx, last);
      } else {
        await showList(ctx, last, text);
      }
      return;
    }
    const account = await accessFor(ctx, text);
    if (!account) return;
    const snapshot = await deps.snapshots.get(account.id);
    const question = parsePartnerQuestion(text, {
      now: ctx.now,
      lexicon: snapshot.lexicon,
      names: snapshot.names,
    });
    const answer = await answerPartnerQuestion(question, {
      repository: deps.repository,
      snapshot,
      accountId: account.id,
    });
    replyWith(ctx, account, answer);
  }

  /** The next page of the partners a name can mean. */
  async function showNames(ctx: TurnContext, value: NamesValue): Promise<void> {
    const account = await accessFor(ctx, '');
    if (!account) return;
    const snapshot = await deps.snapshots.get(account.id);
    const answer = await answerByName(
      { repository: deps.repository, snapshot, accountId: account.id },
      value.query,
      value.fields,
      value.offset,
    );
    if (answer.kind === 'choices' && answer.partners.length === 0) {
      forgetList(ctx);
      ctx.reply({
        type: 'text',
        text: t('partners.choices_done', { query: value.query, count: answer.total }),
      });
      askMore(ctx);
      return;
    }
    replyWith(ctx, account, answer);
  }

  /**
   * A follow-up right after a partner answer ("what is their contract status?", "what about
   * Northwind Outlet?"), answered from the same directory; anything else is routed as usual.
   */
  async function answerFollowUp(ctx: TurnContext, followUp: FollowUp): Promise<FlowOutcome> {
    const access = await resolvePartnerAccess(ctx, deps);
    if (access.kind !== 'account' || access.account.id !== followUp.accountId) return 'not-an-answer';
    const snapshot = await deps.snapshots.get(access.account.id);
    const question = followUpQuestion(ctx.message.text, followUp, {
      now: ctx.now,
      lexicon: snapshot.lexicon,
      names: snapshot.names,
    });
    if (!question) return 'not-an-answer';
    const answer = await answerPartnerQuestion(question, {
      repository: deps.repository,
      snapshot,
      accountId: access.account.id,
    });
    // "what about X?" where X is no partner is not taken for a partner question.
    if (answer.kind === 'not-found' && answer.by === 'name') return 'not-an-answer';
    // Recorded as the partner question it is (the message alone would not be one).
    ctx.intent = { name: PARTNER_INTENT, confidence: 1, skill: SKILL_NAME };
    replyWith(ctx, access.account, answer);
    return 'handled';
  }

  async function showList(ctx: TurnContext, value: ListValue, text: string): Promise<void> {
    const account = await accessFor(ctx, text);
    if (!account) return;
    const snapshot = await deps.snapshots.get(account.id);
    const answer = await answerPartnerQuestion(
      { kind: 'list', filter: value.filter, sort: value.sort },
      { repository: deps.repository, snapshot, accountId: account.id },
      { offset: value.offset },
    );
    if (answer.kind === 'list' && answer.total > 0 && answer.items.length === 0) {
      // Past the last page: every partner of the list has been shown.
      forgetList(ctx);
      ctx.reply({ type: 'text', text: listDoneText(answer, deps.responses) });
      askMore(ctx);
      return;
    }
    replyWith(ctx, account, answer);
  }

  async function showPartner(ctx: TurnContext, partnerId: string, fields: readonly string[]): Promise<void> {
    const account = await accessFor(ctx, '');
    if (!account) return;
    const partner = await deps.repository.byPartnerId(account.id, partnerId);
    if (!partner) {
      ctx.reply({ type: 'text', text: t('partners.not_found.partnerId', { query: partnerId }) });
      return;
    }
    replyWith(ctx, account, { kind: 'one', partner, fields: fields as PartnerField[] });
  }

  return {
    name: SKILL_NAME,
    async onIntent(ctx) {
      await answerText(ctx, ctx.message.text);
    },
    async onFlowMessage(ctx, question) {
      if (question.name === MORE_QUESTION) {
        if (!asksForMore(ctx.message.text)) return 'not-an-answer';
        ctx.intent = { name: PARTNER_INTENT, confidence: 1, skill: SKILL_NAME };
        await answerText(ctx, ctx.message.text);
        return 'handled';
      }
      const followUp = followUpOf(question);
      return followUp ? answerFollowUp(ctx, followUp) : 'not-an-answer';
    },
    async onAction(ctx, value) {
      switch (value.action) {
        case 'names': {
          const parsed = namesValueSchema.safeParse(value);
          if (parsed.success) await showNames(ctx, parsed.data);
          return;
        }
        case 'show': {
          const parsed = showValueSchema.safeParse(value);
          if (parsed.success) await showPartner(ctx, parsed.data.partnerId, parsed.data.fields);
          return;
        }
        case 'list': {
          const parsed = listValueSchema.safeParse(value);
          if (parsed.success) await showList(ctx, parsed.data, '');
          return;
        }
        case 'use-account': {
          const parsed = useAccountSchema.safeParse(value);
          // Only support staff choose whose directory to read; a brand user's account is fixed.
          if (!parsed.success || ctx.user.role === 'requester' || ctx.user.kind === 'partner') return;
          ctx.state.memory[PICKED_ACCOUNT_KEY] = parsed.data.accountId;
          forgetList(ctx);
          if (parsed.data.text) await answerText(ctx, parsed.data.text);
          else {
            const account = await accessFor(ctx, '');
            if (account) ctx.reply({ type: 'text', text: t('partners.unclear') });
          }
          return;
        }
        case 'switch-account':
          delete ctx.state.memory[PICKED_ACCOUNT_KEY];
          forgetList(ctx);
          if (ctx.user.role !== 'requester') await accessFor(ctx, '');
          return;
      }
    },
  };
}
