import type { PartnerRepository } from '../../store/partner-repository.js';
import { createPartnerLexicon, type PartnerLexicon } from './partner-lexicon.js';
import { createPartnerNameIndex, type PartnerNameIndex } from './partner-name-index.js';

/** What the parser needs about one account's directory, kept in memory between questions. */
export interface PartnerSnapshot {
  readonly names: PartnerNameIndex;
  readonly lexicon: PartnerLexicon;
}

export interface PartnerSnapshots {
  get(accountId: string): Promise<PartnerSnapshot>;
  /** Forget one account (after an import in this process) or all. */
  invalidate(accountId?: string): void;
}

/**
 * Name index and lexicon per account, rebuilt after `ttlMs` so that another bot
 * instance's import shows up within a minute; at most `maxAccounts` are kept
 * (least recently used dropped). Concurrent first questions share one load.
 */
export function createPartnerSnapshots(
  repository: PartnerRepository,
  options: { ttlMs?: number; maxAccounts?: number; now?: () => number } = {},
): PartnerSnapshots {
  const ttlMs = options.ttlMs ?? 60_000;
  const maxAccounts = options.maxAccounts ?? 50;
  const now = options.now ?? Date.now;
  const cache = new Map<string, { snapshot: Promise<PartnerSnapshot>; expires: number }>();

  async function load(accountId: string): Promise<PartnerSnapshot> {
    const [names, vocabulary] = await Promise.all([
      repository.names(accountId),
      repository.vocabulary(accountId),
    ]);
    return { names: createPartnerNameIndex(names), lexicon: createPartnerLexicon(vocabulary) };
  }

  return {
    get(accountId) {
      const hit = cache.get(accountId);
      if (hit && hit.expires > now()) {
        cache.delete(accountId);
        cache.set(accountId, hit);
        return hit.snapshot;
      }
      const snapshot = load(accountId);
      cache.set(accountId, { snapshot, expires: now() + ttlMs });
      snapshot.catch(() => cache.delete(accountId));
      while (cache.size > maxAccounts) cache.delete(cache.keys().next().value!);
      return snapshot;
    },
    invalidate(accountId) {
      if (accountId) cache.delete(accountId);
      else cache.clear();
    },
  };
}
