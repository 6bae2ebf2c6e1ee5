import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { emptyState } from '../../src/core/conversation-state.js';
import type { Reply } from '../../src/core/reply.js';
import { createResponses } from '../../src/core/responses.js';
import { askOpenQuestion, createRouter } from '../../src/core/router.js';
import type { Skill } from '../../src/core/skill.js';
import type { TurnContext } from '../../src/core/turn-context.js';
import { keywordMatcher } from '../support/keyword-matcher.js';

const responses = createResponses(
  new Map(
    Object.entries({
      'core.cancelled': ['cancelled'],
      'core.nothing_to_cancel': ['nothing to cancel'],
      'core.confirm_interrupt': ['switch?'],
      'core.yes_switch': ['Yes'],
      'core.no_continue': ['No'],
      'core.not_an_answer': ['not an answer'],
      'core.empty_message': ['empty'],
    }).map(([k, v]) => [k, v]),
  ),
);

const matcher = keywordMatcher([
  [/ticket/i, 'ticket.create', 'form'],
  [/status/i, 'ticket.status', 'status'],
]);

/** A skill with a two-step flow that accepts numbers as answers. */
const formSkill: Skill = {
  name: 'form',
  async onIntent(ctx) {
    ctx.state.flow = { skill: 'form', name: 'f', step: 'ask', slots: {}, idempotencyKey: 'k', startedAt: '' };
    ctx.reply({ type: 'text', text: 'give me a number' });
  },
  async onFlowMessage(ctx, flow) {
    if (!/^\d+$/.test(ctx.message.text)) return 'not-an-answer';
    flow.slots.n = ctx.message.text;
    ctx.state.flow = undefined;
    ctx.reply({ type: 'text', text: `got ${ctx.message.text}` });
    return 'handled';
  },
  async reprompt(ctx) {
    ctx.reply({ type: 'text', text: 'give me a number' });
  },
};
const statusSkill: Skill = {
  name: 'status',
  async onIntent(ctx) {
    ctx.reply({ type: 'text', text: `status of "${ctx.message.text}"` });
  },
  async onAction(ctx, value) {
    ctx.reply({ type: 'text', text: `clicked ${String(value.x)}` });
  },
};

const router = createRouter({
  skills: [formSkill, statusSkill],
  matcher,
  answers: matcher.answers,
  responses,
  skillFor: (i) => matcher.skillFor(i),
  fallback: async (ctx) => {
    ctx.reply({ type: 'text', text: 'fallback' });
  },
});

function context(text: string, state = emptyState(), value?: Record<string, unknown>): TurnContext {
  const replies: Reply[] = [];
  return {
    turnId: 't',
    message: {
      channel: 'web',
      workspace: '',
      conversationKey: 'c',
      user: { externalId: 'u' },
      text,
      value,
      attachments: [],
    },
    user: { id: 'u', displayName: 'U', email: null, role: 'requester', kind: 'brand', accountId: 'a' },
    conversation: { id: 'c', channel: 'web', workspace: '', externalKey: 'c' },
    state,
    intent: null,
    handoffId: null,
    replies,
    reply: (...r) => void replies.push(...r),
    afterSave: () => undefined,
    carried: new Map(),
    now: new Date(),
    logger: pino({ level: 'silent' }),
  };
}

const texts = (ctx: TurnContext) =>
  ctx.replies.map((r) => ('text' in r ? r.text : 'prompt' in r ? r.prompt : r.type));

describe('router', () => {
  it('routes an intent to its skill and unmatched text to the fallback', async () => {
    const a = context('open a ticket');
    await router.route(a);
    expect(texts(a)).toEqual(['give me a number']);
    expect(a.intent?.name).toBe('ticket.create');
    const b = context('what is the weather');
    await router.route(b);
    expect(texts(b)).toEqual(['fallback']);
  });

  it('tries a message inside a flow as an answer first', async () => {
    const ctx = context('open a ticket');
    await router.route(ctx);
    const next = context('12345', ctx.state);
    await router.route(next);
    expect(texts(next)).toEqual(['got 12345']);
    expect(next.state.flow).toBeUndefined();
  });

  it('lets cancel end any flow', async () => {
    const ctx = context('open a ticket');
    await router.route(ctx);
    const next = context('never mind', ctx.state);
    await router.route(next);
    expect(texts(next)).toEqual(['cancelled']);
    expect(next.state.flow).toBeUndefined();
  });

  it('asks before a confident new intent interrupts a flow, and continues on "no"', async () => {
    const ctx = context('open a ticket');
    await router.route(ctx);
    const interrupt = context('status please', ctx.state);
    await router.route(interrupt);
    expect(texts(interrupt)).toEqual(['switch?']);
    expect(interrupt.state.flow).toBeDefined();
    const no = context('no', interrupt.state);
    await router.route(no);
    expect(texts(no)).toEqual(['give me a number']);
    expect(no.state.flow).toBeDefined();
  });

  it('switches after the user confirms the interruption with the button', async () => {
    const ctx = context('open a ticket');
    await router.route(ctx);
    const interrupt = context('status please', ctx.state);
    await router.route(interrupt);
    const yes = context('', interrupt.state, { answer: 'yes' });
    await router.route(yes);
    expect(texts(yes)).toEqual(['status of "status please"']);
    expect(yes.state.flow).toBeUndefined();
    expect(yes.message.value).toBeUndefined();
  });

  it('answers the request the user confirmed, not their "yes"', async () => {
    const ctx = context('open a ticket');
    await router.route(ctx);
    const interrupt = context('status of 1042 please', ctx.state);
    await router.route(interrupt);
    const yes = context('yes', interrupt.state);
    await router.route(yes);
    expect(yes.intent?.name).toBe('ticket.status');
    expect(texts(yes)).toEqual(['status of "status of 1042 please"']);
  });

  it('re-asks when a message in a flow is neither an answer nor a confident intent', async () => {
    const ctx = context('open a ticket');
    await router.route(ctx);
    const next = context('hmm', ctx.state);
    await router.route(next);
    expect(texts(next)).toEqual(['not an answer', 'give me a number']);
  });

  it('sends a click to the skill its value names, even inside another flow', async () => {
    const ctx = context('open a ticket');
    await router.route(ctx);
    const click = context('', ctx.state, { skill: 'status', x: 7 });
    await router.route(click);
    expect(texts(click)).toEqual(['clicked 7']);
  });

  it('routes a button that stands for words as if the user typed them', async () => {
    const click = context('', emptyState(), { typed: 'status of 7' });
    await router.route(click);
    expect(texts(click)).toEqual(['status of "status of 7"']);
    expect(click.intent?.name).toBe('ticket.status');
    expect(click.message.value).toBeUndefined();
  });

  it('answers an empty message without guessing', async () => {
    const ctx = context('   ');
    await router.route(ctx);
    expect(texts(ctx)).toEqual(['empty']);
  });
});

describe('router: a question the next message may answer', () => {
  /** Shows a menu whose letters the next message may type. */
  const menuSkill: Skill = {
    name: 'menu',
    async onIntent(ctx) {
      ctx.reply({ type: 'text', text: 'a or b?' });
      askOpenQuestion(ctx, { skill: 'menu', name: 'pick', slots: { letters: ['a', 'b'] } });
    },
    async onFlowMessage(ctx, question) {
      const letters = question.slots.letters as string[];
      if (!letters.includes(ctx.message.text)) return 'not-an-answer';
      ctx.reply({ type: 'text', text: `picked ${ctx.message.text}` });
      return 'handled';
    },
  };
  const menuMatcher = keywordMatcher([
    [/menu/i, 'bot.help', 'menu'],
    [/^cancel$/i, 'flow.cancel', 'menu'],
    [/status|\b[a-z]\b/i, 'ticket.status', 'status'],
  ]);
  const menuRouter = createRouter({
    skills: [menuSkill, statusSkill],
    matcher: menuMatcher,
    answers: menuMatcher.answers,
    responses,
    skillFor: (i) => menuMatcher.skillFor(i),
    fallback: async (ctx) => {
      ctx.reply({ type: 'text', text: 'fallback' });
    },
  });

  it('gives the next message to the question first', async () => {
    const ctx = context('menu');
    await menuRouter.route(ctx);
    const next = context('b', ctx.state);
    await menuRouter.route(next);
    expect(texts(next)).toEqual(['picked b']);
  });

  it('routes a message the question does not take as usual, and forgets the question', async () => {
    const ctx = context('menu');
    await menuRouter.route(ctx);
    const other = context('status of c', ctx.state);
    await menuRouter.route(other);
    expect(texts(other)).toEqual(['status of "status of c"']);
    const later = context('a', other.state);
    await menuRouter.route(later);
    expect(texts(later)).toEqual(['status of "a"']);
  });

  it('forgets the question after a click', async () => {
    const ctx = context('menu');
    await menuRouter.route(ctx);
    const click = context('', ctx.state, { skill: 'status', x: 1 });
    await menuRouter.route(click);
    const later = context('a', click.state);
    await menuRouter.route(later);
    expect(texts(later)).toEqual(['status of "a"']);
  });

  it('is no form: "cancel" after it has nothing to cancel', async () => {
    const ctx = context('menu');
    await menuRouter.route(ctx);
    const cancel = context('cancel', ctx.state);
    await menuRouter.route(cancel);
    expect(texts(cancel)).toEqual(['nothing to cancel']);
  });
});
