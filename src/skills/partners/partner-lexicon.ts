import type { PartnerVocabulary } from '../../store/partner-repository.js';
import { filter, STATIC_PHRASES, STOP, STOP_WORDS } from './partner-lexicon-phrases.js';
import { editDistance } from './partner-name-index.js';
import {
  COUNTRIES,
  type DirectoryPlaces,
  PLACE_CODES,
  type PlaceMeaning,
  REGIONS,
  resolvePlace,
} from './partner-places.js';
import type { PartnerField } from './partner-question.js';
import { phraseForms, wordForm } from './partner-words.js';

/** Directory fields a question can filter on (audience country comes from context: "audience in ..."). */
export type LexFilterKey =
  | 'contractStatus'
  | 'stage'
  | 'size'
  | 'businessModel'
  | 'joinedVia'
  | 'prospectingSource'
  | 'pendingTermUpdate'
  | 'manager'
  | 'country'
  | 'region'
  | 'group'
  | 'contractName'
  | 'promotionalArea';

/** What a phrase means to the partner parser. */
export type LexTag =
  | {
      readonly kind: 'filter';
      readonly key: LexFilterKey;
      readonly values: readonly (string | null)[];
      /** The fact asked when the same words come with one partner ("email for X" → contact). */
      readonly asField?: PartnerField;
      /** Dropped when the question names a join period: "new partners this month" means joined this month. */
      readonly soft?: boolean;
    }
  | { readonly kind: 'field'; readonly field: PartnerField; readonly weak?: boolean }
  | { readonly kind: 'count' }
  | { readonly kind: 'list' }
  | { readonly kind: 'join' }
  | { readonly kind: 'when' }
  | { readonly kind: 'how' }
  | { readonly kind: 'audience' }
  | { readonly kind: 'sort'; readonly sort: 'name' | 'joined-newest' | 'joined-oldest' }
  | { readonly kind: 'unsupported' }
  | { readonly kind: 'stop' };

/** Which fact a filter answers when the question is about one partner. */
export const FIELD_OF_FILTER: Readonly<Record<LexFilterKey, PartnerField>> = {
  contractStatus: 'contractStatus',
  stage: 'stage',
  size: 'size',
  businessModel: 'businessModel',
  joinedVia: 'joinedVia',
  prospectingSource: 'prospectingSource',
  pendingTermUpdate: 'pendingTermUpdate',
  manager: 'accountManager',
  country: 'location',
  region: 'location',
  group: 'groups',
  contractName: 'contractName',
  promotionalArea: 'promotionalAreas',
};

export interface LexMatch {
  readonly length: number;
  readonly tags: readonly LexTag[];
}

/** Phrases of the directory's language, matched longest first on word forms. */
export interface PartnerLexicon {
  match(forms: readonly string[], at: number): LexMatch | null;
  /** True when the word alone means something to the parser (never a partner name on its own). */
  isKnownWord(form: string): boolean;
  /** A filter word within a typo or two of `form` ("suspnded" → suspended); null if none or several. */
  correct(form: string): LexMatch | null;
}

interface Entry {
  readonly forms: readonly string[];
  readonly tags: LexTag[];
}

class LexiconBuilder {
  private readonly byFirst = new Map<string, Entry[]>();
  private readonly byPhrase = new Map<string, Entry>();

  add(phrase: string, tags: LexTag | readonly LexTag[], mode: 'replace' | 'keep' = 'replace'): void {
    this.addForms(phraseForms(phrase), tags, mode);
  }

  /** Adds word forms as they are: a place code's form is in capitals, which no typed word's form is. */
  addForms(
    forms: readonly string[],
    tags: LexTag | readonly LexTag[],
    mode: 'replace' | 'keep' = 'replace',
  ): void {
    if (forms.length === 0) return;
    const key = forms.join(' ');
    const list = Array.isArray(tags) ? [...(tags as readonly LexTag[])] : [tags as LexTag];
    const known = this.byPhrase.get(key);
    if (known) {
      if (mode === 'replace') known.tags.splice(0, known.tags.length, ...list);
      return;
    }
    const entry: Entry = { forms, tags: list };
    this.byPhrase.set(key, entry);
    const bucket = this.byFirst.get(forms[0]!);
    if (bucket) bucket.push(entry);
    else this.byFirst.set(forms[0]!, [entry]);
  }

  has(phrase: string): boolean {
    return this.byPhrase.has(phraseForms(phrase).join(' '));
  }

  /** The tags of a one-word form, if the builder has it. */
  tags(form: string): readonly LexTag[] | undefined {
    return this.byPhrase.get(form)?.tags;
  }

  /** Words never taken as a misspelling of a filter word (short place names: "woman" is not Oman). */
  readonly notCorrected = new Set<string>();

  build(): PartnerLexicon {
    for (const bucket of this.byFirst.values()) bucket.sort((a, b) => b.forms.length - a.forms.length);
    const byFirst = this.byFirst;
    const byPhrase = this.byPhrase;
    const filterWords = [...byPhrase.entries()].filter(
      ([key, e]) =>
        !key.includes(' ') &&
        key.length >= 4 &&
        !this.notCorrected.has(key) &&
        e.tags.some((t) => t.kind === 'filter'),
    );
    return {
      match(forms, at) {
        for (const entry of byFirst.get(forms[at]!) ?? []) {
          if (entry.forms.every((f, k) => forms[at + k] === f)) {
            return { length: entry.forms.length, tags: entry.tags };
          }
        }
        return null;
      },
      isKnownWord: (form) => byPhrase.has(form),
      correct(form) {
        if (form.length < 4) return null;
        const allowed = form.length >= 8 ? 2 : 1;
        const close = filterWords.filter(
          ([key]) => Math.abs(key.length - form.length) <= allowed && editDistance(key, form) <= allowed,
        );
        return close.length === 1 ? { length: 1, tags: close[0]![1].tags } : null;
      },
    };
  }
}

const STATIC = (() => {
  const builder = new LexiconBuilder();
  for (const w of STOP_WORDS.split(' ')) builder.add(w, STOP);
  for (const [phrase, tags] of STATIC_PHRASES) builder.add(phrase, tags);
  return builder;
})();

/** Place names shorter than this are not corrected from typos: "woman", "chat", "logo" are no misspellings of Oman, Chad, Togo. */
const MIN_CORRECTED_PLACE = 6;

/** Every place name and alias as word forms, with the places it names ("georgia": GE and US-GA). */
const PLACE_NAMES: ReadonlyMap<string, { forms: string[]; country: string | null; regions: string[] }> =
  (() => {
    const names = new Map<string, { forms: string[]; country: string | null; regions: string[] }>();
    const at = (text: string) => {
      const forms = phraseForms(text);
      const key = forms.join(' ');
      return names.get(key) ?? names.set(key, { forms, country: null, regions: [] }).get(key)!;
    };
    for (const c of COUNTRIES) for (const name of [c.name, ...c.aliases]) at(name).country = c.code;
    for (const [country, regions] of Object.entries(REGIONS)) {
      for (const r of regions) {
        for (const name of [r.name, ...r.aliases]) at(name).regions.push(`${country}-${r.code}`);
      }
    }
    names.delete('');
    return names;
  })();

/** The single-word forms of every place name ("jordan", "georgia"), for account words to take over. */
const PLACE_WORDS: ReadonlySet<string> = new Set(
  [...PLACE_NAMES.values()].filter((p) => p.forms.length === 1).map((p) => p.forms[0]!),
);

function placeTag(meaning: PlaceMeaning): LexTag {
  return meaning.country ? filter('country', [meaning.country]) : filter('region', meaning.regions);
}

/** Place names, and codes in the capitals the tokenizer hands them over in ("NY"); see placeCodeForm. */
function addPlaces(builder: LexiconBuilder, directory: DirectoryPlaces): void {
  for (const { forms, ...meaning } of PLACE_NAMES.values()) {
    builder.addForms(forms, placeTag(resolvePlace(meaning, directory, 'region')));
    if (forms.length === 1 && forms[0]!.length < MIN_CORRECTED_PLACE) builder.notCorrected.add(forms[0]!);
  }
  for (const [code, meaning] of PLACE_CODES)
    builder.addForms([code], placeTag(resolvePlace(meaning, directory, 'country')));
}

/** Place codes that are also English words: read as codes only in capitals after a place word. */
const ENGLISH_WORDS = new Set(
  'ad am as at be by do hi id in is it la ma me my no ok on or pa so to tv us act'.split(' '),
);
/** Words after which a code names a place: "partners in ON", "from ME", "in BC or ON". */
const PLACE_CUES = new Set(['in', 'from', 'and', 'or']);

/**
 * The form a question's word takes when it is a place code, or null: the code in
 * capitals ("NY"), which the lexicon alone knows, so no typed word is read as one.
 * - A code that is no English word counts written in capitals anywhere ("NY partners"),
 *   and in lower case right after "in" or "from" ("partners in tx").
 * - A code that is also an English word ("in", "on", "or", "me", "it"...) counts only
 *   written in capitals, right after "in", "from", "and", "or" or another code
 *   ("partners in ON", "from BC or ON").
 * - A word the directory's language uses for something else is never a code ("AI", a
 *   prospecting source; "ID").
 * `previousForm` is the form of the word before it, if any.
 */
export function placeCodeForm(raw: string, previousForm: string | undefined): string | null {
  if (!/^[A-Za-z]{2,3}$/.test(raw)) return null;
  const code = raw.toUpperCase();
  if (!PLACE_CODES.has(code)) return null;
  const lower = raw.toLowerCase();
  const stored = STATIC.tags(lower);
  if (stored && !stored.every((t) => t.kind === 'stop')) return null;
  const capitals = raw === code;
  const afterPlaceWord = previousForm === 'in' || previousForm === 'from';
  if (stored || ENGLISH_WORDS.has(lower)) {
    const cued =
      previousForm !== undefined && (PLACE_CUES.has(previousForm) || PLACE_CODES.has(previousForm));
    return capitals && cued ? code : null;
  }
  return capitals || afterPlaceWord ? code : null;
}

/**
 * The lexicon for one account: the directory's fixed words plus its own group
 * names, managers, contract names, business models and promotional areas. The
 * places it has partners in (when given) decide what a code or name that can
 * mean a country or a state means ("CO": Colorado unless it has partners in Colombia).
 */
export function createPartnerLexicon(
  vocabulary: Omit<PartnerVocabulary, keyof DirectoryPlaces> & DirectoryPlaces,
): PartnerLexicon {
  const builder = new LexiconBuilder();
  for (const [phrase, tags] of STATIC_PHRASES) builder.add(phrase, tags);
  for (const w of STOP_WORDS.split(' ')) builder.add(w, STOP, 'keep');
  addPlaces(builder, vocabulary);

  for (const model of vocabulary.businessModels) builder.add(model, filter('businessModel', [model]), 'keep');
  for (const area of vocabulary.promotionalAreas)
    builder.add(area, filter('promotionalArea', [area]), 'keep');
  for (const contract of vocabulary.contractNames) {
    builder.add(contract, filter('contractName', [contract]));
    // "the standard CPS contract" for "Standard 8% CPS": the name without its numbers.
    const words = contract.replace(/[\d.,]+%?/g, ' ').trim();
    if (words !== contract && phraseForms(words).length >= 2 && !STATIC.has(words)) {
      builder.add(words, filter('contractName', [contract]), 'keep');
    }
  }
  for (const group of vocabulary.groups) {
    const tag = filter('group', [group]);
    builder.add(`${group} group`, tag);
    builder.add(`group ${group}`, tag);
    // A group named like a fixed word ("Loyalty") needs the word "group"; others stand alone.
    if (!STATIC.has(group)) builder.add(group, tag);
  }
  const firstNames = new Map<string, string[]>();
  const lastNames = new Map<string, string[]>();
  for (const manager of vocabulary.managers) {
    builder.add(manager, filter('manager', [manager]));
    const parts = manager.split(/\s+/);
    if (parts.length > 1) {
      firstNames.set(parts[0]!, [...(firstNames.get(parts[0]!) ?? []), manager]);
      const last = parts[parts.length - 1]!;
      lastNames.set(last, [...(lastNames.get(last) ?? []), manager]);
    }
  }
  // A manager's first or last name means the manager, also when it names a place ("Jordan").
  for (const [name, managers] of [...firstNames, ...lastNames]) {
    if (!STATIC.has(name)) {
      builder.add(name, filter('manager', managers), PLACE_WORDS.has(wordForm(name)) ? 'replace' : 'keep');
    }
  }
  return builder.build();
}
