import { z } from 'zod';

/**
 * The person a flow asks: only their messages answer it (see flow-owner.ts). Their channel id
 * (Slack user id, Teams AAD object id) is what a channel mentions; their name, what it writes.
 */
export const flowOwnerSchema = z.object({
  /** The help-desk user. */
  userId: z.string(),
  /** Their id on the channel; the same person after the directory links them to another user. */
  externalId: z.string(),
  name: z.string(),
});

/**
 * What the bot remembers about a conversation between turns. Persisted as JSON
 * on the conversation row, so a restart mid-form resumes where the user was.
 */
export const activeFlowSchema = z.object({
  /** Skill that owns the flow. */
  skill: z.string(),
  /** Flow name inside the skill, e.g. "create-ticket". */
  name: z.string(),
  /** The question the user is answering now. */
  step: z.string(),
  slots: z.record(z.string(), z.unknown()),
  /** One key per flow: a retried submit never files twice. */
  idempotencyKey: z.string(),
  startedAt: z.string(),
  /** Whom the flow asks; set when the turn that opened it is stored. None in rows of older versions: anyone's. */
  owner: flowOwnerSchema.optional(),
});

export const conversationStateSchema = z.object({
  flow: activeFlowSchema.optional(),
  /** A high-confidence new intent waiting for the user to confirm leaving the current flow. */
  pendingInterrupt: z.object({ intent: z.string(), text: z.string() }).optional(),
  /** Unhelpful answers in a row; at two the bot offers a human. */
  unhelpfulCount: z.number().int().nonnegative().default(0),
  /** The ticket being discussed, for "any news?" and handoff. */
  lastTicketId: z.number().int().optional(),
  /** Skill-owned memory that outlives a flow (e.g. last list query for "more"). */
  memory: z.record(z.string(), z.unknown()).default({}),
  /** Marks of the latest inbound events whose turns were stored (stored-event-marks.ts). */
  storedEvents: z.array(z.string()).optional(),
});

export type FlowOwner = z.infer<typeof flowOwnerSchema>;
export type ActiveFlow = z.infer<typeof activeFlowSchema>;
export type ConversationState = z.infer<typeof conversationStateSchema>;

export function emptyState(): ConversationState {
  return { unhelpfulCount: 0, memory: {} };
}

/** Parses stored state; a row written by an older version that no longer parses starts fresh. */
export function parseState(json: string): ConversationState {
  try {
    const result = conversationStateSchema.safeParse(JSON.parse(json));
    return result.success ? result.data : emptyState();
  } catch {
    return emptyState();
  }
}
