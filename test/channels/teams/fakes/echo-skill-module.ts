import type { AppModule } from '../../../../src/app-module.js';
import { basicRules, keywordMatcher } from '../../../support/keyword-matcher.js';

/**
 * A test skill that shows what reached it, so channel tests can check the exact
 * neutral message a Teams activity became: "echo <text>" repeats the text and
 * attachments; "form" answers with a form; "slow" takes a while (typing indicator);
 * any click is echoed back as JSON.
 */
export const echoModule: AppModule = {
  name: 'echo',
  create: () => ({
    skills: [
      {
        name: 'echo',
        async onIntent(ctx, intent) {
          if (intent.name === 'test.form') {
            ctx.reply({
              type: 'form',
              id: 'test-form',
              title: 'Tell me more',
              inputs: [
                { id: 'subject', label: 'Subject', kind: 'text', required: true, maxLength: 140 },
                {
                  id: 'kind',
                  label: 'Kind',
                  kind: 'select',
                  required: true,
                  options: [
                    { value: 'a', label: 'Kind A' },
                    { value: 'b', label: 'Kind B' },
                  ],
                },
              ],
              submit: { label: 'Send', value: { skill: 'echo', step: 'submit' }, style: 'primary' },
              cancel: { label: 'Cancel', value: { skill: 'echo', step: 'cancel' } },
            });
            return;
          }
          if (intent.name === 'test.slow') await new Promise((r) => setTimeout(r, 250));
          const files = ctx.message.attachments
            .map((a) => `${a.name} (${a.mimeType}) ${a.url ?? ''}`)
            .join('; ');
          ctx.reply({ type: 'text', text: `heard: ${ctx.message.text}${files ? ` | files: ${files}` : ''}` });
          ctx.reply({
            type: 'choices',
            prompt: 'Pick one',
            choices: [{ label: 'Pick me', value: { skill: 'echo', step: 'picked' } }],
          });
        },
        async onAction(ctx, value) {
          ctx.reply({ type: 'text', text: `clicked: ${JSON.stringify(value)}` });
        },
      },
    ],
  }),
};

/** The keyword rules of the core tests plus the echo skill's. */
export const echoMatcher = keywordMatcher([
  ...basicRules,
  [/^echo\b/i, 'test.echo', 'echo'],
  [/^form\b/i, 'test.form', 'echo'],
  [/^slow\b/i, 'test.slow', 'echo'],
]);
