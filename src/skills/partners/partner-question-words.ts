import { findPeriods, type PeriodMention } from '../../nlu/entities/periods.js';
import { compactNameKey, domainOf } from '../../store/partner-name-key.js';
import { canonicalPartnerId } from '../../store/partner-repository.js';
import { stripChatMarkup } from '../../text/strip-chat-markup.js';
import { type LexTag, type PartnerLexicon, placeCodeForm } from './partner-lexicon.js';
import type { PartnerNameIndex } from './partner-name-index.js';
import type { PartnerRef } from './partner-question.js';
import { findReach, type ReachMatch } from './partner-reach.js';
import { splitWords, wordForm } from './partner-words.js';

export interface ParserContext {
  readonly now: Date;
  readonly lexicon: PartnerLexicon;
  readonly names: PartnerNameIndex;
  /**
   * The partners just answered for, that "their", "it" or "they" in a follow-up
   * question stand for ("what is their contract status?"); none outside a follow-up.
   */
  readonly subject?: readonly PartnerRef[];
}

export interface Token {
  readonly raw: string;
  form: string;
  readonly start: number;
  readonly end: number;
  /** Covered by a lexicon phrase; the phrase's tags sit on its first token. */
  covered: boolean;
  tags: readonly LexTag[] | null;
}

const MAX_CHARS = 500;
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/g;
const URL =
  /(?:https?:\/\/)?(?:www\.)?[A-Za-z0-9][A-Za-z0-9-]*(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,12}(?![A-Za-z0-9-])(?:\/\S*)?/g;
const PARTNER_ID = /#?\b(\d{5,9})\b/g;
/**
 * IDs said to be partner IDs ("partner 4021", "partner ID #1234567890", "partner 12, 40 and 7"):
 * any length an import accepts (1 to 12 digits), where a bare number of 5 to 9 digits is
 * read as one only for want of a better meaning.
 */
const NAMED_PARTNER_IDS =
  /\b(?:partner(?:\s+id)?|id)\s*(?:#|no\.?|number|:)?\s*#?\d{1,12}\b(?:\s*(?:,|and|&|or)\s*#?\d{1,12}\b)*/g;
const ARTICLES = new Set(['the', 'a', 'an']);

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
        covered: false,
        tags: null,
      });
      continue;
    }
    const placeCode = placeCodeForm(raw, previous?.form);
    if (placeCode) {
      tokens.push({ raw, form: placeCode, start: w.start, end: w.end, covered: false, tags: null });
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
          covered: false,
          tags: null,
        });
      }
      offset += piece.length + 1;
    }
  }
  return tokens;
}

/** A partner name found in the question, with where it is. */
export interface LinkedName {
  readonly ref: PartnerRef;
  readonly start: number;
  readonly end: number;
}

/** Words on either side of an exact name that may still belong to it ("Harvest Emporium Centrl"). */
const MAX_NAME_EXTENSION = 2;
/** A longer name must match the extended words this well to replace the exact shorter one. */
const EXTENDED_NAME_SCORE = 0.8;

/** A word that can only be part of a name: no article, filter or field word, time or number. */
function nameOnlyWord(t: Token, ctx: ParserContext): boolean {
  return (
    !ARTICLES.has(t.form) &&
    !ctx.lexicon.isKnownWord(t.form) &&
    !/^\d[\d,.]*$/.test(t.form) &&
    findPeriods(t.form, ctx.now).length === 0
  );
}

/**
 * An exact name with the unknown words next to it, when those words make a longer
 * name match better ("Harvest Emporium Centrl" is Harvest Emporium Central, not
 * Harvest Emporium): the words as typed, to be matched fuzzily. Null when the exact
 * name is the best reading.
 */
function extendedName(
  tokens: readonly Token[],
  from: number,
  to: number,
  exactIds: ReadonlySet<string>,
  free: (k: number) => boolean,
  plain: string,
  ctx: ParserContext,
): { from: number; to: number; text: string } | null {
  let a = from;
  let b = to;
  while (from - a < MAX_NAME_EXTENSION && a > 0 && free(a - 1) && nameOnlyWord(tokens[a - 1]!, ctx)) a -= 1;
  while (
    b - to < MAX_NAME_EXTENSION &&
    b + 1 < tokens.length &&
    free(b + 1) &&
    nameOnlyWord(tokens[b + 1]!, ctx)
  )
    b += 1;
  if (a === from && b === to) return null;
  const text = plain.slice(tokens[a]!.start, tokens[b]!.end);
  const best = ctx.names.search(text, 1)[0];
  if (!best || best.score < EXTENDED_NAME_SCORE || exactIds.has(best.entry.id)) return null;
  return { from: a, to: b, text };
}

/**
 * The partner names in the question, in order: each the longest run of words that is
 * exactly a partner's name ("Northwind Deals", "couponcave"), or a longer name its
 * unknown neighbouring words make ("Harvest Emporium Centrl"). A single word the
 * lexicon knows, or that names a time ("today"), is never taken for a name on its own.
 */
function linkExactNames(tokens: Token[], plain: string, ctx: ParserContext): LinkedName[] {
  // The compact key of a run of words is its words' keys put together.
  const keys = tokens.map((t) => compactNameKey(t.raw));
  const taken = new Array<boolean>(tokens.length).fill(false);
  const free = (k: number) => !taken[k];
  const found: Array<LinkedName & { from: number }> = [];
  for (let length = Math.min(6, tokens.length); length >= 1; length--) {
    for (let i = 0; i + length <= tokens.length; i++) {
      if (taken.slice(i, i + length).some(Boolean)) continue;
      const span = tokens.slice(i, i + length);
      if (
        length === 1 &&
        (ctx.lexicon.isKnownWord(span[0]!.form) || findPeriods(span[0]!.form, ctx.now).length > 0)
      ) {
        continue;
      }
      if (span.every((t) => ARTICLES.has(t.form) || ctx.lexicon.isKnownWord(t.form))) continue;
      const entries = ctx.names.exactCompact(keys.slice(i, i + length).join(''));
      if (entries.length === 0) continue;
      const ids = new Set(entries.map((e) => e.id));
      const longer = extendedName(tokens, i, i + length - 1, ids, free, plain, ctx);
      const [from, to] = longer ? [longer.from, longer.to] : [i, i + length - 1];
      for (let k = from; k <= to; k++) taken[k] = true;
      found.push({
        ref: longer
          ? { by: 'name', value: longer.text, rowIds: [] }
          : { by: 'name', value: entries[0]!.name, rowIds: entries.map((e) => e.id) },
        start: tokens[from]!.start,
        end: tokens[to]!.end,
        from,
      });
    }
  }
  return found.sort((x, y) => x.from - y.from).map(({ ref, start, end }) => ({ ref, start, end }));
}

function tag(tokens: Token[], lexicon: PartnerLexicon): void {
  const forms = tokens.map((t) => t.form);
  let i = 0;
  while (i < tokens.length) {
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
export const isResidual = (t: Token) =>
  !t.covered && !ARTICLES.has(t.form) && !/^\d[\d,.]*(k|m)?$/.test(t.form);

/** Picks the words around the unknown ones that read best as a partner name ("Coupon Cav" → CouponCave). */
export function fuzzyNameSpan(
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
      if (extra.some((t) => t.tags?.some((x) => x.kind === 'stop'))) continue;
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
    t !== undefined && /^\p{Lu}/u.test(t.raw) && !t.tags?.some((x) => x.kind === 'stop');
  while (a - 1 >= 0 && first - (a - 1) <= 2 && capitalised(tokens[a - 1])) a -= 1;
  while (b + 1 < tokens.length && b + 1 - last <= 2 && capitalised(tokens[b + 1])) b += 1;
  return { text: plain.slice(tokens[a]!.start, tokens[b]!.end), from: a, to: b, score: best.score };
}

/** A question split into words, with what the first passes found: a partner reference, join periods, reach bounds. */
export interface QuestionWords {
  /** The text without chat markup (cut to 500 characters). */
  readonly plain: string;
  readonly tokens: Token[];
  readonly ref: PartnerRef | null;
  /** Every partner named in the question (exactly, or a longer name typed with a typo), in order. */
  readonly names: readonly LinkedName[];
  /** Every partner ID in the question, in order, each once. */
  readonly partnerIds: readonly string[];
  readonly periods: readonly PeriodMention[];
  readonly reach: ReachMatch;
}

/**
 * The first passes over a question: e-mail and website references, then an
 * exact partner name, reach bounds, join periods and a partner ID are taken
 * out of the text; the remaining words are tagged with the lexicon.
 */
export function readQuestionWords(text: string, ctx: ParserContext): QuestionWords {
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
  // Exact names first: names can hold words the next passes would take ("Spark Hub Today", "Deals 24").
  const names = ref ? [] : linkExactNames(tokenize(plain, work.toLowerCase()), plain, ctx);
  for (const linked of names) work = blank(work, linked.start, linked.end);
  ref ??= names[0]?.ref ?? null;
  let lower = work.toLowerCase();
  // Before reach and periods: "partner 2024" is a partner, not a year.
  const found: Array<{ id: string; at: number }> = [];
  for (const named of lower.matchAll(NAMED_PARTNER_IDS)) {
    for (const id of named[0].matchAll(/\d{1,12}/g)) found.push({ id: id[0], at: named.index + id.index });
  }
  for (const { id, at } of found) lower = blank(lower, at, at + id.length);
  const reach = findReach(lower);
  for (const r of reach.spans) lower = blank(lower, r.start, r.end);
  const periods = findPeriods(lower, ctx.now);
  for (const p of periods) lower = blank(lower, p.start, p.end);
  for (const m of lower.matchAll(PARTNER_ID)) {
    found.push({ id: m[1]!, at: m.index });
    lower = blank(lower, m.index, m.index + m[0].length);
  }
  const partnerIds: string[] = [];
  for (const { id } of found.sort((a, b) => a.at - b.at)) {
    // "000100234" and "100234" name one partner (IDs are numbers), so it is answered once.
    const canonical = canonicalPartnerId(id);
    if (!partnerIds.some((known) => canonicalPartnerId(known) === canonical)) partnerIds.push(id);
  }
  if (partnerIds.length > 0) ref ??= { by: 'partnerId', value: partnerIds[0]! };

  const tokens = tokenize(plain, lower);
  tag(tokens, ctx.lexicon);

  return { plain, tokens, ref, names, partnerIds, periods, reach };
}
