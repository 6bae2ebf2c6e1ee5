import type { Responses } from '../../core/responses.js';
import { OPEN_STATUSES } from '../../domain/ticket-statuses.js';
import type { TicketFilter } from '../../store/ticket-query-repository.js';

/** Lists worth suggesting when one comes back empty, as the user would type them. */
const SUGGESTIONS = ['mine', 'closed', 'all'] as const;
type Suggestion = (typeof SUGGESTIONS)[number];

/** The filter a suggestion stands for ("my tickets" is the agent's assigned list). */
function suggestionFilter(suggestion: Suggestion, asked: TicketFilter): TicketFilter {
  switch (suggestion) {
    case 'mine':
      return asked.assignedToMe
        ? { createdBy: 'anyone', assignedToMe: true, statuses: [...OPEN_STATUSES] }
        : { createdBy: 'me', statuses: [...OPEN_STATUSES] };
    case 'closed':
      return { createdBy: 'anyone', statuses: ['closed'] };
    case 'all':
      return { createdBy: 'anyone' };
  }
}

/**
 * Would every ticket of `narrow` also be in `wide`? Then `narrow` is empty too and
 * not worth suggesting (this includes suggesting what the user just asked for).
 */
function within(narrow: TicketFilter, wide: TicketFilter): boolean {
  if (wide.createdBy === 'me' && narrow.createdBy !== 'me') return false;
  if (wide.assignedToMe && !narrow.assignedToMe) return false;
  if (wide.statuses?.length) {
    const allowed = wide.statuses;
    if (!narrow.statuses?.length || !narrow.statuses.every((s) => allowed.includes(s))) return false;
  }
  return !(
    wide.createdAt ||
    wide.lastActivityAt ||
    wide.read ||
    wide.issueTypes?.length ||
    wide.campaignIds?.length ||
    wide.keywords?.length ||
    wide.ids?.length
  );
}

/** "No tickets found (status Closed). Try “my tickets” or “all tickets”.": what was looked for, and where else to look. */
export function emptyListText(responses: Responses, filter: TicketFilter, filters: string): string {
  const { t } = responses;
  const scope = filter.assignedToMe
    ? 'empty_assigned'
    : filter.createdBy === 'me'
      ? 'empty_mine'
      : 'empty_all';
  const found = `${t(`tickets.list.${scope}`)}${filters ? ` (${filters})` : ''}.`;
  const others = SUGGESTIONS.filter((s) => !within(suggestionFilter(s, filter), filter))
    .slice(0, 2)
    .map((s) => t(`tickets.list.suggest.${s}`));
  const [first, second] = others;
  if (!first) return found;
  const hint = second
    ? t('tickets.list.empty_try_two', { first, second })
    : t('tickets.list.empty_try_one', { first });
  return `${found} ${hint}`;
}
