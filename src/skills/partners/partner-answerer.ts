import type { PartnerFilter, PartnerSort } from '../../store/partner-filter.js';
import type { PartnerRepository, PartnerSummary, PartnerView } from '../../store/partner-repository.js';
import type { NameEntry, NameMatch } from './partner-name-index.js';
import type { PartnerField, PartnerQuestion, PartnerRef } from './partner-question.js';
import type { PartnerSnapshot } from './partner-snapshots.js';

/** What the directory says, before it is worded: every partner in it comes from the database. */
export type PartnerAnswer =
  | { readonly kind: 'one'; readonly partner: PartnerView; readonly fields: readonly PartnerField[] }
  | {
      readonly kind: 'choices';
      readonly query: string;
      /** The partners of this page (all of them when they fit one). */
      readonly partners: readonly NameEntry[];
      readonly fields: readonly PartnerField[];
      /** True when no name matched exactly: "did you mean ...?". */
      readonly approximate: boolean;
      /** Where this page starts among all the partners the name can mean, and how many they are. */
      readonly offset: number;
      readonly total: number;
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
/** Partners offered at once for a name that can mean several; "More" shows the next ones. */
export const CHOICES_PAGE_SIZE = 8;
/** A fuzzy name this good, clearly ahead of the next, is the partner meant. */
const ACCEPT = 0.78;
/** Names this close are offered as choices. */
const OFFER = 0.72;
/** Names within this of the best one are equally likely. */
const TIE = 0.06;
/** Names looked at for one name typed: every one a shared word can mean, for paging. */
const MAX_NAME_MATCHES = 100;

export interface AnswerDeps {
  readonly repository: PartnerRepository;
  readonly snapshot: PartnerSnapshot;
  readonly accountId: string;
}

/**
 * The names a fuzzy name can mean, best first: those scored about as well as the best,
 * and every name whose words the typed words match as well as the best one's do
 * ("Badger" is each of the "Badger …" partners, short or long), in name order.
 */
function equallyGood(matches: readonly NameMatch[]): NameMatch[] {
  const best = matches[0]!;
  const close = matches.filter((m) => m.score >= OFFER && best.score - m.score < TIE);
  const sameWords = best.words > 0 ? matches.filter((m) => m.words >= best.words) : [];
  if (sameWords.length <= 1) return close;
  const chosen = new Set([...close, ...sameWords]);
  return [...chosen].sort((a, b) => a.entry.name.localeCompare(b.entry.name));
}

/** A partner by a name that is not exactly any partner's: the one meant, choices (a page of them), or not found. */
export async function answerByName(
  deps: AnswerDeps,
  value: string,
  fields: readonly PartnerField[],
  offset = 0,
): Promise<PartnerAnswer> {
  const matches = deps.snapshot.names.search(value, MAX_NAME_MATCHES, 0.4);
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
  const meant = equallyGood(matches);
  if (meant.length === 1 && best.score >= ACCEPT) return one(deps, best.entry.id, fields);
  return {
    kind: 'choices',
    query: value,
    partners: meant.slice(offset, offset + CHOICES_PAGE_SIZE).map((m) => m.entry),
    fields,
    approximate: best.score < 1,
    offset,
    total: meant.length,
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
      offset: 0,
      total: found.length,
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
          return answerByName(deps, ref.value, fields);
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
