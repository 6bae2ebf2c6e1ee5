import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { emptyState } from '../../src/core/conversation-state.js';
import type { Reply } from '../../src/core/reply.js';
import { createResponses } from '../../src/core/responses.js';
import { createRouter } from '../../src/core/router.js';
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

  it('answers an empty message without guessing', async () => {
    const ctx = context('   ');
    await router.route(ctx);
    expect(texts(ctx)).toEqual(['empty']);
  });
});
