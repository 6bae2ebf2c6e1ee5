import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { databaseProviderOf, openDatabase } from '../../src/store/prisma-client.js';
import { createTestDatabase, type TestDatabase, testProviders } from '../support/test-database.js';

describe('databaseProviderOf', () => {
  it('tells SQLite and PostgreSQL URLs apart and rejects others', () => {
    expect(databaseProviderOf('file:./data/helpdesk.db')).toBe('sqlite');
    expect(databaseProviderOf('postgres://u@h/db')).toBe('postgresql');
    expect(databaseProviderOf('postgresql://u:secret@h:5432/db')).toBe('postgresql');
    expect(() => databaseProviderOf('mysql://u:secret@h/db')).toThrow(
      /Unsupported database URL "mysql:\/\/u:\*\*\*@h\/db"/,
    );
  });
});

describe('openDatabase on SQLite', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'hd-open-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('creates the missing folder and sets the connection pragmas', async () => {
    const db = await openDatabase(`file:${path.join(dir, 'a', 'b', 'bot.db')}`);
    try {
      expect(db.provider).toBe('sqlite');
      const pragma = async (name: string) =>
        Object.values(
          (await db.prisma.$queryRawUnsafe<Record<string, unknown>[]>(`PRAGMA ${name}`))[0] ?? {},
        )[0];
      expect(await pragma('journal_mode')).toBe('wal');
      expect(Number(await pragma('busy_timeout'))).toBe(5000);
      expect(Number(await pragma('synchronous'))).toBe(1); // NORMAL
      expect(Number(await pragma('foreign_keys'))).toBe(1);
    } finally {
      await db.close();
    }
  });
});

describe.each(testProviders())('openDatabase round trip on %s', (provider) => {
  let db: TestDatabase;
  beforeEach(async () => {
    db = await createTestDatabase(provider);
  });
  afterEach(() => db.drop());

  it('writes and reads models, relations, dates and bytes', async () => {
    const { prisma } = db;
    await prisma.account.create({ data: { id: 'acme', name: 'Acme', kind: 'brand' } });
    const user = await prisma.user.create({
      data: {
        accountId: 'acme',
        displayName: 'Ada',
        role: 'requester',
        kind: 'brand',
        identities: { create: { channel: 'slack', workspace: 'T1', externalId: 'U1' } },
      },
    });
    const joinedAt = new Date('2024-02-29T12:34:56.789Z');
    const partner = await prisma.partner.create({
      data: {
        accountId: 'acme',
        partnerId: 'p-1',
        name: 'Blog Co',
        nameKey: 'blog co',
        contractStatus: 'Active',
        joinedAt,
        joinedVia: 'direct',
        stage: 'Joined',
      },
    });
    const ticket = await prisma.ticket.create({
      data: {
        accountId: 'acme',
        creatorId: user.id,
        subject: 'Payout',
        issueType: 'payments',
        description: 'Missing payout',
        searchText: 'payout missing payout',
        channel: 'slack',
        attachments: {
          create: {
            name: 'a.bin',
            mimeType: 'application/octet-stream',
            size: 3,
            content: Buffer.from([0, 1, 255]),
          },
        },
      },
    });

    const found = await prisma.channelIdentity.findUnique({
      where: { channel_workspace_externalId: { channel: 'slack', workspace: 'T1', externalId: 'U1' } },
      include: { user: { include: { account: true } } },
    });
    expect(found?.user.displayName).toBe('Ada');
    expect(found?.user.account.name).toBe('Acme');
    expect(
      (await prisma.partner.findUniqueOrThrow({ where: { id: partner.id } })).joinedAt?.toISOString(),
    ).toBe(joinedAt.toISOString());
    const attachment = await prisma.attachment.findFirstOrThrow({ where: { ticketId: ticket.id } });
    expect([...(attachment.content ?? [])]).toEqual([0, 1, 255]);
    expect(ticket.id).toBeGreaterThan(0);
  });

  it('enforces foreign keys', async () => {
    await expect(
      db.prisma.user.create({
        data: { accountId: 'nobody', displayName: 'X', role: 'requester', kind: 'brand' },
      }),
    ).rejects.toThrow();
  });

  it('gives each test its own empty database', async () => {
    expect(await db.prisma.account.count()).toBe(0);
  });
});
