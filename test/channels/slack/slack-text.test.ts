import { describe, expect, it } from 'vitest';
import { escapeMrkdwn, toMrkdwn } from '../../../src/channels/slack/slack-mrkdwn.js';
import { slackTextToPlain } from '../../../src/channels/slack/slack-text.js';

describe('slackTextToPlain', () => {
  it('removes the bot mention and makes references readable', () => {
    expect(slackTextToPlain('<@U0HDBOT> open a ticket for <@U123|pat> in <#C1|general>', 'U0HDBOT')).toBe(
      'open a ticket for @pat in #general',
    );
  });

  it('keeps links as URLs and decodes entities', () => {
    expect(
      slackTextToPlain(
        'see <https://example.com/a?b=1&amp;c=2> and <https://example.com|example.com> &lt;3 <mailto:a@b.co|a@b.co>',
      ),
    ).toBe('see https://example.com/a?b=1&c=2 and https://example.com <3 a@b.co');
    expect(slackTextToPlain('<https://example.com/pixel|the pixel guide>')).toBe(
      'the pixel guide (https://example.com/pixel)',
    );
  });

  it('keeps line breaks of a description', () => {
    expect(slackTextToPlain('line one  \n  line two')).toBe('line one\nline two');
  });
});

describe('mrkdwn', () => {
  it('escapes &, < and >', () => {
    expect(escapeMrkdwn('<!here> & <@U1>')).toBe('&lt;!here&gt; &amp; &lt;@U1&gt;');
  });

  it('turns the bot markdown into mrkdwn, only for http(s) and mailto links', () => {
    expect(toMrkdwn('**Done**: _see_ [guide](https://x.example/a_b) or [bad](javascript:alert(1))')).toBe(
      '*Done*: _see_ <https://x.example/a_b|guide> or [bad](javascript:alert(1))',
    );
  });

  it('keeps backslash-escaped characters (words a user typed) literal: no hidden link, no bold', () => {
    expect(
      toMrkdwn('Nora: \\[the shared folder\\](https://evil.example/login) and \\*\\*not bold\\*\\*'),
    ).toBe('Nora: [the shared folder](https://evil.example/login) and ∗∗not bold∗∗');
    expect(toMrkdwn('a \\\\ backslash, **bold**')).toBe('a \\ backslash, *bold*');
  });
});
