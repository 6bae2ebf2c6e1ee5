import { describe, expect, it } from 'vitest';
import type { InboundAttachment } from '../../../src/core/inbound-message.js';
import { testProviders } from '../../support/test-database.js';
import { useDeskWithRequesterAndAgent } from './solution-offer-fixture.js';

const file = (name: string, mimeType: string): InboundAttachment => ({
  name,
  mimeType,
  size: 3,
  content: new Uint8Array([1, 2, 3]),
});
const screenshot = file('screenshot.png', 'image/png');
const harFile = file('network.har', 'application/json');

/**
 * An agent typing a solution in the chat for a ticket already on Solution Offered: another solution is
 * one more reply to the requester, told as any reply is, with the files attached to it; the same one
 * again (typed twice) is not sent twice.
 */
describe.each(testProviders())('another solution offered in the chat on %s', (provider) => {
  const scene = useDeskWithRequesterAndAgent(provider, 'another');
  const { fileTicket, toldNora } = scene;

  /** Public replies on the ticket, each with the names of its files. */
  const publicReplies = async (id: number) =>
    (
      await scene.bot.app.services.db.ticketComment.findMany({
        where: { ticketId: id, internal: false },
        orderBy: { id: 'asc' },
        include: { attachments: { select: { name: true }, orderBy: { name: 'asc' } } },
      })
    ).map((c) => ({ body: c.body, files: c.attachments.map((a) => a.name) }));

  it('another solution is told as any reply to the requester is, not as a status change', async () => {
    const id = await fileTicket('Postback URL rejected');
    await scene.sam.say(`solution offered ${id}: Re-save the postback URL.`);
    expect(scene.sam.text()).toContain(`**#${id}** is now **Solution Offered**`);

    await scene.sam.say(`solution offered ${id}: Or allow our IP range in your firewall.`);
    expect(scene.sam.text()).toBe(`Your reply on **#${id}** was sent to the requester.`);
    expect(await publicReplies(id)).toEqual([
      { body: 'Re-save the postback URL.', files: [] },
      { body: 'Or allow our IP range in your firewall.', files: [] },
    ]);
    expect(await toldNora('Or allow our IP range in your firewall.')).toHaveLength(1);
  });

  it('asked for the solution, the answer for a ticket offered one meanwhile is told as a reply too', async () => {
    const id = await fileTicket('Deep link opens the store');
    await scene.sam.say(`set #${id} to solution offered`);
    expect(scene.sam.text()).toContain(`What's the solution for **#${id}**?`);
    // Meanwhile, from the agents' console, a first solution.
    await scene.desk.setStatus(scene.samProfile, id, 'solution_offered', 'Turn on universal links.');
    await scene.sam.say('Regenerate the deep link under Tracking.');
    expect(scene.sam.text()).toBe(`Your reply on **#${id}** was sent to the requester.`);
  });

  it('the files attached to another solution go with it, to the ticket and in what the requester is told', async () => {
    const id = await fileTicket('Clicks counted twice');
    await scene.sam.say(`solution offered ${id}: Remove the second tracking tag.`);
    await scene.sam.say(`solution offered ${id}: The duplicate call shows in this capture.`, [harFile]);
    expect(scene.sam.text()).toBe(`Your reply on **#${id}** was sent to the requester.`);
    expect((await publicReplies(id)).at(-1)).toEqual({
      body: 'The duplicate call shows in this capture.',
      files: ['network.har'],
    });
    const [told] = await toldNora('The duplicate call shows in this capture.');
    expect(told).toContain('Files: network.har');
  });

  it('a file support does not accept is refused with a warning; the accepted ones and the solution go', async () => {
    const id = await fileTicket('Report export empty');
    await scene.sam.say(`solution offered ${id}: Pick a date range first.`);
    await scene.sam.say(`solution offered ${id}: Or use the export tool attached.`, [
      screenshot,
      file('exporter.exe', 'application/octet-stream'),
    ]);
    expect(scene.sam.text()).toContain(`I can't attach **exporter.exe**`);
    expect(scene.sam.text()).toContain(`Your reply on **#${id}** was sent to the requester.`);
    expect((await publicReplies(id)).at(-1)).toEqual({
      body: 'Or use the export tool attached.',
      files: ['screenshot.png'],
    });
  });

  it('the first solution keeps its files too, and the requester hears of them with the status', async () => {
    const id = await fileTicket('Pixel not firing');
    await scene.sam.say(`solution offered ${id}: Move the pixel above the closing body tag.`, [screenshot]);
    expect(scene.sam.text()).toContain(`**#${id}** is now **Solution Offered**`);
    expect(await publicReplies(id)).toEqual([
      { body: 'Move the pixel above the closing body tag.', files: ['screenshot.png'] },
    ]);
    const [told] = await toldNora('Move the pixel above the closing body tag.');
    expect(told).toContain('Files: screenshot.png');
  });

  it('the same solution with the same files again is not sent again; with a new file it is', async () => {
    const id = await fileTicket('Conversions late');
    const solution = 'Set the attribution window to 7 days.';
    await scene.sam.say(`solution offered ${id}: ${solution}`, [screenshot]);
    await scene.sam.say(`solution offered ${id}: ${solution}`, [screenshot]);
    expect(scene.sam.text()).toBe(`**#${id}** already has this solution, so I didn't send it again.`);
    await scene.sam.say(`solution offered ${id}: ${solution}`);
    expect(scene.sam.text()).toBe(`**#${id}** already has this solution, so I didn't send it again.`);
    expect(await publicReplies(id)).toEqual([{ body: solution, files: ['screenshot.png'] }]);
    expect(await toldNora(solution)).toHaveLength(1);

    await scene.sam.say(`solution offered ${id}: ${solution}`, [harFile]);
    expect(scene.sam.text()).toBe(`Your reply on **#${id}** was sent to the requester.`);
    expect(await publicReplies(id)).toEqual([
      { body: solution, files: ['screenshot.png'] },
      { body: solution, files: ['network.har'] },
    ]);
  });
});
