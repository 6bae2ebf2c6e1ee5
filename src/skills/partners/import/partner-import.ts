import type { PartnerRecord, Stage } from '../../../store/partner-record.js';
import {
  canonicalPartnerId,
  type PartnerView,
  readPartnerRecords,
  renamePartnerIds,
} from '../../../store/partner-repository.js';
import {
  inPartnerTransaction,
  refreshPartnerStatistics,
  replacePartners,
} from '../../../store/partner-writer.js';
import type { DatabaseProvider, Db } from '../../../store/prisma-client.js';
import { DOCUMENTED_HEADERS, mapHeader } from './partner-csv-columns.js';
import { readCsv } from './partner-csv-reader.js';
import { type PartnerPatch, parsePartnerRow } from './partner-csv-row.js';
import { PartnerImportError } from './partner-import-error.js';

export interface ImportProgress {
  readonly phase: 'checking' | 'writing';
  readonly done: number;
  readonly total: number;
  readonly errors: number;
  readonly elapsedMs: number;
}

export interface RejectedRow {
  readonly line: number;
  readonly partnerId: string | null;
  readonly reason: string;
}

/**
 * A partner stored more than once: under its Partner ID and with leading zeros (an
 * older import kept them). The import updated `partnerId`; the others are left to resolve.
 */
export interface StoredDuplicate {
  readonly partnerId: string;
  readonly alsoStoredAs: readonly string[];
}

export interface ImportSummary {
  /** Data rows in the file. */
  readonly rows: number;
  readonly created: number;
  readonly updated: number;
  /** Rows not imported, with their line and why; everything else was imported. */
  readonly rejected: readonly RejectedRow[];
  readonly unknownColumns: readonly string[];
  /** Partners of the file the directory holds under more than one form of their ID. */
  readonly storedDuplicates: readonly StoredDuplicate[];
  readonly durationMs: number;
  readonly dryRun: boolean;
}

export { PartnerImportError };

export interface ImportOptions {
  readonly accountId: string;
  /** Check every row and report, but write nothing. */
  readonly dryRun?: boolean;
  readonly onProgress?: (p: ImportProgress) => void;
}

const SOCIAL = new Set(['instagram', 'youtube', 'tiktok', 'x', 'facebook', 'pinterest', 'twitch']);

function stageFor(patch: PartnerPatch): Stage {
  if (patch.contractStatus === 'Expired') return 'Expired';
  return patch.contractStatus ? 'Joined' : 'New';
}

/** A new partner from a row that names it; empty columns get the directory's defaults. */
function newRecord(patch: PartnerPatch & { name: string }): PartnerRecord {
  const media = patch.media ?? [];
  return {
    partnerId: patch.partnerId,
    name: patch.name,
    website: patch.website ?? null,
    country: patch.country ?? null,
    state: patch.state ?? null,
    contractStatus: patch.contractStatus ?? null,
    contractName: patch.contractName ?? null,
    groups: patch.groups ?? [],
    joinedAt: patch.joinedAt ?? null,
    joinedVia: patch.joinedVia ?? 'direct',
    size: patch.size ?? null,
    businessModel: patch.businessModel ?? null,
    stage: patch.stage ?? stageFor(patch),
    accountManager: patch.accountManager ?? null,
    contactName: patch.contactName ?? null,
    contactEmail: patch.contactEmail ?? null,
    promotionalAreas: patch.promotionalAreas ?? [],
    audienceCountry: patch.audienceCountry ?? null,
    media,
    socialReach:
      patch.socialReach ?? media.filter((m) => SOCIAL.has(m.kind)).reduce((s, m) => s + m.reach, 0),
    prospectingSource: patch.prospectingSource ?? null,
    pendingTermUpdate: patch.pendingTermUpdate ?? null,
  };
}

/** The stored rows of one Partner ID: the one to update, the one to rename to it, the ones left over. */
interface StoredMatch {
  readonly record: PartnerView;
  readonly renameFrom: string | null;
  readonly others: readonly string[];
}

/** Picks, among the rows stored under any form of `partnerId`, the one the import updates. */
function storedMatch(partnerId: string, forms: readonly PartnerView[] | undefined): StoredMatch | null {
  if (!forms || forms.length === 0) return null;
  const sorted = [...forms].sort((a, b) =>
    a.partnerId < b.partnerId ? -1 : a.partnerId > b.partnerId ? 1 : 0,
  );
  const record = sorted.find((f) => f.partnerId === partnerId) ?? sorted[0]!;
  return {
    record,
    renameFrom: record.partnerId === partnerId ? null : record.partnerId,
    others: sorted.filter((f) => f !== record).map((f) => f.partnerId),
  };
}

/** Stored rows keyed by the Partner ID without leading zeros. */
function byCanonicalId(stored: ReadonlyMap<string, PartnerView>): Map<string, PartnerView[]> {
  const out = new Map<string, PartnerView[]>();
  for (const view of stored.values()) {
    const key = canonicalPartnerId(view.partnerId);
    out.set(key, [...(out.get(key) ?? []), view]);
  }
  return out;
}

function merge(existing: PartnerRecord, patch: PartnerPatch): PartnerRecord {
  const { line: _line, ...fields } = patch;
  return { ...existing, ...fields };
}

/**
 * Imports a CSV of the directory into one brand account. Rows are checked
 * first (bad rows are reported with their line and reason and left out); the
 * good rows are then written in ONE transaction, so a failure leaves the
 * directory as it was. A row whose Partner ID exists updates that partner: the
 * columns it fills replace the stored values, empty ones keep them. A partner
 * stored with leading zeros ("007", as older imports kept them) is that partner:
 * it is updated and stored as "7", unless "7" is stored too; then "7" is updated
 * and the other reported in `storedDuplicates`.
 */
export async function importPartnerCsv(
  db: Db,
  provider: DatabaseProvider,
  csv: string,
  options: ImportOptions,
): Promise<ImportSummary> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const account = await db.account.findUnique({ where: { id: options.accountId }, select: { kind: true } });
  if (!account) throw new PartnerImportError(`There is no account “${options.accountId}”.`);
  if (account.kind !== 'brand') {
    throw new PartnerImportError(
      `Account “${options.accountId}” is a partner account; only brands have a partner directory.`,
    );
  }
  const [headerRecord, ...records] = readCsv(csv);
  if (!headerRecord) throw new PartnerImportError('The file is empty.');
  const header = mapHeader(headerRecord.cells);
  if (!header.columns.includes('partnerId')) {
    throw new PartnerImportError(
      `The header has no “${DOCUMENTED_HEADERS.partnerId}” column (found: ${headerRecord.cells.join(', ')}).`,
    );
  }

  const rejected: RejectedRow[] = [];
  const patches: PartnerPatch[] = [];
  const firstLine = new Map<string, number>();
  records.forEach((record, i) => {
    const result = parsePartnerRow(record, header);
    if (!result.ok) rejected.push({ line: result.line, partnerId: result.partnerId, reason: result.reason });
    else {
      const seen = firstLine.get(result.patch.partnerId);
      if (seen !== undefined) {
        rejected.push({
          line: record.line,
          partnerId: result.patch.partnerId,
          reason: `Partner ID ${result.patch.partnerId} is already on line ${seen}`,
        });
      } else {
        firstLine.set(result.patch.partnerId, record.line);
        patches.push(result.patch);
      }
    }
    if ((i + 1) % 1000 === 0 || i + 1 === records.length) {
      options.onProgress?.({
        phase: 'checking',
        done: i + 1,
        total: records.length,
        errors: rejected.length,
        elapsedMs: elapsed(),
      });
    }
  });

  const storedDuplicates: StoredDuplicate[] = [];
  const written = await inPartnerTransaction(db, async (tx) => {
    const existing = byCanonicalId(
      await readPartnerRecords(
        tx,
        options.accountId,
        patches.map((p) => p.partnerId),
      ),
    );
    const complete: PartnerRecord[] = [];
    const renames: Array<{ from: string; to: string }> = [];
    let updated = 0;
    for (const patch of patches) {
      const known = storedMatch(patch.partnerId, existing.get(patch.partnerId));
      if (known) {
        complete.push(merge(known.record, patch));
        updated += 1;
        if (known.renameFrom) renames.push({ from: known.renameFrom, to: patch.partnerId });
        if (known.others.length > 0) {
          storedDuplicates.push({ partnerId: patch.partnerId, alsoStoredAs: known.others });
        }
      } else if (patch.name) {
        complete.push(newRecord({ ...patch, name: patch.name }));
      } else {
        rejected.push({
          line: patch.line,
          partnerId: patch.partnerId,
          reason: `Partner ID ${patch.partnerId} is not in the directory, and the row has no ${DOCUMENTED_HEADERS.name} to add it`,
        });
      }
    }
    // Renamed first, so the write below finds them under their new ID and keeps their row.
    if (!options.dryRun) await renamePartnerIds(tx, options.accountId, renames);
    if (!options.dryRun) {
      await replacePartners(tx, provider, options.accountId, complete, (p) =>
        options.onProgress?.({
          phase: 'writing',
          done: p.written,
          total: p.total,
          errors: rejected.length,
          elapsedMs: elapsed(),
        }),
      );
    }
    return { created: complete.length - updated, updated };
  });
  if (!options.dryRun) await refreshPartnerStatistics(db, provider);

  return {
    rows: records.length,
    ...written,
    rejected: rejected.sort((a, b) => a.line - b.line),
    unknownColumns: [...header.unknown, ...header.duplicates.map((d) => `${d} (duplicate)`)],
    storedDuplicates,
    durationMs: elapsed(),
    dryRun: options.dryRun ?? false,
  };
}
