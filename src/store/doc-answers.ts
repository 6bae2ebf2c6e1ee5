import type { Db } from './prisma-client.js';

export interface DocAnswerInput {
  readonly userId: string;
  readonly accountId: string;
  readonly conversationId: string | null;
  readonly context: 'search' | 'ticket_suggestion';
  readonly query: string;
  readonly sectionIds: readonly string[];
  readonly helpful?: boolean | null;
}

export interface DeflectionStats {
  readonly questions: number;
  readonly answered: number;
  readonly helpful: number;
  readonly notHelpful: number;
  /** Ticket flows that ended because a suggested article solved the problem. */
  readonly deflectedTickets: number;
}

/** Help-doc answers and the feedback on them: the deflection analytics. */
export interface DocAnswers {
  record(input: DocAnswerInput): Promise<string>;
  /** Stores "did this help?"; only the user who got the answer may rate it, once. */
  feedback(id: string, userId: string, helpful: boolean, at: Date): Promise<boolean>;
  stats(since: Date): Promise<DeflectionStats>;
}

export function createDocAnswers(db: Db): DocAnswers {
  return {
    async record(input) {
      const row = await db.docAnswer.create({
        data: {
          userId: input.userId,
          accountId: input.accountId,
          conversationId: input.conversationId,
          context: input.context,
          query: input.query.slice(0, 2000),
          sectionIds: JSON.stringify(input.sectionIds),
          helpful: input.helpful ?? null,
          feedbackAt: input.helpful === undefined || input.helpful === null ? null : new Date(),
        },
        select: { id: true },
      });
      return row.id;
    },
    async feedback(id, userId, helpful, at) {
      const result = await db.docAnswer.updateMany({
        where: { id, userId, helpful: null },
        data: { helpful, feedbackAt: at },
      });
      return result.count === 1;
    },
    async stats(since) {
      const where = { createdAt: { gte: since } };
      const [questions, answered, helpful, notHelpful, deflectedTickets] = await Promise.all([
        db.docAnswer.count({ where: { ...where, context: 'search' } }),
        db.docAnswer.count({ where: { ...where, context: 'search', NOT: { sectionIds: '[]' } } }),
        db.docAnswer.count({ where: { ...where, helpful: true } }),
        db.docAnswer.count({ where: { ...where, helpful: false } }),
        db.docAnswer.count({ where: { ...where, context: 'ticket_suggestion', helpful: true } }),
      ]);
      return { questions, answered, helpful, notHelpful, deflectedTickets };
    },
  };
}
