import type { InboundAttachment } from '../../core/inbound-message.js';
import { MAX_SUBJECT_CHARS } from './subject-shortener.js';

/** Limits from the support process (help center: "Create a support ticket"). */
export const MAX_CC_EMAILS = 10;
export const MAX_ATTACHMENTS = 10;
export const MAX_ATTACHMENT_BYTES = 25 * 1024 * 1024;
export const MIN_DESCRIPTION_CHARS = 10;
const ALLOWED_EXTENSIONS = new Set(['png', 'jpg', 'jpeg', 'gif', 'pdf', 'csv', 'xlsx', 'txt', 'har', 'mp4']);

export type SubjectCheck =
  | { ok: true; subject: string }
  | { ok: false; reason: 'empty' | 'too-long'; length: number };

export function checkSubject(text: string): SubjectCheck {
  const subject = text.replace(/\s+/g, ' ').trim();
  if (subject.length === 0) return { ok: false, reason: 'empty', length: 0 };
  if (subject.length > MAX_SUBJECT_CHARS) return { ok: false, reason: 'too-long', length: subject.length };
  return { ok: true, subject };
}

export type CampaignAnswer = { kind: 'id'; id: string } | { kind: 'name'; name: string } | { kind: 'empty' };

/**
 * A campaign ID is a number. "48213", "#48213", "ID 48213", "it's campaign 48213"
 * give the number; anything else is taken as a campaign name ("Summer Sale 2024").
 */
export function parseCampaignAnswer(text: string): CampaignAnswer {
  const clean = text.trim().replace(/[.!]+$/, '');
  if (clean.length === 0) return { kind: 'empty' };
  const rest = clean
    .toLowerCase()
    .replace(/[#:,;]/g, ' ')
    .split(/\s+/)
    .filter((w) => w.length > 0 && !CAMPAIGN_FILLER.has(w.replace(/[’']/g, '')));
  const only = rest.length === 1 ? rest[0] : undefined;
  if (only && /^\d{1,18}$/.test(only)) return { kind: 'id', id: String(BigInt(only)) };
  return { kind: 'name', name: clean.slice(0, 80) };
}

const CAMPAIGN_FILLER = new Set([
  'the',
  'campaign',
  'campaigns',
  'id',
  'number',
  'no',
  'no.',
  'is',
  'it',
  'its',
  'our',
  'my',
  'sure',
]);

export type EmailListCheck =
  | { ok: true; emails: string[] }
  | { ok: false; reason: 'invalid'; value: string }
  | { ok: false; reason: 'too-many'; count: number };

const EMAIL = /^[^\s@,;<>()]+@[^\s@,;<>()]+\.[a-z]{2,}$/i;

/** Addresses separated by commas, semicolons, spaces or "and"; each one checked, duplicates dropped. */
export function checkEmailList(text: string): EmailListCheck {
  const parts = text
    .split(/[\s,;]+/)
    .map((p) => p.replace(/^<|>$/g, '').replace(/^mailto:/i, ''))
    .filter((p) => p.length > 0 && !/^(and|&)$/i.test(p));
  const emails: string[] = [];
  for (const part of parts) {
    if (!EMAIL.test(part)) return { ok: false, reason: 'invalid', value: part };
    const email = part.toLowerCase();
    if (!emails.includes(email)) emails.push(email);
  }
  if (emails.length > MAX_CC_EMAILS) return { ok: false, reason: 'too-many', count: emails.length };
  return { ok: true, emails };
}

export type AttachmentProblem = { name: string; reason: 'type' | 'size' };

/** Files support accepts: the listed types, at most 25 MB each. */
export function attachmentProblem(a: InboundAttachment): AttachmentProblem | null {
  const extension = a.name.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1] ?? '';
  const typeOk =
    ALLOWED_EXTENSIONS.has(extension) ||
    /^(image\/(png|jpeg|gif)|application\/pdf|text\/(csv|plain)|video\/mp4)$/i.test(a.mimeType);
  if (!typeOk) return { name: a.name, reason: 'type' };
  if (a.size > MAX_ATTACHMENT_BYTES) return { name: a.name, reason: 'size' };
  return null;
}
