import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';

/**
 * `npm run chat` as a real process with piped stdin and stdout (not a TTY), on `databaseUrl`.
 * `type` sends a line and waits for the prompt after its answer; `waitFor` waits for output.
 */
export interface TerminalChat {
  output(): string;
  /** Types a line and waits until the terminal prompts again. */
  type(line: string): Promise<void>;
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<void>;
  /** Types "exit" and waits for the process to end. */
  exit(): Promise<void>;
  kill(): void;
}

const PROMPT = 'you › ';

export function startTerminalChat(databaseUrl: string, env: Record<string, string> = {}): TerminalChat {
  const child: ChildProcessWithoutNullStreams = spawn(
    process.execPath,
    ['--import', 'tsx', 'src/channels/console/console-main.ts'],
    {
      env: { ...process.env, DATABASE_URL: databaseUrl, CHAT_USER: 'alice', LOG_LEVEL: 'silent', ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    },
  );
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => {
    out += d.toString();
  });
  child.stderr.on('data', (d: Buffer) => {
    err += d.toString();
  });
  const closed = new Promise<number | null>((resolve) => child.on('close', resolve));
  const prompts = () => out.split(PROMPT).length - 1;
  const waitUntil = async (done: () => boolean, what: string, timeoutMs: number) => {
    const deadline = Date.now() + timeoutMs;
    while (!done()) {
      if (Date.now() > deadline) throw new Error(`no ${what} in terminal output:\n${out}\n${err}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  return {
    output: () => out,
    async type(line) {
      const before = prompts();
      child.stdin.write(`${line}\n`);
      await waitUntil(() => prompts() > before, 'prompt', 120_000);
    },
    waitFor: (pattern, timeoutMs = 60_000) => waitUntil(() => pattern.test(out), String(pattern), timeoutMs),
    async exit() {
      child.stdin.end('exit\n');
      const code = await closed;
      if (code !== 0) throw new Error(`exit ${code}: ${err}`);
    },
    kill: () => child.kill(),
  };
}

/** Types each line after the previous answer, then "exit"; returns everything printed. */
export async function runTerminalChat(
  databaseUrl: string,
  lines: readonly string[],
  env: Record<string, string> = {},
): Promise<string> {
  const chat = startTerminalChat(databaseUrl, env);
  try {
    // Starting takes a while (migrations, the intent classifier), longer on a loaded machine.
    await chat.waitFor(/you › $/, 150_000);
    for (const line of lines) await chat.type(line);
    await chat.exit();
    return chat.output();
  } finally {
    chat.kill();
  }
}
