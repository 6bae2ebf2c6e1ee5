import type { IntentDefinition } from './intent-definition.js';

/** The intents' command patterns compiled once, tried in file order. */
export interface CommandPatterns {
  /** The first intent whose pattern matches the whole (trimmed) message, or null. */
  match(text: string): string | null;
}

const MAX_COMMAND_CHARS = 500;

/** Compiles every pattern case-insensitively; patterns are anchored by their authors where needed. */
export function compileCommandPatterns(definitions: readonly IntentDefinition[]): CommandPatterns {
  const compiled = definitions.flatMap((d) =>
    d.patterns.map((p) => ({ name: d.name, re: new RegExp(p, 'iu') })),
  );
  return {
    match(text) {
      // Commands are short; never run author regexes on a 100k-character paste.
      const candidate = text.trim();
      if (candidate.length === 0 || candidate.length > MAX_COMMAND_CHARS) return null;
      return compiled.find(({ re }) => re.test(candidate))?.name ?? null;
    },
  };
}
