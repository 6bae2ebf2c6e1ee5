import { inPartnerTransaction, refreshPartnerStatistics, replacePartners } from '../partner-writer.js';
import type { DatabaseProvider, Db } from '../prisma-client.js';
import { generatePartnerDirectory } from './partner-generator.js';
import { PROGRAM_PROFILES } from './partner-programs.js';

/** The accounts that get a sample directory on first start (the demo brands). */
export const SAMPLE_DIRECTORY_ACCOUNTS = Object.keys(PROGRAM_PROFILES);

export interface SeedOutcome {
  readonly accountId: string;
  /** Partners written; 0 when the account already had partners. */
  readonly seeded: number;
}

/**
 * Gives an account its sample directory when it has no partner yet; running it
 * again changes nothing. Several bot instances starting together may race: the
 * loser's insert hits the unique (account, partner ID) key and is reported as 0.
 */
export async function seedSampleDirectory(
  db: Db,
  provider: DatabaseProvider,
  accountId: string,
  options: { anchorDate: Date; count?: number },
): Promise<SeedOutcome> {
  const account = await db.account.findUnique({ where: { id: accountId }, select: { id: true } });
  if (!account) return { accountId, seeded: 0 };
  if ((await db.partner.count({ where: { accountId } })) > 0) return { accountId, seeded: 0 };
  const records = generatePartnerDirectory(accountId, options);
  try {
    await inPartnerTransaction(db, async (tx) => {
      // Checked again inside the transaction: another instance may have seeded meanwhile.
      if ((await tx.partner.count({ where: { accountId } })) > 0) throw new AlreadySeeded();
      await replacePartners(tx, provider, accountId, records);
    });
    await refreshPartnerStatistics(db);
    return { accountId, seeded: records.length };
  } catch (error) {
    if (error instanceof AlreadySeeded) return { accountId, seeded: 0 };
    if ((await db.partner.count({ where: { accountId } })) > 0) return { accountId, seeded: 0 };
    throw error;
  }
}

class AlreadySeeded extends Error {}
