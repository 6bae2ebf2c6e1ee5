import type { PartnerFilter, PartnerSort } from '../../store/partner-filter.js';
import type { PartnerRepository, PartnerSummary, PartnerView } from '../../store/partner-repository.js';
import type { NameEntry } from './partner-name-index.js';
import type { PartnerField, PartnerQuestion, PartnerRef } from './partner-question.js';
import type { PartnerSnapshot } from './partner-snapshots.js';

/** What the directory says, before it is worded: every partner in it comes from the database. */
export type PartnerAnswer =
  | { readonly kind: 'one'; readonly partner: PartnerView; readonly fields: readonly PartnerField[] }
  | {
      readonly kind: 'choices';
      readonly query: string;
      readonly partners: readonly NameEntry[];
      readonly fields: readonly PartnerField[];
      /** True when no name matched exactly: "did you mean ...?". */
      readonly approximate: boolean;
    }
  | {
      readonly kind: 'not-found';
      readonly by: PartnerRef['by'];
      readonly query: string;
      readonly closest: readonly NameEntry[];
      readonly fields: readonly PartnerField[];
    }
  | {
      readonly kind: 'list';
      readonly filter: PartnerFilter;
      readonly sort: PartnerSort;
      readonly offset: number;
      readonly total: number;
      readonly items: readonly PartnerSummary[];
    }
  | { readonly kind: 'count'; readonly filter: PartnerFilter; readonly total: number }
  /** One answer per partner asked about, up to MAX_PARTNERS_ASKED; `asked` counts them all. */
  | { readonly kind: 'several'; readonly answers: readonly PartnerAnswer[]; readonly asked: number }
  | { readonly kind: 'unknown-filter'; readonly words: string }
  | { readonly kind: 'unclear' };

export const PAGE_SIZE = 10;
/** Partners answered for in one question ("who manages 100481, 100234 and 100877?"). */
export const MAX_PARTNERS_ASKED = 3;
/** A fuzzy name this good, clearly ahead of the next, is the partner meant. */
const ACCEPT = 0.78;
/** Names this close are offered as choices. */
const OFFER = 0.72;
/** Names within this of the best one are equally likely. */
const TIE = 0.06;

export interface AnswerDeps {
  readonly repository: PartnerRepository;
  readonly snapshot: PartnerSnapshot;
  readonly accountId: string;
}

async function byName(
  deps: AnswerDeps,
  value: string,
  fields: readonly PartnerField[],
): Promise<PartnerAnswer> {
  const matches = deps.snapshot.names.search(value, 8, 0.4);
  const best = matches[0];
  if (!best || best.score < OFFER) {
    return {
      kind: 'not-found',
      by: 'name',
      query: value,
      closest: matches.slice(0, 3).map((m) => m.entry),
      fields,
    };
  }
  const close = matches.filter((m) => m.score >= OFFER && best.score - m.score < TIE);
  if (close.length === 1 && best.score >= ACCEPT) return one(deps, best.entry.id, fields);
  return {
    kind: 'choices',
    query: value,
    partners: close.slice(0, 5).map((m) => m.entry),
    fields,
    approximate: best.score < 1,
  };
}

async function one(deps: AnswerDeps, rowId: string, fields: readonly PartnerField[]): Promise<PartnerAnswer> {
  const [partner] = await deps.repository.byRowIds(deps.accountId, [rowId]);
  // The name index can be a minute old: a partner deleted since then is "not found".
  return partner
    ? { kind: 'one', partner, fields }
    : { kind: 'not-found', by: 'name', query: '', closest: [], fields };
}

function fromViews(
  deps: AnswerDeps,
  by: PartnerRef['by'],
  query: string,
  found: readonly PartnerView[],
  fields: readonly PartnerField[],
): PartnerAnswer {
  if (found.length === 1) return { kind: 'one', partner: found[0]!, fields };
  if (found.length > 1) {
    return {
      kind: 'choices',
      query,
      partners: found.map((p) => ({ id: p.id, partnerId: p.partnerId, name: p.name })),
      fields,
      approximate: false,
    };
  }
  // A site or address nobody has: offer the names closest to its first word.
  const hint = by === 'partnerId' ? '' : ((query.split('@').pop() ?? '').split('.')[0] ?? '');
  const closest = hint ? deps.snapshot.names.search(hint, 3, 0.5).map((m) => m.entry) : [];
  return { kind: 'not-found', by, query, closest, fields };
}

/** Runs a parsed question against one account's directory. */
export async function answerPartnerQuestion(
  question: PartnerQuestion,
  deps: AnswerDeps,
  page: { offset: number } = { offset: 0 },
): Promise<PartnerAnswer> {
  const { repository, accountId } = deps;
  switch (question.kind) {
    case 'one': {
      const { ref, fields } = question;
      switch (ref.by) {
        case 'partnerId': {
          const partner = await repository.byPartnerId(accountId, ref.value);
          return fromViews(deps, 'partnerId', ref.value, partner ? [partner] : [], fields);
        }
        case 'domain':
          return fromViews(
            deps,
            'domain',
            ref.value,
            await repository.byDomain(accountId, ref.value),
            fields,
          );
        case 'email': {
          const byEmail = await repository.byContactEmail(accountId, ref.value);
          const found =
            byEmail.length > 0 ? byEmail : await repository.byDomain(accountId, ref.value.split('@')[1]!);
          return fromViews(deps, 'email', ref.value, found, fields);
        }
        case 'name':
          if (ref.rowIds.length === 1) return one(deps, ref.rowIds[0]!, fields);
          if (ref.rowIds.length > 1) {
            return fromViews(
              deps,
              'name',
              ref.value,
              await repository.byRowIds(accountId, ref.rowIds),
              fields,
            );
          }
          return byName(deps, ref.value, fields);
      }
      break;
    }
    case 'several': {
      const answers: PartnerAnswer[] = [];
      for (const ref of question.refs.slice(0, MAX_PARTNERS_ASKED)) {
        answers.push(await answerPartnerQuestion({ kind: 'one', ref, fields: question.fields }, deps));
      }
      return { kind: 'several', answers, asked: question.refs.length };
    }
    case 'list': {
      const result = await repository.list(accountId, question.filter, question.sort, {
        offset: page.offset,
        limit: PAGE_SIZE,
      });
      return { kind: 'list', filter: question.filter, sort: question.sort, offset: page.offset, ...result };
    }
    case 'count':
      return {
        kind: 'count',
        filter: question.filter,
        total: await repository.count(accountId, question.filter),
      };
    case 'unknown-filter':
      return { kind: 'unknown-filter', words: question.words };
    case 'unclear':
      return { kind: 'unclear' };
  }
}
