/**
 * Action ids and button values of everything the Slack channel renders.
 * Postback buttons carry the neutral action's `value` as JSON (Slack allows
 * 2000 characters); a button without a value sends its label as text.
 */
export const ACTION_POSTBACK = /^hd:\d+$/;
export const ACTION_LINK = /^hd_link:\d+$/;
export const ACTION_OPEN_FORM = 'hd_open_form';
export const ACTION_DESK = /^hd_desk:(claim|transfer|note|status|close)$/;
export const ACTION_AVAILABILITY = /^hd_availability:(online|away|offline)$/;
export const VIEW_FORM = 'hd_form';
export const VIEW_DESK_TRANSFER = 'hd_desk_transfer';
export const VIEW_DESK_NOTE = 'hd_desk_note';
export const VIEW_DESK_SOLUTION = 'hd_desk_solution';
export const SHORTCUT_TICKET_FROM_MESSAGE = 'hd_ticket_from_message';
export const COMMAND = '/helpdesk';

const MAX_VALUE_CHARS = 2000;

export interface PostbackValue {
  /** The neutral action's value; null when the button only says its label. */
  readonly value: Readonly<Record<string, unknown>> | null;
  readonly label: string;
}

/** The button value for a postback; the label goes along for buttons without a value. */
export function encodePostback(value: Readonly<Record<string, unknown>> | undefined, label: string): string {
  const full = JSON.stringify(value ? { v: value } : { l: label });
  return full.length <= MAX_VALUE_CHARS ? full : JSON.stringify({ l: label.slice(0, 200) });
}

/** Reads a postback button value; null for a value this app did not write. */
export function decodePostback(raw: string | undefined, fallbackLabel: string): PostbackValue | null {
  if (!raw) return { value: null, label: fallbackLabel };
  try {
    const parsed = JSON.parse(raw) as { v?: unknown; l?: unknown };
    if (parsed.v && typeof parsed.v === 'object' && !Array.isArray(parsed.v)) {
      return { value: parsed.v as Record<string, unknown>, label: fallbackLabel };
    }
    if (typeof parsed.l === 'string') return { value: null, label: parsed.l };
    return null;
  } catch {
    return null;
  }
}
