import { entityText } from './entities/entity-text.js';
import {
  createFuzzyNameMatcher,
  type FuzzyNameMatcher,
  nameKey,
  nameWords,
  WHOLE_NAME_SCORE,
} from './entities/fuzzy-name-matcher.js';
import { extractPartnerRefs, PARTNER_ID_PATTERN } from './entities/partner-refs.js';
import { extractTicketNumbers } from './entities/ticket-numbers.js';

/**
 * The partner directory of the person writing, as routing reads it. Whoever owns the directory
 * passes it in (already loaded: routing never waits on the database word by word).
 */
export interface PartnerDirectoryNames {
  /** Directory names found in a message, exact or close, best first. */
  readonly names: FuzzyNameMatcher;
  hasPartnerId(partnerId: string): boolean;
}

/** Routing's view of a directory's partners (their IDs and names). */
export function partnerDirectoryNames(
  partners: ReadonlyArray<{ readonly partnerId: string; readonly name: string }>,
): PartnerDirectoryNames {
  const ids = new Set(partners.map((p) => p.partnerId));
  return {
    names: createFuzzyNameMatcher(partners.map((p) => ({ id: p.partnerId, name: p.name }))),
    hasPartnerId: (partnerId) => ids.has(partnerId),
  };
}

/** Words that ask for a fact the directory holds about a partner (as `nameWords` writes them). */
const FACT_WORDS = new Set(
  (
    'manage manages managed manager managers managing status stage active suspended expired contract ' +
    'contracts term terms join joins joined country located based website site url domain contact ' +
    'contacts email mail group groups reach followers size model source audience details info ' +
    'information id relationship'
  ).split(' '),
);

/**
 * Words of a message about something else that names a partner: a ticket, a campaign, money, or
 * a problem to report ("Blue Deals' contract page shows an error") is no question for the directory.
 */
const ABOUT_SOMETHING_ELSE = new Set(
  (
    'ticket tickets case cases campaign campaigns invoice invoices payout payouts payment payments ' +
    'commission commissions bug bugs error errors broken wrong fail fails failed failing failure ' +
    'missing stopped problem problems crash crashed report'
  ).split(' '),
);

/** "how do I suspend Blue Deals", "how to change a contract": asking how, which the help docs answer. */
const HOW_TO = /\bhow (?:do|does|can|could|should|would) (?:i|we|you)\b|\bhow to\b/;

/** The longest message read for partner names (a pasted log is no question about a partner). */
const MAX_QUESTION_CHARS = 500;

/**
 * Whether a message's words could ask a fact about one partner (who manages, status, stage, contract,
 * joined, contact…) and are about nothing else (a ticket, a problem, how to do something): only then is
 * the directory worth reading.
 */
export function mayAskAboutAPartner(text: string): boolean {
  if (typeof text !== 'string' || text.length > MAX_QUESTION_CHARS) return false;
  const plain = entityText(text);
  const words = nameWords(plain);
  if (!words.some((w) => FACT_WORDS.has(w))) return false;
  if (words.some((w) => ABOUT_SOMETHING_ELSE.has(w))) return false;
  if (HOW_TO.test(words.join(' '))) return false;
  return extractTicketNumbers(plain).length === 0;
}

/**
 * Whether a message asks a fact about a partner it names: the whole of a name of two or more words
 * (typos tolerated) or a partner ID after "partner", and words asking a fact about it outside the name
 * ("is Active Outlet suspended" asks; "Active Outlet" alone does not). Names are the writer's
 * directory's (`null`: they have none, so no message names a partner); with no directory known
 * (`undefined`), a name is guessed as the classifier would: two or more capitalised words, or quoted.
 */
export function asksAboutNamedPartner(text: string, directory?: PartnerDirectoryNames | null): boolean {
  if (directory === null || !mayAskAboutAPartner(text)) return false;
  const plain = entityText(text);
  const names = directory ? directoryNamesIn(plain, directory) : guessedNamesIn(plain);
  const byId = [...plain.matchAll(PARTNER_ID_PATTERN)].some(
    (m) => !directory || directory.hasPartnerId(m[1]!),
  );
  if (names.length === 0 && !byId) return false;
  const nameWordsFound = new Set(names.flatMap(nameWords));
  return nameWords(plain).some((w) => FACT_WORDS.has(w) && !nameWordsFound.has(w));
}

const isMultiWord = (name: string) => nameKey(name).split(' ').length >= 2;

/** The directory's names of two or more words that the text names whole (typos tolerated). */
function directoryNamesIn(plain: string, directory: PartnerDirectoryNames): string[] {
  return directory.names
    .match(plain)
    .filter((m) => m.score > WHOLE_NAME_SCORE && isMultiWord(m.name))
    .map((m) => m.name);
}

/** Names of two or more words as written: capitalised ("Harvest Emporium") or quoted. */
function guessedNamesIn(plain: string): string[] {
  return extractPartnerRefs(plain)
    .filter((r) => r.kind === 'name' && isMultiWord(r.value))
    .map((r) => r.value);
}
