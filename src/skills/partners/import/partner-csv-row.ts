import { domainOf } from '../../../store/partner-name-key.js';
import {
  CONTRACT_STATUSES,
  type MediaPropertyRecord,
  type PartnerRecord,
  PROSPECTING_SOURCES,
  SIZES,
  STAGES,
} from '../../../store/partner-record.js';
import { canonicalPartnerId } from '../../../store/partner-repository.js';
import { countryCodeOf, regionCodeOf } from '../partner-places.js';
import { DOCUMENTED_HEADERS, type HeaderMapping, type PartnerColumn } from './partner-csv-columns.js';
import type { CsvRecord } from './partner-csv-reader.js';

/** The fields a row sets; a column left empty (or absent) keeps the partner's current value. */
export type PartnerPatch = { readonly partnerId: string; readonly line: number } & Partial<
  Omit<PartnerRecord, 'partnerId'>
>;

export type RowResult =
  | { readonly ok: true; readonly patch: PartnerPatch }
  | { readonly ok: false; readonly line: number; readonly partnerId: string | null; readonly reason: string };

/** C0 control characters (line breaks, tabs, NUL...) and DEL: never part of a one-line value. */
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f]/;

const EMAIL = /^[^\s@<>,;]+@[^\s@<>,;]+\.[a-z]{2,}$/i;
const MEDIA_KINDS: ReadonlyArray<[RegExp, string]> = [
  [/(^|\.)instagram\.com$/, 'instagram'],
  [/(^|\.)youtube\.com$|(^|\.)youtu\.be$/, 'youtube'],
  [/(^|\.)tiktok\.com$/, 'tiktok'],
  [/(^|\.)(x|twitter)\.com$/, 'x'],
  [/(^|\.)facebook\.com$/, 'facebook'],
  [/(^|\.)pinterest\.[a-z.]+$/, 'pinterest'],
  [/(^|\.)twitch\.tv$/, 'twitch'],
];

function oneOf<T extends string>(values: readonly T[], text: string): T | null {
  const key = text
    .toLowerCase()
    .replace(/[\s_-]+/g, ' ')
    .trim();
  return values.find((v) => v.toLowerCase() === key) ?? null;
}

function list(text: string): string[] {
  return [
    ...new Set(
      text
        .split(';')
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ];
}

function withScheme(url: string): string {
  return /^https?:\/\//i.test(url) ? url : `https://${url}`;
}

function parseMedia(text: string, problems: string[]): MediaPropertyRecord[] {
  const out: MediaPropertyRecord[] = [];
  for (const item of list(text)) {
    const m = /^(?:([a-z][a-z-]*)\s+)?(\S+)(?:\s+\((\d[\d,]*)\))?$/i.exec(item);
    const host = m ? domainOf(m[2]) : null;
    if (!m || !host) {
      problems.push(
        `media property “${item}” is not “kind URL (reach)”, e.g. “instagram https://instagram.com/name (12000)”`,
      );
      continue;
    }
    const kind = m[1]?.toLowerCase() ?? MEDIA_KINDS.find(([re]) => re.test(host))?.[1] ?? 'website';
    out.push({ kind, url: withScheme(m[2]!), reach: m[3] ? Number(m[3].replace(/,/g, '')) : 0 });
  }
  return out;
}

function parseContact(text: string): { name: string | null; email: string | null } | null {
  const angle = /^(.*?)\s*<([^>]+)>$/.exec(text);
  if (angle)
    return EMAIL.test(angle[2]!.trim()) ? { name: angle[1]!.trim() || null, email: angle[2]!.trim() } : null;
  const parts = text.split(/\s*[,;]\s*|\s+(?=\S+@)/).filter(Boolean);
  const email = parts.find((p) => p.includes('@')) ?? null;
  if (email && !EMAIL.test(email)) return null;
  const name = parts.filter((p) => p !== email).join(' ') || null;
  return { name, email };
}

/** A real calendar day written YYYY-MM-DD (as the directory exports dates), at 00:00 UTC. */
function parseDay(text: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return null;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return date.getUTCMonth() === Number(m[2]) - 1 && date.getUTCDate() === Number(m[3]) ? date : null;
}

/**
 * Validates one CSV row into the fields it sets. Every problem of the row is
 * reported, named by the column as the file's documentation calls it.
 */
export function parsePartnerRow(record: CsvRecord, header: HeaderMapping): RowResult {
  const problems: string[] = [];
  const cells = new Map<PartnerColumn, string>();
  record.cells.forEach((raw, i) => {
    const column = header.columns[i];
    const value = raw.trim();
    if (column && value !== '') cells.set(column, value);
    else if (column === undefined && value !== '')
      problems.push(`has more cells than the header (“${value}”)`);
  });
  const rawId = cells.get('partnerId')?.replace(/^#/, '') ?? '';
  // Partner IDs are the platform's numbers: "007" is partner 7 (a spreadsheet re-export writes it as 7).
  const partnerId = /^\d{1,12}$/.test(rawId) ? canonicalPartnerId(rawId) : null;
  if (!partnerId) {
    problems.push(rawId === '' ? 'Partner ID is empty' : `Partner ID “${rawId}” is not a number`);
  }
  const patch: Record<string, unknown> = {};
  const bad = (column: PartnerColumn, value: string, expected: string) =>
    problems.push(`${DOCUMENTED_HEADERS[column]} “${value}” ${expected}`);

  for (const [column, value] of cells) {
    if (column !== 'partnerId' && CONTROL_CHARACTER.test(value)) {
      problems.push(`${DOCUMENTED_HEADERS[column]} contains a line break or control character`);
      continue;
    }
    switch (column) {
      case 'partnerId':
        break;
      case 'name':
        if (value.length > 100) bad(column, `${value.slice(0, 20)}…`, 'is longer than 100 characters');
        else patch.name = value;
        break;
      case 'website':
        if (domainOf(value)) patch.website = withScheme(value);
        else bad(column, value, 'is not a website address');
        break;
      case 'country':
      case 'audienceCountry': {
        const code = countryCodeOf(value);
        if (code) patch[column] = code;
        else bad(column, value, 'is not a country (use a two-letter code such as CA or a country name)');
        break;
      }
      case 'state': {
        const code = regionCodeOf(value, countryCodeOf(cells.get('country') ?? ''));
        if (code) patch.state = code;
        else if (/^[A-Za-z]{2,3}$/.test(value)) patch.state = value.toUpperCase();
        else bad(column, value, 'is not a state or province code');
        break;
      }
      case 'contractStatus': {
        const status = oneOf(CONTRACT_STATUSES, value);
        if (status) patch.contractStatus = status;
        else bad(column, value, `is not one of ${CONTRACT_STATUSES.join(', ')}`);
        break;
      }
      case 'contractName':
      case 'accountManager':
      case 'contactName':
        if (value.length > 200) bad(column, `${value.slice(0, 20)}…`, 'is longer than 200 characters');
        else patch[column] = column === 'accountManager' && /^(unassigned|none)$/i.test(value) ? null : value;
        break;
      case 'groups':
        patch.groups = list(value);
        break;
      case 'promotionalAreas':
        patch.promotionalAreas = list(value);
        break;
      case 'joinedAt': {
        const day = parseDay(value);
        if (day) patch.joinedAt = day;
        else bad(column, value, 'is not a date written YYYY-MM-DD');
        break;
      }
      case 'joinedVia': {
        const via = oneOf(['direct', 'marketplace'] as const, value);
        if (via) patch.joinedVia = via;
        else bad(column, value, 'is not Direct or Marketplace');
        break;
      }
      case 'size': {
        const size = oneOf(SIZES, value);
        if (size) patch.size = size;
        else bad(column, value, `is not one of ${SIZES.join(', ')}`);
        break;
      }
      case 'businessModel':
        patch.businessModel = value.toLowerCase().replace(/^e-mail$/, 'email');
        break;
      case 'stage': {
        const stage = oneOf(STAGES, value);
        if (stage) patch.stage = stage;
        else bad(column, value, `is not one of ${STAGES.join(', ')}`);
        break;
      }
      case 'contact': {
        const contact = parseContact(value);
        if (!contact) bad(column, value, 'is not “Name <e-mail>”');
        else {
          if (contact.name && !cells.has('contactName')) patch.contactName = contact.name;
          if (contact.email && !cells.has('contactEmail')) patch.contactEmail = contact.email.toLowerCase();
        }
        break;
      }
      case 'contactEmail':
        if (EMAIL.test(value)) patch.contactEmail = value.toLowerCase();
        else bad(column, value, 'is not an e-mail address');
        break;
      case 'media':
        patch.media = parseMedia(value, problems);
        break;
      case 'socialReach': {
        const digits = value.replace(/[,\s]/g, '');
        if (/^\d{1,12}$/.test(digits)) patch.socialReach = Number(digits);
        else bad(column, value, 'is not a whole number');
        break;
      }
      case 'prospectingSource': {
        const source = oneOf(PROSPECTING_SOURCES, value);
        if (source) patch.prospectingSource = source;
        else bad(column, value, `is not one of ${PROSPECTING_SOURCES.join(', ')}`);
        break;
      }
      case 'pendingTermUpdate': {
        const key = value.toLowerCase().replace(/[\s-]+/g, '_');
        if (key === 'pending_proposal' || key === 'recently_expired') patch.pendingTermUpdate = key;
        else if (key === 'none') patch.pendingTermUpdate = null;
        else bad(column, value, 'is not Pending proposal, Recently expired or None');
        break;
      }
    }
  }
  if (problems.length > 0) return { ok: false, line: record.line, partnerId, reason: problems.join('; ') };
  return { ok: true, patch: { ...patch, partnerId: partnerId!, line: record.line } as PartnerPatch };
}
