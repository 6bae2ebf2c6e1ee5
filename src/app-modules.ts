import type { AppModule } from './app-module.js';
import { slackModule } from './channels/slack/slack-module.js';
import { teamsModule } from './channels/teams/teams-module.js';
import { docsModule } from './skills/docs/docs-module.js';
import { handoffModule } from './skills/handoff/handoff-module.js';
import { partnersModule } from './skills/partners/partners-module.js';
import { ticketsModule } from './skills/tickets/tickets-module.js';

/** Every feature module of the bot, in dependency order (a module may use what earlier ones share). */
export const appModules: readonly AppModule[] = [
  docsModule,
  ticketsModule,
  partnersModule,
  handoffModule,
  slackModule,
  teamsModule,
];
