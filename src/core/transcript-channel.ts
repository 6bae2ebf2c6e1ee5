import type { Channel } from './channel.js';
import type { ChannelName } from './inbound-message.js';

/**
 * A chat without push (the web page polls, the terminal reads the transcript): a
 * proactive message is delivered by joining the transcript, which the outbox
 * dispatcher writes, so any process on the database can deliver it.
 */
export function createTranscriptChannel(name: ChannelName): Channel {
  return {
    name,
    start: async () => undefined,
    stop: async () => undefined,
    deliver: async () => undefined,
  };
}
