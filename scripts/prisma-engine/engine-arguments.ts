/** Command line of the native schema engine, as the Prisma CLI passes it. */
export interface EngineArguments {
  readonly datamodels: string[];
  readonly datasource: { url?: string; shadowDatabaseUrl?: string } | undefined;
  /** `cli <command>` one-shot commands (can-connect-to-database, create-database, drop-database). */
  readonly cliCommand: string | undefined;
  readonly version: boolean;
}

export function parseEngineArguments(argv: readonly string[]): EngineArguments {
  const datamodels: string[] = [];
  let datasource: EngineArguments['datasource'];
  let cliCommand: string | undefined;
  let version = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const next = () => {
      const value = argv[++i];
      if (value === undefined) throw new Error(`Missing value after ${arg}`);
      return value;
    };
    if (arg === '--datamodels') datamodels.push(next());
    else if (arg === '--datasource') datasource = JSON.parse(next()) as EngineArguments['datasource'];
    else if (arg === '--enabled-preview-features' || arg === '--extension-types') next();
    else if (arg === '--version' || arg === '-V') version = true;
    else if (arg === 'cli') cliCommand = next();
    else throw new Error(`Unknown schema engine argument: ${arg}`);
  }
  return { datamodels, datasource, cliCommand, version };
}
