import { describe, expect, it } from 'vitest';
import {
  attachmentProblem,
  checkEmailList,
  checkSubject,
  parseCampaignAnswer,
} from '../../../src/skills/tickets/draft-validation.js';
import { shortenSubject } from '../../../src/skills/tickets/subject-shortener.js';

describe('ticket field checks', () => {
  it('a subject has at most 140 characters', () => {
    expect(checkSubject('x'.repeat(140))).toMatchObject({ ok: true });
    expect(checkSubject('x'.repeat(141))).toEqual({ ok: false, reason: 'too-long', length: 141 });
    expect(checkSubject('   ')).toMatchObject({ ok: false, reason: 'empty' });
  });

  it('proposes a shortening that fits: the first sentence, else a cut at a word with an ellipsis', () => {
    const long = `Hi team, conversions from our spring campaign stopped showing in reports. ${'We changed the checkout page and since then nothing arrives. '.repeat(3)}`;
    expect(shortenSubject(long)).toBe('Conversions from our spring campaign stopped showing in reports');
    const oneSentence = 'word '.repeat(60);
    const cut = shortenSubject(oneSentence);
    expect(cut.length).toBeLessThanOrEqual(140);
    expect(cut).toMatch(/^Word( word)+…$/);
  });

  it('a campaign ID is a number; a name is recognised as a name', () => {
    expect(parseCampaignAnswer('48213')).toEqual({ kind: 'id', id: '48213' });
    expect(parseCampaignAnswer('#48213')).toEqual({ kind: 'id', id: '48213' });
    expect(parseCampaignAnswer("it's campaign ID 48213.")).toEqual({ kind: 'id', id: '48213' });
    expect(parseCampaignAnswer('Summer Sale 2024')).toEqual({ kind: 'name', name: 'Summer Sale 2024' });
    expect(parseCampaignAnswer('Summer Sale EU')).toEqual({ kind: 'name', name: 'Summer Sale EU' });
    expect(parseCampaignAnswer('')).toEqual({ kind: 'empty' });
  });

  it('CC addresses: each checked, lower-cased, duplicates dropped, at most 10', () => {
    expect(checkEmailList('Ann@Acme.example, bob@acme.example; ann@acme.example and <cy@x.io>')).toEqual({
      ok: true,
      emails: ['ann@acme.example', 'bob@acme.example', 'cy@x.io'],
    });
    expect(checkEmailList('ann@acme.example, bob@acme')).toEqual({
      ok: false,
      reason: 'invalid',
      value: 'bob@acme',
    });
    expect(checkEmailList('not-an-email')).toMatchObject({ ok: false, reason: 'invalid' });
    const eleven = Array.from({ length: 11 }, (_, i) => `u${i}@acme.example`).join(',');
    expect(checkEmailList(eleven)).toEqual({ ok: false, reason: 'too-many', count: 11 });
    expect(checkEmailList('')).toEqual({ ok: true, emails: [] });
  });

  it('attachments: the accepted types, 25 MB each', () => {
    expect(attachmentProblem({ name: 'shot.PNG', mimeType: 'image/png', size: 10 })).toBeNull();
    expect(attachmentProblem({ name: 'trace.har', mimeType: 'application/json', size: 10 })).toBeNull();
    expect(attachmentProblem({ name: 'tool.exe', mimeType: 'application/x-msdownload', size: 10 })).toEqual({
      name: 'tool.exe',
      reason: 'type',
    });
    expect(attachmentProblem({ name: 'movie.mp4', mimeType: 'video/mp4', size: 26 * 1024 * 1024 })).toEqual({
      name: 'movie.mp4',
      reason: 'size',
    });
  });
});
