import { randomUUID } from 'node:crypto';
import type { Db } from './prisma-client.js';
import type { SqlExecutor } from './sql/sql-executor.js';

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

/**
 * What became of a "did this help?" click: stored, or why not (the asker rated
 * it already, someone else clicked, or the answer is no longer on record).
 */
export type FeedbackOutcome = 'stored' | 'already-rated' | 'not-asker' | 'not-found';

/** Help-doc answers and the feedback on them: the deflection analytics. */
export interface DocAnswers {
  record(input: DocAnswerInput): Promise<string>;
  /** Stores "did this help?"; only the user who got the answer may rate it, once. */
  feedback(id: string, userId: string, helpful: boolean, at: Date): Promise<FeedbackOutcome>;
  stats(since: Date): Promise<DeflectionStats>;
}

export function createDocAnswers(db: Db, sql: SqlExecutor): DocAnswers {
  return {
    // Every answered question is recorded: one hand-written statement.
    async record(input) {
      const id = `da_${randomUUID()}`;
      const rated = input.helpful === undefined || input.helpful === null ? null : input.helpful;
      const now = new Date();
      await sql.run(
        'INSERT INTO "DocAnswer" ("id", "userId", "accountId", "conversationId", "context", "query", "sectionIds", "helpful", "createdAt", "feedbackAt") ' +
          'VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
        [
          id,
          input.userId,
          input.accountId,
          input.conversationId,
          input.context,
          input.query.slice(0, 2000),
          JSON.stringify(input.sectionIds),
          rated === null ? null : sql.bool(rated),
          sql.date(now),
          rated === null ? null : sql.date(now),
        ],
      );
      return id;
    },
    async feedback(id, userId, helpful, at) {
      const result = await db.docAnswer.updateMany({
        where: { id, userId, helpful: null },
        data: { helpful, feedbackAt: at },
      });
      if (result.count === 1) return 'stored';
      const answer = await db.docAnswer.findUnique({ where: { id }, select: { userId: true } });
      if (!answer) return 'not-found';
      return answer.userId === userId ? 'already-rated' : 'not-asker';
    },
    async stats(since) {
      const where = { createdAt: { gte: since } };
      // Ratings count only answers to questions (not articles suggested while filing a
      // ticket), so "M marked helpful" is part of "N answered from the docs".
      const answeredSearch = { ...where, context: 'search', NOT: { sectionIds: '[]' } };
      const [questions, answered, helpful, notHelpful, deflectedTickets] = await Promise.all([
        db.docAnswer.count({ where: { ...where, context: 'search' } }),
        db.docAnswer.count({ where: answeredSearch }),
        db.docAnswer.count({ where: { ...answeredSearch, helpful: true } }),
        db.docAnswer.count({ where: { ...answeredSearch, helpful: false } }),
        db.docAnswer.count({ where: { ...where, context: 'ticket_suggestion', helpful: true } }),
      ]);
      return { questions, answered, helpful, notHelpful, deflectedTickets };
    },
  };
}
