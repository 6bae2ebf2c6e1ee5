import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.js';
import { runTerminalChat } from './terminal-chat-process.js';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase('sqlite');
});
afterAll(() => database.drop());

it('files a ticket through the form: Continue asks for each field, Enter keeps what is shown', async () => {
  const out = await runTerminalChat(database.url, [
    'open a ticket: the pixel stopped firing on campaign 48213',
    '3', // Fill in a form instead
    '1', // Continue
    '', // subject: keep
    '99', // issue type: not one of the options
    '', // issue type: keep
    '', // campaign: keep
    'Since Monday the pixel on campaign 48213 records no conversions at all.',
    '', // access: keep
    '', // cc: keep
    '2', // the articles shown first: No, file the ticket
    '1', // Confirm
  ]);
  expect(out).toContain('│ Subject (at most 140 characters): The pixel stopped firing on campaign 48213');
  // The chosen option by its label, as the web chat's list shows it.
  expect(out).toContain('│ Issue type: Tracking, Reporting and Technical Settings');
  expect(out).not.toContain('tracking_reporting');
  expect(out).toMatch(/Issue type: Tracking, Reporting and Technical Settings\n(.*\n)*? {2}\d+\) Tracking/);
  expect(out).toMatch(/Type one of the numbers shown \(1 to \d+\)/);
  expect(out).not.toMatch(/Enter a subject|Choose an issue type from the list/);
  expect(out).toMatch(/bot › .*#\d+/);
  const ticket = await database.prisma.ticket.findFirst({ orderBy: { id: 'desc' } });
  expect(ticket).toMatchObject({
    subject: 'The pixel stopped firing on campaign 48213',
    issueType: 'tracking_reporting',
    campaignId: '48213',
  });
  expect(ticket?.description).toContain('records no conversions at all');
}, 240_000);
