/**
 * Offline stand-in for Prisma's native schema engine: the same command line and
 * JSON-RPC protocol, served by @prisma/schema-engine-wasm on driver adapters.
 */
import { canConnectToDatabase, createDatabase, dropDatabase, UserFacingError } from './database-commands.js';
import { parseEngineArguments } from './engine-arguments.js';
import { writeEngineError, writeStartLine } from './engine-log.js';
import { serveJsonRpc } from './rpc-server.js';

/** The engines build the wasm package was compiled from. */
const ENGINE_HASH = '59be4fda12412a79eeb9c2ae727b6aa723593323';

async function runCliCommand(command: string, url: string | undefined): Promise<void> {
  if (!url) throw new Error('The schema engine needs --datasource with a url.');
  switch (command) {
    case 'can-connect-to-database':
      return canConnectToDatabase(url);
    case 'create-database':
      await createDatabase(url);
      return;
    case 'drop-database':
      return dropDatabase(url);
    default:
      throw new Error(`Unknown schema engine cli command: ${command}`);
  }
}

const args = parseEngineArguments(process.argv.slice(2));
if (args.version) {
  process.stdout.write(`schema-engine-cli ${ENGINE_HASH}\n`);
} else if (args.cliCommand) {
  writeStartLine(args.cliCommand);
  try {
    await runCliCommand(args.cliCommand, args.datasource?.url);
    process.exit(0);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    writeEngineError(message, error instanceof UserFacingError ? error.code : undefined);
    process.exit(1);
  }
} else {
  serveJsonRpc(args);
}
