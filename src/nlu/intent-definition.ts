import { z } from 'zod';

/** Skills that handle intents (the `skill` field of an intent file). */
export const SKILL_NAMES = ['tickets', 'docs', 'partners', 'handoff', 'smalltalk', 'core'] as const;
export type SkillName = (typeof SKILL_NAMES)[number];

/** Entity slots an intent may declare; they name fields of `Entities` (see entities/index.ts). */
export const SLOT_NAMES = [
  'ticketNumbers',
  'campaignIds',
  'emails',
  'statuses',
  'issueTypes',
  'period',
  'countries',
  'partnerRefs',
] as const;
export type SlotName = (typeof SLOT_NAMES)[number];

/** The intent name that means "out of scope": its examples train the model's rejection class. */
export const NONE_INTENT = 'none';

/** One intent as declared in `intents/<name>.yml`, after validation. */
export interface IntentDefinition {
  readonly name: string;
  readonly skill: SkillName;
  readonly description: string;
  readonly slots: readonly SlotName[];
  /** Regular expressions (case-insensitive) for commands; a match wins with confidence 1. */
  readonly patterns: readonly string[];
  readonly examples: readonly string[];
  /**
   * A message with a part (a clause between punctuation or joining words) that matches this
   * intent surely goes to it, whatever the rest says: "I need a person, our payouts are missing"
   * asks for a person even though most of its words describe a problem.
   */
  readonly winsInAnyPart?: boolean;
  /** Where it was declared, for error messages, e.g. `intents/ticket.create.yml`. */
  readonly file: string;
}

const nonEmptyString = (what: string) =>
  z.string({ error: `must be ${what}` }).refine((s) => s.trim().length > 0, { error: 'must not be empty' });

const compiles = (source: string) => {
  try {
    new RegExp(source, 'iu');
    return true;
  } catch {
    return false;
  }
};

/** The shape of an intent file; messages are phrased to follow the field path ("examples[3] must be a string"). */
export const intentFileSchema = z
  .strictObject(
    {
      name: nonEmptyString('a string').refine((s) => /^[a-z][a-z_]*(\.[a-z][a-z_]*)*$/.test(s), {
        error: 'must be lower-case words joined by dots, e.g. ticket.create',
      }),
      skill: z.enum(SKILL_NAMES, { error: `must be one of ${SKILL_NAMES.join(', ')}` }),
      description: nonEmptyString('a one-line string').refine((s) => !s.includes('\n'), {
        error: 'must be one line',
      }),
      slots: z
        .array(z.enum(SLOT_NAMES, { error: `must be one of ${SLOT_NAMES.join(', ')}` }), {
          error: 'must be a list of slot names',
        })
        .default([]),
      patterns: z
        .array(nonEmptyString('a string').refine(compiles, { error: 'is not a valid regular expression' }), {
          error: 'must be a list of regular expressions',
        })
        .default([]),
      examples: z.array(nonEmptyString('a string'), { error: 'must be a list of strings' }).default([]),
      winsInAnyPart: z.boolean({ error: 'must be true or false' }).default(false),
    },
    {
      error: (issue) =>
        issue.code === 'unrecognized_keys' ? undefined : 'must be a mapping of intent fields',
    },
  )
  .refine((d) => d.patterns.length > 0 || d.examples.length > 0, {
    error: 'needs examples or patterns (or both)',
    path: ['examples'],
  });

export type IntentFile = z.infer<typeof intentFileSchema>;
