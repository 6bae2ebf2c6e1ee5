import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UserProfile } from '../../../src/domain/user.js';
import type { TicketDesk } from '../../../src/skills/tickets/ticket-desk.js';
import type { Chat } from '../../support/conversation.js';
import { testProviders } from '../../support/test-database.js';
import { startTicketBot, type TicketBot } from './ticket-test-bot.js';

/**
 * A solution submitted twice (a double click, a retried request, the same modal sent again) reaches
 * the requester once: every desk sets Solution Offered through the ticket service.
 */
describe.each(testProviders())('the same solution offered twice on %s', (provider) => {
  let bot: TicketBot;
  let desk: TicketDesk;
  let nora: Chat;
  let sam: Chat;
  let noraProfile: UserProfile;
  let samProfile: UserProfile;
  let n = 0;

  async function file(subject: string): Promise<number> {
    const ticket = await desk.create({
      requester: noraProfile,
      subject,
      issueType: 'other',
      description: `${subject}: details for support.`,
      channel: 'web',
      conversationId: nora.last?.conversationId ?? null,
      idempotencyKey: `${provider}-twice-${++n}`,
    });
    return ticket.id;
  }

  const publicReplies = async (id: number) =>
    (
      await bot.app.services.db.ticketComment.findMany({
        where: { ticketId: id, internal: false },
        orderBy: { id: 'asc' },
      })
    ).map((c) => c.body);
  const history = async (id: number) =>
    (await bot.app.services.db.ticketEvent.findMany({ where: { ticketId: id }, orderBy: { id: 'asc' } })).map(
      (e) => e.type,
    );
  const toldNora = async (text: string) =>
    (await bot.notifications(nora)).filter((told) => told.includes(text)).length;

  beforeAll(async () => {
    bot = await startTicketBot(provider);
    desk = bot.app.services.shared.tickets as TicketDesk;
    nora = bot.chat('nora');
    sam = bot.chat('sam');
    await nora.say('hello');
    await sam.say('hello');
    noraProfile = nora.last!.user;
    samProfile = sam.last!.user;
  });
  afterAll(() => bot.close());

  it('submitted again, white space aside, it is neither sent nor recorded again; the agent hears so', async () => {
    const id = await file('Pixel fires twice');
    const solution = 'Clear the pixel cache under Settings › Tracking.';
    expect(await desk.setStatus(samProfile, id, 'solution_offered', solution)).toBe('changed');
    expect(
      await desk.setStatus(
        samProfile,
        id,
        'solution_offered',
        `  Clear the pixel  cache\nunder Settings › Tracking. `,
      ),
    ).toBe('solution-already-offered');
    expect((await desk.get(noraProfile, id))?.status).toBe('solution_offered');
    expect(await publicReplies(id)).toEqual([solution]);
    expect(await history(id)).toEqual(['created', 'status', 'comment', 'assign']);
    expect(await toldNora(solution)).toBe(1);
  });

  it('a different solution on a ticket already on Solution Offered is still sent, once', async () => {
    const id = await file('Postbacks missing');
    await desk.setStatus(samProfile, id, 'solution_offered', 'Re-save the postback URL.');
    const other = 'Or allow our IP range in your firewall.';
    expect(await desk.setStatus(samProfile, id, 'solution_offered', other)).toBe('changed');
    expect(await desk.setStatus(samProfile, id, 'solution_offered', other)).toBe('solution-already-offered');
    expect(await publicReplies(id)).toEqual(['Re-save the postback URL.', other]);
    expect(await toldNora(other)).toBe(1);
  });

  it('two submits at the same moment offer it once, whether the ticket moves or is on Solution Offered already', async () => {
    const id = await file('Coupon import fails');
    const solution = 'Re-run the coupon import from Promotions › Codes.';
    const first = await Promise.all([
      desk.setStatus(samProfile, id, 'solution_offered', solution),
      desk.setStatus(samProfile, id, 'solution_offered', solution),
    ]);
    expect(first.sort()).toEqual(['changed', 'solution-already-offered']);
    expect(await publicReplies(id)).toEqual([solution]);
    expect(await toldNora(solution)).toBe(1);

    const other = 'Or upload the codes as a CSV file.';
    const again = await Promise.all([
      desk.setStatus(samProfile, id, 'solution_offered', other),
      desk.setStatus(samProfile, id, 'solution_offered', ` ${other}`),
      desk.setStatus(samProfile, id, 'solution_offered', other),
    ]);
    expect(again.filter((r) => r === 'changed')).toHaveLength(1);
    expect(await publicReplies(id)).toEqual([solution, other]);
    expect(await toldNora(other)).toBe(1);
  });

  it("an agent's typed status command sent twice in the chat offers it once and says it was offered already", async () => {
    const id = await file('Deep link 404');
    const solution = 'Regenerate the deep link under Tracking.';
    await sam.say(`solution offered ${id}: ${solution}`);
    expect(sam.text()).toContain(`**#${id}** is now **Solution Offered**`);
    await sam.say(`solution offered ${id}: ${solution}`);
    expect(sam.text()).toBe(`**#${id}** already has this solution, so I didn't send it again.`);
    expect(await publicReplies(id)).toEqual([solution]);
    expect(await toldNora(solution)).toBe(1);

    await sam.say(`solution offered ${id}: Or re-add the domain.`);
    expect(await publicReplies(id)).toEqual([solution, 'Or re-add the domain.']);
    expect(await toldNora('Or re-add the domain.')).toBe(1);
  });
});
