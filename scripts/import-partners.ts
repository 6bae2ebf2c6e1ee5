/**
 * Imports a partner directory CSV into one brand account; `--help` prints the
 * columns. All good rows go in one transaction; bad rows are reported with
 * their line number and skipped. Exit code: 0 every row imported, 2 some rows
 * rejected (the rest imported), 1 nothing imported.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config.js';
import {
  type ImportProgress,
  importPartnerCsv,
  PartnerImportError,
} from '../src/skills/partners/import/partner-import.js';
import { applyMigrations } from '../src/store/migrate.js';
import { openDatabase, redactUrl } from '../src/store/prisma-client.js';

const SHOWN_ERRORS = 50;

const HELP = `Usage: npm run import:partners -- FILE --account ID [--dry-run] [--rejects FILE]

Imports a CSV of the partner directory into one brand account. The database is
DATABASE_URL (SQLite file:... or postgresql://...; default data/helpdesk.db);
pending migrations are applied first.

Columns are the directory's column names; headers are matched without case,
spaces or punctuation ("Partner ID", "partner_id" and "PARTNER ID" are the same).
Only "Partner ID" is required; other columns are optional and unknown ones are
ignored (and listed).

  Partner ID            digits; the key: a known ID updates that partner, a new one adds it;
                        a number, so leading zeros are dropped (007 is partner 7)
  Partner name          required to add a partner; up to 100 characters
  Website               URL or host name (questions match its domain)
  Country               two-letter ISO code or English name (CA, Canada)
  State                 state/province code or name (ON, Ontario)
  Contract status       Active | Expired | Suspended (empty for prospects)
  Contract name         the template terms' name
  Groups                names separated by ";" (unknown names create groups)
  Date joined           YYYY-MM-DD
  Direct / Marketplace  Direct | Marketplace
  Size                  Small | Medium | Large | Enterprise
  Business model        e.g. coupon, loyalty, email, content, creator
  Relationship stage    New | Outreach | Negotiating | Joined | Expired
  Account manager       a name; "Unassigned" clears it
  Contact               "Name <e-mail>" (or Contact name + Contact email columns)
  Promotional areas     values separated by ";"
  Audience country      like Country
  Media properties      "kind URL (reach)" separated by ";", e.g. "instagram https://instagram.com/x (12000)"
  Social reach          whole number (commas allowed)
  Prospecting source    Applications | Marketplace | Extended Search | AI | Messaging |
                        Staff Recommended | Prospect Import | Creator Search | Other
  Pending term updates  Pending proposal | Recently expired | None

An empty cell keeps the stored value. Bad rows are listed with their line number
and reason and skipped; all good rows are written in one transaction (nothing is
half-imported). --dry-run checks every row and writes nothing; --rejects FILE
writes every rejected row (line, partner ID, reason) as CSV. Progress goes to
stderr, the summary to stdout.
Exit code: 0 every row imported, 2 some rows rejected (the rest imported), 1 nothing imported.
`;

function usage(message: string): never {
  process.stderr.write(`${message}\n${HELP.split('\n')[0]}\n(--help lists the columns)\n`);
  process.exit(1);
}

function progressLine(p: ImportProgress): string {
  const rate = p.elapsedMs > 0 ? Math.round((p.done / p.elapsedMs) * 1000) : 0;
  const verb = p.phase === 'checking' ? 'checked' : 'written';
  return `${verb} ${p.done}/${p.total} rows (${rate} rows/s), ${p.errors} error(s) so far`;
}

function csvCell(text: string): string {
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      account: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      rejects: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  const file = positionals[0];
  if (!file) usage('Missing the CSV file.');
  if (!values.account) usage('Missing --account ID (the brand account to import into).');

  const config = loadConfig({ ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' });
  const csv = await readFile(file, 'utf8');
  await applyMigrations(config.databaseUrl);
  const database = await openDatabase(config.databaseUrl);
  const tty = process.stderr.isTTY;
  process.stderr.write(`Importing ${file} into ${values.account} (${redactUrl(config.databaseUrl)})\n`);
  try {
    const summary = await importPartnerCsv(database.prisma, database.provider, csv, {
      accountId: values.account,
      dryRun: values['dry-run'],
      onProgress: (p) => process.stderr.write(tty ? `\r${progressLine(p)}   ` : `${progressLine(p)}\n`),
    });
    if (tty) process.stderr.write('\n');
    const imported = summary.created + summary.updated;
    const out = [
      `${summary.dryRun ? 'Dry run (nothing written): would import' : 'Imported'} ${imported} of ${summary.rows} rows ` +
        `in ${(summary.durationMs / 1000).toFixed(1)} s: ${summary.created} added, ${summary.updated} updated, ` +
        `${summary.rejected.length} rejected.`,
    ];
    if (summary.unknownColumns.length > 0) out.push(`Ignored columns: ${summary.unknownColumns.join(', ')}.`);
    for (const d of summary.storedDuplicates) {
      out.push(
        `Partner ${d.partnerId} is also stored as ${d.alsoStoredAs.join(', ')} (an older import kept the leading zeros): ` +
          `${d.partnerId} was updated; merge or delete the other.`,
      );
    }
    for (const r of summary.rejected.slice(0, SHOWN_ERRORS)) {
      out.push(`  line ${r.line}${r.partnerId ? ` (partner ${r.partnerId})` : ''}: ${r.reason}`);
    }
    if (summary.rejected.length > SHOWN_ERRORS) {
      out.push(
        `  ... and ${summary.rejected.length - SHOWN_ERRORS} more${values.rejects ? '' : ' (use --rejects FILE for all)'}.`,
      );
    }
    if (values.rejects) {
      const lines = [
        'line,partner_id,reason',
        ...summary.rejected.map((r) => [r.line, r.partnerId ?? '', csvCell(r.reason)].join(',')),
      ];
      await writeFile(values.rejects, `${lines.join('\n')}\n`);
      out.push(`Rejected rows written to ${values.rejects}.`);
    }
    process.stdout.write(`${out.join('\n')}\n`);
    if (summary.rejected.length === 0) return 0;
    return imported > 0 ? 2 : 1;
  } catch (error) {
    if (tty) process.stderr.write('\n');
    if (error instanceof PartnerImportError) {
      process.stderr.write(`Nothing imported: ${error.message}\n`);
      return 1;
    }
    throw error;
  } finally {
    await database.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`Nothing imported: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
