import { describe, expect, it } from 'vitest';
import { stripChatMarkup } from '../../src/text/strip-chat-markup.js';

describe('stripChatMarkup', () => {
  it('removes user mentions and keeps channel names and link labels', () => {
    expect(stripChatMarkup('<@U123ABC> see <#C42|payments> and <https://x.io/a|the guide>')).toBe(
      'see payments and the guide https://x.io/a',
    );
  });
  it('removes broadcast mentions, Teams at-tags, emoji and control characters', () => {
    expect(stripChatMarkup('<!channel> <at>Helpdesk</at> help :wave: 🙏\u0007 now')).toBe('help now');
  });
  it('decodes Slack entities and keeps mailto labels only', () => {
    expect(stripChatMarkup('a &amp; b &lt;3 <mailto:x@y.com|x@y.com>')).toBe('a & b <3 x@y.com');
  });
  it('leaves ordinary text alone', () => {
    expect(stripChatMarkup('status of ticket #1042?')).toBe('status of ticket #1042?');
  });
});
