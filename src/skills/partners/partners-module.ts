import type { AppModule } from '../../app-module.js';
import { createPartnerRepository } from '../../store/partner-repository.js';
import { SAMPLE_DIRECTORY_ACCOUNTS, seedSampleDirectory } from '../../store/seed/partner-seeding.js';
import { resolvePartnerAccess } from './partner-access.js';
import { createPartnerSnapshots } from './partner-snapshots.js';
import { createPartnersSkill } from './partners-skill.js';

/**
 * The partner directory: the `partners` skill (intent `partner.query`) and,
 * on start, the sample directory of the demo brands when they have no partner.
 */
export const partnersModule: AppModule = {
  name: 'partners',
  create(services) {
    const repository = createPartnerRepository(services.db);
    const snapshots = createPartnerSnapshots(repository);
    const access = { db: services.db, agentDesk: () => services.shared.agentDesk };
    const skill = createPartnersSkill({ ...access, responses: services.responses, repository, snapshots });
    services.shared.partnerDirectory = async (ctx) => {
      const found = await resolvePartnerAccess(ctx, access);
      return found.kind === 'account' ? (await snapshots.get(found.account.id)).routing : null;
    };
    return {
      skills: [skill],
      async start() {
        for (const accountId of SAMPLE_DIRECTORY_ACCOUNTS) {
          const outcome = await seedSampleDirectory(services.db, services.provider, accountId, {
            anchorDate: services.clock(),
          });
          if (outcome.seeded > 0) services.logger.info(outcome, 'sample partner directory loaded');
        }
      },
    };
  },
};
