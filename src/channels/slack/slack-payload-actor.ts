import { isDirectMessageChannel } from './slack-reference.js';

/** How someone the bot does not serve is answered, where the request came from. */
export type GuestReach =
  /** Posted in the bot's DM with them (only they see it). */
  | { readonly via: 'dm'; readonly channel: string }
  /** Only they see it, in the channel (and thread) they wrote or clicked in. */
  | { readonly via: 'ephemeral'; readonly channel: string; readonly threadTs?: string }
  /** Through the request's response_url, seen only by them. */
  | { readonly via: 'respond' }
  /** Their App Home tab. */
  | { readonly via: 'home' }
  /** The submitted modal, updated to say it. */
  | { readonly via: 'modal' }
  /** Not answered: they were not talking to the bot (a reply in someone's thread, a closed modal). */
  | { readonly via: 'none' };

/** Who a Slack request comes from and where they would be answered. */
export interface PayloadActor {
  readonly user: string;
  /** Their own team as the payload names it (events: `user_team`, else `team`; interactions: `user.team_id`). */
  readonly team: string | undefined;
  readonly reach: GuestReach;
}

// Edits, deletions, joins and the like are not something the user said to the bot.
const SPOKEN_SUBTYPES = new Set([undefined, 'file_share', 'thread_broadcast']);

type Fields = Readonly<Record<string, unknown>>;

const str = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : undefined;
const obj = (value: unknown): Fields => (value && typeof value === 'object' ? (value as Fields) : {});

/**
 * The person behind an event, click, shortcut or modal the bot acts on (a slash command is checked
 * by its listener once acknowledged: slack-outside-guests.ts `admitCommand`); null for
 * what it does not act on (bots, edits, other reactions, channel messages outside its threads),
 * which go on to the listeners unchecked. `ticketReaction`: the reaction name that files a ticket.
 */
export function actorOf(body: unknown, ticketReaction: string): PayloadActor | null {
  const b = obj(body);
  if (b.type === 'event_callback') return eventActor(obj(b.event), ticketReaction);
  const user = obj(b.user);
  const id = str(user.id);
  if (!id) return null;
  const team = str(user.team_id);
  switch (b.type) {
    case 'block_actions':
      return { user: id, team, reach: clickReach(b) };
    case 'message_action':
    case 'shortcut':
      return { user: id, team, reach: { via: 'respond' } };
    case 'view_submission':
      return { user: id, team, reach: { via: 'modal' } };
    case 'view_closed':
      return { user: id, team, reach: { via: 'none' } };
    default:
      return null;
  }
}

function eventActor(e: Fields, ticketReaction: string): PayloadActor | null {
  const user = str(e.user);
  if (!user || e.bot_id) return null;
  const team = str(e.user_team) ?? str(e.team);
  const channel = str(e.channel) ?? '';
  const threadTs = str(e.thread_ts);
  switch (e.type) {
    case 'message': {
      if (!SPOKEN_SUBTYPES.has(str(e.subtype))) return null;
      if (e.channel_type === 'im' || isDirectMessageChannel(channel))
        return { user, team, reach: { via: 'dm', channel } };
      // A reply in a thread: the bot may follow it (its own answer, a live chat); they are not answered.
      return threadTs && threadTs !== e.ts ? { user, team, reach: { via: 'none' } } : null;
    }
    case 'app_mention':
      return {
        user,
        team,
        reach: isDirectMessageChannel(channel)
          ? { via: 'dm', channel }
          : { via: 'ephemeral', channel, ...(threadTs ? { threadTs } : {}) },
      };
    case 'reaction_added': {
      const item = obj(e.item);
      const itemChannel = str(item.channel);
      if (e.reaction !== ticketReaction || item.type !== 'message' || !itemChannel) return null;
      return { user, team, reach: { via: 'ephemeral', channel: itemChannel } };
    }
    case 'app_home_opened':
      return e.tab === 'home' ? { user, team, reach: { via: 'home' } } : null;
    default:
      return null;
  }
}

/** A button in a message is answered where the message is; in the App Home, there; elsewhere through response_url. */
function clickReach(b: Fields): GuestReach {
  if (obj(b.view).type === 'home') return { via: 'home' };
  const container = obj(b.container);
  const channel = str(container.channel_id) ?? str(obj(b.channel).id);
  if (container.type !== 'message' || !channel || container.is_ephemeral) return { via: 'respond' };
  const threadTs = str(container.thread_ts) ?? str(obj(b.message).thread_ts);
  return { via: 'ephemeral', channel, ...(threadTs ? { threadTs } : {}) };
}
