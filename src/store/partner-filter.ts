import { z } from 'zod';
import {
  CONTRACT_STATUSES,
  JOINED_VIA,
  PENDING_TERM_UPDATES,
  PROSPECTING_SOURCES,
  SIZES,
  STAGES,
} from './partner-record.js';

/**
 * A directory query: values inside one field are OR-ed, fields are AND-ed (as
 * in the platform's filter panel). Plain JSON, so a "More" button can carry it.
 */
export const partnerFilterSchema = z
  .object({
    contractStatus: z.array(z.enum(CONTRACT_STATUSES)),
    stage: z.array(z.enum(STAGES)),
    country: z.array(z.string().regex(/^[A-Z]{2}$/)),
    /** "US-TX": a state or province within its country. */
    region: z.array(z.string().regex(/^[A-Z]{2}-[A-Z0-9]{1,3}$/)),
    group: z.array(z.string().min(1)),
    businessModel: z.array(z.string().min(1)),
    /** null = no account manager ("unassigned"). */
    manager: z.array(z.string().min(1).nullable()),
    pendingTermUpdate: z.array(z.enum(PENDING_TERM_UPDATES)),
    joinedVia: z.array(z.enum(JOINED_VIA)),
    size: z.array(z.enum(SIZES)),
    prospectingSource: z.array(z.enum(PROSPECTING_SOURCES)),
    contractName: z.array(z.string().min(1)),
    promotionalArea: z.array(z.string().min(1)),
    audienceCountry: z.array(z.string().regex(/^[A-Z]{2}$/)),
    /** Date joined in [from, to), ISO strings. */
    joined: z.object({ from: z.string().datetime().optional(), to: z.string().datetime().optional() }),
    /** Social reach in [min, max]. */
    reach: z.object({
      min: z.number().int().nonnegative().optional(),
      max: z.number().int().nonnegative().optional(),
    }),
  })
  .partial();

export type PartnerFilter = z.infer<typeof partnerFilterSchema>;
export type FilterKey = keyof PartnerFilter;

export const partnerSortSchema = z.enum(['name', 'joined-newest', 'joined-oldest']);
export type PartnerSort = z.infer<typeof partnerSortSchema>;

/** True when the filter has no condition at all (the whole directory). */
export function isEmptyFilter(filter: PartnerFilter): boolean {
  return Object.values(filter).every((v) =>
    Array.isArray(v) ? v.length === 0 : !v || Object.values(v).every((x) => x === undefined),
  );
}
