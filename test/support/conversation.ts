import { pino } from 'pino';
import { type App, type AppOptions, createApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import type { TurnResult } from '../../src/core/bot.js';
import type { ChannelName, InboundAttachment } from '../../src/core/inbound-message.js';
import type { Action, Reply } from '../../src/core/reply.js';
import { replyToPlainText } from '../../src/core/reply.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';

export interface TestBot {
  readonly app: App;
  readonly database: TestDatabase;
  /** A chat as one user (by channel identity: web "alice", "pat", "sam"...). */
  chat(user: string, options?: { channel?: ChannelName; conversationKey?: string }): Chat;
  close(): Promise<void>;
}

/** The whole bot on a fresh migrated database (no HTTP unless asked). */
export async function startTestBot(
  provider: 'sqlite' | 'postgresql',
  options: AppOptions & { env?: Record<string, string> } = {},
): Promise<TestBot> {
  const database = await createTestDatabase(provider);
  const config = loadConfig({ DATABASE_URL: database.url, PORT: '0', LOG_LEVEL: 'silent', ...options.env });
  const app = await createApp(config, { http: false, logger: pino({ level: 'silent' }), ...options });
  await app.start();
  let n = 0;
  return {
    app,
    database,
    chat: (user, o = {}) =>
      new Chat(app, user, o.channel ?? 'web', o.conversationKey ?? `test-${user}-${++n}`),
    async close() {
      await app.stop();
      await database.drop();
    },
  };
}

/** Drives one conversation like a transcript: say, click, read the bot's answers. */
export class Chat {
  replies: Reply[] = [];
  last: TurnResult | null = null;

  constructor(
    readonly app: App,
    readonly user: string,
    readonly channel: ChannelName,
    readonly conversationKey: string,
  ) {}

  async say(text: string, attachments: InboundAttachment[] = []): Promise<Reply[]> {
    return this.send({ text, attachments });
  }

  /** Clicks the button (or choice) with this label in the latest replies. */
  async click(label: string | RegExp, formValues?: Record<string, string>): Promise<Reply[]> {
    const action = this.findAction(label);
    const value = formValues ? { ...action.value, form: formValues } : action.value;
    return this.send({ text: '', value });
  }

  async send(input: {
    text: string;
    value?: Record<string, unknown>;
    attachments?: InboundAttachment[];
    eventId?: string;
  }): Promise<Reply[]> {
    this.last = await this.app.bot.handle({
      eventId: input.eventId,
      channel: this.channel,
      workspace: '',
      conversationKey: this.conversationKey,
      user: { externalId: this.user },
      text: input.text,
      value: input.value,
      attachments: input.attachments ?? [],
    });
    this.replies = [...this.last.replies];
    return this.replies;
  }

  /** All text of the latest replies, one string (cards, choices and lists flattened). */
  text(): string {
    return this.replies.map(replyToPlainText).join('\n');
  }

  intent(): string | null {
    return this.last?.intent?.name ?? null;
  }

  actions(): Action[] {
    const out: Action[] = [];
    for (const r of this.replies) {
      if (r.type === 'choices') out.push(...r.choices);
      if (r.type === 'card') out.push(...r.actions);
      if (r.type === 'list') out.push(...r.actions, ...r.items.flatMap((i) => i.actions));
      if (r.type === 'form') out.push(r.submit, ...(r.cancel ? [r.cancel] : []));
    }
    return out;
  }

  private findAction(label: string | RegExp): Action {
    const action = this.actions().find((a) =>
      typeof label === 'string' ? a.label === label : label.test(a.label),
    );
    if (!action?.value) {
      throw new Error(
        `No button "${String(label)}" in: ${
          this.actions()
            .map((a) => a.label)
            .join(' | ') || '(none)'
        }`,
      );
    }
    return action as Action;
  }
}
