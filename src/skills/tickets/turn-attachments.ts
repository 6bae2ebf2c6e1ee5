import type { InboundAttachment } from '../../core/inbound-message.js';
import type { Responses } from '../../core/responses.js';
import type { TurnContext } from '../../core/turn-context.js';
import { attachmentProblem } from './draft-validation.js';

/**
 * The files of the turn's message that support accepts, for a reply or a solution on a ticket; each
 * one refused gets a warning saying why.
 */
export function acceptedAttachments(ctx: TurnContext, responses: Responses): InboundAttachment[] {
  return ctx.message.attachments.filter((a) => {
    const problem = attachmentProblem(a);
    if (problem) {
      ctx.reply({
        type: 'notice',
        level: 'warning',
        text: responses.t(`tickets.create.attachment_rejected_${problem.reason}`, { name: a.name }),
      });
    }
    return !problem;
  });
}
