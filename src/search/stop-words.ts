import { stemWord } from './stem-word.js';

/**
 * Words too common to tell sections apart; dropped from the index and from
 * queries. Lucene's English list plus pronouns and "do": question words
 * (how, why, when, what, can) stay, because headings such as "Why the
 * campaign ID matters" and FAQ titles are told apart by them. Apostrophes are
 * removed before the look-up, so contractions appear without them ("dont").
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  `a an and are as at be but by for if in into is it no not of on or such that the their then there these
  they this to was will with i me my we our us you your im ive id youre dont doesnt didnt cant its do does
  did`.split(/\s+/),
);

/**
 * The stop words of the help-doc search: the same, but "id" is a word there ("where is my partner ID"),
 * because the search's tokenizer reads "I'd" as "i" before the look-up (see tokenize-words.ts). Chat
 * text elsewhere loses the apostrophe ("I'd like" → "id like"), so "id" stays a stop word for it.
 */
export const SEARCH_STOP_WORDS: ReadonlySet<string> = new Set([...STOP_WORDS].filter((w) => w !== 'id'));

const STOP_STEMS: ReadonlySet<string> = new Set([...SEARCH_STOP_WORDS].map(stemWord));

/**
 * Chat filler that carries no meaning in a question to a help desk
 * ("hey, quick question, pls tell me how..."). Dropped from queries only:
 * articles do not contain them in a way that matters.
 */
export const CHAT_FILLER_WORDS: ReadonlySet<string> = new Set(
  `hey hi hello hiya yo hallo pls plz please thanks thank thx ty cheers guys folks anyone anybody
  someone somebody nobody something anything everything somewhere anywhere quick question q hmm um uh
  umm lol oops ok okay actually basically really even still already anymore maybe exactly wondering
  wonder know tell explain need want wanna gonna trying tried try possible way ask asking kindly sorry
  urgent asap supposed keep keeps instead stuff thing things lot lots bit kind today tonight tomorrow
  yesterday morning evening`.split(/\s+/),
);

/**
 * True for words that never help find a section: stop words (also when
 * inflected, "gets" like "get") and numbers of one or two digits (list steps,
 * "2 days"), while error codes such as "403" stay searchable.
 */
export function isNoiseWord(word: string, stem: string): boolean {
  return SEARCH_STOP_WORDS.has(word) || STOP_STEMS.has(stem) || /^[0-9]{1,2}$/.test(word);
}

/**
 * Words that say what kind of answer is wanted; searched, at a low weight (see
 * QueryOptions.questionWordBoost), and never enough on their own for a confident
 * answer. Chat spells contractions without the apostrophe ("whats", "hows").
 */
export const QUESTION_WORDS: ReadonlySet<string> = new Set(
  `how what when where why which who whom whose can could should would may might whats hows whos wheres
  whens whys whatre howd whod`.split(/\s+/),
);

/**
 * Particles and small-talk adjectives: they help rank ("set up", "log out",
 * "good habits") but a question made only of them ("whats up", "good
 * morning") is chat, not a question the help center answers.
 */
export const NON_TOPIC_WORDS: ReadonlySet<string> = new Set(
  'up down out off over back away around good great nice cool fine bad awesome new old'.split(' '),
);

/**
 * English function words that Lucene's short list leaves in: prepositions,
 * quantifiers, determiners, auxiliaries, pronouns and conjunctions. Next to a
 * content word they count like one ("questions about an invoice"), but on their
 * own they name no topic: "tell me about *" or "anything at all" asks nothing.
 */
export const FUNCTION_WORDS: ReadonlySet<string> = new Set(
  `about above across after against along among before behind below beneath beside besides between beyond
  during except from inside near onto outside past since through throughout till toward towards under
  underneath until upon via within without all any both each either every few many more most much neither
  none other others own same several some than too very so just also only again ever yet nor because while
  whether though although unless am been being had has have having must shall he him his her hers herself
  himself itself myself ourselves themselves yourself yourselves mine yours ours theirs those`.split(/\s+/),
);

/**
 * True for a word that can carry a question's topic: not a function word and
 * longer than one letter (a lone "e" is what is left of "e*", or of "e-mail",
 * whose joined form is searched as well).
 */
export function isContentWord(word: string): boolean {
  return word.length > 1 && !FUNCTION_WORDS.has(word);
}
