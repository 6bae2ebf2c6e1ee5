import type { Activity } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { inboundAttachments, plainText } from '../../../src/channels/teams/teams-inbound.js';

/** What Teams sends is stored as the bot reads it here (an agent's answer in the desk thread too). */
describe('Teams text with control characters', () => {
  it('reads a message without control characters or terminal escape sequences', () => {
    const activity = { text: 'Hi\u0000 there\u001b[2J &#0;now', entities: [] } as Partial<Activity>;
    expect(plainText(activity)).toBe('Hi there now');
  });

  it('keeps a numeric entity past the last character as written instead of failing', () => {
    expect(plainText({ text: 'code &#99999999; and &#x110000;' })).toBe('code &#99999999; and &#x110000;');
  });

  it('reads file names and links without control characters', () => {
    const [file] = inboundAttachments({
      attachments: [
        { contentType: 'image/png', contentUrl: 'https://x.example/a\u0000', name: 're\u0000port\n.png' },
      ],
    });
    expect(file).toMatchObject({ name: 'report .png', url: 'https://x.example/a' });
  });
});
