import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';

describe('config', () => {
  it('runs with no environment at all on SQLite under data/ and 127.0.0.1:3000', () => {
    const c = loadConfig({});
    expect(c.HOST).toBe('127.0.0.1');
    expect(c.PORT).toBe(3000);
    expect(c.databaseUrl).toMatch(/^file:.*data\/helpdesk\.db$/);
    expect(c.slackEnabled).toBe(false);
  });

  it('treats an empty setting as unset, so PORT= keeps port 3000 rather than a random one', () => {
    const c = loadConfig({ PORT: '', MAX_MESSAGE_CHARS: ' ', HOST: '' });
    expect(c.PORT).toBe(3000);
    expect(c.MAX_MESSAGE_CHARS).toBe(8000);
    expect(c.HOST).toBe('127.0.0.1');
  });

  it('fails fast with a clear message on a bad value', () => {
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(/PORT/);
    expect(() => loadConfig({ MICROSOFT_APP_TYPE: 'Nope' })).toThrow(/MICROSOFT_APP_TYPE/);
  });

  it('reads DOCS_WATCH as on or off, and refuses anything else', () => {
    expect(loadConfig({}).DOCS_WATCH).toBe(false);
    for (const off of ['0', 'false', 'no', 'off', 'FALSE'])
      expect(loadConfig({ DOCS_WATCH: off }).DOCS_WATCH).toBe(false);
    for (const on of ['1', 'true', 'yes', 'on', 'True'])
      expect(loadConfig({ DOCS_WATCH: on }).DOCS_WATCH).toBe(true);
    expect(() => loadConfig({ DOCS_WATCH: 'sometimes' })).toThrow(/DOCS_WATCH/);
  });

  it('requires a bearer token when the server is reachable from other machines', () => {
    expect(() => loadConfig({ HOST: '0.0.0.0' })).toThrow(/WEB_AUTH_TOKEN/);
    expect(loadConfig({ HOST: '0.0.0.0', WEB_AUTH_TOKEN: 's3cret' }).loopback).toBe(false);
  });

  it('reads the agent console token apart from the web chat token', () => {
    expect(loadConfig({ WEB_AUTH_TOKEN: 'chat' }).AGENT_CONSOLE_TOKEN).toBeUndefined();
    expect(loadConfig({ AGENT_CONSOLE_TOKEN: ' desk ' }).AGENT_CONSOLE_TOKEN).toBe('desk');
  });

  it('reads ALLOWED_HOSTS as a list of host names, and refuses URLs or ports', () => {
    expect(loadConfig({}).ALLOWED_HOSTS).toEqual([]);
    expect(loadConfig({ ALLOWED_HOSTS: ' Help.Example.com, desk.example.com., ,' }).ALLOWED_HOSTS).toEqual([
      'help.example.com',
      'desk.example.com',
    ]);
    expect(() => loadConfig({ ALLOWED_HOSTS: 'https://help.example.com' })).toThrow(/ALLOWED_HOSTS/);
    expect(() => loadConfig({ ALLOWED_HOSTS: 'help.example.com:443' })).toThrow(/ALLOWED_HOSTS/);
  });

  it('needs a signing secret or an app token with a Slack bot token', () => {
    expect(() => loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1' })).toThrow(/SLACK_SIGNING_SECRET/);
    expect(loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's' }).slackEnabled).toBe(true);
  });

  it('offers phone support and customer success booking only when they are set', () => {
    const none = loadConfig({});
    expect(none.SUPPORT_PHONE).toBeUndefined();
    expect(none.CSM_BOOKING_URL).toBeUndefined();
    const set = loadConfig({
      SUPPORT_PHONE: ' +1 555 0100 ',
      CSM_BOOKING_URL: 'https://book.example.com/csm',
    });
    expect(set.SUPPORT_PHONE).toBe('+1 555 0100');
    expect(set.CSM_BOOKING_URL).toBe('https://book.example.com/csm');
    expect(() => loadConfig({ CSM_BOOKING_URL: 'not a link' })).toThrow(/CSM_BOOKING_URL/);
  });
});
