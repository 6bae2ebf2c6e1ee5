import { describe, expect, it } from 'vitest';
import { testProviders } from '../../support/test-database.js';
import { useDeskWithRequesterAndAgent } from './solution-offer-fixture.js';

/**
 * A solution submitted twice (a double click, a retried request, the same modal sent again) reaches
 * the requester once: every desk sets Solution Offered through the ticket service.
 */
describe.each(testProviders())('the same solution offered twice on %s', (provider) => {
  const scene = useDeskWithRequesterAndAgent(provider, 'twice');
  const { fileTicket, publicReplies, timesToldNora: toldNora } = scene;
  const history = async (id: number) =>
    (
      await scene.bot.app.services.db.ticketEvent.findMany({
        where: { ticketId: id },
        orderBy: { id: 'asc' },
      })
    ).map((e) => e.type);

  it('submitted again, white space aside, it is neither sent nor recorded again; the agent hears so', async () => {
    const id = await fileTicket('Pixel fires twice');
    const solution = 'Clear the pixel cache under Settings › Tracking.';
    expect(await scene.desk.setStatus(scene.samProfile, id, 'solution_offered', solution)).toBe('changed');
    expect(
      await scene.desk.setStatus(
        scene.samProfile,
        id,
        'solution_offered',
        `  Clear the pixel  cache\nunder Settings › Tracking. `,
      ),
    ).toBe('solution-already-offered');
    expect((await scene.desk.get(scene.noraProfile, id))?.status).toBe('solution_offered');
    expect(await publicReplies(id)).toEqual([solution]);
    expect(await history(id)).toEqual(['created', 'status', 'comment', 'assign']);
    expect(await toldNora(solution)).toBe(1);
  });

  it('a different solution on a ticket already on Solution Offered is still sent, once', async () => {
    const id = await fileTicket('Postbacks missing');
    await scene.desk.setStatus(scene.samProfile, id, 'solution_offered', 'Re-save the postback URL.');
    const other = 'Or allow our IP range in your firewall.';
    expect(await scene.desk.setStatus(scene.samProfile, id, 'solution_offered', other)).toBe('changed');
    expect(await scene.desk.setStatus(scene.samProfile, id, 'solution_offered', other)).toBe(
      'solution-already-offered',
    );
    expect(await publicReplies(id)).toEqual(['Re-save the postback URL.', other]);
    expect(await toldNora(other)).toBe(1);
  });

  it('two submits at the same moment offer it once, whether the ticket moves or is on Solution Offered already', async () => {
    const id = await fileTicket('Coupon import fails');
    const solution = 'Re-run the coupon import from Promotions › Codes.';
    const first = await Promise.all([
      scene.desk.setStatus(scene.samProfile, id, 'solution_offered', solution),
      scene.desk.setStatus(scene.samProfile, id, 'solution_offered', solution),
    ]);
    expect(first.sort()).toEqual(['changed', 'solution-already-offered']);
    expect(await publicReplies(id)).toEqual([solution]);
    expect(await toldNora(solution)).toBe(1);

    const other = 'Or upload the codes as a CSV file.';
    const again = await Promise.all([
      scene.desk.setStatus(scene.samProfile, id, 'solution_offered', other),
      scene.desk.setStatus(scene.samProfile, id, 'solution_offered', ` ${other}`),
      scene.desk.setStatus(scene.samProfile, id, 'solution_offered', other),
    ]);
    expect(again.filter((r) => r === 'changed')).toHaveLength(1);
    expect(await publicReplies(id)).toEqual([solution, other]);
    expect(await toldNora(other)).toBe(1);
  });

  it("an agent's typed status command sent twice in the chat offers it once and says it was offered already", async () => {
    const id = await fileTicket('Deep link 404');
    const solution = 'Regenerate the deep link under Tracking.';
    await scene.sam.say(`solution offered ${id}: ${solution}`);
    expect(scene.sam.text()).toContain(`**#${id}** is now **Solution Offered**`);
    await scene.sam.say(`solution offered ${id}: ${solution}`);
    expect(scene.sam.text()).toBe(`**#${id}** already has this solution, so I didn't send it again.`);
    expect(await publicReplies(id)).toEqual([solution]);
    expect(await toldNora(solution)).toBe(1);

    await scene.sam.say(`solution offered ${id}: Or re-add the domain.`);
    expect(await publicReplies(id)).toEqual([solution, 'Or re-add the domain.']);
    expect(await toldNora('Or re-add the domain.')).toBe(1);
  });
});
