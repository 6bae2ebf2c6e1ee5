import type { Activity } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { toInboundMessage } from '../../../src/channels/teams/teams-inbound.js';
import {
  AGENTS_CHANNEL,
  BOT,
  cardSubmit,
  channelConversation,
  executeInvoke,
  fileAttachment,
  inlineImage,
  message,
  personalConversation,
  personalMessage,
  TENANT_ID,
  teamsUser,
} from './fakes/teams-activities.js';

const serviceUrl = 'https://smba.trafficmanager.net/emea/';
const alice = teamsUser('alice', 'Alice Example');
const inbound = (activity: Record<string, unknown>) => toInboundMessage(activity as unknown as Activity);

describe('toInboundMessage', () => {
  it('maps a personal message: tenant, conversation, AAD user, event id and reference', () => {
    const activity = personalMessage(serviceUrl, alice, 'status of 1042');
    const message = inbound(activity);
    expect(message).toMatchObject({
      channel: 'teams',
      workspace: TENANT_ID,
      conversationKey: personalConversation(alice).id,
      user: { externalId: alice.aadObjectId, displayName: 'Alice Example' },
      text: 'status of 1042',
      attachments: [],
      eventId: `${personalConversation(alice).id}|${activity.id}`,
      reference: {
        serviceUrl,
        channelId: 'msteams',
        bot: { id: BOT.id },
        conversation: { id: personalConversation(alice).id, tenantId: TENANT_ID },
        user: { id: alice.id, aadObjectId: alice.aadObjectId },
      },
    });
    expect(message?.value).toBeUndefined();
  });

  it("strips the bot's mention and HTML entities, keeping other people's names", () => {
    const activity = message(serviceUrl, alice, channelConversation(AGENTS_CHANNEL, '1700'), 'x', {
      mention: true,
    });
    activity.text = `<at>${BOT.name}</at>&nbsp;ask <at>Bob Example</at> about &quot;pixel&quot;\n`;
    expect(inbound(activity)?.text).toBe('ask Bob Example about "pixel"');
    expect(inbound(activity)?.conversationKey).toBe(`${AGENTS_CHANNEL};messageid=1700`);
  });

  it('falls back to the Bot Framework user id without an AAD object id', () => {
    const activity = personalMessage(serviceUrl, alice, 'hi');
    activity.from = { id: '29:guest', name: 'Guest' };
    expect(inbound(activity)?.user.externalId).toBe('29:guest');
  });

  it('turns an Action.Submit into the value, inputs under form', () => {
    const activity = cardSubmit(
      serviceUrl,
      alice,
      personalConversation(alice),
      { value: { skill: 'tickets', action: 'submit' }, subject: 'Pixel', shared: true },
      '1700',
    );
    expect(inbound(activity)).toMatchObject({
      text: '',
      value: { skill: 'tickets', action: 'submit', form: { subject: 'Pixel', shared: 'true' } },
    });
  });

  it('passes on the data of a card the bot did not render as it is', () => {
    const activity = cardSubmit(serviceUrl, alice, personalConversation(alice), { choice: 'x' }, '1700');
    expect(inbound(activity)?.value).toEqual({ choice: 'x' });
  });

  it('turns an Action.Execute invoke into the value of its data', () => {
    const activity = executeInvoke(
      serviceUrl,
      alice,
      personalConversation(alice),
      { verb: 'submit', title: 'Pick', data: { value: { skill: 'echo' } } },
      '1700',
    );
    expect(inbound(activity)?.value).toEqual({ skill: 'echo' });
  });

  it('keeps files and images, not the HTML copy or cards', () => {
    const activity = personalMessage(serviceUrl, alice, 'see attached', {
      attachments: [
        fileAttachment('report.xlsx', 'xlsx'),
        inlineImage(serviceUrl),
        { contentType: 'application/vnd.microsoft.card.adaptive', content: {} },
      ],
    });
    expect(inbound(activity)?.attachments).toEqual([
      {
        name: 'report.xlsx',
        mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        size: 0,
        url: 'https://contoso-my.sharepoint.com/personal/alice/Documents/Microsoft Teams Chat Files/report.xlsx',
      },
      {
        name: 'attachment-2.png',
        mimeType: 'image/png',
        size: 0,
        url: `${serviceUrl}v3/attachments/0-weu-d2-abc/views/original`,
      },
    ]);
  });

  it('has nothing to handle for an empty message', () => {
    expect(inbound(personalMessage(serviceUrl, alice, '   '))).toBeNull();
  });
});
