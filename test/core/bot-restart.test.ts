import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import type { AppModule } from '../../src/app-module.js';
import { loadConfig } from '../../src/config.js';
import type { Skill } from '../../src/core/skill.js';
import { Chat } from '../support/conversation.js';
import { keywordMatcher } from '../support/keyword-matcher.js';
import { createTestDatabase, type TestDatabase, testProviders } from '../support/test-database.js';

/** A two-question form, enough to prove where the user was survives a restart. */
const surveySkill: Skill = {
  name: 'survey',
  async onIntent(ctx) {
    ctx.state.flow = {
      skill: 'survey',
      name: 'survey',
      step: 'name',
      slots: {},
      idempotencyKey: 'k',
      startedAt: ctx.now.toISOString(),
    };
    ctx.reply({ type: 'text', text: 'What is your name?' });
  },
  async onFlowMessage(ctx, flow) {
    if (flow.step === 'name') {
      flow.slots.name = ctx.message.text;
      flow.step = 'colour';
      ctx.reply({ type: 'text', text: 'Favourite colour?' });
    } else {
      ctx.state.flow = undefined;
      ctx.reply({ type: 'text', text: `Thanks ${String(flow.slots.name)}, noted ${ctx.message.text}.` });
    }
    return 'handled';
  },
};
const surveyModule: AppModule = { name: 'survey', create: () => ({ skills: [surveySkill] }) };
const matcher = keywordMatcher([[/survey/i, 'survey.start', 'survey']]);

describe.each(testProviders())('a restart mid-form on %s', (provider) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(provider);
  });
  afterAll(() => database.drop());

  const start = async () => {
    const app = await createApp(loadConfig({ DATABASE_URL: database.url, LOG_LEVEL: 'silent' }), {
      http: false,
      logger: pino({ level: 'silent' }),
      matcher,
      modules: [surveyModule],
    });
    await app.start();
    return app;
  };

  it('resumes the form where the user was', async () => {
    const first = await start();
    const before = new Chat(first, 'alice', 'web', 'restart-conv');
    await before.say('start the survey');
    await before.say('Alice');
    expect(before.text()).toBe('Favourite colour?');
    await first.stop();

    const second = await start();
    const after = new Chat(second, 'alice', 'web', 'restart-conv');
    await after.say('green');
    expect(after.text()).toBe('Thanks Alice, noted green.');
    await second.stop();
  });
});
