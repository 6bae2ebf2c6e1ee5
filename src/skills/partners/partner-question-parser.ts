import type { PartnerFilter, PartnerSort } from '../../store/partner-filter.js';
import { domainOf } from '../../store/partner-name-key.js';
import { stripChatMarkup } from '../../text/strip-chat-markup.js';
import { FIELD_OF_FILTER, type LexFilterKey, type LexTag, type PartnerLexicon } from './partner-lexicon.js';
import type { PartnerNameIndex } from './partner-name-index.js';
import { findPeriods, intersectPeriods } from './partner-period.js';
import type { PartnerField, PartnerQuestion, PartnerRef } from './partner-question.js';
import { findReach } from './partner-reach.js';
import { splitWords, wordForm } from './partner-words.js';

export interface ParserContext {
  readonly now: Date;
  readonly lexicon: PartnerLexicon;
  readonly names: PartnerNameIndex;
}

interface Token {
  readonly raw: string;
  form: string;
  readonly start: number;
  readonly end: number;
  /** Part of a partner reference (a linked name). */
  linked: boolean;
  /** Covered by a lexicon phrase; the phrase's tags sit on its first token. */
  covered: boolean;
  tags: readonly LexTag[] | null;
}

const MAX_CHARS = 500;
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/g;
const URL =
  /(?:https?:\/\/)?(?:www\.)?[A-Za-z0-9][A-Za-z0-9-]*(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,12}(?![A-Za-z0-9-])(?:\/\S*)?/g;
const PARTNER_ID = /#?\b(\d{5,9})\b/;
/** Nouns that make a question a list ("partners", "affiliates"), in their singular word form. */
const LIST_NOUNS = new Set(['partner', 'affiliate', 'publisher', 'site', 'account', 'one', 'brand']);
const ARTICLES = new Set(['the', 'a', 'an']);
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

/** Blanks matched spans so later passes do not see them again (positions stay the same). */
function blank(text: string, start: number, end: number): string {
  return text.slice(0, start) + ' '.repeat(end - start) + text.slice(end);
}

function tokenize(plain: string, work: string): Token[] {
  const tokens: Token[] = [];
  for (const w of splitWords(work)) {
    const raw = plain.slice(w.start, w.end).replace(/['’]s?$/, '');
    const lower = raw.toLowerCase();
    const previous = tokens[tokens.length - 1];
    const isUs =
      /^(US|U\.S|USA|U\.S\.A)$/.test(raw) || (lower === 'us' && previous?.form === 'the') || lower === 'usa';
    if (isUs) {
      tokens.push({
        raw,
        form: 'usa',
        start: w.start,
        end: w.end,
        linked: false,
        covered: false,
        tags: null,
      });
      continue;
    }
    const joined = lower
      .replace(/^e-mail/, 'email')
      .replace(/^sub-network/, 'subnetwork')
      .replace(/^cash-back/, 'cashback');
    let offset = 0;
    for (const piece of joined === lower ? raw.split(/[-.]/) : [joined]) {
      if (piece) {
        tokens.push({
          raw: piece,
          form: wordForm(piece),
          start: w.start + offset,
          end: w.start + offset + piece.length,
          linked: false,
          covered: false,
          tags: null,
        });
      }
      offset += piece.length + 1;
    }
  }
  return tokens;
}

/** The longest run of words that is exactly a partner's name ("Northwind Deals", "couponcave"). */
function linkExactName(tokens: Token[], ctx: ParserContext): PartnerRef | null {
  for (let length = Math.min(6, tokens.length); length >= 1; length--) {
    for (let i = 0; i + length <= tokens.length; i++) {
      const span = tokens.slice(i, i + length);
      if (length === 1 && ctx.lexicon.isKnownWord(span[0]!.form)) continue;
      if (span.every((t) => ARTICLES.has(t.form) || ctx.lexicon.isKnownWord(t.form))) continue;
      const text = span.map((t) => t.raw).join(' ');
      const entries = ctx.names.exact(text);
      if (entries.length > 0) {
        for (const t of span) t.linked = true;
        return { by: 'name', value: entries[0]!.name, rowIds: entries.map((e) => e.id) };
      }
    }
  }
  return null;
}

function tag(tokens: Token[], lexicon: PartnerLexicon): void {
  const forms = tokens.map((t) => (t.linked ? '\u0000' : t.form));
  let i = 0;
  while (i < tokens.length) {
    if (tokens[i]!.linked) {
      i += 1;
      continue;
    }
    const m = lexicon.match(forms, i);
    if (!m) {
      i += 1;
      continue;
    }
    tokens[i]!.tags = m.tags;
    for (let k = 0; k < m.length; k++) tokens[i + k]!.covered = true;
    i += m.length;
  }
}

/** A word the lexicon does not know: part of a name, or a filter the directory lacks (numbers are neither). */
const isResidual = (t: Token) =>
  !t.linked && !t.covered && !ARTICLES.has(t.form) && !/^\d[\d,.]*(k|m)?$/.test(t.form);

/** Picks the words around the unknown ones that read best as a partner name ("Coupon Cav" → CouponCave). */
function fuzzyNameSpan(
  plain: string,
  tokens: Token[],
  residual: Token[],
  ctx: ParserContext,
): { text: string; from: number; to: number; score: number } {
  const first = tokens.indexOf(residual[0]!);
  const last = tokens.indexOf(residual[residual.length - 1]!);
  let best = {
    text: plain.slice(residual[0]!.start, residual[residual.length - 1]!.end),
    from: first,
    to: last,
    score: -1,
  };
  for (let left = 0; left <= 2; left++) {
    for (let right = 0; right <= 2; right++) {
      const a = first - left;
      const b = last + right;
      if (a < 0 || b >= tokens.length) continue;
      const extra = [...tokens.slice(a, first), ...tokens.slice(last + 1, b + 1)];
      if (extra.some((t) => t.linked || t.tags?.some((x) => x.kind === 'stop'))) continue;
      const text = plain.slice(tokens[a]!.start, tokens[b]!.end);
      const score = (ctx.names.search(text, 1)[0]?.score ?? 0) - 0.01 * (left + right);
      if (score > best.score) best = { text, from: a, to: b, score };
    }
  }
  if (best.score >= 0.72) return best;
  // Nothing close: echo the whole capitalised name typed ("Contoso Coupons"), not just its unknown word.
  let a = first;
  let b = last;
  const capitalised = (t: Token | undefined) =>
    t !== undefined && !t.linked && /^\p{Lu}/u.test(t.raw) && !t.tags?.some((x) => x.kind === 'stop');
  while (a - 1 >= 0 && first - (a - 1) <= 2 && capitalised(tokens[a - 1])) a -= 1;
  while (b + 1 < tokens.length && b + 1 - last <= 2 && capitalised(tokens[b + 1])) b += 1;
  return { text: plain.slice(tokens[a]!.start, tokens[b]!.end), from: a, to: b, score: best.score };
}

function pickFields(fields: Array<{ field: PartnerField; weak: boolean }>): PartnerField[] {
  const strong = fields.filter((f) => !f.weak);
  const chosen = new Set((strong.length > 0 ? strong : fields).map((f) => f.field));
  return FIELD_PRIORITY.filter((f) => chosen.has(f));
}

/**
 * Reads a question about the partner directory: one partner (by name, ID,
 * website or contact e-mail) and the facts asked, or a list/count with filters
 * and sort order, or a filter the directory does not have. Never queries the
 * database; names are checked against the account's name index.
 */
export function parsePartnerQuestion(text: string, ctx: ParserContext): PartnerQuestion {
  const plain = stripChatMarkup(text).slice(0, MAX_CHARS);
  let work = plain;
  let ref: PartnerRef | null = null;

  for (const m of plain.matchAll(EMAIL)) {
    ref ??= { by: 'email', value: m[0].toLowerCase() };
    work = blank(work, m.index, m.index + m[0].length);
  }
  for (const m of work.matchAll(URL)) {
    const domain = domainOf(m[0]);
    if (!domain || /^[A-Z.]+$/.test(m[0])) continue;
    ref ??= { by: 'domain', value: domain };
    work = blank(work, m.index, m.index + m[0].length);
  }
  let lower = work.toLowerCase();
  const reach = findReach(lower);
  for (const r of reach.spans) lower = blank(lower, r.start, r.end);
  const periods = findPeriods(lower, ctx.now);
  for (const p of periods) lower = blank(lower, p.start, p.end);
  const id = PARTNER_ID.exec(lower);
  if (id) {
    ref ??= { by: 'partnerId', value: id[1]! };
    lower = blank(lower, id.index, id.index + id[0].length);
  }

  const tokens = tokenize(plain, lower);
  if (!ref) ref = linkExactName(tokens, ctx);
  tag(tokens, ctx.lexicon);

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
    if (LIST_NOUNS.has(t.form) && /s$/i.test(t.raw) && !t.linked) pluralNoun = true;
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

  const period = intersectPeriods(periods.map((p) => p.period));
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
    const asked = askedWith(() => false);
    if (asked.length === 0 && join) asked.push('joinedAt');
    return { kind: 'one', ref, fields: asked };
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
