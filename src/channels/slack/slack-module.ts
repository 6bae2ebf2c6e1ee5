import type { AppModule } from '../../app-module.js';
import { createSlackChannel } from './slack-channel.js';

/**
 * Slack: the whole bot in DMs, mentions, `/helpdesk`, modals, App Home and the
 * agents' channel. Does nothing unless SLACK_BOT_TOKEN is set.
 */
export const slackModule: AppModule = {
  name: 'slack',
  create(services) {
    if (!services.config.SLACK_BOT_TOKEN) return {};
    return { channels: [createSlackChannel(services)] };
  },
};
