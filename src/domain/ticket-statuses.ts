/** Ticket statuses, as the support process names them. */
export const TICKET_STATUSES = [
  { id: 'open', label: 'Open' },
  { id: 'in_progress', label: 'In Progress' },
  { id: 'awaiting_response', label: 'Awaiting your response' },
  { id: 'solution_offered', label: 'Solution Offered' },
  { id: 'closed', label: 'Closed' },
] as const;

export type TicketStatus = (typeof TICKET_STATUSES)[number]['id'];

export const OPEN_STATUSES: readonly TicketStatus[] = [
  'open',
  'in_progress',
  'awaiting_response',
  'solution_offered',
];

export function isTicketStatus(value: string): value is TicketStatus {
  return TICKET_STATUSES.some((s) => s.id === value);
}

export function statusLabel(status: TicketStatus): string {
  return TICKET_STATUSES.find((s) => s.id === status)?.label ?? status;
}
