import type { FormReply } from '../../core/reply.js';
import { parseSlackReference, type SlackReference } from './slack-reference.js';

/** What a form modal remembers (`private_metadata`, at most 3000 characters): where it came from and its actions. */
export interface FormMetadata {
  readonly ref: SlackReference;
  readonly formId: string;
  readonly submit: Readonly<Record<string, unknown>> | null;
  readonly cancel: Readonly<Record<string, unknown>> | null;
}

const MAX = 3000;

export function encodeFormMetadata(ref: SlackReference, form: FormReply): string {
  const full = { r: ref, f: form.id, s: form.submit.value ?? null, x: form.cancel?.value ?? null };
  const text = JSON.stringify(full);
  if (text.length <= MAX) return text;
  // Closing a modal is the same as not answering, so the cancel value is the one to drop.
  const smaller = JSON.stringify({ ...full, x: null });
  if (smaller.length <= MAX) return smaller;
  throw new Error(`form ${form.id}: its submit value is too large for a Slack modal`);
}

export function decodeFormMetadata(text: string | undefined): FormMetadata | null {
  if (!text) return null;
  try {
    const raw = JSON.parse(text) as { r?: unknown; f?: unknown; s?: unknown; x?: unknown };
    const ref = parseSlackReference(raw.r);
    if (!ref || typeof raw.f !== 'string') return null;
    return { ref, formId: raw.f, submit: record(raw.s), cancel: record(raw.x) };
  } catch {
    return null;
  }
}

function record(value: unknown): Readonly<Record<string, unknown>> | null {
  return value && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;
}
