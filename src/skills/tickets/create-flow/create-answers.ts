import type { Action } from '../../../core/reply.js';
import { issueTypesFor } from '../../../domain/issue-types.js';
import type { UserKind } from '../../../domain/user.js';
import { parseChoice } from '../../../nlu/answer-parsers.js';
import { parseCampaignAnswer } from '../draft-validation.js';
import { suggestIssueType } from '../issue-type-suggester.js';
import type { CreateStep } from './ticket-draft.js';

/** An answer to a step: the button choice it amounts to, with typed text where the step takes text. */
export interface StepAnswer {
  readonly choice: string;
  readonly text?: string;
}

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
  const trimmed = text.trim();
  if (!trimmed) return null;
  const button = buttonFor(trimmed, c.buttons, CHOICE_STEPS.has(step));
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
      if (NO_CAMPAIGN.test(trimmed)) return { choice: 'none' };
      const campaign = parseCampaignAnswer(trimmed);
      if (campaign.kind === 'id') return { choice: 'id', text: campaign.id };
      return campaign.kind === 'name' ? { choice: 'name', text: campaign.name } : null;
    }
    case 'suggestions':
      return yesNo ? { choice: yesNo === 'yes' ? 'solved' : 'not-solved' } : null;
    case 'duplicate':
      return yesNo ? { choice: yesNo === 'yes' ? 'comment' : 'new' } : null;
    case 'access':
      if (PRIVATE.test(trimmed)) return { choice: 'private' };
      if (yesNo) return { choice: yesNo === 'yes' ? 'shared' : 'private' };
      return SHARED.test(trimmed) ? { choice: 'shared' } : null;
    case 'cc':
      if (NOBODY.test(trimmed)) return { choice: 'none' };
      return /@/.test(trimmed) ? { choice: 'emails', text: trimmed } : null;
    case 'summary':
      if (
        /^(confirm|submit|file it|send it|go ahead|looks good|ok|okay)\b/i.test(trimmed) ||
        yesNo === 'yes'
      ) {
        return { choice: 'confirm' };
      }
      if (/^(edit|change|fix|correct)\b/i.test(trimmed) || yesNo === 'no') return { choice: 'edit' };
      return null;
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
 * A typed button label; on choice steps also "2", "the second one" or a label's
 * words (the intent engine's choice parser).
 */
function buttonFor(text: string, buttons: readonly Action[], choiceStep: boolean): StepAnswer | null {
  const options = buttons.flatMap((b) =>
    typeof b.value?.choice === 'string' ? [{ value: b.value.choice, label: b.label }] : [],
  );
  const wanted = normalise(text);
  const exact = options.find((o) => normalise(o.label) === wanted);
  if (exact) return { choice: exact.value };
  const chosen = choiceStep ? parseChoice(text, options) : null;
  return chosen ? { choice: chosen } : null;
}

function issueTypeFromText(text: string, kind: UserKind): StepAnswer | null {
  const wanted = normalise(text);
  const types = issueTypesFor(kind);
  const byLabel =
    types.find((t) => normalise(t.label) === wanted) ??
    types.find((t) => wanted.length >= 4 && normalise(t.label).includes(wanted));
  const type = byLabel ?? suggestIssueType(text, kind);
  return type ? { choice: type.id } : null;
}

function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/[’']/g, "'")
    .replace(/[.!?\s]+$/, '')
    .replace(/\s+/g, ' ')
    .trim();
}
