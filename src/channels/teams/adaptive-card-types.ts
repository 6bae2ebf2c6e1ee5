/**
 * The slice of the Adaptive Card 1.5 schema the bot emits. Elements stay open
 * (`[key: string]: unknown`) because the schema has dozens of element types and
 * the renderer only needs to build them, never to read them back.
 */
export interface AdaptiveElement {
  readonly type: string;
  readonly [key: string]: unknown;
}

export interface AdaptiveAction {
  readonly type: 'Action.Submit' | 'Action.Execute' | 'Action.OpenUrl' | 'Action.ShowCard';
  readonly title: string;
  readonly [key: string]: unknown;
}

export interface AdaptiveCard {
  readonly type: 'AdaptiveCard';
  readonly $schema: 'http://adaptivecards.io/schemas/adaptive-card.json';
  readonly version: '1.5';
  readonly body: readonly AdaptiveElement[];
  readonly actions?: readonly AdaptiveAction[];
  readonly msteams?: { readonly width: 'Full' };
  readonly [key: string]: unknown;
}

export const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

/** Builds a card with the fixed header fields; `fullWidth` widens it in Teams (forms, lists, agents' cards). */
export function adaptiveCard(
  body: readonly AdaptiveElement[],
  actions: readonly AdaptiveAction[] = [],
  options: { fullWidth?: boolean } = {},
): AdaptiveCard {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body,
    ...(actions.length > 0 ? { actions } : {}),
    ...(options.fullWidth ? { msteams: { width: 'Full' as const } } : {}),
  };
}
