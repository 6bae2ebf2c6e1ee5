import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { COMMAND, SHORTCUT_TICKET_FROM_MESSAGE } from '../../../src/channels/slack/slack-action-ids.js';
import { SLACK_EVENTS_PATH } from '../../../src/channels/slack/slack-channel.js';

interface Manifest {
  features: {
    app_home: { home_tab_enabled: boolean; messages_tab_enabled: boolean };
    shortcuts: Array<{ callback_id: string; type: string }>;
    slash_commands: Array<{ command: string; url: string }>;
  };
  oauth_config: { scopes: { bot: string[] } };
  settings: {
    event_subscriptions: { request_url: string; bot_events: string[] };
    interactivity: { is_enabled: boolean; request_url: string };
  };
}

/** The manifest creates an app that sends the bot everything its listeners handle. */
describe('slack/manifest.yml', () => {
  const manifest = parse(readFileSync('slack/manifest.yml', 'utf8')) as Manifest;

  it('points events, interactivity and the slash command at the one Slack endpoint', () => {
    const urls = [
      manifest.settings.event_subscriptions.request_url,
      manifest.settings.interactivity.request_url,
      ...manifest.features.slash_commands.map((c) => c.url),
    ];
    for (const url of urls) expect(new URL(url).pathname).toBe(SLACK_EVENTS_PATH);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
  });

  it('declares the command, the message shortcut and the App Home', () => {
    expect(manifest.features.slash_commands.map((c) => c.command)).toEqual([COMMAND]);
    expect(manifest.features.shortcuts).toContainEqual(
      expect.objectContaining({ type: 'message', callback_id: SHORTCUT_TICKET_FROM_MESSAGE }),
    );
    expect(manifest.features.app_home.home_tab_enabled).toBe(true);
    expect(manifest.features.app_home.messages_tab_enabled).toBe(true);
  });

  it('subscribes to every event the channel listens to, with the scopes they need', () => {
    const events = manifest.settings.event_subscriptions.bot_events;
    expect(events).toEqual(
      expect.arrayContaining([
        'app_home_opened',
        'app_mention',
        'message.im',
        'message.channels',
        'message.groups',
        'reaction_added',
      ]),
    );
    const scopes = manifest.oauth_config.scopes.bot;
    const needs: Record<string, string> = {
      app_mention: 'app_mentions:read',
      'message.im': 'im:history',
      'message.channels': 'channels:history',
      'message.groups': 'groups:history',
      'message.mpim': 'mpim:history',
      reaction_added: 'reactions:read',
    };
    for (const event of events) if (needs[event]) expect(scopes).toContain(needs[event]);
    // Replies, the slash command, the user's DM and e-mail linking.
    expect(scopes).toEqual(
      expect.arrayContaining(['chat:write', 'commands', 'im:write', 'users:read', 'users:read.email']),
    );
  });
});
