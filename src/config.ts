import { resolve } from 'node:path';
import { z } from 'zod';
import { BotError } from './core/errors.js';
import { LOOPBACK_HOSTS } from './http/loopback-hosts.js';

const optionalText = z
  .string()
  .optional()
  .transform((v) => (v && v.trim() !== '' ? v.trim() : undefined));

/** An on/off setting: 1/true/yes/on or 0/false/no/off, any letter case; unset is off. */
const onOff = z
  .string()
  .optional()
  .transform((v, ctx) => {
    const word = (v ?? '').trim().toLowerCase();
    if (['', '0', 'false', 'no', 'off'].includes(word)) return false;
    if (['1', 'true', 'yes', 'on'].includes(word)) return true;
    ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'must be 1/true/yes/on or 0/false/no/off' });
    return z.NEVER;
  });

const envSchema = z.object({
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DATABASE_URL: optionalText,
  DATA_DIR: z.string().default('data'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  WEB_AUTH_TOKEN: optionalText,
  /**
   * The agent console's own bearer token (apart from the web chat's). Without it the console
   * answers only while HOST is a loopback address.
   */
  AGENT_CONSOLE_TOKEN: optionalText,
  /**
   * Host names (comma-separated) under which browsers may reach the agent console and web chat
   * API besides HOST, localhost and IP addresses: a reverse proxy's public name, for example.
   */
  ALLOWED_HOSTS: z
    .string()
    .optional()
    .transform((v) =>
      (v ?? '')
        .split(',')
        .map((name) => name.trim().toLowerCase().replace(/\.$/, ''))
        .filter(Boolean),
    )
    .refine(
      (names) => names.every((n) => /^[a-z0-9_.-]+$/.test(n)),
      'must be host names separated by commas (no scheme, port or path)',
    ),
  MAX_MESSAGE_CHARS: z.coerce.number().int().min(100).max(100_000).default(8000),
  /** Web chat messages a minute from one remote address (half a minute's worth may come at once); 0: no limit. */
  WEB_CHAT_LIMIT_PER_ADDRESS: z.coerce.number().int().min(0).default(120),
  /** Web chat messages a minute from one web user, whatever the address; 0: no limit. */
  WEB_CHAT_LIMIT_PER_USER: z.coerce.number().int().min(0).default(30),
  DOCS_DIR: z.string().default('content/docs'),
  DOCS_BASE_URL: z.string().url().default('https://help.example.com/articles'),
  DOCS_WATCH: onOff,
  TICKET_BASE_URL: z.string().url().default('https://support.example.com/tickets'),
  TICKET_REOPEN_DAYS: z.coerce.number().int().min(0).max(365).default(30),
  HANDOFF_CLAIM_TIMEOUT_MIN: z.coerce.number().min(0.05).default(5),
  HANDOFF_AGENT_REMINDER_MIN: z.coerce.number().min(0.05).default(3),
  HANDOFF_USER_IDLE_MIN: z.coerce.number().min(0.05).default(15),
  /** Support's phone number, offered when no agent can take a live chat; not offered when unset. */
  SUPPORT_PHONE: optionalText,
  /** Where enterprise customers book time with their customer success manager; not offered when unset. */
  CSM_BOOKING_URL: optionalText.refine((v) => v === undefined || URL.canParse(v), 'must be a URL'),
  SLACK_BOT_TOKEN: optionalText,
  SLACK_SIGNING_SECRET: optionalText,
  SLACK_APP_TOKEN: optionalText,
  SLACK_API_URL: optionalText,
  SLACK_AGENTS_CHANNEL: optionalText,
  SLACK_TICKET_REACTION: z.string().default('ticket'),
  MICROSOFT_APP_ID: optionalText,
  MICROSOFT_APP_PASSWORD: optionalText,
  MICROSOFT_APP_TENANT_ID: optionalText,
  MICROSOFT_APP_TYPE: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).default('MultiTenant'),
  TEAMS_AGENTS_CHANNEL: optionalText,
});

export type Env = z.infer<typeof envSchema>;

export interface Config extends Env {
  readonly databaseUrl: string;
  readonly loopback: boolean;
  readonly slackEnabled: boolean;
  readonly cacheDir: string;
}

/** Reads and checks the environment once; a wrong value stops the start with a clear message. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty setting (`PORT=` in a .env file) counts as unset, so its default applies: coerced to a
  // number it would otherwise be 0, and PORT=0 means a random port.
  const given = Object.fromEntries(Object.entries(env).filter(([, v]) => v === undefined || v.trim() !== ''));
  const parsed = envSchema.safeParse(given);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new BotError('config_invalid', `Invalid configuration: ${problems}`);
  }
  const e = parsed.data;
  const loopback = LOOPBACK_HOSTS.has(e.HOST);
  if (!loopback && !e.WEB_AUTH_TOKEN) {
    throw new BotError(
      'config_invalid',
      `Invalid configuration: HOST=${e.HOST} is reachable from other machines; set WEB_AUTH_TOKEN to protect the web chat API`,
    );
  }
  if (e.SLACK_BOT_TOKEN && !e.SLACK_APP_TOKEN && !e.SLACK_SIGNING_SECRET) {
    throw new BotError(
      'config_invalid',
      'Invalid configuration: SLACK_BOT_TOKEN is set but neither SLACK_SIGNING_SECRET (HTTP mode) nor SLACK_APP_TOKEN (Socket Mode) is',
    );
  }
  const dataDir = resolve(e.DATA_DIR);
  return {
    ...e,
    databaseUrl: e.DATABASE_URL ?? `file:${resolve(dataDir, 'helpdesk.db')}`,
    loopback,
    slackEnabled: Boolean(e.SLACK_BOT_TOKEN),
    cacheDir: resolve(dataDir, 'cache'),
  };
}
