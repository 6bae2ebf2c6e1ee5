import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HelpCenter, loadHelpCenter } from '../../src/search/help-center.js';
import { parseArticle } from '../../src/search/parse-article.js';
import { DEFAULT_QUERY_OPTIONS } from '../../src/search/ranking-options.js';

const FENCE = '```';
const PIXEL = `---
title: Set up the tracking pixel
slug: set-up-the-tracking-pixel
audience: brand
category: Tracking
tags: [pixel, tag]
---
The tracking pixel reports each order from your shop to the platform.

## Install the conversion tag
<!-- asked: what values go in the conversion tag | pay a different commission for new customers -->
Add the conversion tag to the order confirmation page and fill in the values from your shop:

${FENCE}html
<script>
  platformTag('conversion', { order_id: 'SO-10045', amount: 74.90, currency: 'EUR' });
</script>
${FENCE}

| Parameter | What to send |
|---|---|
| \`amount\` | Order value, dot as decimal separator |
| \`customer_type\` | \`new\` or \`returning\`, for a different commission on new customers |

## Check it works
Send a test order and look for it in the event log.
`;

const CURRENCIES = `---
title: Currencies in payments
slug: currencies
audience: all
category: Payments
tags: [currency]
---
How money is converted between currencies.

## Supported payout currencies
Bank payouts are available in USD, EUR, GBP and CHF.
`;

/** Articles on other topics, so that the words of the question are rare in the help center as they are in ours. */
const OTHER_TOPICS = [
  'login',
  'reports',
  'tickets',
  'contracts',
  'groups',
  'messages',
  'banners',
  'feeds',
].map(
  (topic) => `---
title: Manage ${topic}
slug: manage-${topic}
audience: all
category: Other
tags: [${topic}]
---
Everything about ${topic} in one place.

## Create ${topic}
Open **${topic}** and select **New**. Give it a name and save.

## Remove ${topic}
Open the list of ${topic}, select one and choose **Remove**.
`,
);

describe('code samples in help articles', () => {
  it('keeps fenced code in the shown text but apart from the prose; inline code names things and stays prose', () => {
    const [, install] = parseArticle('tracking/pixel.md', PIXEL, 'https://help.example.com').sections;
    expect(install?.text).toContain("currency: 'EUR'");
    expect(install?.text).toContain('customer_type');
    expect(install?.prose).not.toMatch(/EUR|platformTag/);
    expect(install?.prose).toContain('customer_type · new or returning');
    expect(install?.code.split('\n')).toEqual(
      expect.arrayContaining([
        "platformTag('conversion', { order_id: 'SO-10045', amount: 74.90, currency: 'EUR' });",
      ]),
    );
    expect(install?.code).not.toContain('customer_type');
  });

  describe('ranking and confidence', () => {
    let dir: string;
    let center: HelpCenter;
    let pixelOnly: HelpCenter;
    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), 'code-samples-'));
      const write = async (folder: string, files: Record<string, string>) => {
        await mkdir(join(dir, folder), { recursive: true });
        for (const [name, text] of Object.entries(files)) await writeFile(join(dir, folder, name), text);
      };
      const others = Object.fromEntries(OTHER_TOPICS.map((text, i) => [`other-${i}.md`, text]));
      await write('all', { ...others, 'pixel.md': PIXEL, 'currencies.md': CURRENCIES });
      await write('pixel-only', { ...others, 'pixel.md': PIXEL });
      // The phrasing similarity is off here, to see the code samples' credit alone: with it, the pixel
      // section's asked "pay a different commission for new customers" shares "pay" with the question and
      // outweighs the currencies section, whose only phrasings are its heading and title.
      center = await loadHelpCenter({
        docsDir: join(dir, 'all'),
        useWorker: false,
        queryOptions: { ...DEFAULT_QUERY_OPTIONS, sectionPhrasingWeight: 0, articlePhrasingWeight: 0 },
      });
      pixelOnly = await loadHelpCenter({ docsDir: join(dir, 'pixel-only'), useWorker: false });
    });
    afterAll(async () => {
      center.close();
      pixelOnly.close();
      await rm(dir, { recursive: true, force: true });
    });

    it('ranks a section that speaks of a word above one whose code sample merely contains it', () => {
      const result = center.search('can i pay partners in EUR', { audience: 'brand' });
      expect(result.hits[0]?.section.id).toBe('currencies#supported-payout-currencies');
    });

    it('is not confident when the question word is found only in a code sample', () => {
      const result = pixelOnly.search('can we pay in EUR', { audience: 'brand' });
      expect(result.hits[0]?.section.id).toBe('set-up-the-tracking-pixel#install-the-conversion-tag');
      expect(result.confident).toBe(false);
    });

    it('answers a question about a parameter its reference table names in inline code', () => {
      const result = pixelOnly.search('what does customer_type mean', { audience: 'brand' });
      expect(result.hits[0]?.section.id).toBe('set-up-the-tracking-pixel#install-the-conversion-tag');
      expect(result.confident).toBe(true);
    });

    it('still finds a section by words it says outside its code', () => {
      const result = pixelOnly.search('where does the conversion tag go', { audience: 'brand' });
      expect(result.hits[0]?.section.id).toBe('set-up-the-tracking-pixel#install-the-conversion-tag');
    });
  });
});
