import { compactNameKey } from '../../store/partner-name-key.js';
import type { IsKnownName, NameRole } from './directory-name-spans.js';

/** The brand and partner names the users of one account may mention in a question. */
export type DirectoryNames = (accountId: string) => Promise<IsKnownName>;

/** Where the names are read (the database in the bot). */
export interface DirectoryNameSource {
  /** Every brand account's name. */
  brandNames(): Promise<string[]>;
  accountName(accountId: string): Promise<string | null>;
  /** The names of the account's partner directory. */
  partnerNames(accountId: string): Promise<string[]>;
  /** A short text that changes whenever the account's partner directory does. */
  partnerVersion(accountId: string): Promise<string>;
}

/** A note in brackets is not part of the name people type: "Acme Outdoor (demo brand)". */
const BRACKETED_NOTE = /\s*[([][^)\]]*[)\]]/g;

/** The compact keys a directory name is typed as: in full, and without notes in brackets. */
export function directoryNameKeys(name: string): string[] {
  return [...new Set([compactNameKey(name), compactNameKey(name.replace(BRACKETED_NOTE, ' '))])].filter(
    (key) => key.length > 0,
  );
}

function keysOf(names: readonly string[], role: NameRole): ReadonlyMap<string, NameRole> {
  return new Map(names.flatMap(directoryNameKeys).map((key) => [key, role]));
}

interface AccountNames {
  /** The partner directory's version these names were read at. */
  readonly version: string;
  readonly keys: ReadonlyMap<string, NameRole>;
}

interface Cached<T> {
  readonly loaded: Promise<T>;
  readonly expires: number;
}

/**
 * Names a question may mention that are no help-doc topic: every brand on the
 * platform (partners ask about the brands they promote), the asker's own
 * account, and the partners of the account's directory. Kept in memory for
 * `ttlMs`; after that the directory's version is compared and its names are
 * read again only when it changed. At most `maxAccounts` directories are kept
 * (least recently used dropped); concurrent questions share one load.
 */
export function createDirectoryNames(
  source: DirectoryNameSource,
  options: { ttlMs?: number; maxAccounts?: number; now?: () => number } = {},
): DirectoryNames {
  const ttlMs = options.ttlMs ?? 60_000;
  const maxAccounts = options.maxAccounts ?? 50;
  const now = options.now ?? Date.now;
  let brands: Cached<ReadonlyMap<string, NameRole>> | undefined;
  const accounts = new Map<string, Cached<AccountNames>>();

  function brandKeys(): Promise<ReadonlyMap<string, NameRole>> {
    if (brands && brands.expires > now()) return brands.loaded;
    const loaded = source.brandNames().then((names) => keysOf(names, 'brand'));
    const entry = { loaded, expires: now() + ttlMs };
    brands = entry;
    loaded.catch(() => {
      if (brands === entry) brands = undefined;
    });
    return loaded;
  }

  async function loadAccount(accountId: string, previous: Promise<AccountNames> | undefined) {
    // The version is read first: a change made while loading makes the next check reload.
    const version = await source.partnerVersion(accountId);
    const known = previous ? await previous.catch(() => null) : null;
    if (known && known.version === version) return known;
    const [account, partners] = await Promise.all([
      source.accountName(accountId),
      source.partnerNames(accountId),
    ]);
    // The asker's own account, when it is not a brand, is a partner's.
    return { version, keys: keysOf(account === null ? partners : [account, ...partners], 'partner') };
  }

  function accountKeys(accountId: string): Promise<AccountNames> {
    const hit = accounts.get(accountId);
    accounts.delete(accountId);
    if (hit && hit.expires > now()) {
      accounts.set(accountId, hit);
      return hit.loaded;
    }
    const entry = { loaded: loadAccount(accountId, hit?.loaded), expires: now() + ttlMs };
    accounts.set(accountId, entry);
    entry.loaded.catch(() => {
      if (accounts.get(accountId) === entry) accounts.delete(accountId);
    });
    while (accounts.size > maxAccounts) accounts.delete(accounts.keys().next().value!);
    return entry.loaded;
  }

  return async (accountId) => {
    const [brandNames, own] = await Promise.all([brandKeys(), accountKeys(accountId)]);
    return (key) => brandNames.get(key) ?? own.keys.get(key) ?? null;
  };
}
