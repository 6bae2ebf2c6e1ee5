import { describe, expect, it } from 'vitest';
import { renderAdaptiveCard, renderCombinedCard } from '../../../src/channels/teams/render-adaptive-card.js';
import { renderTeamsActivities } from '../../../src/channels/teams/render-teams-activities.js';
import type { FormReply, ListReply, Reply } from '../../../src/core/reply.js';
import { allActions } from './fakes/teams-test-bot.js';

const form: FormReply = {
  type: 'form',
  id: 'ticket-create',
  title: 'New ticket',
  inputs: [
    { id: 'subject', label: 'Subject', kind: 'text', required: true, maxLength: 140, value: 'Pixel' },
    {
      id: 'description',
      label: 'Description',
      kind: 'textarea',
      required: true,
      placeholder: 'What happened?',
    },
    {
      id: 'issueType',
      label: 'Issue type',
      kind: 'select',
      required: true,
      options: [
        { value: 'tracking', label: 'Tracking' },
        { value: 'payments', label: 'Payments' },
      ],
    },
    { id: 'shared', label: 'Share with my team', kind: 'toggle', required: false, value: 'true' },
    { id: 'cc', label: 'CC', kind: 'email-list', required: false },
    { id: 'campaign', label: 'Campaign ID', kind: 'number', required: false, value: '48213' },
  ],
  submit: { label: 'Create ticket', value: { skill: 'tickets', action: 'submit' }, style: 'primary' },
  cancel: { label: 'Cancel', value: { skill: 'tickets', action: 'cancel' } },
  errors: { subject: 'The subject is too long (at most 140 characters).', _form: 'Please check the form.' },
};

const list: ListReply = {
  type: 'list',
  title: 'Your open tickets',
  items: [
    {
      type: 'card',
      title: '#1042 Pixel stopped firing',
      subtitle: 'Open · updated today',
      url: 'https://support.example.com/tickets/1042',
      fields: [{ label: 'Status', value: 'Open' }],
      actions: [{ label: 'Details', value: { skill: 'tickets', action: 'show', id: 1042 } }],
    },
    { type: 'card', title: '#1043 Payout [late]', fields: [], actions: [] },
  ],
  actions: [{ label: 'More', value: { skill: 'tickets', action: 'page', page: 2 } }],
};

const replies: Record<string, Reply> = {
  text: { type: 'text', text: 'Hi **Alice**!\nI can _help_.\n\nSee [the docs](https://help.example.com).' },
  card: {
    type: 'card',
    title: 'Set up the tracking pixel',
    subtitle: 'Tracking › Pixel',
    body: 'Paste the snippet before </body>.',
    url: 'https://help.example.com/articles/pixel#setup',
    fields: [{ label: 'Section', value: 'Setup' }],
    actions: [
      { label: 'Open article', url: 'https://help.example.com/articles/pixel' },
      { label: 'This helped', value: { skill: 'docs', helpful: true }, style: 'primary' },
      { label: 'Talk to a person', value: { skill: 'core', intent: 'agent.handoff' }, style: 'danger' },
    ],
  },
  choices: {
    type: 'choices',
    prompt: 'Which issue type?',
    choices: ['Tracking', 'Payments', 'Promo codes', 'Login', 'Reports', 'Partners', 'Other'].map(
      (label) => ({
        label,
        value: { skill: 'tickets', issueType: label.toLowerCase() },
      }),
    ),
  },
  form,
  notice: { type: 'notice', level: 'error', text: 'Ticket #1042 could not be updated.' },
  list,
};

describe('renderAdaptiveCard', () => {
  for (const [name, reply] of Object.entries(replies)) {
    it(`renders a ${name} reply`, () => {
      expect(renderAdaptiveCard(reply)).toMatchSnapshot();
    });
  }

  it('is an Adaptive Card 1.5, full width in Teams for forms and lists only', () => {
    for (const [name, reply] of Object.entries(replies)) {
      const card = renderAdaptiveCard(reply);
      expect(card).toMatchObject({
        type: 'AdaptiveCard',
        version: '1.5',
        $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
      });
      expect([name, card.msteams?.width ?? 'default']).toEqual([
        name,
        name === 'form' || name === 'list' ? 'Full' : 'default',
      ]);
    }
  });

  it('makes a form of inputs whose submit carries the action value, and shows validation errors in the card', () => {
    const card = renderAdaptiveCard(form);
    const inputs = card.body.filter((e) => e.type.startsWith('Input.'));
    expect(inputs.map((i) => [i.type, i.id])).toEqual([
      ['Input.Text', 'subject'],
      ['Input.Text', 'description'],
      ['Input.ChoiceSet', 'issueType'],
      ['Input.Toggle', 'shared'],
      ['Input.Text', 'cc'],
      ['Input.Number', 'campaign'],
    ]);
    const texts = card.body.filter((e) => e.type === 'TextBlock').map((e) => e.text);
    expect(texts).toContain('The subject is too long (at most 140 characters).');
    expect(texts).toContain('Please check the form.');
    const subjectAt = card.body.findIndex((e) => e.id === 'subject');
    expect(card.body[subjectAt + 1]).toMatchObject({ color: 'Attention' });
    expect(card.actions).toEqual([
      expect.objectContaining({
        type: 'Action.Submit',
        title: 'Create ticket',
        data: { value: { skill: 'tickets', action: 'submit' } },
        style: 'positive',
      }),
      expect.objectContaining({ title: 'Cancel', associatedInputs: 'none' }),
    ]);
  });

  it('puts the seventh choice and later in the overflow menu', () => {
    const actions = renderAdaptiveCard(replies.choices!).actions ?? [];
    expect(actions.map((a) => a.mode ?? 'primary')).toEqual([
      'primary',
      'primary',
      'primary',
      'primary',
      'primary',
      'secondary',
      'secondary',
    ]);
  });

  it('renders Action.Execute buttons when asked', () => {
    const card = renderAdaptiveCard(replies.card!, { actionMode: 'execute' });
    expect(card.actions?.map((a) => a.type)).toEqual(['Action.OpenUrl', 'Action.Execute', 'Action.Execute']);
    expect(card.actions?.[1]).toMatchObject({
      verb: 'submit',
      data: { value: { skill: 'docs', helpful: true } },
    });
  });

  it('shows titles and field values as typed: a link or bold a user wrote is text, a link named by its own address stays', () => {
    const subject = 'Payout hold: [confirm your bank details](https://evil.example/login) **today**';
    const shown =
      '#1000 · Payout hold: \\[confirm your bank details\\](https://evil.example/login) \\*\\*today\\*\\*';
    const card = renderAdaptiveCard({
      type: 'list',
      title: 'Your tickets (about "_urgent_")',
      items: [
        { type: 'card', title: `#1000 · ${subject}`, fields: [], actions: [] },
        {
          type: 'card',
          title: `#1000 · ${subject}`,
          url: 'https://support.example.com/tickets/1000',
          fields: [
            { label: 'Subject', value: subject },
            { label: 'Website', value: '[acme.example](https://www.acme.example/)' },
          ],
          actions: [],
        },
      ],
      actions: [],
    });
    expect(card.body).toMatchObject([
      { type: 'TextBlock', text: 'Your tickets (about "\\_urgent\\_")' },
      { items: [{ type: 'TextBlock', text: shown }] },
      {
        items: [
          { type: 'TextBlock', text: `[${shown}](https://support.example.com/tickets/1000)` },
          {
            type: 'FactSet',
            facts: [
              { title: 'Subject', value: shown.replace('#1000 · ', '') },
              { title: 'Website', value: '[acme.example](https://www.acme.example/)' },
            ],
          },
        ],
      },
    ]);
  });

  it('combines a turn into one card, each reply keeping its buttons next to it', () => {
    const card = renderCombinedCard([replies.text!, replies.list!]);
    expect(card.actions).toBeUndefined();
    expect(allActions(card).map((a) => [a.type, a.title])).toEqual([
      ['Action.Execute', 'Details'],
      ['Action.Execute', 'More'],
    ]);
  });
});

describe('renderTeamsActivities', () => {
  it('sends text as markdown with paragraphs, and text before a card above it in one message', () => {
    const messages = renderTeamsActivities([
      { type: 'text', text: 'Found it.' },
      replies.card!,
      { type: 'text', text: 'Anything else?\nJust ask.' },
    ]);
    expect(messages).toHaveLength(2);
    expect(messages[0]).toMatchObject({ type: 'message', text: 'Found it.', textFormat: 'markdown' });
    expect(messages[0]!.attachments?.[0]?.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(messages[1]).toEqual({
      type: 'message',
      text: 'Anything else?\n\nJust ask.',
      textFormat: 'markdown',
    });
  });

  it('sends nothing for no replies', () => {
    expect(renderTeamsActivities([])).toEqual([]);
  });
});
