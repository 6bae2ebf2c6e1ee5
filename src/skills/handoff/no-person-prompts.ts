import type { Responses } from '../../core/responses.js';

/**
 * Prompts of other skills that offer a person next to a "Talk to a person" button,
 * each with what it says while no agent can take a chat and that button is gone.
 */
const NO_PERSON_VARIANTS: ReadonlyArray<readonly [prompt: string, noPerson: string]> = [
  ['docs.sorry_not_helped', 'handoff.no_person.docs_sorry_not_helped'],
  ['docs.nothing_found_next', 'handoff.no_person.docs_nothing_found_next'],
  ['core.fallback', 'core.fallback_no_person'],
];

/** The prompt as said without a person on offer; prompts that never promise one come back as they are. */
export function noPersonPrompt(responses: Responses): (prompt: string) => string {
  const variants = new Map(
    NO_PERSON_VARIANTS.filter(([prompt, noPerson]) => responses.has(prompt) && responses.has(noPerson)).map(
      ([prompt, noPerson]) => [responses.t(prompt), responses.t(noPerson)] as const,
    ),
  );
  return (prompt) => variants.get(prompt) ?? prompt;
}
