import { request } from 'node:http';
import { pino } from 'pino';
import { type App, createApp } from '../../../../src/app.js';
import type { AppModule } from '../../../../src/app-module.js';
import { loadConfig } from '../../../../src/config.js';
import type { AppMatcher } from '../../../../src/nlu-matcher.js';
import type { DatabaseProvider } from '../../../../src/store/prisma-client.js';
import { createTestDatabase, type TestDatabase } from '../../../support/test-database.js';
import { type ConnectorCall, FakeBotConnector } from './fake-bot-connector.js';
import {
  cardSubmit,
  executeInvoke,
  message,
  personalConversation,
  type TeamsTestUser,
} from './teams-activities.js';

export interface HttpAnswer {
  readonly status: number;
  // biome-ignore lint/suspicious/noExplicitAny: response bodies are free-form JSON read by assertions.
  readonly body: any;
}

/** POSTs an activity to the bot's /api/messages over real HTTP. */
export function postActivity(
  port: number,
  activity: unknown,
  headers: Record<string, string> = {},
): Promise<HttpAnswer> {
  const data = JSON.stringify(activity);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path: '/api/messages',
        method: 'POST',
        headers: {
          'content-type': 'application/json; charset=utf-8',
          'content-length': Buffer.byteLength(data),
          ...headers,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let body: unknown = text;
          try {
            body = text ? JSON.parse(text) : undefined;
          } catch {
            // plain-text answers (CloudAdapter's errors) stay text
          }
          resolve({ status: res.statusCode ?? 0, body });
        });
      },
    );
    req.on('error', reject);
    req.end(data);
  });
}

export interface TeamsTestBot {
  readonly app: App;
  readonly connector: FakeBotConnector;
  readonly database: TestDatabase;
  post(activity: unknown, headers?: Record<string, string>): Promise<HttpAnswer>;
  /** A conversation in Teams as `user` (personal chat unless another conversation is given). */
  chat(user: TeamsTestUser, conversation?: Record<string, unknown> & { id: string }): TeamsChat;
  close(): Promise<void>;
}

/** The whole bot with HTTP on 127.0.0.1 (port 0), a fresh database and a fake Bot Connector. */
export async function startTeamsTestBot(
  provider: DatabaseProvider,
  options: { env?: Record<string, string>; modules?: readonly AppModule[]; matcher?: AppMatcher } = {},
): Promise<TeamsTestBot> {
  const connector = new FakeBotConnector();
  await connector.start();
  const database = await createTestDatabase(provider);
  const config = loadConfig({
    DATABASE_URL: database.url,
    HOST: '127.0.0.1',
    PORT: '0',
    LOG_LEVEL: 'silent',
    ...options.env,
  });
  const app = await createApp(config, {
    logger: pino({ level: process.env.TEAMS_TEST_LOG ?? 'silent' }),
    ...(options.modules ? { modules: options.modules } : {}),
    ...(options.matcher ? { matcher: options.matcher } : {}),
  });
  await app.start();
  const post = (activity: unknown, headers?: Record<string, string>) =>
    postActivity(app.port, activity, headers);
  return {
    app,
    connector,
    database,
    post,
    chat: (user, conversation) =>
      new TeamsChat(post, connector, user, conversation ?? personalConversation(user)),
    async close() {
      await app.stop();
      await connector.close();
      await database.drop();
    },
  };
}

// biome-ignore lint/suspicious/noExplicitAny: Adaptive Card JSON is walked generically.
type Json = any;

/**
 * Drives one Teams conversation like a transcript: say, click a card button
 * (Action.Submit or Action.Execute, with form inputs), read what the bot posted.
 */
export class TeamsChat {
  /** The bot's messages in answer to the last activity (typing indicators left out). */
  replies: ConnectorCall[] = [];
  /** The HTTP answer to the last activity (the invoke response for Action.Execute). */
  answer: HttpAnswer | null = null;
  /** The id of the last activity sent. */
  lastId = '';
  mention = false;

  constructor(
    private readonly post: (activity: unknown) => Promise<HttpAnswer>,
    readonly connector: FakeBotConnector,
    readonly user: TeamsTestUser,
    readonly conversation: Record<string, unknown> & { id: string },
  ) {}

  async say(
    text: string,
    options: { attachments?: Record<string, unknown>[] } = {},
  ): Promise<ConnectorCall[]> {
    return this.send(
      message(this.connector.serviceUrl, this.user, this.conversation, text, {
        mention: this.mention,
        ...(options.attachments ? { attachments: options.attachments } : {}),
      }),
    );
  }

  /** Clicks the button with this label in the latest cards, filling `form` inputs by id. */
  async click(label: string | RegExp, form: Record<string, string> = {}): Promise<ConnectorCall[]> {
    const { action, messageId } = this.findAction(label);
    if (action.type === 'Action.Execute') {
      const activity = executeInvoke(
        this.connector.serviceUrl,
        this.user,
        this.conversation,
        { verb: action.verb, title: action.title, data: { ...action.data, ...form } },
        messageId,
      );
      return this.send(activity);
    }
    if (action.type !== 'Action.Submit')
      throw new Error(`"${action.title}" is a ${action.type}, not a postback`);
    const value = action.associatedInputs === 'none' ? { ...action.data } : { ...action.data, ...form };
    return this.send(cardSubmit(this.connector.serviceUrl, this.user, this.conversation, value, messageId));
  }

  async send(activity: Record<string, unknown>): Promise<ConnectorCall[]> {
    this.lastId = String(activity.id);
    const before = this.connector.calls.length;
    this.answer = await this.post(activity);
    if (this.answer.status >= 300)
      throw new Error(`HTTP ${this.answer.status}: ${JSON.stringify(this.answer.body)}`);
    this.replies = this.connector.calls
      .slice(before)
      .filter((c) => c.activityId === this.lastId && c.body?.type === 'message');
    return this.replies;
  }

  /** The cards of the latest answer: posted cards, or the card an Action.Execute answer put in place. */
  cards(): Json[] {
    const posted = this.replies.flatMap((r) =>
      (r.body.attachments ?? [])
        .filter((a: Json) => a.contentType === 'application/vnd.microsoft.card.adaptive')
        .map((a: Json) => a.content),
    );
    const invoked =
      this.answer?.body?.type === 'application/vnd.microsoft.card.adaptive' ? [this.answer.body.value] : [];
    return [...posted, ...invoked];
  }

  /** Everything readable in the latest answer: message texts, text blocks, facts, input labels. */
  text(): string {
    const lines: string[] = this.replies.map((r) => r.body.text).filter(Boolean);
    for (const card of this.cards()) collectText(card, lines);
    return lines.join('\n');
  }

  /** Labels of the buttons in the latest cards. */
  actions(): string[] {
    return this.cards().flatMap((card) => allActions(card).map((a) => a.title as string));
  }

  private findAction(label: string | RegExp): { action: Json; messageId: string } {
    const sources: Array<{ card: Json; messageId: string }> = [
      ...this.replies.flatMap((r) =>
        (r.body.attachments ?? []).map((a: Json) => ({ card: a.content, messageId: r.newId ?? this.lastId })),
      ),
      ...(this.answer?.body?.type === 'application/vnd.microsoft.card.adaptive'
        ? [{ card: this.answer.body.value, messageId: this.lastId }]
        : []),
    ];
    for (const { card, messageId } of sources) {
      const action = allActions(card).find((a) =>
        typeof label === 'string' ? a.title === label : label.test(String(a.title)),
      );
      if (action) return { action, messageId };
    }
    throw new Error(`No button "${String(label)}" in: ${this.actions().join(' | ') || '(none)'}`);
  }
}

/** Every action of a card: top level, in action sets, and inside Action.ShowCard cards. */
export function allActions(card: Json): Json[] {
  const out: Json[] = [];
  const visitActions = (actions: Json[] | undefined) => {
    for (const a of actions ?? []) {
      out.push(a);
      if (a.type === 'Action.ShowCard') visitElements(a.card?.body, a.card?.actions);
    }
  };
  const visitElements = (elements: Json[] | undefined, actions?: Json[]) => {
    for (const e of elements ?? []) {
      if (e.type === 'ActionSet') visitActions(e.actions);
      visitElements(e.items);
    }
    visitActions(actions);
  };
  visitElements(card?.body, card?.actions);
  return out;
}

function collectText(card: Json, lines: string[]): void {
  const visit = (elements: Json[] | undefined) => {
    for (const e of elements ?? []) {
      if (e.type === 'TextBlock') lines.push(e.text);
      if (e.type === 'FactSet') for (const f of e.facts) lines.push(`${f.title}: ${f.value}`);
      if (typeof e.type === 'string' && e.type.startsWith('Input.') && e.label) lines.push(e.label);
      visit(e.items);
    }
  };
  visit(card?.body);
}
