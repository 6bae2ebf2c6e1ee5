/** Errors with a code, so logs and the one error path per turn can tell them apart. */
export type ErrorCode =
  | 'config_invalid'
  | 'bad_request'
  | 'unauthorized'
  | 'not_found'
  | 'payload_too_large'
  | 'database_unavailable'
  | 'conflict'
  | 'content_invalid'
  | 'channel_delivery_failed'
  | 'internal';

export class BotError extends Error {
  readonly code: ErrorCode;
  readonly status: number;

  constructor(code: ErrorCode, message: string, options?: { status?: number; cause?: unknown }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'BotError';
    this.code = code;
    this.status = options?.status ?? statusFor(code);
  }
}

function statusFor(code: ErrorCode): number {
  switch (code) {
    case 'bad_request':
      return 400;
    case 'unauthorized':
      return 401;
    case 'not_found':
      return 404;
    case 'conflict':
      return 409;
    case 'payload_too_large':
      return 413;
    case 'database_unavailable':
      return 503;
    default:
      return 500;
  }
}

/** True when an error means the database cannot be reached (Prisma, pg, SQLite). */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (error instanceof BotError) return error.code === 'database_unavailable';
  const text = String((error as { code?: unknown })?.code ?? '') + String((error as Error)?.message ?? '');
  return /ECONNREFUSED|ECONNRESET|ETIMEDOUT|P1001|P1002|P1017|P2024|SQLITE_BUSY|SQLITE_CANTOPEN|Connection terminated|too many clients|database system is (?:starting|shutting)/i.test(
    text,
  );
}
