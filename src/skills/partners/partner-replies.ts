import type { Action, CardReply, Reply } from '../../core/reply.js';
import type { Responses } from '../../core/responses.js';
import type { PartnerFilter, PartnerSort } from '../../store/partner-filter.js';
import type { PartnerSummary, PartnerView } from '../../store/partner-repository.js';
import type { PartnerAnswer } from './partner-answerer.js';
import { PAGE_SIZE } from './partner-answerer.js';
import { describeFilter, factValue, isoDay, placeOf } from './partner-fact-values.js';
import type { PartnerField } from './partner-question.js';

export const SKILL_NAME = 'partners';

/** Where a partner's page is in the platform, when the account configured it. */
export type PartnerPageUrl = (partnerId: string) => string | null;

/** Button values the skill understands (every one names the skill, so clicks come back here). */
export const showAction = (partnerId: string, fields: readonly PartnerField[] = []) => ({
  skill: SKILL_NAME,
  action: 'show',
  partnerId,
  fields: [...fields],
});
export const listAction = (filter: PartnerFilter, sort: PartnerSort, offset: number) => ({
  skill: SKILL_NAME,
  action: 'list',
  filter,
  sort,
  offset,
});

/** The next page of the partners a name can mean ("who manages Badger" → More). */
export const namesAction = (query: string, fields: readonly PartnerField[], offset: number) => ({
  skill: SKILL_NAME,
  action: 'names',
  query,
  fields: [...fields],
  offset,
});

const CARD_FIELDS: readonly PartnerField[] = [
  'website',
  'location',
  'contractStatus',
  'contractName',
  'groups',
  'joinedAt',
  'joinedVia',
  'stage',
  'accountManager',
  'contact',
  'businessModel',
  'size',
  'promotionalAreas',
  'audienceCountry',
  'socialReach',
  'media',
  'prospectingSource',
  'pendingTermUpdate',
];

function statusOf(p: PartnerSummary, t: Responses['t']): string {
  return p.contractStatus ?? t('partners.values.prospect', { stage: p.stage });
}

/** The partner's full card, with a link to its page in the platform. */
export function partnerCard(p: PartnerView, responses: Responses, pageUrl: PartnerPageUrl): CardReply {
  const { t } = responses;
  const url = pageUrl(p.partnerId);
  return {
    type: 'card',
    title: p.name,
    subtitle: t('partners.card_subtitle', { partnerId: p.partnerId, status: statusOf(p, t) }),
    ...(url ? { url } : {}),
    fields: CARD_FIELDS.map((f) => ({ label: t(`partners.fields.${f}`), value: factValue(f, p, responses) })),
    actions: url ? [{ label: t('partners.open_in_platform'), url }] : [],
  };
}

function factsReply(
  p: PartnerView,
  fields: readonly PartnerField[],
  responses: Responses,
  pageUrl: PartnerPageUrl,
): Reply[] {
  const { t } = responses;
  const lines = fields.map((f) =>
    t('partners.fact', {
      name: p.name,
      partnerId: p.partnerId,
      label: t(`partners.fields.${f}`),
      value: factValue(f, p, responses),
    }),
  );
  const url = pageUrl(p.partnerId);
  return [
    {
      type: 'choices',
      prompt: lines.join('\n'),
      choices: [
        { label: t('partners.show_profile'), value: showAction(p.partnerId) },
        ...(url ? [{ label: t('partners.open_in_platform'), url }] : []),
      ],
    },
  ];
}

function listItem(p: PartnerSummary, responses: Responses, pageUrl: PartnerPageUrl): CardReply {
  const { t } = responses;
  const url = pageUrl(p.partnerId);
  return {
    type: 'card',
    title: p.name,
    subtitle: t('partners.item_subtitle', {
      partnerId: p.partnerId,
      status: statusOf(p, t),
      place: placeOf(p) || '–',
      joined: p.joinedAt ? isoDay(p.joinedAt) : '–',
    }),
    ...(url ? { url } : {}),
    fields: [],
    actions: [{ label: t('partners.details'), value: showAction(p.partnerId) }],
  };
}

/** After the last page: the list has no more partners to show. */
export function listDoneText(answer: Extract<PartnerAnswer, { kind: 'list' }>, responses: Responses): string {
  const filter = describeFilter(answer.filter, responses);
  return answer.total === 1
    ? responses.t('partners.more_done_one', { filter })
    : responses.t('partners.more_done', { count: answer.total, filter });
}

function listReply(
  answer: Extract<PartnerAnswer, { kind: 'list' }>,
  responses: Responses,
  pageUrl: PartnerPageUrl,
): Reply[] {
  const { t } = responses;
  const filter = describeFilter(answer.filter, responses);
  if (answer.total === 0) return [{ type: 'text', text: t('partners.list_empty', { filter }) }];
  const end = answer.offset + answer.items.length;
  const actions: Action[] = [];
  if (end < answer.total)
    actions.push({ label: t('partners.more'), value: listAction(answer.filter, answer.sort, end) });
  if (answer.sort !== 'name') {
    actions.push({ label: t('partners.sort_by_name'), value: listAction(answer.filter, 'name', 0) });
  }
  if (answer.sort !== 'joined-newest') {
    actions.push({
      label: t('partners.sort_by_newest'),
      value: listAction(answer.filter, 'joined-newest', 0),
    });
  }
  return [
    {
      type: 'list',
      title:
        answer.total === 1
          ? t('partners.list_title_one', { filter })
          : t('partners.list_title', { count: answer.total, filter }),
      items: answer.items.map((p) => listItem(p, responses, pageUrl)),
      actions,
    },
    {
      type: 'text',
      text: t('partners.list_range', {
        from: answer.offset + 1,
        to: end,
        total: answer.total,
        sort: t(`partners.sort_names.${answer.sort}`),
      }),
    },
  ];
}

/** Which partner of several: with the range shown when they do not all fit one message. */
function choicesPrompt(answer: Extract<PartnerAnswer, { kind: 'choices' }>, responses: Responses): string {
  const { t } = responses;
  const { query, total } = answer;
  if (answer.partners.length === total) {
    return answer.approximate
      ? t('partners.did_you_mean', { query })
      : t('partners.choices_prompt', { query });
  }
  const range = { query, total, from: answer.offset + 1, to: answer.offset + answer.partners.length };
  return answer.approximate
    ? t('partners.did_you_mean_page', range)
    : t('partners.choices_prompt_page', range);
}

/** Words an answer for the chat: a card, a short fact, a list with "More", a count, choices or a way forward. */
export function partnerAnswerReplies(
  answer: PartnerAnswer,
  responses: Responses,
  pageUrl: PartnerPageUrl,
): Reply[] {
  const { t } = responses;
  switch (answer.kind) {
    case 'one':
      return answer.fields.length === 0
        ? [partnerCard(answer.partner, responses, pageUrl)]
        : factsReply(answer.partner, answer.fields, responses, pageUrl);
    case 'choices':
      return [
        {
          type: 'choices',
          prompt: choicesPrompt(answer, responses),
          choices: [
            ...answer.partners.map((p) => ({
              label: `${p.name} (ID ${p.partnerId})`,
              value: showAction(p.partnerId, answer.fields),
            })),
            ...(answer.offset + answer.partners.length < answer.total
              ? [
                  {
                    label: t('partners.more'),
                    value: namesAction(answer.query, answer.fields, answer.offset + answer.partners.length),
                  },
                ]
              : []),
          ],
        },
      ];
    case 'not-found': {
      const text = t(`partners.not_found.${answer.by}`, { query: answer.query });
      if (answer.closest.length === 0)
        return [{ type: 'text', text: `${text} ${t('partners.try_other_ref')}` }];
      return [
        { type: 'text', text },
        {
          type: 'choices',
          prompt: t('partners.closest'),
          choices: answer.closest.map((p) => ({
            label: `${p.name} (ID ${p.partnerId})`,
            value: showAction(p.partnerId, answer.fields),
          })),
        },
      ];
    }
    case 'list':
      return listReply(answer, responses, pageUrl);
    case 'count': {
      const filter = describeFilter(answer.filter, responses);
      const empty = Object.keys(answer.filter).length === 0;
      const text = empty
        ? t('partners.count_all', { count: answer.total })
        : answer.total === 0
          ? t('partners.count_zero', { filter })
          : answer.total === 1
            ? t('partners.count_one', { filter })
            : t('partners.count', { count: answer.total, filter });
      if (answer.total === 0) return [{ type: 'text', text }];
      return [
        {
          type: 'choices',
          prompt: text,
          choices: [{ label: t('partners.show_them'), value: listAction(answer.filter, 'name', 0) }],
        },
      ];
    }
    case 'several': {
      const replies = answer.answers.flatMap((a) => partnerAnswerReplies(a, responses, pageUrl));
      if (answer.asked > answer.answers.length) {
        replies.push({
          type: 'text',
          text: t('partners.several_capped', { asked: answer.asked, shown: answer.answers.length }),
        });
      }
      return replies;
    }
    case 'unknown-filter':
      return [
        {
          type: 'text',
          text: t('partners.unknown_filter', { words: answer.words, filters: t('partners.filter_names') }),
        },
      ];
    case 'unclear':
      return [{ type: 'text', text: t('partners.unclear') }];
  }
}

export { PAGE_SIZE };
