import { fileURLToPath } from 'node:url';
import { loadResponses, type Responses } from '../../core/responses.js';

/** Where the Teams channel's own sentences live (next to the Teams app manifest). */
export const teamsResponsesFolder = fileURLToPath(new URL('../../../teams/responses/', import.meta.url));

/**
 * The bot's responses, with the Teams channel's sentences (`teams.*`) added
 * underneath: a key in content/responses wins over the same key here.
 */
export async function withTeamsResponses(primary: Responses): Promise<Responses> {
  const own = await loadResponses(teamsResponsesFolder);
  return {
    has: (key) => primary.has(key) || own.has(key),
    t: (key, vars) => (primary.has(key) ? primary.t(key, vars) : own.t(key, vars)),
  };
}
