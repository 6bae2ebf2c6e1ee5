import { stripChatMarkup } from '../text/strip-chat-markup.js';
import { DEFAULT_FEATURE_CONFIG } from './classifier/feature-extractor.js';
import { MAX_RAW_CHARS, normaliseForIntent } from './classifier/normalise-text.js';
import { words } from './classifier/tokenize.js';
import { TypoTolerantVocabulary, vocabularyHashes } from './classifier/typo-tolerant-vocabulary.js';
import { compileCommandPatterns } from './command-patterns.js';
import {
  ENGINE_CLASSIFIER_OPTIONS,
  ENGINE_MODEL_VERSION,
  type EngineModel,
  engineModelFromState,
  engineModelToState,
  topInScope,
  trainEngineModel,
} from './engine-model.js';
import { type IntentDefinition, NONE_INTENT } from './intent-definition.js';
import { loadIntentDefinitions } from './intent-loader.js';
import type { MatchContext } from './match-context.js';
import { hasOwnWords, messageParts } from './message-parts.js';
import { modelCacheKey, readCachedModel, writeCachedModel } from './model-cache.js';
import { asksAboutNamedPartner, mayAskAboutAPartner } from './named-partner-question.js';

export type { IntentDefinition } from './intent-definition.js';

export type IntentName =
  | 'ticket.create'
  | 'ticket.status'
  | 'ticket.list'
  | 'ticket.update'
  | 'docs.search'
  | 'partner.query'
  | 'agent.handoff'
  | 'smalltalk.greeting'
  | 'smalltalk.thanks'
  | 'bot.help'
  | 'flow.cancel'
  | 'admin.reload_docs'
  | 'agent.availability'
  // Intents are data: any name declared in intents/ is allowed.
  | (string & {});

/** The engine's answer for one message. */
export interface IntentMatch {
  /** The intent, or 'none' when the message is out of scope or too uncertain to route. */
  name: IntentName | 'none';
  /** Calibrated probability of `name` (1 for a command pattern; for 'none', 1 − best in-scope probability). */
  confidence: number;
  /** The skill that handles `name`; null for 'none'. */
  skill: string | null;
  source: 'pattern' | 'model' | 'none';
  /** In-scope intents by calibrated probability, best first (at most five); handy for "did you mean". */
  ranking: Array<{ name: string; confidence: number }>;
}

export interface NluEngine {
  /**
   * Classifies one message; never throws, whatever the input. A question naming a partner (of the
   * writer's directory when `context` gives it) and asking a fact about it is a partner question.
   */
  match(text: string, context?: MatchContext): IntentMatch;
  /** Whether `match` could read the writer's partner directory for this message (worth loading only then). */
  readsPartnerDirectory(text: string): boolean;
  /** Every intent definition, for help texts and validation. */
  intents(): ReadonlyArray<IntentDefinition>;
}

export interface LoadNluEngineOptions {
  intentsDir: string;
  cacheDir?: string;
  logger?: { info(o: object, msg?: string): void };
}

const RANKING_SIZE = 5;
/** A fresh object each time: callers may keep or change what they get. */
const noneMatch = (): IntentMatch => ({
  name: 'none',
  confidence: 1,
  skill: null,
  source: 'none',
  ranking: [],
});

/** How sure the model must be of one part of a message for a `winsInAnyPart` intent to take it. */
const PART_WIN_CONFIDENCE = 0.9;
/**
 * A part takes the message only while the whole message is no surer than this of another intent:
 * "I talked to an agent yesterday, what is the status of 1002" asks for a status (0.96), and a part
 * that merely mentions a person must not send it to the live-agent queue.
 */
const PART_WINS_BELOW = 0.8;
/** Parts of a long message looked at for a `winsInAnyPart` intent (a pasted log has hundreds). */
const MAX_PARTS = 12;

/** The intent of questions about the partner directory. */
const PARTNER_INTENT = 'partner.query';
/**
 * Asking for a person wins over any partner question ("talk to whoever manages Blue Deals").
 */
const PERSON_INTENT = 'agent.handoff';
/**
 * How sure a question naming a partner of the writer's directory, asking a fact about it, is a partner
 * question: sure enough to be offered while a form is open (the router asks at 0.85).
 */
const DIRECTORY_PARTNER_CONFIDENCE = 0.9;
/**
 * The same for a name only guessed from capitals ("what's the status of Savvy Press"): routed, but
 * never interrupting a form, nor split off as a second request.
 */
const GUESSED_PARTNER_CONFIDENCE = 0.8;

/** A slash command whose sub-command no pattern knows: the rest is classified as free text. */
const SLASH_COMMAND = /^\/[a-z][\w-]*\s*/i;

/** A word as the classifier reads it: letters only (numbers, links and "?" are placeholders, not words). */
const isPlainWord = (w: string) => /^\p{L}+$/u.test(w) && !w.startsWith('xx');

/**
 * Whether a message has only words no training example has, as written or within one typo ("tikcet" is
 * "ticket"): "general" is then scored on character n-grams and a Porter stem shared with an unrelated word
 * ("gener" of "generate"), and its best guess (a person, at 0.4) is no evidence. Stems are not compared for
 * that reason: a lone unseen form ("escalation") is declined, which the docs search then answers.
 */
function onlyUnknownWords(definitions: readonly IntentDefinition[]): (text: string) => boolean {
  const known = definitions.flatMap((d) =>
    d.examples.flatMap((example) => words(normaliseForIntent(example)).filter(isPlainWord)),
  );
  const vocabulary = new TypoTolerantVocabulary(vocabularyHashes(new Set(known)));
  return (text) => {
    const tokens = words(normaliseForIntent(text)).filter((w) => w !== '?');
    return tokens.length > 0 && tokens.every((w) => isPlainWord(w) && !vocabulary.hasNear(w));
  };
}

/** Builds an engine from validated definitions and a trained model (no I/O). */
export function createNluEngine(definitions: readonly IntentDefinition[], model: EngineModel): NluEngine {
  const patterns = compileCommandPatterns(definitions);
  const skills = new Map(definitions.map((d) => [d.name, d.skill]));
  const labels = model.classifier.labels;
  const frozen = Object.freeze([...definitions]);
  const winsInAnyPart = new Set(definitions.filter((d) => d.winsInAnyPart).map((d) => d.name));
  const unknownWordsOnly = onlyUnknownWords(definitions);

  /** The `winsInAnyPart` intent one part of a message surely asks for, if any. */
  function partWinner(text: string): { label: string; probability: number } | null {
    const parts = messageParts(text).filter((part) => /[\p{L}\p{N}]/u.test(part.text));
    if (parts.length < 2) return null;
    for (const part of parts.slice(0, MAX_PARTS)) {
      const top = topInScope(labels, model.classifier.probabilities(part.text));
      if (
        top.label !== null &&
        !top.noneWon &&
        winsInAnyPart.has(top.label) &&
        top.probability >= PART_WIN_CONFIDENCE
      ) {
        return { label: top.label, probability: top.probability };
      }
    }
    return null;
  }

  function classify(text: string): IntentMatch {
    const trimmed = text.length > MAX_RAW_CHARS ? text.slice(0, MAX_RAW_CHARS) : text;
    // A mention, a channel link ("<#C1|general>") or an emoji alone is no request, whatever its name says.
    if (!hasOwnWords(trimmed)) return noneMatch();
    const plain = stripChatMarkup(trimmed);
    const command = patterns.match(plain);
    // A pattern of the out-of-scope intent (a sum to work out) declines the message surely.
    if (command === NONE_INTENT) return { ...noneMatch(), source: 'pattern' };
    if (command) {
      return {
        name: command,
        confidence: 1,
        skill: skills.get(command) ?? null,
        source: 'pattern',
        ranking: [{ name: command, confidence: 1 }],
      };
    }
    const free = plain.replace(SLASH_COMMAND, '');
    if (!/[\p{L}\p{N}]/u.test(free)) return noneMatch();
    if (unknownWordsOnly(free)) return noneMatch();
    const p = model.classifier.probabilities(free);
    const ranking = labels
      .map((name, i) => ({ name, confidence: p[i]! }))
      .filter((r) => r.name !== NONE_INTENT)
      .sort((a, b) => b.confidence - a.confidence)
      .slice(0, RANKING_SIZE);
    const whole = topInScope(labels, p);
    const wholeSure =
      whole.label !== null &&
      !whole.noneWon &&
      (winsInAnyPart.has(whole.label) || whole.probability >= PART_WINS_BELOW);
    const part = winsInAnyPart.size > 0 && !wholeSure ? partWinner(free) : null;
    const top = part ? { label: part.label, probability: part.probability, noneWon: false } : whole;
    if (part) {
      // The ranking leads with what the message is routed to.
      ranking.splice(
        0,
        ranking.length,
        { name: part.label, confidence: part.probability },
        ...ranking.filter((r) => r.name !== part.label).slice(0, RANKING_SIZE - 1),
      );
    }
    if (top.label === null || top.noneWon || top.probability < model.threshold) {
      return { name: 'none', confidence: 1 - top.probability, skill: null, source: 'none', ranking };
    }
    return {
      name: top.label,
      confidence: top.probability,
      skill: skills.get(top.label) ?? null,
      source: 'model',
      ranking,
    };
  }

  /**
   * A question naming a partner and asking a fact about it ("what stage is Amber Deals in?") goes to
   * partner.query however the model read the name's unknown words ("status of" reads as a ticket's);
   * never a command, nor a request for a person.
   */
  function partnerQuestion(text: string, matched: IntentMatch, context?: MatchContext): IntentMatch {
    const skill = skills.get(PARTNER_INTENT);
    if (!skill || matched.source === 'pattern' || matched.name === PERSON_INTENT) return matched;
    const directory = context?.partnerDirectory;
    if (!asksAboutNamedPartner(text, directory)) return matched;
    const modelSays = matched.ranking.find((r) => r.name === PARTNER_INTENT)?.confidence ?? 0;
    const sure = directory ? DIRECTORY_PARTNER_CONFIDENCE : GUESSED_PARTNER_CONFIDENCE;
    const confidence = Math.max(modelSays, matched.name === PARTNER_INTENT ? matched.confidence : 0, sure);
    return {
      name: PARTNER_INTENT,
      confidence,
      skill,
      source: matched.source === 'none' ? 'model' : matched.source,
      ranking: [
        { name: PARTNER_INTENT, confidence },
        ...matched.ranking.filter((r) => r.name !== PARTNER_INTENT).slice(0, RANKING_SIZE - 1),
      ],
    };
  }

  return {
    match(text, context) {
      try {
        if (typeof text !== 'string' || text.length === 0) return noneMatch();
        return partnerQuestion(text, classify(text), context);
      } catch {
        // The router must always get an answer; an unexpected failure is "not understood", not a crash.
        return noneMatch();
      }
    },
    readsPartnerDirectory: (text) => skills.has(PARTNER_INTENT) && mayAskAboutAPartner(text),
    intents: () => frozen,
  };
}

/**
 * Loads and validates `intents/`, then trains the classifier (or restores it from `cacheDir`, keyed by the
 * files' hash and the model code version). Throws IntentValidationError on invalid intent files.
 */
export async function loadNluEngine(opts: LoadNluEngineOptions): Promise<NluEngine> {
  const started = performance.now();
  const { definitions, hash } = await loadIntentDefinitions(opts.intentsDir);
  const key = modelCacheKey(
    hash,
    JSON.stringify({ v: ENGINE_MODEL_VERSION, o: ENGINE_CLASSIFIER_OPTIONS, f: DEFAULT_FEATURE_CONFIG }),
  );
  let model = opts.cacheDir ? engineModelFromState(await readCachedModel(opts.cacheDir, key)) : null;
  const fromCache = model !== null;
  if (!model) {
    model = trainEngineModel(definitions);
    if (opts.cacheDir) {
      try {
        await writeCachedModel(opts.cacheDir, key, engineModelToState(model));
      } catch (error) {
        opts.logger?.info({ err: String(error), cacheDir: opts.cacheDir }, 'nlu model cache not written');
      }
    }
  }
  opts.logger?.info(
    {
      intents: definitions.length,
      fromCache,
      ms: Math.round(performance.now() - started),
      threshold: Number(model.threshold.toFixed(3)),
      crossValidatedAccuracy: Number(model.crossValidatedAccuracy.toFixed(3)),
    },
    'nlu engine ready',
  );
  return createNluEngine(definitions, model);
}
