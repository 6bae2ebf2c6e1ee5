import { createApp } from './app.js';
import { type Config, loadConfig } from './config.js';
import { startupErrorMessage } from './main-startup-error.js';

process.env.DOTENV_CONFIG_QUIET ??= 'true';

/** Known once the settings are read, so a start-up failure can name the setting to change. */
let loaded: Config | null = null;

async function main(): Promise<void> {
  const config = loadConfig();
  loaded = config;
  const app = await createApp(config);
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.services.logger.info({ signal }, 'shutting down: finishing turns in flight');
    const force = setTimeout(() => process.exit(1), 15_000);
    force.unref();
    app.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        app.services.logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
  await app.start();
  const url = `http://${config.HOST.includes(':') ? `[${config.HOST}]` : config.HOST}:${app.port}`;
  process.stdout.write(`\nHelp desk bot is running. Web chat: ${url}  (terminal chat: npm run chat)\n\n`);
}

main().catch((error: unknown) => {
  const message = startupErrorMessage(error, loaded, loaded?.LOG_LEVEL ?? process.env.LOG_LEVEL);
  process.stderr.write(`Could not start the help desk bot: ${message}\n`);
  process.exit(1);
});
