import { foldAccents } from '../../search/fold-accents.js';

/** Word forms already worked out: questions reuse the same few hundred words. */
const forms = new Map<string, string>();
const MAX_FORMS = 5000;

/**
 * The word form the partner parser compares: lower-case, accents folded,
 * apostrophes dropped, a naive singular ("partners" → "partner",
 * "agencies" → "agency"), so lexicon phrases and questions meet halfway.
 */
export function wordForm(raw: string): string {
  const known = forms.get(raw);
  if (known !== undefined) return known;
  const form = formOf(raw);
  if (forms.size >= MAX_FORMS) forms.clear();
  forms.set(raw, form);
  return form;
}

function formOf(raw: string): string {
  const w = foldAccents(raw).replace(/['’`]/g, '');
  if (w.length > 4 && w.endsWith('ies')) return `${w.slice(0, -3)}y`;
  if (w.length > 3 && w.endsWith('s') && !/(ss|us|is|news)$/.test(w)) return w.slice(0, -1);
  return w;
}

/** Splits text into raw words with their positions (hyphens, dots and the marks of any script inside words kept). */
export function splitWords(text: string): Array<{ raw: string; start: number; end: number }> {
  const out: Array<{ raw: string; start: number; end: number }> = [];
  for (const m of text.matchAll(/[\p{L}\p{N}](?:[\p{L}\p{M}\p{N}'’&%+]|[.-](?=[\p{L}\p{N}]))*/gu)) {
    out.push({ raw: m[0], start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/** The word forms of a phrase ("E-mail partners" → ["email", "partner"]). */
export function phraseForms(phrase: string): string[] {
  const text = foldAccents(phrase)
    .replace(/\be-mail/g, 'email')
    .replace(/\bsub-network/g, 'subnetwork')
    .replace(/\bcash-back/g, 'cashback');
  return splitWords(text).flatMap((w) => w.raw.split(/[-.]/).filter(Boolean).map(wordForm));
}
