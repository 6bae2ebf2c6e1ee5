import type { Responses } from '../../../core/responses.js';
import type { TurnContext } from '../../../core/turn-context.js';
import { attachmentProblem, MAX_ATTACHMENTS } from '../draft-validation.js';
import type { TicketDesk } from '../ticket-desk.js';
import type { TicketDraft } from './ticket-draft.js';

/**
 * Keeps the files a message carries with the draft (stored now, linked to the
 * ticket when it is filed), and says which were taken and which were refused.
 */
export async function keepAttachments(
  ctx: TurnContext,
  draft: TicketDraft,
  deps: { desk: TicketDesk; responses: Responses },
): Promise<TicketDraft> {
  const { t } = deps.responses;
  const accepted = [];
  for (const file of ctx.message.attachments) {
    const problem = attachmentProblem(file);
    if (problem) {
      ctx.reply({
        type: 'notice',
        level: 'warning',
        text: t(`tickets.create.attachment_rejected_${problem.reason}`, { name: file.name }),
      });
    } else if (draft.attachmentIds.length + accepted.length >= MAX_ATTACHMENTS) {
      ctx.reply({
        type: 'notice',
        level: 'warning',
        text: t('tickets.create.attachment_too_many', { name: file.name }),
      });
    } else {
      accepted.push(file);
    }
  }
  if (accepted.length === 0) return draft;
  const ids = await deps.desk.saveDraftAttachments(accepted);
  const names = accepted.map((a) => a.name);
  ctx.reply({
    type: 'notice',
    level: 'success',
    text: t('tickets.create.attachment_added', { names: names.join(', ') }),
  });
  return {
    ...draft,
    attachmentIds: [...draft.attachmentIds, ...ids],
    attachmentNames: [...draft.attachmentNames, ...names],
  };
}
