import type { PartnerFilter, PartnerSort } from '../../store/partner-filter.js';

/** The facts about a partner that a question can ask for. */
export const PARTNER_FIELDS = [
  'contractStatus',
  'accountManager',
  'joinedAt',
  'contact',
  'website',
  'location',
  'groups',
  'stage',
  'contractName',
  'size',
  'businessModel',
  'promotionalAreas',
  'audienceCountry',
  'media',
  'socialReach',
  'prospectingSource',
  'pendingTermUpdate',
  'joinedVia',
  'partnerId',
] as const;
export type PartnerField = (typeof PARTNER_FIELDS)[number];

/** How the question names one partner. */
export type PartnerRef =
  | { readonly by: 'partnerId'; readonly value: string }
  | { readonly by: 'domain'; readonly value: string }
  | { readonly by: 'email'; readonly value: string }
  /** `rowIds`: the partners whose name is exactly this (already resolved); else fuzzy. */
  | { readonly by: 'name'; readonly value: string; readonly rowIds: readonly string[] };

/** What the parser understood; the answerer turns it into database queries. */
export type PartnerQuestion =
  /** `fields` empty: show the partner's card. */
  | { readonly kind: 'one'; readonly ref: PartnerRef; readonly fields: readonly PartnerField[] }
  /** Several partners by ID or name ("who manages 100481 and Northwind Outlet?"), the same facts for each. */
  | {
      readonly kind: 'several';
      readonly refs: readonly PartnerRef[];
      readonly fields: readonly PartnerField[];
    }
  | { readonly kind: 'list'; readonly filter: PartnerFilter; readonly sort: PartnerSort }
  | { readonly kind: 'count'; readonly filter: PartnerFilter }
  /** The question filters on something the directory does not have. */
  | { readonly kind: 'unknown-filter'; readonly words: string }
  /** Nothing to go on ("partners?"). */
  | { readonly kind: 'unclear' };
