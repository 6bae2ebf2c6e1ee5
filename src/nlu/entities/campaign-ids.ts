import { unique } from './entity-text.js';

/** "campaign 48213", "campaign ID: 48213", "cid=48213", "campaigns 123 and 456", "campaign #48213". */
export const CAMPAIGN_ID_PATTERN =
  /\b(?:campaigns?|cid)(?:\s*(?:id|#|no\.?|number|nr\.?))?\s*[:#=]?\s*#?\d{2,12}(?:\s*(?:,|and|&|\/)\s*#?\d{2,12})*\b/gi;

/** Campaign IDs (digits as strings), never ticket numbers. */
export function extractCampaignIds(text: string): string[] {
  const ids: string[] = [];
  for (const m of text.matchAll(CAMPAIGN_ID_PATTERN)) {
    const numbers = m[0].replace(/^\D+/, '').match(/\d{2,12}/g) ?? [];
    ids.push(...numbers);
  }
  return unique(ids);
}
