import { intersectPeriods } from '../../nlu/entities/periods.js';
import type { PartnerFilter, PartnerSort } from '../../store/partner-filter.js';
import { FIELD_OF_FILTER, type LexFilterKey } from './partner-lexicon.js';
import type { PartnerField, PartnerQuestion, PartnerRef } from './partner-question.js';
import {
  fuzzyNameSpan,
  isResidual,
  type LinkedName,
  type ParserContext,
  readQuestionWords,
  type Token,
} from './partner-question-words.js';
import { wordForm } from './partner-words.js';

export type { ParserContext } from './partner-question-words.js';

/** Nouns that make a question a list ("partners", "affiliates"), in their singular word form. */
const LIST_NOUNS = new Set(['partner', 'affiliate', 'publisher', 'site', 'account', 'one', 'brand']);
const FIELD_PRIORITY: readonly PartnerField[] = [
  'partnerId',
  'contact',
  'accountManager',
  'joinedAt',
  'contractStatus',
  'contractName',
  'website',
  'groups',
  'stage',
  'pendingTermUpdate',
  'prospectingSource',
  'joinedVia',
  'socialReach',
  'media',
  'audienceCountry',
  'promotionalAreas',
  'businessModel',
  'size',
  'location',
];

function pickFields(fields: Array<{ field: PartnerField; weak: boolean }>): PartnerField[] {
  const strong = fields.filter((f) => !f.weak);
  const chosen = new Set((strong.length > 0 ? strong : fields).map((f) => f.field));
  return FIELD_PRIORITY.filter((f) => chosen.has(f));
}

/** Words that point back to the partners just answered for ("what is their status?", "are they active?"). */
const POINTS_BACK = new Set([
  'it',
  'its',
  'they',
  'them',
  'their',
  'theirs',
  'this',
  'that',
  'these',
  'those',
  'both',
]);

/** A fuzzy name must be this good to be answered beside a name or ID found exactly. */
const OTHER_NAME_SCORE = 0.78;
/** Words that join a second partner to the first ("Northwind Deals and Contoso Coupons"). */
const JOINING = new Set(['and', 'or', 'vs', 'versus']);

/**
 * The partner named by the words left over beside a name or ID found exactly
 * ("status of Northwind Deals and Nortwind Outlet"): a run of unknown words that
 * reads well as a name, or that is joined to the other partner by "and" and
 * capitalised like a name (answered as not found rather than left out). None for a
 * stray word ("is Northwind Deals active pls").
 */
function otherName(
  plain: string,
  tokens: Token[],
  residual: Token[],
  names: readonly LinkedName[],
  ctx: ParserContext,
): PartnerRef[] {
  const first = residual[0];
  const last = residual[residual.length - 1];
  if (!first || !last) return [];
  const at = tokens.indexOf(first);
  // One run of words, with no name found exactly inside it.
  if (tokens.indexOf(last) - at !== residual.length - 1) return [];
  if (names.some((n) => n.start >= first.start && n.end <= last.end)) return [];
  const name = fuzzyNameSpan(plain, tokens, residual, ctx);
  const joined = JOINING.has(tokens[at - 1]?.form ?? '') && residual.every((t) => /^\p{Lu}/u.test(t.raw));
  return name.score >= OTHER_NAME_SCORE || joined ? [{ by: 'name', value: name.text, rowIds: [] }] : [];
}

/**
 * Reads a question about the partner directory: one partner (by name, ID,
 * website or contact e-mail) and the facts asked, or a list/count with filters
 * and sort order, or a filter the directory does not have. Never queries the
 * database; names are checked against the account's name index.
 */
export function parsePartnerQuestion(text: string, ctx: ParserContext): PartnerQuestion {
  const { plain, tokens, ref, names, partnerIds, periods, reach } = readQuestionWords(text, ctx);
  let residual = tokens.filter(isResidual);
  // Misspelt filter words ("suspnded", "Canda") when every unknown word is one.
  if (residual.length > 0 && !ref) {
    const fixes = residual.map((t) => ctx.lexicon.correct(t.form));
    if (fixes.every((f) => f !== null)) {
      residual.forEach((t, k) => {
        t.tags = fixes[k]!.tags;
        t.covered = true;
      });
      residual = [];
    }
  }

  const filters = new Map<LexFilterKey, Set<string | null>>();
  const filterFields: Array<{ field: PartnerField; at: number }> = [];
  const fields: Array<{ field: PartnerField; weak: boolean }> = [];
  const unsupported: string[] = [];
  let count = false;
  let listMarker = false;
  let join = false;
  let when = false;
  let how = false;
  let sort: PartnerSort | null = null;
  const audienceAt: number[] = [];
  const countryAt: Array<{ at: number; codes: readonly (string | null)[] }> = [];
  let softNew = false;
  let pluralNoun = false;
  let pluralFilter = false;

  tokens.forEach((t, at) => {
    if (LIST_NOUNS.has(t.form) && /s$/i.test(t.raw)) pluralNoun = true;
    for (const x of t.tags ?? []) {
      switch (x.kind) {
        case 'filter':
          if (/s$/i.test(t.raw) && wordForm(t.raw) !== t.raw.toLowerCase()) pluralFilter = true;
          if (x.soft) {
            softNew = true;
            break;
          }
          if (x.key === 'country') countryAt.push({ at, codes: x.values });
          else {
            const set = filters.get(x.key) ?? new Set();
            for (const v of x.values) set.add(v);
            filters.set(x.key, set);
          }
          filterFields.push({ field: x.asField ?? FIELD_OF_FILTER[x.key], at });
          break;
        case 'field':
          fields.push({ field: x.field, weak: x.weak ?? false });
          break;
        case 'count':
          count = true;
          break;
        case 'list':
          listMarker = true;
          break;
        case 'join':
          join = true;
          break;
        case 'when':
          when = true;
          break;
        case 'how':
          how = true;
          break;
        case 'audience':
          audienceAt.push(at);
          break;
        case 'sort':
          sort = x.sort;
          break;
        case 'unsupported':
          unsupported.push(t.raw);
          break;
        case 'stop':
          break;
      }
    }
  });

  // A country right after "audience" (or just before it: "Canadian audience") is the audience's.
  const audienceCountries = new Set<string>();
  const countries = new Set<string>();
  for (const c of countryAt) {
    const isAudience = audienceAt.some((a) => c.at === a - 1 || (c.at > a && c.at <= a + 3));
    for (const code of c.codes) if (code) (isAudience ? audienceCountries : countries).add(code);
  }
  if (audienceCountries.size > 0) fields.push({ field: 'audienceCountry', weak: false });

  const period = intersectPeriods(periods);
  const hasPeriod = periods.length > 0;
  if (softNew && !hasPeriod && !join) {
    filters.set('stage', new Set([...(filters.get('stage') ?? []), 'New']));
    filterFields.push({ field: 'stage', at: -1 });
  }
  if (join && when) fields.push({ field: 'joinedAt', weak: false });
  else if (join && how) fields.push({ field: 'joinedVia', weak: false });
  const who = tokens.some((t) => t.form === 'who');

  const askedWith = (skip: (at: number) => boolean) =>
    pickFields([
      ...fields,
      ...filterFields.filter((f) => !skip(f.at)).map((f) => ({ field: f.field, weak: true })),
    ]);
  if (ref) {
    // "partner ID 4021" names the partner by its ID rather than asking for it.
    const asked = askedWith(() => false).filter((f) => f !== 'partnerId' || ref.by !== 'partnerId');
    if (asked.length === 0 && join) asked.push('joinedAt');
    const refs =
      ref.by === 'name' || ref.by === 'partnerId'
        ? [
            ...names.map((n) => n.ref),
            ...partnerIds.map((value): PartnerRef => ({ by: 'partnerId', value })),
            ...otherName(plain, tokens, residual, names, ctx),
          ]
        : [ref];
    if (refs.length > 1) return { kind: 'several', refs, fields: asked };
    return { kind: 'one', ref, fields: asked };
  }

  // A fact about the partners just answered for, asked with "their", "it", "they" (filter words are facts here: "are they active?").
  const subject = ctx.subject ?? [];
  if (subject.length > 0 && residual.length === 0 && !count && !listMarker && !pluralNoun && !sort) {
    const asked = askedWith(() => false);
    if (asked.length === 0 && join) asked.push('joinedAt');
    if (asked.length > 0 && tokens.some((t) => POINTS_BACK.has(t.form))) {
      return subject.length === 1
        ? { kind: 'one', ref: subject[0]!, fields: asked }
        : { kind: 'several', refs: subject, fields: asked };
    }
  }

  // A plural filter word ("coupons", "creators") makes a list unless a fact is asked ("status of Contoso Coupons").
  const strongField = fields.some((f) => !f.weak);
  const listForm = pluralNoun || listMarker || count || (join && who) || (pluralFilter && !strongField);
  if (residual.length > 0) {
    if (listForm || unsupported.length > 0) {
      const words = [...unsupported, ...residual.map((t) => t.raw)].join(' ');
      return { kind: 'unknown-filter', words };
    }
    const name = fuzzyNameSpan(plain, tokens, residual, ctx);
    // Filter words read as part of the name ("Coupon" in "Coupon Cav") ask for nothing.
    const asked = askedWith((at) => at >= name.from && at <= name.to);
    if (asked.length === 0 && join) asked.push('joinedAt');
    return { kind: 'one', ref: { by: 'name', value: name.text, rowIds: [] }, fields: asked };
  }
  if (unsupported.length > 0) return { kind: 'unknown-filter', words: unsupported.join(' ') };

  const filter: PartnerFilter = {};
  const list = <T>(key: LexFilterKey) => [...(filters.get(key) ?? [])] as T[];
  const assign = (key: keyof PartnerFilter, values: unknown[]) => {
    if (values.length > 0) (filter as Record<string, unknown>)[key] = values;
  };
  assign('contractStatus', list('contractStatus'));
  assign('stage', list('stage'));
  assign('size', list('size'));
  assign('businessModel', list('businessModel'));
  assign('joinedVia', list('joinedVia'));
  assign('prospectingSource', list('prospectingSource'));
  assign('pendingTermUpdate', list('pendingTermUpdate'));
  assign('manager', list('manager'));
  assign('country', [...countries]);
  assign('region', list('region'));
  assign('group', list('group'));
  assign('contractName', list('contractName'));
  assign('promotionalArea', list('promotionalArea'));
  assign('audienceCountry', [...audienceCountries]);
  if (hasPeriod) {
    filter.joined = {
      ...(period.from ? { from: period.from.toISOString() } : {}),
      ...(period.to ? { to: period.to.toISOString() } : {}),
    };
  }
  if (reach.min !== undefined || reach.max !== undefined) {
    filter.reach = {
      ...(reach.min !== undefined ? { min: reach.min } : {}),
      ...(reach.max !== undefined ? { max: reach.max } : {}),
    };
  }

  const anyFilter = Object.keys(filter).length > 0;
  if (count) return { kind: 'count', filter };
  if (anyFilter || listForm || join || sort) {
    // Newest first when the question is about joining dates ("who joined last month", "who joined?").
    const aboutJoining = hasPeriod || (join && !anyFilter);
    return { kind: 'list', filter, sort: sort ?? (aboutJoining ? 'joined-newest' : 'name') };
  }
  return { kind: 'unclear' };
}
