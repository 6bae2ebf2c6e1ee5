import { seedSampleDirectory } from '../../../src/store/seed/partner-seeding.js';
import { readSeedDirectory, seedDirectory } from '../../../src/store/seed/seed-directory.js';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.js';

/** The instant the question set was computed for (its join dates are relative to it). */
export const QUESTION_NOW = new Date('2026-06-15T12:00:00Z');

/** A fresh database with the seed directory and both demo brands' sample partners. */
export async function createPartnerTestDatabase(provider: 'sqlite' | 'postgresql'): Promise<TestDatabase> {
  const database = await createTestDatabase(provider);
  await seedDirectory(database.prisma, await readSeedDirectory('content/seed/directory.yml'));
  for (const accountId of ['acc_demo_brand', 'acc_northpeak']) {
    await seedSampleDirectory(database.prisma, database.provider, accountId, { anchorDate: QUESTION_NOW });
  }
  return database;
}
