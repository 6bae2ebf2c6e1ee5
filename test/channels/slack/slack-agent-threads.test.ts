import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAgentThreads, RESERVATION_LEASE_MS } from '../../../src/channels/slack/slack-agent-threads.js';
import { createTestDatabase, type TestDatabase, testProviders } from '../../support/test-database.js';

describe.each(testProviders())('Slack agent threads (%s)', (provider) => {
  let database: TestDatabase;
  let clock = new Date('2026-03-02T09:00:00Z');
  const later = (ms: number) => {
    clock = new Date(clock.getTime() + ms);
  };
  beforeAll(async () => {
    database = await createTestDatabase(provider);
  });
  afterAll(() => database.drop());

  // Two bot instances sharing the database.
  const instance = () => createAgentThreads(database.prisma, { now: () => clock });

  it('lets one instance post an escalation while its reservation is fresh', async () => {
    const [a, b] = [instance(), instance()];
    const reservation = await a.reserve('h_fresh', 'T1');
    expect(reservation).not.toBeNull();
    later(RESERVATION_LEASE_MS - 1000);
    expect(await b.reserve('h_fresh', 'T1')).toBeNull();
    expect(await a.placed('h_fresh', reservation!, { team: 'T1', channel: 'C1', ts: '1.1' })).toBe(true);
    expect(await b.byHandoff('h_fresh')).toEqual({ team: 'T1', channel: 'C1', ts: '1.1' });
    later(RESERVATION_LEASE_MS * 10);
    // A posted message is never taken over, however old.
    expect(await b.reserve('h_fresh', 'T1')).toBeNull();
  });

  it('hands a reservation left by a stopped instance to another once the lease ran out', async () => {
    const [crashed, other] = [instance(), instance()];
    const stale = await crashed.reserve('h_stale', 'T1');
    expect(stale).not.toBeNull();
    later(RESERVATION_LEASE_MS + 1000);
    // Several instances try at once: exactly one takes it over.
    const tries = await Promise.all([other.reserve('h_stale', 'T1'), instance().reserve('h_stale', 'T1')]);
    const taken = tries.filter((r): r is string => r !== null);
    expect(taken).toHaveLength(1);
    // The stopped instance, should it come back, can neither record its post nor drop the new reservation.
    await crashed.release('h_stale', stale!);
    expect(await crashed.placed('h_stale', stale!, { team: 'T1', channel: 'C1', ts: '2.1' })).toBe(false);
    expect(await other.placed('h_stale', taken[0]!, { team: 'T1', channel: 'C1', ts: '2.2' })).toBe(true);
    expect(await other.byHandoff('h_stale')).toEqual({ team: 'T1', channel: 'C1', ts: '2.2' });
    expect(await other.handoffOf('T1', 'C1', '2.2')).toBe('h_stale');
  });

  it('keeps the mark of an escalation whose rewrite failed for every instance, until it is redone', async () => {
    const [failed, restarted] = [instance(), instance()];
    for (const [id, ts] of [
      ['h_claimed', '3.1'],
      ['h_transferred', '3.2'],
    ] as const) {
      const reservation = await failed.reserve(id, 'T1');
      await failed.placed(id, reservation!, { team: 'T1', channel: 'C1', ts });
    }
    // A chat whose escalation is not posted yet has no message to mark.
    await failed.reserve('h_unposted', 'T1');
    expect(await restarted.staleHandoffs()).toEqual([]);

    await failed.markStale('h_claimed', '');
    await failed.markStale('h_transferred', 'needs billing access');
    await failed.markStale('h_unposted', '');
    // Marks of the Teams channel are not the Slack channel's.
    await database.prisma.agentThread.create({
      data: { handoffId: 'h_claimed', channel: 'teams', threadKey: 'T;messageid=1', staleNote: '' },
    });

    expect((await restarted.staleHandoffs()).sort()).toEqual(['h_claimed', 'h_transferred']);
    expect(await restarted.staleNote('h_transferred')).toBe('needs billing access');
    expect(await restarted.staleNote('h_claimed')).toBe('');
    expect(await restarted.staleNote('h_fresh')).toBeNull();

    await restarted.clearStale('h_claimed');
    expect(await failed.staleHandoffs()).toEqual(['h_transferred']);
    expect(await failed.staleNote('h_claimed')).toBeNull();
    const teamsRow = await database.prisma.agentThread.findUniqueOrThrow({
      where: { handoffId_channel: { handoffId: 'h_claimed', channel: 'teams' } },
    });
    expect(teamsRow.staleNote).toBe('');
    // The message itself stays where it was.
    expect(await failed.byHandoff('h_claimed')).toEqual({ team: 'T1', channel: 'C1', ts: '3.1' });
  });

  it('forgets a deleted escalation message, and only that message', async () => {
    const [first, second] = [instance(), instance()];
    const reservation = await first.reserve('h_gone', 'T1');
    await first.placed('h_gone', reservation!, { team: 'T1', channel: 'C1', ts: '4.1' });
    await first.markStale('h_gone', 'note');
    // The Teams card of the same chat is not the Slack message's.
    await database.prisma.agentThread.create({
      data: { handoffId: 'h_gone', channel: 'teams', threadKey: 'T;messageid=4' },
    });

    await first.forget('h_gone', { team: 'T1', channel: 'C1', ts: '4.1' }, null);
    expect(await second.byHandoff('h_gone')).toBeNull();
    expect(await second.handoffOf('T1', 'C1', '4.1')).toBeNull();
    expect(await second.staleHandoffs()).not.toContain('h_gone');
    expect(
      await database.prisma.agentThread.count({ where: { handoffId: 'h_gone', channel: 'teams' } }),
    ).toBe(1);

    // Another instance posted a new message meanwhile: a late forget of the old one leaves it.
    const again = await second.reserve('h_gone', 'T1');
    expect(again).not.toBeNull();
    await second.placed('h_gone', again!, { team: 'T1', channel: 'C1', ts: '4.2' });
    await first.forget('h_gone', { team: 'T1', channel: 'C1', ts: '4.1' }, null);
    expect(await first.byHandoff('h_gone')).toEqual({ team: 'T1', channel: 'C1', ts: '4.2' });
  });

  it("keeps the transfer note of a forgotten message for the chat's next message, until it is posted", async () => {
    const [first, second] = [instance(), instance()];
    const reservation = await first.reserve('h_moved', 'T1');
    await first.placed('h_moved', reservation!, { team: 'T1', channel: 'C1', ts: '5.1' });

    await first.forget('h_moved', { team: 'T1', channel: 'C1', ts: '5.1' }, 'needs billing access');
    expect(await second.byHandoff('h_moved')).toBeNull();
    expect(await second.handoffOf('T1', 'C1', '5.1')).toBeNull();
    expect(await second.staleNote('h_moved')).toBe('needs billing access');
    expect(await second.staleHandoffs()).toContain('h_moved');

    // The new message is refused: the note stays for the next try, which any instance makes at once.
    const refused = await second.reserve('h_moved', 'T1');
    expect(refused).not.toBeNull();
    expect(await first.staleNote('h_moved')).toBe('needs billing access');
    await second.release('h_moved', refused!);
    expect(await first.staleNote('h_moved')).toBe('needs billing access');
    expect(await first.byHandoff('h_moved')).toBeNull();

    // Posted: the message shows the note, nothing is left to redo.
    const again = await first.reserve('h_moved', 'T1');
    expect(again).not.toBeNull();
    expect(await second.reserve('h_moved', 'T1')).toBeNull();
    expect(await first.placed('h_moved', again!, { team: 'T1', channel: 'C1', ts: '5.2' })).toBe(true);
    expect(await second.byHandoff('h_moved')).toEqual({ team: 'T1', channel: 'C1', ts: '5.2' });
    expect(await second.staleNote('h_moved')).toBeNull();
    expect(await second.staleHandoffs()).not.toContain('h_moved');
  });

  it("keeps the note of the chat's latest transfer when the message showing it is refused", async () => {
    const [first, second] = [instance(), instance()];
    const reservation = await first.reserve('h_again', 'T1');
    await first.placed('h_again', reservation!, { team: 'T1', channel: 'C1', ts: '6.1' });
    await first.forget('h_again', { team: 'T1', channel: 'C1', ts: '6.1' }, 'first transfer note');

    // The chat was transferred again: the refused message showed the new note, which replaces the old one.
    const refused = await second.reserve('h_again', 'T1');
    expect(refused).not.toBeNull();
    await second.release('h_again', refused!, 'latest transfer note');
    expect(await first.staleNote('h_again')).toBe('latest transfer note');
    expect(await first.staleHandoffs()).toContain('h_again');
    expect(await first.byHandoff('h_again')).toBeNull();
    // Any instance tries again at once.
    const again = await first.reserve('h_again', 'T1');
    expect(again).not.toBeNull();
    expect(await first.staleNote('h_again')).toBe('latest transfer note');
  });

  it('keeps the note of a refused message of a transferred chat that had no row yet', async () => {
    const [first, second] = [instance(), instance()];
    const reservation = await first.reserve('h_new', 'T1');
    await first.release('h_new', reservation!, 'needs billing access');
    expect(await second.staleNote('h_new')).toBe('needs billing access');
    expect(await second.staleHandoffs()).toContain('h_new');
    expect(await second.byHandoff('h_new')).toBeNull();
    expect(await second.reserve('h_new', 'T1')).not.toBeNull();
  });

  it('drops an older note when the refused message showed no transfer (the chat was claimed since)', async () => {
    const [first, second] = [instance(), instance()];
    const reservation = await first.reserve('h_claimed_since', 'T1');
    await first.placed('h_claimed_since', reservation!, { team: 'T1', channel: 'C1', ts: '7.1' });
    await first.forget('h_claimed_since', { team: 'T1', channel: 'C1', ts: '7.1' }, 'first transfer note');

    const refused = await second.reserve('h_claimed_since', 'T1');
    await second.release('h_claimed_since', refused!, null);
    expect(await first.staleNote('h_claimed_since')).toBeNull();
    expect(await first.staleHandoffs()).not.toContain('h_claimed_since');
    expect(await database.prisma.agentThread.count({ where: { handoffId: 'h_claimed_since' } })).toBe(0);
  });

  it('leaves the reservation that took over a lapsed one alone when the older one is given back', async () => {
    const [crashed, other] = [instance(), instance()];
    const stale = await crashed.reserve('h_late', 'T1');
    later(RESERVATION_LEASE_MS + 1000);
    const taken = await other.reserve('h_late', 'T1');
    expect(taken).not.toBeNull();
    await crashed.release('h_late', stale!, 'a note from before');
    await crashed.release('h_late', stale!, null);
    expect(await other.staleNote('h_late')).toBeNull();
    expect(await other.placed('h_late', taken!, { team: 'T1', channel: 'C1', ts: '8.1' })).toBe(true);
  });

  it('still deletes a refused reservation that carries no note', async () => {
    const a = instance();
    const reservation = await a.reserve('h_plain', 'T1');
    await a.release('h_plain', reservation!);
    expect(await database.prisma.agentThread.count({ where: { handoffId: 'h_plain' } })).toBe(0);
  });
});
