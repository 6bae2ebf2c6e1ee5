import type { AppModule } from '../../../src/app-module.js';
import type { FormReply } from '../../../src/core/reply.js';
import type { Skill } from '../../../src/core/skill.js';
import { basicRules, keywordMatcher } from '../../support/keyword-matcher.js';

/**
 * A stand-in skill with a form, so the Slack channel's modal handling is tested
 * without depending on the ticket module: "feedback" (and ticket.create, which
 * the shortcut, the reaction and the menu button start) answers a form prefilled
 * from the message; submitting validates it like a real skill would.
 */
export function feedbackForm(
  values: { subject?: string; description?: string },
  errors?: Record<string, string>,
): FormReply {
  return {
    type: 'form',
    id: 'feedback',
    title: 'Send feedback to the support team',
    inputs: [
      {
        id: 'subject',
        label: 'Subject',
        kind: 'text',
        required: true,
        maxLength: 40,
        ...(values.subject ? { value: values.subject } : {}),
      },
      {
        id: 'area',
        label: 'Area',
        kind: 'select',
        required: true,
        options: [
          { value: 'tracking', label: 'Tracking' },
          { value: 'payments', label: 'Payments' },
        ],
      },
      {
        id: 'description',
        label: 'Description',
        kind: 'textarea',
        required: false,
        ...(values.description ? { value: values.description } : {}),
      },
      { id: 'shared', label: 'Share with my team', kind: 'toggle', required: false },
    ],
    submit: { label: 'Send', value: { skill: 'demo', action: 'submit' } },
    cancel: { label: 'Not now', value: { skill: 'demo', action: 'cancel' } },
    ...(errors ? { errors } : {}),
  };
}

const demoSkill: Skill = {
  name: 'demo',
  async onIntent(ctx) {
    ctx.reply(feedbackForm({ description: ctx.message.text }));
  },
  async onAction(ctx, value) {
    if (value.action === 'cancel') {
      ctx.reply({ type: 'text', text: 'No problem, nothing was sent.' });
      return;
    }
    const form = (value.form ?? {}) as Record<string, string>;
    const errors: Record<string, string> = {};
    if (!form.subject?.trim()) errors.subject = 'Please give a subject.';
    if (!form.area) errors.area = 'Please choose an area.';
    if (Object.keys(errors).length > 0) {
      ctx.reply(feedbackForm({ subject: form.subject ?? '', description: form.description ?? '' }, errors));
      return;
    }
    ctx.reply({
      type: 'notice',
      level: 'success',
      text: `Thanks! Sent **${form.subject}** (${form.area}, shared: ${form.shared}) with ${ctx.message.attachments.length} file(s).`,
    });
  },
};

export const demoFormModule: AppModule = { name: 'demo-form', create: () => ({ skills: [demoSkill] }) };

/** The test matcher: greetings and help, plus "feedback" / "ticket" for the demo form. */
export const demoMatcher = keywordMatcher([
  ...basicRules,
  [/\b(feedback|ticket)\b/i, 'ticket.create', 'demo'],
]);
