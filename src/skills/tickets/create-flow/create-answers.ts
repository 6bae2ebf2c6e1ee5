import type { Action } from '../../../core/reply.js';
import { issueTypesFor } from '../../../domain/issue-types.js';
import type { UserKind } from '../../../domain/user.js';
import { isNoneAnswer, parseChoice } from '../../../nlu/answer-parsers.js';
import { parseCampaignAnswer } from '../draft-validation.js';
import { suggestIssueType } from '../issue-type-suggester.js';
import { contentWords } from '../ticket-text-features.js';
import type { CreateStep } from './ticket-draft.js';

/** An answer to a step: the button choice it amounts to, with typed text where the step takes text. */
export interface StepAnswer {
  readonly choice: string;
  readonly text?: string;
}

/**
 * A typed answer and how it was read. `loose`: from some of the words rather than a sure form (a
 * button's label, a number, a yes or no, an ID): a label's words, a campaign name, an issue type in
 * other words. A confident new request in the same words ("show my open tickets" at the campaign
 * question) is that request, not this answer.
 */
export interface TypedAnswer {
  readonly answer: StepAnswer;
  readonly loose: boolean;
}

type Reading = StepAnswer & { readonly loose?: boolean };

export interface TypedAnswerContext {
  readonly kind: UserKind;
  readonly parseYesNo: (text: string) => 'yes' | 'no' | null;
  /** The buttons the question showed, so typing a button's label (or its number) works like a click. */
  readonly buttons: readonly Action[];
}

const NO_CAMPAIGN =
  /^(no|none|n\/a|not (campaign[- ]specific|about a campaign|one campaign)|all campaigns|no campaign|not specific)\b/i;
const NOBODY = /^(no|none|no ?one|nobody|skip|no thanks?|not needed)\b/i;
const SHARED = /\b(share[ds]?|everyone|everybody|whole (team|account)|team|colleagues|public)\b/i;
const PRIVATE = /\b(private|only me|just me|me only|myself|nobody else)\b/i;

/** What typed text means at `step`; null when it is not an answer to it (the router then checks for a new request). */
export function readTypedAnswer(step: CreateStep, text: string, c: TypedAnswerContext): StepAnswer | null {
  return typedAnswer(step, text, c)?.answer ?? null;
}

/** As readTypedAnswer, with whether the answer was read loosely. */
export function typedAnswer(step: CreateStep, text: string, c: TypedAnswerContext): TypedAnswer | null {
  const reading = readAnswer(step, text, c);
  if (!reading) return null;
  const { loose, ...answer } = reading;
  return { answer, loose: loose === true };
}

function readAnswer(step: CreateStep, text: string, c: TypedAnswerContext): Reading | null {
  const trimmed = text.trim();
  if (!trimmed) return null;
  const button = buttonFor(trimmed, c.buttons, CHOICE_STEPS.has(step), ISSUE_TYPE_STEPS.has(step));
  if (button) return button;
  const yesNo = c.parseYesNo(trimmed);
  switch (step) {
    case 'subject':
    case 'description':
      return { choice: 'text', text: trimmed };
    case 'subject-shorten':
      if (yesNo) return { choice: yesNo === 'yes' ? 'use' : 'own' };
      return { choice: 'text', text: trimmed };
    case 'issue-type':
      if (yesNo) return { choice: yesNo === 'yes' ? 'yes' : 'other' };
      return issueTypeFromText(trimmed, c.kind);
    case 'issue-type-choose':
      return issueTypeFromText(trimmed, c.kind);
    case 'campaign-specific': {
      if (yesNo) return { choice: yesNo };
      const campaign = parseCampaignAnswer(trimmed);
      return campaign.kind === 'id' ? { choice: 'id', text: campaign.id } : null;
    }
    case 'campaign-id': {
      // "no, it is 88213" gives the ID; "nope", "none", "not campaign-specific" say there is none.
      const campaign = parseCampaignAnswer(trimmed);
      if (campaign.kind === 'id') return { choice: 'id', text: campaign.id };
      if (NO_CAMPAIGN.test(trimmed) || isNoneAnswer(trimmed)) return { choice: 'none' };
      return campaign.kind === 'name' ? { choice: 'name', text: campaign.name, loose: true } : null;
    }
    case 'suggestions':
      return yesNo ? { choice: yesNo === 'yes' ? 'solved' : 'not-solved' } : null;
    case 'duplicate':
      return yesNo ? { choice: yesNo === 'yes' ? 'comment' : 'new' } : null;
    case 'access':
      if (PRIVATE.test(trimmed)) return { choice: 'private', loose: true };
      if (yesNo) return { choice: yesNo === 'yes' ? 'shared' : 'private' };
      return SHARED.test(trimmed) ? { choice: 'shared', loose: true } : null;
    case 'cc':
      if (/@/.test(trimmed)) return { choice: 'emails', text: trimmed };
      return NOBODY.test(trimmed) || isNoneAnswer(trimmed) ? { choice: 'none' } : null;
    case 'summary':
      if (
        /^(confirm|submit|file it|send it|go ahead|looks good|ok|okay)\b/i.test(trimmed) ||
        yesNo === 'yes'
      ) {
        return { choice: 'confirm' };
      }
      if (yesNo === 'no') return { choice: 'edit' };
      return /^(edit|change|fix|correct)\b/i.test(trimmed) ? { choice: 'edit', loose: true } : null;
    case 'edit':
    case 'form':
      return null;
  }
}

/** Steps answered by picking a button; on the others typed text is the answer itself. */
const CHOICE_STEPS: ReadonlySet<CreateStep> = new Set([
  'issue-type',
  'issue-type-choose',
  'campaign-specific',
  'suggestions',
  'duplicate',
  'access',
  'summary',
  'edit',
]);

/**
 * Steps where only a real answer counts: a question or a new request typed there
 * ("how do I set up the tracking pixel?") must not become the ticket's issue type.
 */
const ISSUE_TYPE_STEPS: ReadonlySet<CreateStep> = new Set(['issue-type', 'issue-type-choose']);

/** Words that say nothing about which option is meant: "the tracking one", "login issue", "the 2nd". */
const ANSWER_FILLERS = new Set(
  contentWords(
    'one issue issues type category option problem topic thing pick choose take guess think probably maybe ' +
      'please related first second third fourth fifth sixth seventh eighth ninth tenth last',
  ),
);

/** The words of an answer that name something, stemmed; numbers (list positions) left out. */
function namingWords(text: string): string[] {
  return contentWords(text).filter((w) => !ANSWER_FILLERS.has(w) && !/^\d{1,2}(?:st|nd|rd|th)?$/.test(w));
}

/** Every naming word of the answer is a word of the label ("payments" for "Payments and Finance"). */
function coversLabel(words: readonly string[], label: string): boolean {
  const labelWords = contentWords(label);
  return words.every((w) =>
    labelWords.some(
      (l) => l === w || (Math.min(l.length, w.length) >= 4 && (l.startsWith(w) || w.startsWith(l))),
    ),
  );
}

/**
 * A typed button label; on choice steps also "2", "the second one" or a label's
 * words (the intent engine's choice parser). With `strict`, a label-word match counts
 * only when the answer names nothing but that label.
 */
function buttonFor(
  text: string,
  buttons: readonly Action[],
  choiceStep: boolean,
  strict: boolean,
): Reading | null {
  const options = buttons.flatMap((b) =>
    typeof b.value?.choice === 'string' ? [{ value: b.value.choice, label: b.label }] : [],
  );
  const wanted = normalise(text);
  const exact = options.find((o) => normalise(o.label) === wanted);
  if (exact) return { choice: exact.value };
  const chosen = choiceStep ? parseChoice(text, options) : null;
  if (!chosen) return null;
  const label = options.find((o) => o.value === chosen)?.label ?? '';
  const naming = namingWords(text);
  if (strict && !coversLabel(naming, label)) return null;
  // "the second one" names no label: a position is sure; a label's words are not.
  return naming.length > 0 ? { choice: chosen, loose: true } : { choice: chosen };
}

/**
 * An issue type named in the answer: its label, a part of it ("payments"), or a single
 * word the issue-type keywords know ("payouts"). Anything longer is not an answer.
 */
function issueTypeFromText(text: string, kind: UserKind): Reading | null {
  const wanted = normalise(text);
  const types = issueTypesFor(kind);
  const exact = types.find((t) => normalise(t.label) === wanted);
  if (exact) return { choice: exact.id };
  const byLabel = types.find((t) => wanted.length >= 4 && normalise(t.label).includes(wanted));
  if (byLabel) return { choice: byLabel.id, loose: true };
  const words = namingWords(text);
  if (words.length === 0 || /\?\s*$/.test(text)) return null;
  const covered = types.filter((t) => coversLabel(words, t.label));
  if (covered.length === 1) return { choice: covered[0]!.id, loose: true };
  const type = words.length === 1 && covered.length === 0 ? suggestIssueType(text, kind) : null;
  return type ? { choice: type.id, loose: true } : null;
}

function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/[’']/g, "'")
    .replace(/[.!?\s]+$/, '')
    .replace(/\s+/g, ' ')
    .trim();
}
