import { ExpiringCache } from '../../core/expiring-cache.js';
import type { HandoffMessage } from '../../store/handoff-messages.js';
import type { HandoffRecord } from '../../store/handoff-repository.js';
import type { LiveChat, TranscriptEntry } from './agent-desk.js';
import type { HandoffDeps } from './handoff-deps.js';

export interface TicketInfo {
  readonly number: string;
  readonly subject: string;
}

/** Builds what agents see of a chat (LiveChat, transcript entries) from stored rows. */
export interface LiveChatViews {
  view(handoff: HandoffRecord): Promise<LiveChat>;
  /** Views of chats listed in queue order; positions are counted in that order, per team. */
  views(handoffs: readonly HandoffRecord[]): Promise<LiveChat[]>;
  entry(message: HandoffMessage): Promise<TranscriptEntry>;
  ticket(handoff: HandoffRecord): Promise<TicketInfo>;
}

export function createLiveChatViews(deps: HandoffDeps): LiveChatViews {
  const tickets = new ExpiringCache<number, TicketInfo>(60_000, 5000);
  const { t } = deps.responses;

  async function ticket(h: HandoffRecord): Promise<TicketInfo> {
    const hit = tickets.get(h.ticketId);
    if (hit) return hit;
    const requester = await deps.people.person(h.userId);
    const found = requester ? await deps.tickets().get(requester.profile, h.ticketId) : null;
    const info = found
      ? { number: found.number, subject: found.subject }
      : { number: `#${h.ticketId}`, subject: '' };
    tickets.set(h.ticketId, info);
    return info;
  }

  async function build(h: HandoffRecord, position: number | null): Promise<LiveChat> {
    const [info, requester] = await Promise.all([ticket(h), deps.people.person(h.userId)]);
    return {
      handoffId: h.id,
      status: h.status,
      ticketId: h.ticketId,
      ticketNumber: info.number,
      ticketSubject: info.subject,
      requester: {
        id: h.userId,
        name: requester?.profile.displayName ?? h.userId,
        accountId: h.accountId,
        accountName: requester?.accountName ?? h.accountId,
      },
      teamId: h.teamId,
      agentId: h.agentId,
      reason: h.reason,
      summary: h.summary,
      waitingSince: h.status === 'assigned' ? (h.claimedAt ?? h.createdAt) : h.createdAt,
      position,
    };
  }

  return {
    ticket,
    async view(h) {
      return build(h, await deps.handoffs.position(h));
    },
    async views(list) {
      const seen = new Map<string, number>();
      return Promise.all(
        list.map((h) => {
          if (h.status !== 'pending') return build(h, null);
          const key = h.teamId ?? '';
          const position = (seen.get(key) ?? 0) + 1;
          seen.set(key, position);
          return build(h, position);
        }),
      );
    },
    async entry(m) {
      const author: TranscriptEntry['author'] =
        m.author === 'user' || m.author === 'bot' || m.author === 'agent' || m.author === 'note'
          ? m.author
          : 'system';
      let authorName: string;
      if (author === 'bot') authorName = t('handoff.names.bot');
      else if (author === 'system') authorName = t('handoff.names.system');
      else
        authorName = m.authorId
          ? ((await deps.people.person(m.authorId))?.profile.displayName ?? m.authorId)
          : '';
      return { id: m.id, author, authorName, text: m.text, at: m.createdAt };
    },
  };
}
