import type { AppModule } from './app-module.js';

/** Every feature module of the bot, in dependency order (a module may use what earlier ones share). */
export const appModules: readonly AppModule[] = [];
