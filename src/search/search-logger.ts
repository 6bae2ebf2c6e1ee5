/** The slice of a pino-style logger the help center writes to. */
export interface SearchLogger {
  info(details: object, message?: string): void;
  warn(details: object, message?: string): void;
  error(details: object, message?: string): void;
}

/** Discards everything; the default when no logger is given. */
export const silentLogger: SearchLogger = {
  info() {},
  warn() {},
  error() {},
};
