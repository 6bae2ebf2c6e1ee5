import { describe, expect, it } from 'vitest';
import { OPEN_STATUSES } from '../../../src/domain/ticket-statuses.js';
import type { UserProfile } from '../../../src/domain/user.js';
import { readTicketEntities } from '../../../src/skills/tickets/ticket-entities.js';
import { parseListFilter, ticketFilterSchema } from '../../../src/skills/tickets/ticket-list-filter.js';
import {
  closeReason,
  commentBody,
  complaintText,
  parseUpdateRequest,
  readCarriedRequest,
  rejectionReason,
  reopenReason,
  ticketsAfterCommand,
  typedStatusRequests,
  withOneTicketNumber,
} from '../../../src/skills/tickets/ticket-update-request.js';
import {
  namesTicketsInStatusCommand,
  untargetedStatusCommand,
} from '../../../src/skills/tickets/typed-status-command.js';

const requester: UserProfile = {
  id: 'u1',
  displayName: 'Nora',
  email: null,
  role: 'requester',
  kind: 'brand',
  accountId: 'a1',
};
const agent: UserProfile = { ...requester, id: 'ag', role: 'agent' };
const now = new Date('2025-06-02T09:00:00Z');
const filter = (text: string, viewer = requester) =>
  parseListFilter(text, readTicketEntities(text, { now, kind: 'brand' }), viewer);
const update = (text: string, staff = false) =>
  parseUpdateRequest(text, { staff, statuses: readTicketEntities(text, { now, kind: 'brand' }).statuses });

describe('list requests', () => {
  it('"my open tickets": created by me, every status but Closed', () => {
    expect(filter('my open tickets')).toEqual({ createdBy: 'me', statuses: [...OPEN_STATUSES] });
  });

  it('"tickets awaiting my response": the status, not "created by me"', () => {
    expect(filter('tickets awaiting my response')).toEqual({
      createdBy: 'anyone',
      statuses: ['awaiting_response'],
    });
  });

  it('"all tickets of my account about payouts": everyone’s, every status, keyword with plural folded', () => {
    expect(filter('all tickets of my account about payouts')).toEqual({
      createdBy: 'anyone',
      keywords: ['payout'],
    });
  });

  it('unread, closed, quoted phrases and ticket IDs', () => {
    expect(filter('my unread tickets')).toMatchObject({ createdBy: 'me', read: 'unread' });
    expect(filter('show closed tickets')).toMatchObject({ statuses: ['closed'] });
    expect(filter('find tickets mentioning "missing conversions"')).toMatchObject({
      keywords: ['missing conversions'],
    });
    expect(filter('find ticket #1042')).toEqual({ createdBy: 'anyone', ids: [1042] });
    expect(filter('search tickets for postback')).toMatchObject({ keywords: ['postback'] });
  });

  it('agents: "my tickets" means assigned to me', () => {
    expect(filter('my open tickets', agent)).toEqual({
      createdBy: 'anyone',
      assignedToMe: true,
      statuses: [...OPEN_STATUSES],
    });
  });

  it("a named period narrows by creation date, in the user's time zone, over every status", () => {
    expect(filter('tickets created last month')).toEqual({
      createdBy: 'anyone',
      createdAt: { from: '2025-05-01T00:00:00.000Z', to: '2025-06-01T00:00:00.000Z', label: 'last month' },
    });
    const inNewYork = 'tickets i created yesterday';
    expect(
      parseListFilter(
        inNewYork,
        readTicketEntities(inNewYork, { now, kind: 'brand', timeZone: 'America/New_York' }),
        requester,
      ),
    ).toEqual({
      createdBy: 'me',
      createdAt: { from: '2025-06-01T04:00:00.000Z', to: '2025-06-02T04:00:00.000Z', label: 'yesterday' },
    });
    // A period still running has no end: what is filed while the user pages through still counts.
    expect(filter('show everything still open since monday')).toEqual({
      createdBy: 'anyone',
      statuses: [...OPEN_STATUSES],
      createdAt: { from: '2025-06-02T00:00:00.000Z', label: 'since Monday' },
    });
  });

  it('"updated" names a period of activity, never the unread filter', () => {
    expect(filter('which tickets were updated today')).toEqual({
      createdBy: 'anyone',
      lastActivityAt: { from: '2025-06-02T00:00:00.000Z', label: 'today' },
    });
    expect(filter('show unread tickets')).toMatchObject({ read: 'unread' });
    expect(filter('tickets with new updates')).toMatchObject({ read: 'unread' });
    expect(filter('my tickets updated')).not.toHaveProperty('read');
  });

  it('issue types named outside a search phrase narrow the list; inside one they are searched words', () => {
    expect(filter('open tickets for login issues')).toEqual({
      createdBy: 'anyone',
      statuses: [...OPEN_STATUSES],
      issueTypes: ['login'],
    });
    expect(filter('filter my tickets by payments')).toMatchObject({
      createdBy: 'me',
      issueTypes: ['payments_finance'],
    });
    expect(filter('list tickets about payments')).toEqual({
      createdBy: 'anyone',
      statuses: [...OPEN_STATUSES],
      keywords: ['payment'],
    });
  });

  it('a campaign ID is kept as a campaign, not thrown away with the digits', () => {
    expect(filter('find tickets mentioning campaign 48213')).toEqual({
      createdBy: 'anyone',
      statuses: [...OPEN_STATUSES],
      campaignIds: ['48213'],
    });
    expect(filter('all tickets about campaign 48213 and payouts')).toEqual({
      createdBy: 'anyone',
      campaignIds: ['48213'],
      keywords: ['payout'],
    });
    const sent = { createdBy: 'anyone', campaignIds: ['48213'] };
    expect(ticketFilterSchema.parse(sent)).toEqual(sent);
    expect(ticketFilterSchema.safeParse({ createdBy: 'anyone', campaignIds: ['1; DROP'] }).success).toBe(
      false,
    );
  });

  it('"me" makes a list the user\'s own only in "created by me", "assigned to me", "waiting on me"', () => {
    expect(filter('show me all open tickets')).toMatchObject({ createdBy: 'anyone' });
    expect(filter('give me every ticket')).toMatchObject({ createdBy: 'anyone' });
    expect(filter('list me the closed tickets')).toMatchObject({ createdBy: 'anyone' });
    expect(filter('show me my tickets')).toMatchObject({ createdBy: 'me' });
    expect(filter('tickets created by me')).toMatchObject({ createdBy: 'me' });
    expect(filter('show all the tickets waiting on me')).toMatchObject({
      createdBy: 'me',
      statuses: ['awaiting_response'],
    });
    expect(filter('tickets assigned to me', agent)).toMatchObject({ assignedToMe: true });
    expect(filter('show me all open tickets', agent)).not.toHaveProperty('assignedToMe');
  });

  it('a filter coming back from a "More" button is checked again', () => {
    const period = { from: '2025-05-01T00:00:00.000Z', to: '2025-06-01T00:00:00.000Z', label: 'last month' };
    const sent = { createdBy: 'anyone', createdAt: period, lastActivityAt: period, issueTypes: ['login'] };
    expect(ticketFilterSchema.parse(sent)).toEqual(sent);
    expect(
      ticketFilterSchema.safeParse({ createdBy: 'anyone', createdAt: { from: 'yesterday' } }).success,
    ).toBe(false);
  });
});

describe('update requests', () => {
  it.each([
    ['close ticket 1042', { kind: 'close', body: null }],
    ['close 1011, it works now', { kind: 'close', body: 'it works now' }],
    ['close 1011 it is fixed', { kind: 'close', body: 'it is fixed' }],
    ['please close 1012, resolved on our side', { kind: 'close', body: 'resolved on our side' }],
    ['resolved on our side, please close 1012', { kind: 'close', body: 'resolved on our side' }],
    ['close 1042 pls', { kind: 'close', body: null }],
    ["it's not fixed, don't close 1042", { kind: 'not-solved' }],
    ["ticket 1011 still doesn't work, why did you close it?", { kind: 'not-solved' }],
    ["I can't close the popup on 1011, still broken", { kind: 'not-solved' }],
    ['it still does not work, are you going to close 1011?', { kind: 'not-solved' }],
    ['should I close 1011?', { kind: 'comment', body: 'should I close 1011?', internal: false }],
    [
      'reply to 1011: the close button is greyed out',
      { kind: 'comment', body: 'the close button is greyed out', internal: false },
    ],
    ['can you close 1011 asap', { kind: 'close', body: null }],
    ['please reopen 1042', { kind: 'reopen', body: null }],
    ['reopen #1000 still broken', { kind: 'reopen', body: 'still broken' }],
    ['can you reopen 1000 its still broken', { kind: 'reopen', body: 'its still broken' }],
    ['reopen 1042 because the pixel stopped again', { kind: 'reopen', body: 'the pixel stopped again' }],
    ['reopen 1042: still broken', { kind: 'reopen', body: 'still broken' }],
    ['reopen ticket 1042 pls', { kind: 'reopen', body: null }],
    ['still broken, can you reopen 1042', { kind: 'reopen', body: 'still broken' }],
    ['it worked, thanks', { kind: 'solved' }],
    ['ticket 1042 is solved, it works now', { kind: 'solved' }],
    ['reply to 1042: fixed on our side, thanks', { kind: 'solved' }],
    [
      'reply to 1042: we fixed the pixel on our side, but payouts are still wrong',
      {
        kind: 'comment',
        body: 'we fixed the pixel on our side, but payouts are still wrong',
        internal: false,
      },
    ],
    ["the fix didn't help", { kind: 'not-solved' }],
    ['still not working on 1042', { kind: 'not-solved' }],
    [
      'reply to ticket 1042: here is the order ID 5521',
      { kind: 'comment', body: 'here is the order ID 5521', internal: false },
    ],
    [
      'add a comment to 1042 saying the pixel fires again',
      { kind: 'comment', body: 'the pixel fires again', internal: false },
    ],
    ['reply to ticket 1042', { kind: 'comment', body: null, internal: false }],
    ['ticket 1042 is broken again', { kind: 'not-solved' }],
    ['1042 stopped working again', { kind: 'not-solved' }],
  ])('requester: "%s"', (text, expected) => {
    expect(update(text)).toEqual(expected);
  });

  it.each([
    ['assign 1042 to me', { kind: 'assign', to: 'me' }],
    ['take ticket 1042', { kind: 'assign', to: 'me' }],
    ['assign ticket 1042 to Riley', { kind: 'assign', to: { name: 'Riley' } }],
    ['unassign 1042', { kind: 'assign', to: 'nobody' }],
    ['set 1042 to solution offered', { kind: 'status', status: 'solution_offered' }],
    ['mark 1042 as in progress', { kind: 'status', status: 'in_progress' }],
    ['internal note on 1042: legacy plan', { kind: 'comment', body: 'legacy plan', internal: true }],
    [
      'solution offered 1042: clear the cache and re-install the pixel',
      { kind: 'status', status: 'solution_offered', body: 'clear the cache and re-install the pixel' },
    ],
    [
      'set 1042 to solution offered: the new postback URL is in Settings',
      { kind: 'status', status: 'solution_offered', body: 'the new postback URL is in Settings' },
    ],
    [
      'reply to 1042: the solution offered last week is outdated',
      { kind: 'comment', body: 'the solution offered last week is outdated', internal: false },
    ],
    // Without the solution: the agent is asked for it (nothing is sent as a reply).
    ['solution offered 1042', { kind: 'status', status: 'solution_offered' }],
    ['solution offered for ticket #1042', { kind: 'status', status: 'solution_offered' }],
    ['1042 solution offered', { kind: 'status', status: 'solution_offered' }],
    [
      'the solution offered last week is outdated',
      { kind: 'comment', body: 'the solution offered last week is outdated', internal: false },
    ],
    // A question is never a command, nor a reply to the requester: it asks for the status.
    ['why is 1042 on solution offered: the customer says it is still broken', { kind: 'ask-status' }],
    ['is 1042 solution offered? the customer says it is still broken', { kind: 'ask-status' }],
    ['why is 1042 set to in progress?', { kind: 'ask-status' }],
    ['1042 solution offered?', { kind: 'ask-status' }],
    ['is 1042 in progress?', { kind: 'ask-status' }],
    ['should I set 1042 to closed?', { kind: 'ask-status' }],
    // Nor does a question about reopening or closing reopen or close anything.
    ['should i reopen 1042? the customer says it works', { kind: 'ask-status' }],
    ['should I close 1042?', { kind: 'ask-status' }],
    ['why did you close 1042?', { kind: 'ask-status' }],
    ['is 1042 reopened?', { kind: 'ask-status' }],
    // A polite request ("can you …", "could you … please") is a command, not a question.
    ['can you set 1042 to in progress', { kind: 'status', status: 'in_progress' }],
    ['could you mark 1042 as in progress please', { kind: 'status', status: 'in_progress' }],
    [
      'would you please move ticket 1042 to waiting on customer?',
      { kind: 'status', status: 'awaiting_response' },
    ],
    ['please change 1042 to in progress', { kind: 'status', status: 'in_progress' }],
    [
      'can you set 1042 to solution offered: she asked twice',
      { kind: 'status', status: 'solution_offered', body: 'she asked twice' },
    ],
    ['can you close 1042', { kind: 'close', body: null }],
    // "u"/"ya" for "you", a leading "pls" with or without "?": still a command.
    ['can u reopen 1042', { kind: 'reopen', body: null }],
    ['could ya reopen 1042?', { kind: 'reopen', body: null }],
    ['pls reopen 1042?', { kind: 'reopen', body: null }],
    ['please close 1042?', { kind: 'close', body: null }],
    ['will you close 1042', { kind: 'close', body: null }],
    ['can u set 1042 to in progress', { kind: 'status', status: 'in_progress' }],
    ['plz mark 1042 as in progress?', { kind: 'status', status: 'in_progress' }],
    ['could you reopen 1042 please', { kind: 'reopen', body: null }],
    // … and one that asks for no ticket command is not a reply to the requester.
    ['can you change the pixel on 1042?', { kind: 'ask-status' }],
    ['can you update me on 1042?', { kind: 'ask-status' }],
    // Just a ticket and a status name: set it, as "set 1042 to …" does.
    ['1042 in progress', { kind: 'status', status: 'in_progress' }],
    ['1042 to waiting on customer', { kind: 'status', status: 'awaiting_response' }],
    ['ticket #1042 now awaiting response', { kind: 'status', status: 'awaiting_response' }],
    ['1042 as open', { kind: 'status', status: 'open' }],
    ['1042 closed', { kind: 'close', body: null }],
    ['#1042 now solution offered', { kind: 'status', status: 'solution_offered' }],
    [
      '1042 to solution offered: remove the old pixel',
      { kind: 'status', status: 'solution_offered', body: 'remove the old pixel' },
    ],
    [
      'mark ticket 1042 as solution offered: remove the old pixel',
      { kind: 'status', status: 'solution_offered', body: 'remove the old pixel' },
    ],
    // A list of tickets and a status name: each ticket, as "set 1042 and 1043 to …" does.
    ['1042 and 1043 solution offered', { kind: 'status', status: 'solution_offered' }],
    ['1042, 1043 solution offered', { kind: 'status', status: 'solution_offered' }],
    ['solution offered 1042 and 1043', { kind: 'status', status: 'solution_offered' }],
    [
      '1042 and 1043 solution offered: clear the cache',
      { kind: 'status', status: 'solution_offered', body: 'clear the cache' },
    ],
    ['1042 and 1043 in progress', { kind: 'status', status: 'in_progress' }],
    ['tickets #1042 & #1043 to waiting on customer', { kind: 'status', status: 'awaiting_response' }],
    ['1042, 1043 closed', { kind: 'close', body: null }],
    ['1042 and 1043 in progress?', { kind: 'ask-status' }],
    ['both 1042 and 1043 solution offered', { kind: 'status', status: 'solution_offered' }],
    // A remark after the command is no solution: it is kept as an internal note, as an agent's close
    // reason is ("close 1042, it works now"); Solution Offered still asks for the solution.
    [
      '1042 and 1043 solution offered, clear the cache',
      { kind: 'status', status: 'solution_offered', note: 'clear the cache' },
    ],
    [
      'solution offered 1042 and 1043 - clear the cache',
      { kind: 'status', status: 'solution_offered', note: 'clear the cache' },
    ],
    [
      '1042 solution offered, the customer asked: why',
      { kind: 'status', status: 'solution_offered', note: 'the customer asked: why' },
    ],
    [
      '1042 and 1043 in progress, the customer sent logs',
      { kind: 'status', status: 'in_progress', note: 'the customer sent logs' },
    ],
    [
      '1042 in progress; customer wrote: logs attached',
      { kind: 'status', status: 'in_progress', note: 'customer wrote: logs attached' },
    ],
    ['1042 open, she wrote again', { kind: 'status', status: 'open', note: 'she wrote again' }],
    ['1003 and 1004 closed, duplicates of 1000', { kind: 'close', body: 'duplicates of 1000' }],
    ['1042 closed. Customer confirmed the fix', { kind: 'close', body: 'Customer confirmed the fix' }],
    // Awaiting your response: the remark is what the requester is asked for, sent with the status.
    [
      'set 1042 to waiting on customer - please send us the HAR file',
      { kind: 'status', status: 'awaiting_response', body: 'please send us the HAR file' },
    ],
    [
      '1042 waiting on customer: please send us the HAR file',
      { kind: 'status', status: 'awaiting_response', body: 'please send us the HAR file' },
    ],
    // After a colon as after a comma: for every status but Solution Offered, a remark.
    ['1042 closed: duplicate of 1000', { kind: 'close', body: 'duplicate of 1000' }],
    [
      '1042 in progress: the customer sent logs',
      { kind: 'status', status: 'in_progress', note: 'the customer sent logs' },
    ],
    // The remark as typed: only the command is cut, never a polite word of the remark.
    [
      '1042 in progress, customer said thanks',
      { kind: 'status', status: 'in_progress', note: 'customer said thanks' },
    ],
    [
      '1042 in progress, customer wrote please: logs attached',
      { kind: 'status', status: 'in_progress', note: 'customer wrote please: logs attached' },
    ],
    [
      'can you set 1042 to in progress please, customer wrote  twice\nlogs attached',
      { kind: 'status', status: 'in_progress', note: 'customer wrote  twice\nlogs attached' },
    ],
    // Only politeness after the command: nothing to keep.
    ['1042 in progress, thanks', { kind: 'status', status: 'in_progress' }],
    ['1042 closed, asap', { kind: 'close', body: null }],
    ['1042 waiting on customer, thank you', { kind: 'status', status: 'awaiting_response' }],
  ])('agent: "%s"', (text, expected) => {
    expect(update(text, true)).toEqual(expected);
  });

  it('a requester asking for agent actions is read as such (and then refused by the rules)', () => {
    expect(update('assign 1042 to me')).toEqual({ kind: 'assign', to: 'me' });
    expect(update('set 1042 to in progress')).toEqual({ kind: 'status', status: 'in_progress' });
  });

  it('a complaint keeps its words: all of them, or what follows "reply to N:"', () => {
    expect(complaintText("ticket 1000 still doesn't work, why did you close it?")).toBe(
      "ticket 1000 still doesn't work, why did you close it?",
    );
    expect(complaintText('reply to 1000: still not working')).toBe('still not working');
    expect(complaintText('  ')).toBeNull();
  });

  it('a rejected solution keeps the words of a reply, or a complaint that says more than "it didn\'t help"', () => {
    expect(rejectionReason('reply to 1042: still broken, the pixel fires twice')).toBe(
      'still broken, the pixel fires twice',
    );
    expect(rejectionReason('reply to 1042: still broken')).toBe('still broken');
    expect(rejectionReason('1042 still broken, the pixel fires twice')).toBe(
      '1042 still broken, the pixel fires twice',
    );
    expect(rejectionReason("it didn't help")).toBeNull();
    expect(rejectionReason("ticket 1042 still doesn't work")).toBeNull();
    // Filler around "it didn't help" says nothing more: the requester is asked what is wrong.
    expect(rejectionReason('no that didnt help at all')).toBeNull();
    expect(rejectionReason("sorry, it still doesn't work")).toBeNull();
    expect(rejectionReason("unfortunately the solution didn't help, it still does not work")).toBeNull();
    expect(rejectionReason("no, sorry, that didn't fix it at all")).toBeNull();
    // "same error", "still getting 404": they say what is wrong.
    expect(rejectionReason('nope didnt help, same error')).toBe('nope didnt help, same error');
    expect(rejectionReason('didnt help still getting 404')).toBe('didnt help still getting 404');
    expect(rejectionReason("it didn't change anything, the page is still blank")).not.toBeNull();
    expect(rejectionReason("sorry, it still doesn't work, the export times out")).toBe(
      "sorry, it still doesn't work, the export times out",
    );
  });

  it('several tickets only when listed right after close or reopen; a later number is part of the reason', () => {
    expect(ticketsAfterCommand('close 1000 and 1001')).toEqual([1000, 1001]);
    expect(ticketsAfterCommand('close #1000, #1001 & #1002, it works now')).toEqual([1000, 1001, 1002]);
    expect(ticketsAfterCommand('please reopen tickets 1000 1001')).toEqual([1000, 1001]);
    expect(ticketsAfterCommand('close 1000, 1001, and 1002')).toEqual([1000, 1001, 1002]);
    expect(ticketsAfterCommand('close 1001 its a duplicate of 1000')).toEqual([1001]);
    expect(ticketsAfterCommand('reopen 1000 still getting error 404 on checkout')).toEqual([1000]);
    expect(ticketsAfterCommand('still getting 404, reopen 1000')).toEqual([1000]);
    expect(ticketsAfterCommand('close it')).toEqual([]);
    // A number the message goes on to talk about is no list item.
    expect(ticketsAfterCommand('close 1001, 1000 is the original')).toEqual([1001]);
    expect(ticketsAfterCommand('close 1001 and 1002, 1000 was the first one')).toEqual([1001, 1002]);
    // A verb after a joined list speaks of the whole list.
    expect(ticketsAfterCommand('close 1042 and 1043 are duplicates')).toEqual([1042, 1043]);
    expect(ticketsAfterCommand('reopen 1042 and 1043 were closed by mistake')).toEqual([1042, 1043]);
    expect(ticketsAfterCommand('close 1042 & 1043 is what i meant')).toEqual([1042, 1043]);
    // A status change names its list before "to" / "as".
    expect(ticketsAfterCommand('set 1000 and 1001 to closed')).toEqual([1000, 1001]);
    expect(ticketsAfterCommand('mark tickets #1000, #1001 as in progress')).toEqual([1000, 1001]);
    expect(ticketsAfterCommand('set the status of 1000 & 1001 to waiting on customer')).toEqual([1000, 1001]);
    expect(ticketsAfterCommand('set 1000 to in progress, 1001 is fine')).toEqual([1000]);
    expect(ticketsAfterCommand('set up 1000 and 1001 to fire on checkout')).toEqual([]);
  });

  it('a status request carried by a "which ticket?" button keeps the agent\'s remark as a note', () => {
    const carried = JSON.parse(
      JSON.stringify({ kind: 'status', status: 'in_progress', note: 'the customer sent logs' }),
    ) as unknown;
    expect(readCarriedRequest(carried)).toEqual({
      kind: 'status',
      status: 'in_progress',
      note: 'the customer sent logs',
    });
    expect(readCarriedRequest({ kind: 'status', status: 'in_progress', note: 42 })).toEqual({
      kind: 'status',
      status: 'in_progress',
    });
  });

  it("an agent's typed status names the tickets listed before it (or after Solution Offered); a requester's does not", () => {
    const staff = { staff: true };
    expect(ticketsAfterCommand('1042 and 1043 solution offered', staff)).toEqual([1042, 1043]);
    expect(ticketsAfterCommand('1042, 1043 closed', staff)).toEqual([1042, 1043]);
    expect(ticketsAfterCommand('tickets #1042 & #1043 to waiting on customer', staff)).toEqual([1042, 1043]);
    expect(ticketsAfterCommand('solution offered for 1042, 1043 and 1044', staff)).toEqual([
      1042, 1043, 1044,
    ]);
    expect(ticketsAfterCommand('1042 and 1043 solution offered: allow ports 8080 and 8443', staff)).toEqual([
      1042, 1043,
    ]);
    expect(ticketsAfterCommand('1042 in progress', staff)).toEqual([1042]);
    expect(ticketsAfterCommand('both 1042 and 1043 closed, they are duplicates', staff)).toEqual([
      1042, 1043,
    ]);
    expect(ticketsAfterCommand('1042 open, 1043 closed', staff)).toEqual([1042]);
    expect(ticketsAfterCommand('1042 and 1043 in progress?', staff)).toEqual([]);
    expect(ticketsAfterCommand('1042 and 1043 in progress')).toEqual([]);
    // "set …" lists are read as before.
    expect(ticketsAfterCommand('set 1042 and 1043 to in progress', staff)).toEqual([1042, 1043]);
  });

  it('reads a list of tickets as one by cutting only the list after the command; numbers in the rest stay as typed', () => {
    expect(withOneTicketNumber('close 1000, 1001 and 1002, it works now')).toBe('close 1000, it works now');
    expect(withOneTicketNumber('close #1000, #1001 & #1002')).toBe('close #1000');
    expect(withOneTicketNumber('please reopen tickets 1000 1001')).toBe('please reopen tickets 1000');
    expect(withOneTicketNumber('set the status of 1000 & 1001 to in progress')).toBe(
      'set the status of 1000 to in progress',
    );
    expect(
      withOneTicketNumber('set 1000 and 1001 to solution offered: allow ports 8080 and 8443 in the firewall'),
    ).toBe('set 1000 to solution offered: allow ports 8080 and 8443 in the firewall');
    expect(withOneTicketNumber('close 1000 and 1001, errors 401 and 403 are gone')).toBe(
      'close 1000, errors 401 and 403 are gone',
    );
    expect(withOneTicketNumber('reopen 1000 and 1001 still getting 502, 503 and 504')).toBe(
      'reopen 1000 still getting 502, 503 and 504',
    );
    expect(withOneTicketNumber('close 1001 and 1002, 1000 was the first one')).toBe(
      'close 1001, 1000 was the first one',
    );
    expect(withOneTicketNumber('errors 401 and 403, close it')).toBe('errors 401 and 403, close it');
  });

  it("an agent's typed status: each command in order, the tickets a remark only adds, and no number of a remark", () => {
    const agentSays = (text: string) => typedStatusRequests(text, { staff: true });
    // A remark that is nothing but a status command naming tickets is its own command, after the first.
    expect(agentSays('1000 in progress, 1001 closed')).toEqual([
      { tickets: [1000], forCurrent: false, request: { kind: 'status', status: 'in_progress' } },
      { tickets: [1001], forCurrent: false, request: { kind: 'close', body: null } },
    ]);
    expect(agentSays('1000 in progress; then 1001 and 1002 closed, thanks')).toEqual([
      { tickets: [1000], forCurrent: false, request: { kind: 'status', status: 'in_progress' } },
      { tickets: [1001, 1002], forCurrent: false, request: { kind: 'close', body: null } },
    ]);
    expect(agentSays('1000 in progress, 1001 closed, 1002 and 1003 open')).toEqual([
      { tickets: [1000], forCurrent: false, request: { kind: 'status', status: 'in_progress' } },
      { tickets: [1001], forCurrent: false, request: { kind: 'close', body: null } },
      { tickets: [1002, 1003], forCurrent: false, request: { kind: 'status', status: 'open' } },
    ]);
    // A remark that only adds tickets, with "too", "and", "as well", "same for", gives them the same status.
    for (const typed of [
      '1000 closed, 1001 too',
      '1000 closed, and 1001',
      '1000 closed, 1001 as well',
      '1000 closed, same for #1001.',
    ]) {
      expect(agentSays(typed)).toEqual([
        { tickets: [1000, 1001], forCurrent: false, request: { kind: 'close', body: null } },
      ]);
    }
    // Solution Offered's solution after the colon is no remark: it goes on every ticket.
    expect(agentSays('1000 solution offered, 1001 too: clear the cache')).toEqual([
      {
        tickets: [1000, 1001],
        forCurrent: false,
        request: { kind: 'status', status: 'solution_offered', body: 'clear the cache' },
      },
    ]);
    // Anything more than that is the remark, whole: a command with words after it, an addition with
    // a reason, a number alone.
    expect(agentSays('1000 in progress; then 1001 and 1002 closed, duplicates of 1000')).toEqual([
      {
        tickets: [1000],
        forCurrent: false,
        request: {
          kind: 'status',
          status: 'in_progress',
          note: 'then 1001 and 1002 closed, duplicates of 1000',
        },
      },
    ]);
    expect(agentSays('1000 closed, same for 1001 - duplicates of 999')).toEqual([
      {
        tickets: [1000],
        forCurrent: false,
        request: { kind: 'close', body: 'same for 1001 - duplicates of 999' },
      },
    ]);
    expect(agentSays('1000 closed, 1001')).toEqual([
      { tickets: [1000], forCurrent: false, request: { kind: 'close', body: '1001' } },
    ]);
    // A number the remark says more about is part of it.
    expect(agentSays('1000 closed, 1001 is the original')).toEqual([
      { tickets: [1000], forCurrent: false, request: { kind: 'close', body: '1001 is the original' } },
    ]);
    expect(agentSays('1042 in progress, 2024 release, customer on v3')).toEqual([
      {
        tickets: [1042],
        forCurrent: false,
        request: { kind: 'status', status: 'in_progress', note: '2024 release, customer on v3' },
      },
    ]);
    // No ticket named: the ticket talked about (none here), never a number of the remark.
    expect(agentSays('solution offered, same fix as 1001')).toEqual([
      {
        tickets: [],
        forCurrent: true,
        request: { kind: 'status', status: 'solution_offered', note: 'same fix as 1001' },
      },
    ]);
    expect(agentSays('set it to closed, duplicate of 1000')).toEqual([
      { tickets: [], forCurrent: true, request: { kind: 'close', body: 'duplicate of 1000' } },
    ]);
    expect(ticketsAfterCommand('set it to closed, duplicate of 1000', { staff: true })).toEqual([]);
    // … but the tickets it only adds are added to the ticket talked about.
    expect(agentSays('set it to closed, 1001 too')).toEqual([
      { tickets: [1001], forCurrent: true, request: { kind: 'close', body: null } },
    ]);
    expect(agentSays('solution offered, 1001 too')).toEqual([
      { tickets: [1001], forCurrent: true, request: { kind: 'status', status: 'solution_offered' } },
    ]);
    // A remark reading like a command for no ticket stays a remark.
    expect(agentSays('1000 in progress, set it to closed later')).toEqual([
      {
        tickets: [1000],
        forCurrent: false,
        request: { kind: 'status', status: 'in_progress', note: 'set it to closed later' },
      },
    ]);
    expect(typedStatusRequests('1000 in progress, 1001 closed', { staff: false })).toBeNull();
    expect(agentSays('is 1000 in progress?')).toBeNull();
    expect(agentSays('1000 in progress, 1001 closed?')).toEqual([
      {
        tickets: [1000],
        forCurrent: false,
        request: { kind: 'status', status: 'in_progress', note: '1001 closed?' },
      },
    ]);
  });

  it('a number in a remark is no command: probes that once closed or reopened the wrong tickets', () => {
    const agentSays = (text: string) => typedStatusRequests(text, { staff: true });
    expect(agentSays('1042 waiting on customer, ticket 1000 solved, please try the same fix')).toEqual([
      {
        tickets: [1042],
        forCurrent: false,
        request: {
          kind: 'status',
          status: 'awaiting_response',
          body: 'ticket 1000 solved, please try the same fix',
        },
      },
    ]);
    expect(agentSays('1042 waiting on customer, 8080 and 8443 open, then retry')).toEqual([
      {
        tickets: [1042],
        forCurrent: false,
        request: { kind: 'status', status: 'awaiting_response', body: '8080 and 8443 open, then retry' },
      },
    ]);
    // A number alone is kept as the reason (the agent sees it kept), and closes nothing more.
    expect(agentSays('1042 closed, 2024.')).toEqual([
      { tickets: [1042], forCurrent: false, request: { kind: 'close', body: '2024.' } },
    ]);
  });

  it('a question in the remark is for the requester; only the command part can make it a question', () => {
    const ask = 'could you send us the HAR file from the checkout page?';
    expect(update(`1042 waiting on customer, ${ask}`, true)).toEqual({
      kind: 'status',
      status: 'awaiting_response',
      body: ask,
    });
    expect(update(`1042 waiting on customer - ${ask}`, true)).toEqual({
      kind: 'status',
      status: 'awaiting_response',
      body: ask,
    });
    expect(update('1042 in progress, why did the export stop?', true)).toEqual({
      kind: 'status',
      status: 'in_progress',
      note: 'why did the export stop?',
    });
    // The command itself asked: a question, nothing set.
    expect(update('1042 waiting on customer?', true)).toEqual({ kind: 'ask-status' });
    expect(update('is 1042 waiting on customer? could you check', true)).toEqual({ kind: 'ask-status' });
  });

  it('only a typed status naming a ticket is another request while an answer is asked for', () => {
    expect(namesTicketsInStatusCommand('1042 in progress')).toBe(true);
    expect(namesTicketsInStatusCommand('1042 and 1043 closed, duplicates')).toBe(true);
    expect(namesTicketsInStatusCommand('set it to closed, 1043 too')).toBe(true);
    expect(namesTicketsInStatusCommand('Set it to open, then reload the dashboard')).toBe(false);
    expect(namesTicketsInStatusCommand('solution offered')).toBe(false);
    expect(namesTicketsInStatusCommand('clear the cache')).toBe(false);
  });

  it('a typed status for the ticket talked about, naming none, is told apart from a plain answer', () => {
    expect(untargetedStatusCommand('set it to closed, duplicate of the billing export ticket')?.status).toBe(
      'closed',
    );
    expect(untargetedStatusCommand('Set it to open, then reload the dashboard')?.status).toBe('open');
    expect(untargetedStatusCommand('solution offered')?.status).toBe('solution_offered');
    expect(untargetedStatusCommand('1042 in progress')).toBeNull();
    expect(untargetedStatusCommand('set it to closed, 1043 too')).toBeNull();
    expect(untargetedStatusCommand('set it to closed, 1043 in progress')).toBeNull();
    expect(untargetedStatusCommand('clear the cache and reload')).toBeNull();
    expect(untargetedStatusCommand('should I set it to closed?')).toBeNull();
  });

  it('"close tickets A and B, …" and "reopen cases A and B …" keep the reason without the list', () => {
    expect(closeReason(withOneTicketNumber('close tickets 1000 and 1001, errors 401 and 403 are gone'))).toBe(
      'errors 401 and 403 are gone',
    );
    expect(closeReason(withOneTicketNumber('close both 1000 and 1001, duplicates'))).toBe('duplicates');
    expect(closeReason('close the tickets 1000, it works now')).toBe('it works now');
    expect(
      reopenReason(withOneTicketNumber('reopen cases 1000 and 1001 still getting 502 on checkout')),
    ).toBe('still getting 502 on checkout');
    expect(reopenReason('reopen my cases #1000 still broken')).toBe('still broken');
  });

  it('finds no comment text in a bare command', () => {
    expect(commentBody('comment on 1042')).toBeNull();
  });
});
