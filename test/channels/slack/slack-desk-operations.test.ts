import { resolve } from 'node:path';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import type { AppServices } from '../../../src/app-module.js';
import type { SlackAgentDeskDeps } from '../../../src/channels/slack/slack-desk-deps.js';
import { createDeskOperations } from '../../../src/channels/slack/slack-desk-operations.js';
import { BotError } from '../../../src/core/errors.js';
import { loadResponses } from '../../../src/core/responses.js';

/** Desk operations whose ephemeral answers to the agent are recorded. */
async function operations() {
  const told: string[] = [];
  const responses = await loadResponses(resolve('content/responses'));
  const deps = {
    services: { responses } as unknown as AppServices,
    client: {
      chat: {
        postEphemeral: async (args: { text: string }) => {
          told.push(args.text);
          return { ok: true };
        },
      },
    },
    logger: pino({ level: 'silent' }),
  } as unknown as SlackAgentDeskDeps;
  return { ops: createDeskOperations(deps), told };
}

const where = { channel: 'C_AGENTS', user: 'U_AGENT' };

describe('Slack desk operations', () => {
  it("tells the agent the desk's own refusals", async () => {
    const { ops, told } = await operations();
    await ops.attempt(where, async () => {
      throw new BotError('conflict', 'Live chat h1 changed meanwhile; reload it');
    });
    expect(told).toEqual(["That didn't work: Live chat h1 changed meanwhile; reload it"]);
  });

  it("never shows an internal error's message to the agent", async () => {
    const { ops, told } = await operations();
    await ops.attempt(where, async () => {
      throw new Error('connect ECONNREFUSED 10.0.0.7:5432');
    });
    await ops.attempt(where, async () => {
      throw new BotError('internal', 'relay state table corrupt');
    });
    expect(told).toHaveLength(2);
    for (const text of told) {
      expect(text).not.toMatch(/ECONNREFUSED|10\.0\.0\.7|corrupt/);
      expect(text).toMatch(/problem on our side/);
    }
  });
});
