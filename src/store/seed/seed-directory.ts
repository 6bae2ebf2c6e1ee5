import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import { z } from 'zod';
import type { Db } from '../prisma-client.js';

const directorySchema = z.object({
  accounts: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      kind: z.enum(['brand', 'partner']),
      partnerPageUrl: z.string().url().optional(),
      enterprise: z.boolean().default(false),
    }),
  ),
  users: z.array(
    z.object({
      id: z.string(),
      displayName: z.string(),
      email: z.string().email(),
      role: z.enum(['requester', 'agent', 'admin']),
      kind: z.enum(['brand', 'partner']),
      accountId: z.string(),
      identities: z.array(z.string().regex(/^(web|console|slack|teams):.+$/)),
      agent: z.object({ maxChats: z.number().int().min(1), teams: z.array(z.string()) }).optional(),
    }),
  ),
  teams: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      timezone: z.string(),
      businessHours: z.record(z.string(), z.tuple([z.string(), z.string()])),
      issueTypes: z.array(z.string()),
    }),
  ),
});

export type SeedDirectory = z.infer<typeof directorySchema>;

export async function readSeedDirectory(file: string): Promise<SeedDirectory> {
  return directorySchema.parse(parse(await readFile(file, 'utf8')));
}

/** Loads accounts, users, identities, agents and teams; running it again changes nothing. */
export async function seedDirectory(db: Db, directory: SeedDirectory): Promise<void> {
  for (const a of directory.accounts) {
    const data = {
      name: a.name,
      kind: a.kind,
      partnerPageUrl: a.partnerPageUrl ?? null,
      enterprise: a.enterprise,
    };
    await db.account.upsert({ where: { id: a.id }, create: { id: a.id, ...data }, update: {} });
  }
  for (const t of directory.teams) {
    const data = {
      name: t.name,
      timezone: t.timezone,
      businessHours: JSON.stringify(t.businessHours),
      issueTypes: JSON.stringify(t.issueTypes),
    };
    await db.team.upsert({ where: { id: t.id }, create: { id: t.id, ...data }, update: {} });
  }
  for (const u of directory.users) {
    await db.user.upsert({
      where: { id: u.id },
      create: {
        id: u.id,
        displayName: u.displayName,
        email: u.email,
        role: u.role,
        kind: u.kind,
        accountId: u.accountId,
      },
      update: {},
    });
    for (const identity of u.identities) {
      const [channel, externalId] = splitIdentity(identity);
      await db.channelIdentity.upsert({
        where: { channel_workspace_externalId: { channel, workspace: '', externalId } },
        create: { userId: u.id, channel, workspace: '', externalId },
        update: {},
      });
    }
    if (u.agent) {
      await db.agentProfile.upsert({
        where: { userId: u.id },
        create: { userId: u.id, maxChats: u.agent.maxChats },
        update: {},
      });
      for (const teamId of u.agent.teams) {
        await db.teamMember.upsert({
          where: { teamId_agentId: { teamId, agentId: u.id } },
          create: { teamId, agentId: u.id },
          update: {},
        });
      }
    }
  }
}

function splitIdentity(identity: string): [string, string] {
  const i = identity.indexOf(':');
  return [identity.slice(0, i), identity.slice(i + 1)];
}
