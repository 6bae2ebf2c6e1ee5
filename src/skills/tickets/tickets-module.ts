import type { AppModule } from '../../app-module.js';
import { createAgentDirectory } from '../../store/agent-directory.js';
import { createTicketCommentRepository } from '../../store/ticket-comment-repository.js';
import { ensureTicketNumbering } from '../../store/ticket-numbering.js';
import { createTicketQueryRepository } from '../../store/ticket-query-repository.js';
import { createTicketRecipients } from '../../store/ticket-recipients.js';
import { createTicketRepository } from '../../store/ticket-repository.js';
import { findStaffByName } from '../../store/ticket-staff-directory.js';
import { createTicketDesk } from './database-ticket-desk.js';
import { readTicketEntities } from './ticket-entities.js';
import { createTicketNotifications } from './ticket-notifications.js';
import { createTicketsSkill } from './tickets-skill.js';

/** Intents that, typed as a short message inside a ticket flow, mean the user wants something else. */
const NOT_ANSWERS = new Set([
  'ticket.status',
  'ticket.list',
  'ticket.update',
  'docs.search',
  'partner.query',
  'agent.handoff',
  'bot.help',
]);
const MAX_COMMAND_WORDS = 8;
const INTERRUPT_CONFIDENCE = 0.85;

/** Tickets: the ticket skill, and `shared.tickets` for handoff and the channels' agent views. */
export const ticketsModule: AppModule = {
  name: 'tickets',
  async create(services) {
    const { db, config, responses, logger, clock } = services;
    await ensureTicketNumbering(db, services.provider);
    const tickets = createTicketRepository(db);
    const notifications = createTicketNotifications({
      notifier: services.notifier,
      recipients: createTicketRecipients(db),
      users: services.users,
      responses,
      ticketBaseUrl: config.TICKET_BASE_URL,
      reopenDays: config.TICKET_REOPEN_DAYS,
      clock,
      logger,
    });
    const desk = createTicketDesk({
      tickets,
      comments: createTicketCommentRepository(db),
      queries: createTicketQueryRepository(db),
      users: services.users,
      notifications,
      reopenDays: config.TICKET_REOPEN_DAYS,
      clock,
      logger,
    });
    services.shared.tickets = desk;

    const agentDirectory = createAgentDirectory(db);
    const skill = createTicketsSkill({
      desk,
      responses,
      entities: readTicketEntities,
      timeZoneOf: (userId) => agentDirectory.timezoneOf(userId),
      docs: () => services.shared.docs,
      parseYesNo: (text) => services.matcher.answers.parseYesNo(text),
      looksLikeOtherRequest(text) {
        if (text.split(/\s+/).length > MAX_COMMAND_WORDS) return false;
        const intent = services.matcher.match(text);
        return NOT_ANSWERS.has(intent.name) && intent.confidence >= INTERRUPT_CONFIDENCE;
      },
      staffByName: (name) => findStaffByName(db, name),
      ticketBaseUrl: config.TICKET_BASE_URL,
      reopenDays: config.TICKET_REOPEN_DAYS,
    });
    return { skills: [skill] };
  },
};
