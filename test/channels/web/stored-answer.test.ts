import { describe, expect, it } from 'vitest';
import { storedAnswer } from '../../../src/channels/web/stored-answer.js';
import type { WebChatMessage } from '../../../src/channels/web/web-chat-api.js';

let id = 0;
const user = (text: string): WebChatMessage => ({ id: ++id, author: 'user', reply: { type: 'text', text } });
const bot = (text: string): WebChatMessage => ({ id: ++id, author: 'bot', reply: { type: 'text', text } });
const agent = (text: string): WebChatMessage => ({
  id: ++id,
  author: 'agent',
  reply: { type: 'text', text },
});

describe('the stored answer to a message sent again', () => {
  it("is the bot's replies after the latest user message with its text, up to the next user message", () => {
    const messages = [
      user('hi'),
      bot('Hello!'),
      user('help'),
      bot('Menu'),
      bot('More'),
      user('thanks'),
      bot('Welcome'),
    ];
    expect(storedAnswer(messages, 'help').map((r) => r.type === 'text' && r.text)).toEqual(['Menu', 'More']);
    expect(storedAnswer(messages, 'thanks').map((r) => r.type === 'text' && r.text)).toEqual(['Welcome']);
  });

  it("leaves out an agent's message that came in between, and takes the latest of the same words", () => {
    const messages = [user('yes'), bot('first'), user('yes'), agent('Hi, Sam here'), bot('second')];
    expect(storedAnswer(messages, 'yes').map((r) => r.type === 'text' && r.text)).toEqual(['second']);
  });

  it('falls back to the latest user message (a pressed button is stored without text), and to nothing', () => {
    expect(storedAnswer([user('hi'), bot('Hello!'), user(''), bot('Form')], '').map((r) => r.type)).toEqual([
      'text',
    ]);
    expect(storedAnswer([user('hi'), bot('Hello!'), user('x'), bot('Form')], 'cut text')).toHaveLength(1);
    expect(storedAnswer([bot('Hello!')], 'hi')).toEqual([]);
  });
});
