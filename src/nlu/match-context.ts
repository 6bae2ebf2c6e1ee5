import type { PartnerDirectoryNames } from './named-partner-question.js';

/** What intent matching may know of the person writing, beside their words. */
export interface MatchContext {
  /**
   * Their partner directory's names, so a question naming one of its partners is a partner question;
   * `null` when they have none (a partner user). Left out, names are guessed from how they are written.
   */
  readonly partnerDirectory?: PartnerDirectoryNames | null;
}
