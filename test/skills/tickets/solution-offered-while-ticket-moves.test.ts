import { describe, expect, it } from 'vitest';
import { createTicketDesk } from '../../../src/skills/tickets/database-ticket-desk.js';
import type { TicketDesk } from '../../../src/skills/tickets/ticket-desk.js';
import { createTicketNotifications } from '../../../src/skills/tickets/ticket-notifications.js';
import { createTicketCommentRepository } from '../../../src/store/ticket-comment-repository.js';
import { createTicketQueryRepository } from '../../../src/store/ticket-query-repository.js';
import { createTicketRecipients } from '../../../src/store/ticket-recipients.js';
import { createTicketRepository, type TicketRepository } from '../../../src/store/ticket-repository.js';
import { testProviders } from '../../support/test-database.js';
import { useDeskWithRequesterAndAgent } from './solution-offer-fixture.js';

/**
 * Someone else moves the ticket between the moment an agent's desk reads it and the moment the change
 * is written (the requester's "didn't work" as the agent offers another solution). The desk looks at
 * the ticket again and offers the solution from where it stands now; it never reports a change as made
 * while nothing was recorded or sent.
 */
describe.each(testProviders())('a solution offered while the ticket moves on %s', (provider) => {
  const scene = useDeskWithRequesterAndAgent(provider, 'moves');
  const { fileTicket, publicReplies, timesToldNora: toldNora } = scene;

  /**
   * A desk like the bot's whose store lets `meanwhile` happen right before each change is written:
   * after the desk read the ticket, before the transaction that finds it moved.
   */
  function deskWhere(meanwhile: (attempt: number) => Promise<void>): TicketDesk {
    const { db, users, notifier, responses, config, clock, logger } = scene.bot.app.services;
    const real = createTicketRepository(db);
    let attempt = 0;
    const tickets: TicketRepository = {
      ...real,
      async offerSolution(change) {
        await meanwhile(++attempt);
        return real.offerSolution(change);
      },
      async changeStatus(change) {
        await meanwhile(++attempt);
        return real.changeStatus(change);
      },
    };
    return createTicketDesk({
      tickets,
      comments: createTicketCommentRepository(db),
      queries: createTicketQueryRepository(db),
      users,
      notifications: createTicketNotifications({
        notifier,
        recipients: createTicketRecipients(db),
        users,
        responses,
        ticketBaseUrl: config.TICKET_BASE_URL,
        reopenDays: config.TICKET_REOPEN_DAYS,
        clock,
        logger,
      }),
      reopenDays: config.TICKET_REOPEN_DAYS,
      clock,
      logger,
    });
  }

  const statusOf = async (id: number) =>
    (await scene.bot.app.services.db.ticket.findUniqueOrThrow({ where: { id } })).status;

  it('the requester says the solution did not work as the agent offers another: it is offered from In Progress and sent', async () => {
    const id = await fileTicket('Pixel fires twice');
    await scene.desk.setStatus(scene.samProfile, id, 'solution_offered', 'Clear the pixel cache.');
    const racing = deskWhere(async (attempt) => {
      if (attempt === 1) await scene.desk.comment(scene.noraProfile, id, "That didn't work.");
    });

    expect(await racing.setStatus(scene.samProfile, id, 'solution_offered', 'Or re-add the domain.')).toBe(
      'changed',
    );
    expect(await statusOf(id)).toBe('solution_offered');
    expect(await publicReplies(id)).toEqual([
      'Clear the pixel cache.',
      "That didn't work.",
      'Or re-add the domain.',
    ]);
    expect(await toldNora('Or re-add the domain.')).toBe(1);
  });

  it('from the chat desk too, the agent hears of the status change the solution made, not of a reply', async () => {
    const id = await fileTicket('Postbacks missing');
    await scene.desk.setStatus(scene.samProfile, id, 'solution_offered', 'Re-save the postback URL.');
    const racing = deskWhere(async (attempt) => {
      if (attempt === 1) await scene.desk.comment(scene.noraProfile, id, 'Still missing.');
    });

    const outcome = await racing.changeStatus(scene.samProfile, id, 'solution_offered', {
      comment: 'Allow our IP range in your firewall.',
      commentPublic: true,
    });
    expect(outcome).toMatchObject({ ok: true, ticket: { status: 'solution_offered' } });
    expect(outcome).not.toHaveProperty('solutionReply');
    expect(await toldNora('Allow our IP range in your firewall.')).toBe(1);
  });

  it('the same solution offered meanwhile from another desk is still a repeat, sent once', async () => {
    const id = await fileTicket('Conversions late');
    const solution = 'Set the attribution window to 7 days.';
    const racing = deskWhere(async (attempt) => {
      if (attempt === 1) await scene.desk.setStatus(scene.samProfile, id, 'solution_offered', solution);
    });

    expect(await racing.setStatus(scene.samProfile, id, 'solution_offered', solution)).toBe(
      'solution-already-offered',
    );
    expect(await publicReplies(id)).toEqual([solution]);
    expect(await toldNora(solution)).toBe(1);
  });

  it('a requester who rejects the solution as the agent closes the ticket is refused, not told it worked', async () => {
    const id = await fileTicket('Report export empty');
    await scene.desk.setStatus(scene.samProfile, id, 'solution_offered', 'Pick a date range first.');
    const racing = deskWhere(async (attempt) => {
      if (attempt === 1)
        await scene.desk.setStatus(scene.samProfile, id, 'closed', 'No answer from the requester.');
    });

    const outcome = await racing.changeStatus(scene.noraProfile, id, 'in_progress');
    expect(outcome).toMatchObject({ ok: false, refusal: 'staff-only', ticket: { status: 'closed' } });
    expect(await statusOf(id)).toBe('closed');
  });

  it('a ticket that keeps moving is not reported as done: the agent is asked to try again', async () => {
    const id = await fileTicket('Deep link opens the store');
    const statuses = ['in_progress', 'awaiting_response'] as const;
    const racing = deskWhere(async (attempt) => {
      await scene.bot.app.services.db.ticket.update({
        where: { id },
        data: { status: statuses[attempt % statuses.length] },
      });
    });

    await expect(
      racing.setStatus(scene.samProfile, id, 'solution_offered', 'Regenerate the deep link under Tracking.'),
    ).rejects.toMatchObject({ code: 'conflict' });
    expect(await publicReplies(id)).toEqual([]);
    expect(await toldNora('Regenerate the deep link under Tracking.')).toBe(0);
  });
});
