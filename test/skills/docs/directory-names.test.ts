import { describe, expect, it } from 'vitest';
import { createDirectoryNames, type DirectoryNameSource } from '../../../src/skills/docs/directory-names.js';

/** An in-memory directory that counts how often each kind of name was read. */
function fakeSource() {
  const reads = { brands: 0, partners: 0 };
  const directory = {
    brands: ['Acme Outdoor (demo brand)', 'Northpeak Apparel'],
    partners: new Map<string, string[]>([['acc_acme', ['Trailhead Deals']]]),
    version: 'v1',
  };
  const source: DirectoryNameSource = {
    async brandNames() {
      reads.brands += 1;
      return directory.brands;
    },
    accountName: async (accountId) => (accountId === 'acc_dealhunt' ? 'DealHunt Media (demo partner)' : null),
    async partnerNames(accountId) {
      reads.partners += 1;
      return directory.partners.get(accountId) ?? [];
    },
    partnerVersion: async () => directory.version,
  };
  return { source, reads, directory };
}

describe('the directory names a question may mention', () => {
  it("knows every brand, the asker's own account, and only the asker's own partners, and what each is", async () => {
    const { source } = fakeSource();
    const names = createDirectoryNames(source);
    const acme = await names('acc_acme');
    expect(['northpeakapparel', 'acmeoutdoor', 'trailheaddeals'].map(acme)).toEqual([
      'brand',
      'brand',
      'partner',
    ]);
    const dealhunt = await names('acc_dealhunt');
    expect(['acmeoutdoor', 'dealhuntmedia', 'trailheaddeals', 'brambleworth'].map(dealhunt)).toEqual([
      'brand',
      'partner',
      null,
      null,
    ]);
  });

  it('reads a directory again only after a while, and only when it changed', async () => {
    const { source, reads, directory } = fakeSource();
    let clock = 0;
    const names = createDirectoryNames(source, { ttlMs: 1000, now: () => clock });
    await names('acc_acme');
    await names('acc_acme');
    expect(reads).toEqual({ brands: 1, partners: 1 });

    directory.partners.set('acc_acme', ['Trailhead Deals', 'Quillmont Outfitters']);
    clock = 1500;
    expect((await names('acc_acme'))('quillmontoutfitters')).toBeNull();
    expect(reads).toEqual({ brands: 2, partners: 1 });

    directory.version = 'v2';
    clock = 3000;
    expect((await names('acc_acme'))('quillmontoutfitters')).toBe('partner');
    expect(reads).toEqual({ brands: 3, partners: 2 });
  });
});
