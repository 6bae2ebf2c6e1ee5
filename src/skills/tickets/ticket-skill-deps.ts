import type { Responses } from '../../core/responses.js';
import type { UserProfile } from '../../domain/user.js';
import type { DocSuggestions } from '../docs/doc-suggestions.js';
import type { TicketDesk } from './ticket-desk.js';
import type { TicketEntityReader } from './ticket-entities.js';

/** What the ticket skill's parts are built from (passed in by the module; tests pass their own). */
export interface TicketSkillDeps {
  readonly desk: TicketDesk;
  readonly responses: Responses;
  readonly entities: TicketEntityReader;
  /** The user's IANA time zone when the directory knows it ("last month" starts at their midnight). */
  readonly timeZoneOf?: (userId: string) => Promise<string | null>;
  /** Help-center suggestions before filing; absent when the docs module is not installed. */
  readonly docs: () => DocSuggestions | undefined;
  readonly parseYesNo: (text: string) => 'yes' | 'no' | null;
  /** A short message inside a flow that is clearly another request, not an answer. */
  readonly looksLikeOtherRequest: (text: string) => boolean;
  /** Support staff whose name matches, for "assign 1042 to Riley". */
  readonly staffByName: (name: string) => Promise<UserProfile[]>;
  readonly ticketBaseUrl: string;
  readonly reopenDays: number;
}
