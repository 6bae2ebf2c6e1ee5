import { describe, expect, it } from 'vitest';
import {
  fallbackText,
  modalErrors,
  readFormValues,
  renderBlocks,
  renderFormModal,
} from '../../../src/channels/slack/render-block-kit.js';
import { decodePostback } from '../../../src/channels/slack/slack-action-ids.js';
import type { CardReply, FormReply, Reply } from '../../../src/core/reply.js';

const texts = { openForm: 'Open form', close: 'Cancel' };

const card: CardReply = {
  type: 'card',
  title: 'Ticket #1042: Pixel not firing',
  subtitle: 'Tracking, Reporting and Technical Settings',
  body: 'The pixel on **campaign 48213** stopped firing after the _site update_. See [the guide](https://help.example.com/articles/pixel#verify).',
  url: 'https://support.example.com/tickets/1042',
  fields: [
    { label: 'Status', value: 'In Progress' },
    { label: 'Created', value: '2 days ago' },
  ],
  actions: [
    { label: 'Add a comment', value: { skill: 'tickets', action: 'comment', ticket: 1042 } },
    { label: 'Open in portal', url: 'https://support.example.com/tickets/1042' },
    { label: 'Close ticket', value: { skill: 'tickets', action: 'close', ticket: 1042 }, style: 'danger' },
  ],
};

const form: FormReply = {
  type: 'form',
  id: 'ticket',
  title: 'New support ticket for the payments team',
  inputs: [
    { id: 'subject', label: 'Subject', kind: 'text', required: true, maxLength: 140, value: 'Payout late' },
    {
      id: 'issueType',
      label: 'Issue type',
      kind: 'select',
      required: true,
      value: 'payments',
      options: [
        { value: 'tracking', label: 'Tracking, Reporting and Technical Settings' },
        { value: 'payments', label: 'Payments and Finance' },
      ],
    },
    {
      id: 'description',
      label: 'Description',
      kind: 'textarea',
      required: true,
      placeholder: 'As much detail as possible',
    },
    { id: 'campaignId', label: 'Campaign ID', kind: 'number', required: false, value: '48213' },
    {
      id: 'shared',
      label: 'Ticket access',
      kind: 'toggle',
      required: false,
      placeholder: 'Everyone in my account can see it',
      value: 'true',
    },
    { id: 'cc', label: 'CC e-mails', kind: 'email-list', required: false },
  ],
  submit: { label: 'Create ticket', value: { skill: 'tickets', action: 'submit' } },
  cancel: { label: 'Cancel', value: { skill: 'tickets', action: 'cancel' } },
};

describe('render-block-kit', () => {
  it('renders text with mrkdwn and escapes what users could inject', () => {
    const blocks = renderBlocks(
      [
        {
          type: 'text',
          text: 'Hi **Alice** <!channel> & <https://evil.example|click> [docs](https://help.example.com/a?x=1&y=2)',
        },
      ],
      texts,
    );
    expect(blocks).toMatchSnapshot();
    const text = (blocks[0] as { text: { text: string } }).text.text;
    expect(text).toBe(
      'Hi *Alice* &lt;!channel&gt; &amp; &lt;https://evil.example|click&gt; <https://help.example.com/a?x=1&amp;y=2|docs>',
    );
  });

  it('renders a card: linked title, subtitle, body, fields, postback and link buttons', () => {
    const blocks = renderBlocks([card], texts);
    expect(blocks).toMatchSnapshot();
    const actions = blocks.at(-1) as { elements: Array<{ action_id: string; value?: string; url?: string }> };
    expect(actions.elements.map((e) => e.action_id)).toEqual(['hd:0', 'hd_link:1', 'hd:2']);
    expect(decodePostback(actions.elements[0]?.value, 'Add a comment')?.value).toEqual(
      card.actions[0]?.value,
    );
    expect(actions.elements[1]?.url).toBe('https://support.example.com/tickets/1042');
  });

  it('renders choices, notices and a list with pagination', () => {
    const replies: Reply[] = [
      { type: 'notice', level: 'warning', text: 'No agent is online right now.' },
      {
        type: 'choices',
        prompt: 'Leave it as a ticket?',
        choices: [
          { label: 'Yes', value: { answer: 'yes' }, style: 'primary' },
          { label: 'No', value: { answer: 'no' } },
        ],
      },
      {
        type: 'list',
        title: 'Your open tickets (1-2 of 5)',
        items: [card, { ...card, title: 'Ticket #1043: Payout late', url: undefined, actions: [] }],
        actions: [{ label: 'More', value: { skill: 'tickets', action: 'more', page: 2 } }],
      },
    ];
    expect(renderBlocks(replies, texts)).toMatchSnapshot();
  });

  it('renders a form in a message as a summary with an Open form button', () => {
    const blocks = renderBlocks([{ ...form, errors: { subject: 'Too long' } }], texts);
    expect(blocks).toMatchSnapshot();
  });

  it('renders a form as a modal with one input block per input', () => {
    const modal = renderFormModal(form, '{"meta":1}', texts);
    expect(modal).toMatchSnapshot();
    expect(modal.title.text.length).toBeLessThanOrEqual(24);
  });

  it('maps skill errors to the modal input blocks', () => {
    expect(
      modalErrors({ ...form, errors: { subject: 'Required', campaignId: 'A number', general: 'Try again' } }),
    ).toEqual({
      subject: 'Required Try again',
      campaignId: 'A number',
    });
  });

  it('reads submitted values back as strings by input id', () => {
    expect(
      readFormValues({
        values: {
          subject: { value: { type: 'plain_text_input', value: 'Payout late' } },
          issueType: { value: { type: 'static_select', selected_option: { value: 'payments' } } },
          description: { value: { type: 'plain_text_input', value: null } },
          campaignId: { value: { type: 'number_input', value: '48213' } },
          shared: { value: { type: 'checkboxes', selected_options: [] } },
        },
      }),
    ).toEqual({
      subject: 'Payout late',
      issueType: 'payments',
      description: '',
      campaignId: '48213',
      shared: 'false',
    });
  });

  it("stays inside Slack's limits for long text and many fields", () => {
    const long = 'word '.repeat(1500);
    const blocks = renderBlocks(
      [
        { type: 'text', text: long },
        { ...card, fields: Array.from({ length: 23 }, (_, i) => ({ label: `F${i}`, value: 'v' })) },
      ],
      texts,
    );
    for (const block of blocks) {
      const b = block as { text?: { text: string }; fields?: unknown[] };
      if (b.text) expect(b.text.text.length).toBeLessThanOrEqual(3000);
      if (b.fields) expect(b.fields.length).toBeLessThanOrEqual(10);
    }
    expect(blocks.length).toBeLessThanOrEqual(50);
  });

  it('shows a field value as typed: a link or bold a user wrote stays text; a link named by its own address stays a link', () => {
    const fieldTexts = (value: string) => {
      const blocks = renderBlocks([{ ...card, fields: [{ label: 'Subject', value }], actions: [] }], texts);
      const section = blocks.find((b) => 'fields' in b && b.fields) as { fields: Array<{ text: string }> };
      return section.fields[0]?.text;
    };
    // A colleague's ticket subject, in the status notification CC'd users get.
    expect(
      fieldTexts('Payout hold: [confirm your bank details](https://evil.example/login) **today** <!here>'),
    ).toBe(
      '*Subject*\nPayout hold: [confirm your bank details](https://evil.example/login) **today** &lt;!here&gt;',
    );
    expect(fieldTexts('[confirm your bank details](https://evil.example/login)')).toBe(
      '*Subject*\n[confirm your bank details](https://evil.example/login)',
    );
    // A partner's website: the label is the address it goes to.
    expect(fieldTexts('[acme.example](https://www.acme.example/)')).toBe(
      '*Subject*\n<https://www.acme.example/|acme.example>',
    );
  });

  it('gives a plain notification text, escaped', () => {
    expect(fallbackText([{ type: 'text', text: 'a <b> & c' }, card])).toContain('a &lt;b&gt; &amp; c');
  });
});
