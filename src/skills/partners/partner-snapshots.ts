import { type PartnerDirectoryNames, partnerDirectoryNames } from '../../nlu/named-partner-question.js';
import type { PartnerRepository } from '../../store/partner-repository.js';
import { createPartnerLexicon, type PartnerLexicon } from './partner-lexicon.js';
import { createPartnerNameIndex, type PartnerNameIndex } from './partner-name-index.js';

/** What the parser needs about one account's directory, kept in memory between questions. */
export interface PartnerSnapshot {
  readonly names: PartnerNameIndex;
  readonly lexicon: PartnerLexicon;
  /** The names as intent routing reads them. */
  readonly routing: PartnerDirectoryNames;
}

export interface PartnerSnapshots {
  get(accountId: string): Promise<PartnerSnapshot>;
  /** Forget one account (after an import in this process) or all. */
  invalidate(accountId?: string): void;
}

interface Loaded {
  readonly version: string;
  readonly snapshot: PartnerSnapshot;
}

/**
 * Name index and lexicon per account. After `ttlMs` the directory's version
 * (one cheap query) is compared with the one loaded, and the index is rebuilt
 * only when it changed, so another bot instance's import shows up within a
 * minute without rebuilding a 10k-name index every minute. At most
 * `maxAccounts` are kept (least recently used dropped). Concurrent questions
 * share one load.
 */
export function createPartnerSnapshots(
  repository: PartnerRepository,
  options: { ttlMs?: number; maxAccounts?: number; now?: () => number } = {},
): PartnerSnapshots {
  const ttlMs = options.ttlMs ?? 60_000;
  const maxAccounts = options.maxAccounts ?? 50;
  const now = options.now ?? Date.now;
  const cache = new Map<string, { loaded: Promise<Loaded>; expires: number }>();

  async function load(accountId: string, previous: Promise<Loaded> | undefined): Promise<Loaded> {
    // The version is read first: a change made while loading makes the next check reload.
    const version = await repository.version(accountId);
    const known = previous ? await previous.catch(() => null) : null;
    if (known && known.version === version) return known;
    const [names, vocabulary] = await Promise.all([
      repository.names(accountId),
      repository.vocabulary(accountId),
    ]);
    return {
      version,
      snapshot: {
        names: createPartnerNameIndex(names),
        lexicon: createPartnerLexicon(vocabulary),
        routing: partnerDirectoryNames(names),
      },
    };
  }

  return {
    async get(accountId) {
      const hit = cache.get(accountId);
      if (hit && hit.expires > now()) {
        cache.delete(accountId);
        cache.set(accountId, hit);
        return (await hit.loaded).snapshot;
      }
      const loaded = load(accountId, hit?.loaded);
      cache.set(accountId, { loaded, expires: now() + ttlMs });
      loaded.catch(() => {
        if (cache.get(accountId)?.loaded === loaded) cache.delete(accountId);
      });
      while (cache.size > maxAccounts) cache.delete(cache.keys().next().value!);
      return (await loaded).snapshot;
    },
    invalidate(accountId) {
      if (accountId) cache.delete(accountId);
      else cache.clear();
    },
  };
}
