import type { Responses } from '../../../core/responses.js';
import type { TurnContext } from '../../../core/turn-context.js';
import type { DocSuggestions } from '../../docs/doc-suggestions.js';
import type { TicketDesk } from '../ticket-desk.js';
import type { FlowStepper } from './create-flow-stepper.js';
import { createdCard } from './created-card.js';
import { draftText, type TicketDraft } from './ticket-draft.js';

/** How a guided flow ends: filed, added to a look-alike ticket, answered by an article, or already over. */
export function createFlowEndings(deps: {
  readonly desk: TicketDesk;
  readonly responses: Responses;
  readonly docs: () => DocSuggestions | undefined;
  readonly ticketBaseUrl: string;
  readonly stepper: FlowStepper;
}) {
  const { t } = deps.responses;
  const { end } = deps.stepper;

  async function recordDeflection(ctx: TurnContext, draft: TicketDraft, helpful: boolean): Promise<void> {
    try {
      await deps.docs()?.recordDeflection({
        userId: ctx.user.id,
        accountId: ctx.user.accountId,
        conversationId: ctx.conversation.id,
        query: draftText(draft),
        sectionIds: draft.suggestions.map((s) => s.sectionId),
        helpful,
      });
    } catch (error) {
      ctx.logger.warn({ err: error }, 'deflection not recorded');
    }
  }

  async function addToDuplicate(ctx: TurnContext, draft: TicketDraft): Promise<boolean> {
    const dup = draft.duplicate!;
    const body = [draft.subject, draft.description].filter(Boolean).join('\n\n');
    const outcome = await deps.desk.addComment(ctx.user, dup.id, body, {
      draftAttachmentIds: draft.attachmentIds,
    });
    if (!outcome.ok) return false;
    end(ctx);
    ctx.state.lastTicketId = dup.id;
    ctx.reply({ type: 'text', text: t('tickets.create.duplicate_added', { number: `#${dup.id}` }) });
    return true;
  }

  async function file(ctx: TurnContext, key: string, draft: TicketDraft): Promise<void> {
    const { summary } = await deps.desk.createTicket({
      requester: ctx.user,
      subject: draft.subject ?? '',
      issueType: draft.issueType ?? 'other',
      description: draft.description ?? '',
      campaignId: draft.campaignSpecific ? (draft.campaignId ?? null) : null,
      shared: draft.shared ?? false,
      ccEmails: draft.shared ? (draft.ccEmails ?? []) : [],
      channel: ctx.conversation.channel,
      conversationId: ctx.conversation.id,
      idempotencyKey: key,
      draftAttachmentIds: draft.attachmentIds,
    });
    end(ctx);
    ctx.state.lastTicketId = summary.id;
    ctx.reply(createdCard(deps.responses, summary, deps.ticketBaseUrl));
  }

  /** A click on a button of a flow that is over, or of an older question. */
  async function staleClick(ctx: TurnContext, key: string): Promise<void> {
    const filed = await deps.desk.byIdempotencyKey(ctx.user, key);
    if (filed) {
      ctx.reply(
        { type: 'notice', level: 'info', text: t('tickets.create.already_filed', { number: filed.number }) },
        createdCard(deps.responses, filed, deps.ticketBaseUrl),
      );
      return;
    }
    ctx.reply({ type: 'text', text: t('tickets.create.stale_button') });
  }

  return { recordDeflection, addToDuplicate, file, staleClick };
}

export type FlowEndings = ReturnType<typeof createFlowEndings>;
