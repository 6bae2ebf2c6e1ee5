import { describe, expect, it } from 'vitest';
import { fillForm } from '../../../src/channels/console/terminal-form-fill.js';
import type { FormReply } from '../../../src/core/reply.js';
import { loadResponses } from '../../../src/core/responses.js';

const form: FormReply = {
  type: 'form',
  id: 'f',
  title: 'New support ticket',
  inputs: [
    { id: 'description', label: 'Description', kind: 'textarea', required: true },
    { id: 'campaignId', label: 'Campaign ID', kind: 'text', required: false, value: '48213' },
    {
      id: 'access',
      label: 'Ticket access',
      kind: 'select',
      required: true,
      value: 'private',
      options: [
        { value: 'private', label: 'Private: only me' },
        { value: 'shared', label: 'Shared: everyone in my account' },
      ],
    },
    { id: 'urgent', label: 'Urgent', kind: 'toggle', required: false },
  ],
  submit: { label: 'Continue', value: { a: 'form-submit', key: 'k1' } },
};

describe('fillForm', () => {
  it('asks each field in turn and submits every value with the form', async () => {
    const { t } = await loadResponses('content/responses');
    const fill = fillForm(form, t);
    expect(fill.first).toContain('Description\nType it.');
    // A required field left empty is asked again.
    expect(fill.answer('')).toEqual({ done: false, text: 'This one is needed.\nDescription\nType it.' });
    expect(fill.answer('The pixel records nothing since Monday.')).toMatchObject({
      text: expect.stringContaining(
        'Campaign ID: 48213\nType a new value, press Enter to keep it, or type - to clear it.',
      ),
    });
    expect(fill.answer('-')).toMatchObject({
      text: expect.stringContaining('Ticket access: Private: only me'),
    });
    expect(fill.answer('shared: everyone in my account')).toMatchObject({ text: 'Urgent\nType yes or no.' });
    expect(fill.answer('maybe')).toMatchObject({ text: 'Type yes or no.\nUrgent\nType yes or no.' });
    expect(fill.answer('yes')).toEqual({
      done: true,
      value: {
        a: 'form-submit',
        key: 'k1',
        form: {
          description: 'The pixel records nothing since Monday.',
          campaignId: '',
          access: 'shared',
          urgent: 'true',
        },
      },
    });
  });
});
