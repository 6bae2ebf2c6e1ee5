import type { AppModule } from '../../app-module.js';
import { createSlackChannel, type SlackChannelOptions } from './slack-channel.js';

/**
 * Slack: the whole bot in DMs, mentions, `/helpdesk`, modals, App Home and the
 * agents' channel. Does nothing unless SLACK_BOT_TOKEN is set, nor in the
 * terminal chat (no HTTP server), which must not take the bot's Slack traffic.
 */
export function createSlackModule(options: SlackChannelOptions = {}): AppModule {
  return {
    name: 'slack',
    create(services) {
      if (!services.config.SLACK_BOT_TOKEN) return {};
      if (!services.http) {
        services.logger.debug('slack channel not started: this process serves no HTTP (terminal chat)');
        return {};
      }
      // Read when asked, so the handoff module may be created before or after this one.
      const liveChatOpen =
        options.liveChatOpen ?? ((now: Date) => services.shared.liveChatOpen?.(now) ?? Promise.resolve(true));
      return { channels: [createSlackChannel(services, { ...options, liveChatOpen })] };
    },
  };
}

/** The Slack module with its defaults (see src/app-modules.ts). */
export const slackModule: AppModule = createSlackModule();
