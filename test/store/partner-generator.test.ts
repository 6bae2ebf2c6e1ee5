import { describe, expect, it } from 'vitest';
import { PROSPECT_STAGES } from '../../src/store/partner-record.js';
import { generatePartnerDirectory } from '../../src/store/seed/partner-generator.js';

const anchorDate = new Date('2026-06-15T12:00:00Z');

describe('the sample partner directory', () => {
  it('is the same on every run (seeded, no Math.random)', () => {
    const random = Math.random;
    Math.random = () => {
      throw new Error('Math.random used');
    };
    try {
      expect(generatePartnerDirectory('acc_demo_brand', { anchorDate })).toEqual(
        generatePartnerDirectory('acc_demo_brand', { anchorDate }),
      );
    } finally {
      Math.random = random;
    }
  });

  it('gives both demo brands at least 300 partners with unique IDs and names, some shared between them', () => {
    const demo = generatePartnerDirectory('acc_demo_brand', { anchorDate });
    const northpeak = generatePartnerDirectory('acc_northpeak', { anchorDate });
    for (const partners of [demo, northpeak]) {
      expect(partners.length).toBeGreaterThanOrEqual(300);
      expect(new Set(partners.map((p) => p.partnerId)).size).toBe(partners.length);
      expect(new Set(partners.map((p) => p.name.toLowerCase().replace(/\W/g, ''))).size).toBe(
        partners.length,
      );
    }
    const demoIds = new Set(demo.map((p) => p.partnerId));
    expect(northpeak.filter((p) => demoIds.has(p.partnerId)).length).toBeGreaterThan(20);
  });

  it('has the partners the examples ask about in the demo brand', () => {
    const demo = generatePartnerDirectory('acc_demo_brand', { anchorDate });
    const byName = (name: string) => demo.find((p) => p.name === name);
    expect(byName('Northwind Deals')).toMatchObject({ country: 'CA', accountManager: 'Dana Whitfield' });
    expect(byName('Bright Bargains')).toMatchObject({ contactName: 'Jamie Rivera' });
    expect(byName('CouponCave')).toMatchObject({ website: 'https://couponcave.com' });
    expect(demo.find((p) => p.partnerId === '100234')).toBeDefined();
    expect(
      demo.some((p) => p.groups.includes('Premium') && p.country === 'CA' && p.contractStatus === 'Active'),
    ).toBe(true);
  });

  it('keeps prospects without contract or join date, and joins before the anchor day', () => {
    for (const p of generatePartnerDirectory('acc_northpeak', { anchorDate })) {
      const prospect = PROSPECT_STAGES.includes(p.stage);
      expect(p.contractStatus === null).toBe(prospect);
      expect(p.joinedAt === null).toBe(prospect);
      if (p.joinedAt) expect(p.joinedAt.getTime()).toBeLessThan(anchorDate.getTime() + 86_400_000);
    }
  });

  it('scales to 10k partners for one account', () => {
    const big = generatePartnerDirectory('acc_bench', { anchorDate, count: 10_000 });
    expect(big).toHaveLength(10_000);
    expect(new Set(big.map((p) => p.partnerId)).size).toBe(10_000);
  });
});
