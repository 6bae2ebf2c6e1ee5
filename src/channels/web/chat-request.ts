import { z } from 'zod';
import { jsonBoundsProblem } from './json-value-bounds.js';

const printable = (max: number) =>
  z
    .string()
    .max(max)
    .refine(
      (s) => !/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(s),
      'must not contain control characters',
    );

/** A button's or form's value: deep enough for any card, large enough for a form field as long as a message. */
const VALUE_MAX_DEPTH = 8;
const VALUE_EXTRA_CHARS = 8192;

const boundedValue = (maxTextChars: number) =>
  z.record(z.string(), z.unknown()).superRefine((value, ctx) => {
    const problem = jsonBoundsProblem(value, {
      maxDepth: VALUE_MAX_DEPTH,
      maxChars: maxTextChars + VALUE_EXTRA_CHARS,
    });
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

/** How many files one message may carry, and how long each one's base64 may be. */
export const MAX_ATTACHMENTS = 5;
export const MAX_ATTACHMENT_BASE64_CHARS = 2_000_000;

/** POST /api/chat body. Unknown fields are ignored. */
export function chatRequestSchema(maxTextChars: number) {
  return z
    .object({
      user: printable(128).min(1, 'must not be empty').regex(/\S/, 'must not be blank'),
      text: printable(maxTextChars).optional().default(''),
      conversation: z
        .string()
        .regex(/^[A-Za-z0-9_.:-]{1,128}$/, 'must be an id returned by an earlier answer')
        .optional(),
      value: boundedValue(maxTextChars).optional(),
      id: z.string().min(1).max(128).optional(),
      displayName: printable(120).optional(),
      attachments: z
        .array(
          z.object({
            name: printable(255).min(1),
            mimeType: z
              .string()
              .max(255)
              .regex(/^[\w.+-]+\/[\w.+-]+$/, 'must be a MIME type'),
            contentBase64: z.string().max(MAX_ATTACHMENT_BASE64_CHARS),
          }),
        )
        .max(MAX_ATTACHMENTS)
        .optional(),
    })
    .refine((b) => b.text.trim() !== '' || b.value !== undefined || (b.attachments?.length ?? 0) > 0, {
      message: 'send a non-empty text, a value or an attachment',
      path: ['text'],
    });
}

export type ChatRequest = z.infer<ReturnType<typeof chatRequestSchema>>;
