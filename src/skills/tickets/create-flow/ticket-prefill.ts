import type { UserKind } from '../../../domain/user.js';
import { checkSubject, MIN_DESCRIPTION_CHARS } from '../draft-validation.js';
import { suggestIssueType } from '../issue-type-suggester.js';
import { shortenSubject } from '../subject-shortener.js';
import type { TicketEntities } from '../ticket-entities.js';
import { withoutCreateRequest } from './create-request-words.js';
import { emptyDraft, type TicketDraft } from './ticket-draft.js';

const LEADING = /^(?:(?:hi|hello|hey|ok|okay|so|please|pls|thanks)\b[\s,!.]*)+/i;
/** A remaining text shorter than this is not a subject ("please", "for me"). */
const MIN_SUBJECT_WORDS = 3;

/**
 * What the request already says: "open a ticket: the tracking pixel stopped firing on
 * campaign 48213" gives the subject, the campaign ID and a suggested issue type. A text
 * too long for a subject becomes the description, with a shortened subject to confirm.
 */
export function prefillDraft(text: string, entities: TicketEntities, kind: UserKind): TicketDraft {
  const draft = emptyDraft();
  const rest = withoutCreateRequest(text)
    .replace(/^[\s:,;.\-–—!?]+/, '')
    .replace(LEADING, '')
    .replace(/[\s:,;\-–—]+$/, '')
    .replace(/\s+/g, ' ')
    .trim();
  const campaignId = entities.campaignIds[0];
  if (campaignId) {
    draft.campaignSpecific = true;
    draft.campaignId = campaignId;
  }
  if (rest.split(' ').filter((w) => /[a-z0-9]/i.test(w)).length < MIN_SUBJECT_WORDS) return draft;
  const subject = checkSubject(rest);
  if (subject.ok) {
    draft.subject = capitalise(subject.subject);
  } else {
    draft.subjectProposal = capitalise(shortenSubject(rest));
    draft.longSubjectLength = rest.length;
    draft.description = text.trim();
  }
  draft.suggestedIssueType = suggestIssueType(rest, kind)?.id ?? null;
  return draft;
}

/**
 * A help-doc question the docs did not answer, as a draft: the question is the
 * description, and the subject (shortened to the limit when longer). The docs
 * already showed what they had for it, so the suggested articles are not offered again.
 */
export function draftFromQuestion(question: string, entities: TicketEntities, kind: UserKind): TicketDraft {
  const draft = emptyDraft();
  const text = question.replace(/\s+/g, ' ').trim();
  const subject = checkSubject(text);
  draft.subject = capitalise(subject.ok ? subject.subject : shortenSubject(text));
  if (question.trim().length >= MIN_DESCRIPTION_CHARS) draft.description = question.trim();
  const campaignId = entities.campaignIds[0];
  if (campaignId) {
    draft.campaignSpecific = true;
    draft.campaignId = campaignId;
  }
  draft.suggestedIssueType = suggestIssueType(text, kind)?.id ?? null;
  draft.suggestionsDone = true;
  return draft;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
