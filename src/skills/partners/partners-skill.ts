import { z } from 'zod';
import type { Reply } from '../../core/reply.js';
import type { Responses } from '../../core/responses.js';
import type { Skill } from '../../core/skill.js';
import type { TurnContext } from '../../core/turn-context.js';
import { partnerFilterSchema, partnerSortSchema } from '../../store/partner-filter.js';
import type { PartnerRepository } from '../../store/partner-repository.js';
import { mainMenuActions } from '../core/help-skill.js';
import {
  type DirectoryAccount,
  type PartnerAccessDeps,
  PICKED_ACCOUNT_KEY,
  resolvePartnerAccess,
} from './partner-access.js';
import { answerPartnerQuestion, type PartnerAnswer } from './partner-answerer.js';
import { PARTNER_FIELDS, type PartnerField } from './partner-question.js';
import { parsePartnerQuestion } from './partner-question-parser.js';
import { listDoneText, type PartnerPageUrl, partnerAnswerReplies, SKILL_NAME } from './partner-replies.js';
import type { PartnerSnapshots } from './partner-snapshots.js';

export interface PartnersSkillDeps extends PartnerAccessDeps {
  readonly responses: Responses;
  readonly repository: PartnerRepository;
  readonly snapshots: PartnerSnapshots;
}

/** The last list shown, so "more" typed as text continues it. */
const LAST_LIST_KEY = 'partners.lastList';
const MORE = /^(?:show |give me |see )?(?:more|next(?: page)?|the rest|continue)(?: please)?[.!]?$/i;

const listValueSchema = z.object({
  filter: partnerFilterSchema,
  sort: partnerSortSchema,
  offset: z.number().int().min(0).max(1_000_000),
});
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
 * Keeps what "more" continues: the rest of a list just shown, or the partners
 * just counted; an answer with no partners to page through leaves nothing.
 */
function rememberList(ctx: TurnContext, answer: PartnerAnswer): void {
  if (answer.kind === 'list' && answer.total > 0) {
    ctx.state.memory[LAST_LIST_KEY] = {
      filter: answer.filter,
      sort: answer.sort,
      offset: answer.offset + answer.items.length,
    };
  } else if (answer.kind === 'count' && answer.total > 0) {
    ctx.state.memory[LAST_LIST_KEY] = { filter: answer.filter, sort: 'name', offset: 0 };
  } else if (answer.kind === 'list' || answer.kind === 'count') {
    delete ctx.state.memory[LAST_LIST_KEY];
  }
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

  async function answerText(ctx: TurnContext, text: string): Promise<void> {
    const last = listValueSchema.safeParse(ctx.state.memory[LAST_LIST_KEY]);
    if (MORE.test(text.trim())) {
      if (!last.success) {
        ctx.reply({ type: 'text', text: t('partners.more_nothing') });
        return;
      }
      await showList(ctx, last.data, text);
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
    rememberList(ctx, answer);
    ctx.reply(...partnerAnswerReplies(answer, deps.responses, pageUrlFor(account)));
  }

  async function showList(
    ctx: TurnContext,
    value: z.infer<typeof listValueSchema>,
    text: string,
  ): Promise<void> {
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
      delete ctx.state.memory[LAST_LIST_KEY];
      ctx.reply({ type: 'text', text: listDoneText(answer, deps.responses) });
      return;
    }
    rememberList(ctx, answer);
    ctx.reply(...partnerAnswerReplies(answer, deps.responses, pageUrlFor(account)));
  }

  async function showPartner(ctx: TurnContext, partnerId: string, fields: readonly string[]): Promise<void> {
    const account = await accessFor(ctx, '');
    if (!account) return;
    const partner = await deps.repository.byPartnerId(account.id, partnerId);
    const replies: Reply[] = partner
      ? partnerAnswerReplies(
          { kind: 'one', partner, fields: fields as PartnerField[] },
          deps.responses,
          pageUrlFor(account),
        )
      : [{ type: 'text', text: t('partners.not_found.partnerId', { query: partnerId }) }];
    ctx.reply(...replies);
  }

  return {
    name: SKILL_NAME,
    async onIntent(ctx) {
      await answerText(ctx, ctx.message.text);
    },
    async onAction(ctx, value) {
      switch (value.action) {
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
          delete ctx.state.memory[LAST_LIST_KEY];
          if (parsed.data.text) await answerText(ctx, parsed.data.text);
          else {
            const account = await accessFor(ctx, '');
            if (account) ctx.reply({ type: 'text', text: t('partners.unclear') });
          }
          return;
        }
        case 'switch-account':
          delete ctx.state.memory[PICKED_ACCOUNT_KEY];
          delete ctx.state.memory[LAST_LIST_KEY];
          if (ctx.user.role !== 'requester') await accessFor(ctx, '');
          return;
      }
    },
  };
}
