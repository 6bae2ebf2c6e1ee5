import { describe, expect, it } from 'vitest';
import { renderTerminal } from '../../../src/channels/console/render-terminal.js';
import type { Action, FormReply } from '../../../src/core/reply.js';

const ESCAPE = /\u001b\[/;

describe('renderTerminal', () => {
  it('writes **bold** as plain text unless asked for bold, and then as bold on and off', () => {
    const reply = { type: 'text', text: 'Type **cancel** at any time.' } as const;
    expect(renderTerminal(reply, [])).toBe('Type cancel at any time.');
    expect(renderTerminal(reply, [], { bold: false })).not.toMatch(ESCAPE);
    expect(renderTerminal(reply, [], { bold: true })).toBe('Type \u001b[1mcancel\u001b[22m at any time.');
  });

  it('shows backslash-escaped characters (words a user typed) as typed, making no link of them', () => {
    const reply = {
      type: 'text',
      text: 'Nora wrote: \\[the shared folder\\](https://evil.example/login) \\*\\*hi\\*\\*',
    } as const;
    expect(renderTerminal(reply, [])).toBe(
      'Nora wrote: [the shared folder](https://evil.example/login) **hi**',
    );
  });

  it('numbers only buttons: a link is printed with its address and gets no number', () => {
    const actions: Action[] = [];
    const text = renderTerminal(
      {
        type: 'card',
        title: 'Set up the tracking pixel',
        fields: [],
        actions: [
          { label: 'Read the article', url: 'https://help.example.com/articles/pixel' },
          { label: 'Yes, thanks', value: { a: 'yes' } },
        ],
      },
      actions,
    );
    expect(text).toContain('  ↗ Read the article <https://help.example.com/articles/pixel>');
    expect(text).toContain('  [1] Yes, thanks');
    expect(text).not.toMatch(/\[\d\] Read the article/);
    expect(actions.map((a) => a.label)).toEqual(['Yes, thanks']);
  });

  it("shows a form's chosen option by its label, not its code", () => {
    const form: FormReply = {
      type: 'form',
      id: 'f',
      title: 'New support ticket',
      inputs: [
        {
          id: 'issueType',
          label: 'Issue type',
          kind: 'select',
          required: true,
          value: 'tracking_reporting',
          options: [{ value: 'tracking_reporting', label: 'Tracking, Reporting and Technical Settings' }],
        },
      ],
      submit: { label: 'Continue', value: { a: 'submit' } },
    };
    const text = renderTerminal(form, []);
    expect(text).toContain('│ Issue type: Tracking, Reporting and Technical Settings');
    expect(text).not.toContain('tracking_reporting');
  });
});
