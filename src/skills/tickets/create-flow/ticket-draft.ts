import { z } from 'zod';

/** The questions of the guided ticket flow, in the order they are asked. */
export type CreateStep =
  | 'subject'
  | 'subject-shorten'
  | 'issue-type'
  | 'issue-type-choose'
  | 'campaign-specific'
  | 'campaign-id'
  | 'description'
  | 'suggestions'
  | 'duplicate'
  | 'access'
  | 'cc'
  | 'summary'
  | 'edit'
  | 'form';

export const CREATE_FLOW = 'create-ticket';

/** A ticket being written, kept in the conversation state between turns. */
const draftSchema = z.object({
  subject: z.string().optional(),
  /** A shortening of an over-long subject, waiting for the user's OK. */
  subjectProposal: z.string().optional(),
  /** Characters of the over-long subject the proposal shortens. */
  longSubjectLength: z.number().int().optional(),
  /** The user chose to type the subject again (the question is worded for that). */
  rewriteSubject: z.boolean().default(false),
  /** undefined: not computed yet; null: nothing stood out, so the user picks from the list. */
  suggestedIssueType: z.string().nullable().optional(),
  issueType: z.string().optional(),
  campaignSpecific: z.boolean().optional(),
  campaignId: z.string().optional(),
  description: z.string().optional(),
  attachmentIds: z.array(z.string()).default([]),
  attachmentNames: z.array(z.string()).default([]),
  shared: z.boolean().optional(),
  ccEmails: z.array(z.string()).optional(),
  /** Help articles were offered (or there were none to offer). */
  suggestionsDone: z.boolean().default(false),
  /** The articles offered, kept so the question can be asked again. */
  suggestions: z
    .array(
      z.object({
        sectionId: z.string(),
        articleTitle: z.string(),
        heading: z.string(),
        url: z.string(),
        extract: z.string(),
      }),
    )
    .default([]),
  duplicateDone: z.boolean().default(false),
  /** The open ticket that looks the same, while the user decides. */
  duplicate: z.object({ id: z.number().int(), subject: z.string(), status: z.string() }).optional(),
  /** The "Fill in a form instead" button was offered once already. */
  formOffered: z.boolean().default(false),
});

export type TicketDraft = z.infer<typeof draftSchema>;

/** Reads the draft from flow slots; slots from an older version that no longer parse start a fresh draft. */
export function readDraft(slots: Readonly<Record<string, unknown>>): TicketDraft {
  const parsed = draftSchema.safeParse(slots);
  return parsed.success ? parsed.data : draftSchema.parse({});
}

export function emptyDraft(): TicketDraft {
  return draftSchema.parse({});
}

/** The text help articles and the duplicate check look at. */
export function draftText(draft: TicketDraft): string {
  return [draft.subject ?? draft.subjectProposal ?? '', draft.description ?? ''].join('\n').trim();
}

/** The next thing to ask, given what the draft already holds. Suggestions and duplicates are decided by the flow. */
export function nextMissing(draft: TicketDraft): CreateStep {
  if (!draft.subject) return draft.subjectProposal ? 'subject-shorten' : 'subject';
  if (!draft.issueType) return draft.suggestedIssueType ? 'issue-type' : 'issue-type-choose';
  if (draft.campaignSpecific === undefined) return 'campaign-specific';
  if (draft.campaignSpecific && !draft.campaignId) return 'campaign-id';
  if (!draft.description) return 'description';
  if (!draft.suggestionsDone) return 'suggestions';
  if (!draft.duplicateDone) return 'duplicate';
  if (draft.shared === undefined) return 'access';
  if (draft.shared && draft.ccEmails === undefined) return 'cc';
  return 'summary';
}

/** Fields the summary's "Edit a field" offers, and what editing one clears. */
export const EDITABLE_FIELDS = ['subject', 'issue_type', 'campaign', 'description', 'access', 'cc'] as const;
export type EditableField = (typeof EDITABLE_FIELDS)[number];

/** New subject or description text: the help articles and the duplicate check look at it again. */
const RECHECK = {
  suggestionsDone: false,
  suggestions: [],
  duplicateDone: false,
  duplicate: undefined,
} as const satisfies Partial<TicketDraft>;

/** `next` with the articles and the duplicate check to look again when its subject or description is new. */
export function recheckNewText(previous: TicketDraft, next: TicketDraft): TicketDraft {
  const same = next.subject === previous.subject && next.description === previous.description;
  return same ? next : { ...next, ...RECHECK };
}

export function clearField(draft: TicketDraft, field: EditableField): TicketDraft {
  switch (field) {
    case 'subject':
      return { ...draft, ...RECHECK, subject: undefined, subjectProposal: undefined, rewriteSubject: true };
    case 'issue_type':
      return { ...draft, issueType: undefined, suggestedIssueType: null };
    case 'campaign':
      return { ...draft, campaignSpecific: undefined, campaignId: undefined };
    case 'description':
      return { ...draft, ...RECHECK, description: undefined };
    case 'access':
      return { ...draft, shared: undefined, ccEmails: undefined };
    case 'cc':
      return { ...draft, ccEmails: undefined };
  }
}
