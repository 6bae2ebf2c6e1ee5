import type {
  CreateMigrationInput,
  CreateMigrationOutput,
  EvaluateDataLossInput,
  EvaluateDataLossOutput,
  MigrationFeedback,
  SchemaEngine,
} from '@prisma/schema-engine-wasm';

/*
 * Replacements for engine commands the wasm build cannot run. Its `createMigration`
 * and `evaluateDataLoss` rebuild the schema from the migrations without the driver
 * adapter's shadow database ("shadow DB must be provided through an external
 * factory"), while its `diff` from a migrations folder does use it. Both are
 * rebuilt here on `diff`, which replays the same migrations on the same shadow database.
 */

const NO_FILTERS = { externalTables: [], externalEnums: [] };

/** Same result as the engine's createMigration: the next migration's SQL and folder name. */
export async function createMigrationByDiff(
  engine: SchemaEngine,
  input: CreateMigrationInput,
  connectorType: CreateMigrationOutput['connectorType'],
): Promise<CreateMigrationOutput> {
  const { script, changed } = await pendingMigrationScript(engine, input);
  return {
    connectorType,
    generatedMigrationName: `${timestamp(new Date())}_${input.migrationName}`,
    migrationScript: changed || input.draft ? script : null,
    extension: 'sql',
  };
}

/**
 * The engine's evaluateDataLoss, approximated from the SQL: the number of steps, and
 * a warning for each DROP TABLE / DROP COLUMN. It cannot see row counts, so it never
 * reports "unexecutable" steps (e.g. a required column added to a non-empty table):
 * those fail when the migration is applied, with the database's own error.
 */
export async function evaluateDataLossByDiff(
  engine: SchemaEngine,
  input: EvaluateDataLossInput,
): Promise<EvaluateDataLossOutput> {
  const { script, changed } = await pendingMigrationScript(engine, input);
  if (!changed) return { migrationSteps: 0, unexecutableSteps: [], warnings: [] };
  const steps = script.split('\n').filter((line) => /^-- [A-Z][A-Za-z]+$/.test(line.trim()));
  return {
    migrationSteps: Math.max(steps.length, 1),
    unexecutableSteps: [],
    warnings: dataLossWarnings(script),
  };
}

async function pendingMigrationScript(
  engine: SchemaEngine,
  input: Pick<CreateMigrationInput, 'migrationsList' | 'schema' | 'filters'>,
): Promise<{ script: string; changed: boolean }> {
  const result = await engine.diff({
    from: { tag: 'migrations', ...input.migrationsList },
    to: { tag: 'schemaDatamodel', files: input.schema.files },
    script: true,
    exitCode: true,
    filters: input.filters ?? NO_FILTERS,
  });
  // With exitCode set, the engine answers 2 when the two schemas differ.
  return { script: result.stdout ?? '', changed: result.exitCode === 2 };
}

function dataLossWarnings(script: string): MigrationFeedback[] {
  const warnings: MigrationFeedback[] = [];
  // SQLite changes a table by copying it into "new_<name>", dropping it and renaming
  // the copy back: that DROP TABLE loses nothing (dropped columns are not detected).
  const redefined = new Set(
    [...script.matchAll(/ALTER TABLE "new_(\w+)" RENAME TO "\1"/g)].map((m) => `"${m[1]}"`),
  );
  let stepIndex = -1;
  for (const line of script.split('\n')) {
    if (/^-- [A-Z][A-Za-z]+$/.test(line.trim())) stepIndex++;
    const table = /^\s*DROP TABLE (?:IF EXISTS )?("?[\w.]+"?)/i.exec(line);
    if (table?.[1] && !redefined.has(table[1])) {
      warnings.push({
        message: `You are about to drop the ${table[1]} table. All the data in it will be lost.`,
        stepIndex: Math.max(stepIndex, 0),
      });
    }
    const column = /^\s*ALTER TABLE ("?[\w.]+"?) DROP COLUMN ("?\w+"?)/i.exec(line);
    if (column) {
      warnings.push({
        message: `You are about to drop the column ${column[2]} on the ${column[1]} table. All the data in the column will be lost.`,
        stepIndex: Math.max(stepIndex, 0),
      });
    }
  }
  return warnings;
}

/** UTC YYYYMMDDHHMMSS, the prefix Prisma gives migration folders. */
function timestamp(date: Date): string {
  return date.toISOString().replace(/[-:T]/g, '').slice(0, 14);
}

/**
 * The wasm engine reads `_prisma_migrations` on SQLite before checking that it exists
 * (P1014 in `migrate status`/`migrate dev` on a new database); the native engine's
 * table, created ahead. Same definition the engine uses when it creates it.
 */
export const SQLITE_MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    TEXT PRIMARY KEY NOT NULL,
    "checksum"              TEXT NOT NULL,
    "finished_at"           DATETIME,
    "migration_name"        TEXT NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        DATETIME,
    "started_at"            DATETIME NOT NULL DEFAULT current_timestamp,
    "applied_steps_count"   INTEGER UNSIGNED NOT NULL DEFAULT 0
)`;
