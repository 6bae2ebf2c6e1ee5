/**
 * The native engine writes JSON log lines to stderr and the Prisma CLI reads them:
 * an ERROR line from target `schema_engine::logger` with an `error_code` is how a
 * one-shot `cli` command reports a user-facing error (e.g. P1003, database missing).
 */
export function writeEngineError(message: string, errorCode?: string): void {
  const fields: Record<string, string> = errorCode ? { message, error_code: errorCode } : { message };
  writeLogLine('ERROR', fields);
}

/**
 * The CLI skips the first stderr line of a `cli` command and parses every other one
 * as JSON (the native engine starts with an INFO line), so one is written first.
 */
export function writeStartLine(command: string): void {
  writeLogLine('INFO', { message: `Starting schema engine command ${command}` });
}

function writeLogLine(level: string, fields: Record<string, string>): void {
  process.stderr.write(
    `${JSON.stringify({ timestamp: new Date().toISOString(), level, fields, target: 'schema_engine::logger' })}\n`,
  );
}

/** Forwards the wasm engine's own log lines: warnings and errors, everything when DEBUG names prisma. */
export function forwardEngineLog(line: string): void {
  const verbose = /prisma|schema/i.test(process.env.DEBUG ?? '');
  if (verbose || /"level":"(WARN|ERROR)"/.test(line)) process.stderr.write(`${line.trim()}\n`);
}
