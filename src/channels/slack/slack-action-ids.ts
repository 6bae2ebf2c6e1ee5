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

/** A Slack user id, as a button's owner is written: nothing that could be mrkdwn. */
const SLACK_USER_ID = /^[A-Z0-9]{2,40}$/;

export interface PostbackValue {
  /** The neutral action's value; null when the button only says its label. */
  readonly value: Readonly<Record<string, unknown>> | null;
  readonly label: string;
  /** The Slack user the button was shown to (see slack-button-owner.ts); absent: anyone's. */
  readonly shownTo?: string;
}

/**
 * The button value for a postback; the label goes along for buttons without a value.
 * `shownTo`: the Slack user the button is for, kept in the value so a press can be checked.
 */
export function encodePostback(
  value: Readonly<Record<string, unknown>> | undefined,
  label: string,
  shownTo?: string,
): string {
  const owner = shownTo ? { u: shownTo } : {};
  const full = JSON.stringify(value ? { v: value, ...owner } : { l: label, ...owner });
  return full.length <= MAX_VALUE_CHARS ? full : JSON.stringify({ l: label.slice(0, 200), ...owner });
}

/** Reads a postback button value; null for a value this app did not write. */
export function decodePostback(raw: string | undefined, fallbackLabel: string): PostbackValue | null {
  if (!raw) return { value: null, label: fallbackLabel };
  try {
    const parsed = JSON.parse(raw) as { v?: unknown; l?: unknown; u?: unknown };
    const owner = ownerIn(parsed.u);
    if (parsed.v && typeof parsed.v === 'object' && !Array.isArray(parsed.v)) {
      return { value: parsed.v as Record<string, unknown>, label: fallbackLabel, ...owner };
    }
    if (typeof parsed.l === 'string') return { value: null, label: parsed.l, ...owner };
    return null;
  } catch {
    return null;
  }
}

/** What an "Open form" button carries: the form's id, and whom it was shown to. */
export interface OpenFormValue {
  readonly form: string;
  readonly shownTo?: string;
}

/** The value of a form's "Open form" button. */
export function encodeOpenForm(formId: string, shownTo?: string): string {
  return JSON.stringify({ form: formId, ...(shownTo ? { u: shownTo } : {}) });
}

/** Reads an "Open form" button's value; null for a value this app did not write. */
export function decodeOpenForm(raw: string | undefined): OpenFormValue | null {
  try {
    const parsed = JSON.parse(raw ?? '{}') as { form?: unknown; u?: unknown };
    return typeof parsed.form === 'string' ? { form: parsed.form, ...ownerIn(parsed.u) } : null;
  } catch {
    return null;
  }
}

function ownerIn(u: unknown): { shownTo?: string } {
  return typeof u === 'string' && SLACK_USER_ID.test(u) ? { shownTo: u } : {};
}
