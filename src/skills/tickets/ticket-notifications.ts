import type { Logger } from 'pino';
import type { Notifier } from '../../core/notifier.js';
import type { Reply } from '../../core/reply.js';
import type { Responses } from '../../core/responses.js';
import { statusLabel, type TicketStatus } from '../../domain/ticket-statuses.js';
import type { UserProfile } from '../../domain/user.js';
import type { TicketRecipients } from '../../store/ticket-recipients.js';
import type { TicketRecord } from '../../store/ticket-record.js';
import { isSupportStaff } from '../../store/ticket-visibility.js';
import type { UserDirectory } from '../../store/user-directory.js';
import { ticketActions, ticketNumber, ticketUrl } from './ticket-buttons.js';
import { colleaguePlace, type NotificationPlace, requesterPlace } from './ticket-notification-places.js';

export type TicketChange =
  | { readonly kind: 'comment'; readonly body: string; readonly attachmentNames: readonly string[] }
  | {
      readonly kind: 'status';
      readonly to: TicketStatus;
      readonly note?: string;
      /** A public comment that came with the change (the solution offered). */
      readonly comment?: string;
      /** The files that came with that comment. */
      readonly attachmentNames?: readonly string[];
    };

export interface TicketNotifications {
  /** Tells the requester and CC'd users of the bot about a change someone else made. */
  changed(ticket: TicketRecord, actor: UserProfile, change: TicketChange): Promise<void>;
}

export function createTicketNotifications(deps: {
  notifier: Notifier;
  recipients: TicketRecipients;
  users: UserDirectory;
  responses: Responses;
  ticketBaseUrl: string;
  reopenDays: number;
  clock: () => Date;
  logger: Logger;
}): TicketNotifications {
  const { t } = deps.responses;

  function message(
    ticket: TicketRecord,
    actor: UserProfile,
    change: TicketChange,
    viewer: UserProfile,
  ): Reply {
    const number = ticketNumber(ticket.id);
    const author = actor.displayName;
    const actions = ticketActions(deps.responses, ticket, viewer, {
      now: deps.clock(),
      reopenDays: deps.reopenDays,
      ticketUrl: ticketUrl(deps.ticketBaseUrl, ticket.id),
      includeView: true,
    });
    const files = change.attachmentNames?.length
      ? `\n\n${t('tickets.notify.comment_files', { names: change.attachmentNames.join(', ') })}`
      : '';
    if (change.kind === 'comment') {
      return {
        type: 'card',
        title: t('tickets.notify.comment_title', { number, subject: ticket.subject }),
        body: `${t('tickets.notify.comment_body', { author, text: change.body })}${files}`,
        fields: [{ label: t('tickets.fields.status'), value: statusLabel(ticket.status) }],
        actions,
      };
    }
    const note = change.note ? `\n\n${t('tickets.notify.status_note', { author, note: change.note })}` : '';
    const comment = change.comment
      ? `\n\n${t('tickets.notify.comment_body', { author, text: change.comment })}${files}`
      : '';
    return {
      type: 'card',
      title: t('tickets.notify.status_title', { number, status: statusLabel(change.to) }),
      body: `${t('tickets.notify.status_body', { meaning: t(`tickets.status.meaning.${change.to}`) })}${comment}${note}`,
      fields: [{ label: t('tickets.fields.subject'), value: ticket.subject }],
      actions,
    };
  }

  function neutralLine(ticket: TicketRecord): Reply {
    return {
      type: 'text',
      text: t('tickets.notify.private_update', { number: ticketNumber(ticket.id), id: ticket.id }),
    };
  }

  return {
    async changed(ticket, actor, change) {
      const targets = new Map<string, () => Promise<NotificationPlace | null>>();
      if (ticket.creatorId !== actor.id)
        targets.set(ticket.creatorId, () => requesterPlace(deps.recipients, ticket));
      if (ticket.shared && ticket.ccEmails.length > 0) {
        for (const userId of await deps.recipients.usersByEmail(ticket.accountId, ticket.ccEmails)) {
          if (userId === actor.id || targets.has(userId)) continue;
          targets.set(userId, () => colleaguePlace(deps.recipients, ticket, userId));
        }
      }
      const from = {
        author: isSupportStaff(actor) ? ('agent' as const) : ('system' as const),
        authorId: actor.id,
      };
      for (const [userId, placeOf] of targets) {
        try {
          const viewer = await deps.users.byId(userId);
          const place = viewer ? await placeOf() : null;
          if (!viewer || !place) continue;
          const reply = place.neutral ? neutralLine(ticket) : message(ticket, actor, change, viewer);
          await deps.notifier.send(place.conversationId, [reply], from, userId);
        } catch (error) {
          // One unreachable follower must not undo the change the actor made.
          deps.logger.warn({ err: error, ticketId: ticket.id, userId }, 'ticket notification not queued');
        }
      }
    },
  };
}
