import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDocAnswers } from '../../src/store/doc-answers.js';
import { createTestDatabase, type TestDatabase, testProviders } from '../support/test-database.js';

describe.each(testProviders())('help-doc answers on %s', (provider) => {
  let database: TestDatabase;
  beforeEach(async () => {
    database = await createTestDatabase(provider);
  });
  afterEach(() => database.drop());

  const base = { userId: 'u1', accountId: 'acc_a', conversationId: null, query: 'how do i add a pixel' };

  it('records answers, takes one rating from the user who got the answer, and counts deflection', async () => {
    const answers = createDocAnswers(database.prisma, database.sql);
    const since = new Date(Date.now() - 60_000);
    const answered = await answers.record({
      ...base,
      context: 'search',
      sectionIds: ['tracking/pixel#install'],
    });
    await answers.record({ ...base, context: 'search', query: 'weather in paris', sectionIds: [] });
    await answers.record({ ...base, context: 'ticket_suggestion', sectionIds: ['a#b'], helpful: true });

    expect(await answers.feedback(answered, 'someone-else', true, new Date())).toBe('not-asker');
    expect(await answers.feedback(answered, 'u1', false, new Date())).toBe('stored');
    expect(await answers.feedback(answered, 'u1', true, new Date())).toBe('already-rated');
    expect(await answers.feedback(answered, 'someone-else', true, new Date())).toBe('not-asker');
    expect(await answers.feedback('da_missing', 'u1', true, new Date())).toBe('not-found');

    expect(await answers.stats(since)).toEqual({
      questions: 2,
      answered: 1,
      helpful: 0,
      notHelpful: 1,
      deflectedTickets: 1,
    });
    const stored = await database.prisma.docAnswer.findUniqueOrThrow({ where: { id: answered } });
    expect(stored).toMatchObject({ helpful: false, sectionIds: '["tracking/pixel#install"]' });
    expect(stored.createdAt.getTime()).toBeGreaterThan(since.getTime());
  });

  it('counts as helpful only rated answers to questions, never suggestions shown while filing a ticket', async () => {
    const answers = createDocAnswers(database.prisma, database.sql);
    const since = new Date(Date.now() - 60_000);
    const answered = await answers.record({
      ...base,
      context: 'search',
      sectionIds: ['tracking/pixel#install'],
    });
    await answers.feedback(answered, 'u1', true, new Date());
    for (const helpful of [true, true, false]) {
      await answers.record({ ...base, context: 'ticket_suggestion', sectionIds: ['a#b'], helpful });
    }

    const stats = await answers.stats(since);
    expect(stats).toMatchObject({ answered: 1, helpful: 1, notHelpful: 0, deflectedTickets: 2 });
    expect(stats.helpful).toBeLessThanOrEqual(stats.answered);
  });
});
