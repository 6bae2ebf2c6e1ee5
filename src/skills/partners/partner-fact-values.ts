import type { Responses } from '../../core/responses.js';
import type { PartnerFilter } from '../../store/partner-filter.js';
import type { PartnerView } from '../../store/partner-repository.js';
import { countryName, regionName } from './partner-places.js';
import type { PartnerField } from './partner-question.js';

const numberFormat = new Intl.NumberFormat('en-US');

/** A day as the directory's exports write it (YYYY-MM-DD, UTC). */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function placeOf(partner: Pick<PartnerView, 'country' | 'state'>): string {
  if (!partner.country) return '';
  const country = countryName(partner.country);
  return partner.state ? `${regionName(partner.country, partner.state)}, ${country}` : country;
}

/** One fact of a partner, worded for the chat. */
export function factValue(field: PartnerField, p: PartnerView, responses: Responses): string {
  const { t } = responses;
  const or = (value: string | null | undefined, empty = t('partners.values.empty')) => value || empty;
  switch (field) {
    case 'partnerId':
      return p.partnerId;
    case 'website':
      return p.website ? `[${p.domain ?? p.website}](${p.website})` : t('partners.values.empty');
    case 'location':
      return or(placeOf(p));
    case 'contractStatus':
      return or(p.contractStatus, t('partners.values.no_contract'));
    case 'contractName':
      return or(p.contractName, t('partners.values.no_contract'));
    case 'groups':
      return p.groups.length > 0 ? p.groups.join(', ') : t('partners.values.no_groups');
    case 'joinedAt':
      return p.joinedAt ? isoDay(p.joinedAt) : t('partners.values.not_joined');
    case 'joinedVia':
      return t(`partners.values.${p.joinedVia}`);
    case 'size':
      return or(p.size);
    case 'businessModel':
      return or(p.businessModel);
    case 'stage':
      return p.stage;
    case 'accountManager':
      return or(p.accountManager, t('partners.values.unassigned'));
    case 'contact':
      if (!p.contactName && !p.contactEmail) return t('partners.values.empty');
      return [p.contactName, p.contactEmail ? `[${p.contactEmail}](mailto:${p.contactEmail})` : null]
        .filter(Boolean)
        .join(', ');
    case 'promotionalAreas':
      return p.promotionalAreas.length > 0 ? p.promotionalAreas.join(', ') : t('partners.values.empty');
    case 'audienceCountry':
      return p.audienceCountry ? countryName(p.audienceCountry) : t('partners.values.empty');
    case 'media':
      return p.media.length > 0
        ? p.media
            .map((m) => `[${m.kind}](${m.url})${m.reach > 0 ? ` (${numberFormat.format(m.reach)})` : ''}`)
            .join(', ')
        : t('partners.values.empty');
    case 'socialReach':
      return t('partners.values.followers', { count: numberFormat.format(p.socialReach) });
    case 'prospectingSource':
      return or(p.prospectingSource);
    case 'pendingTermUpdate':
      return p.pendingTermUpdate
        ? t(`partners.values.${p.pendingTermUpdate}`)
        : t('partners.values.none_pending');
  }
}

/** A filter in words: "contract Active · in Canada · group Premium". */
export function describeFilter(filter: PartnerFilter, responses: Responses): string {
  const { t } = responses;
  const or = t('partners.filter_parts.or');
  const parts: string[] = [];
  const add = (key: string, values: readonly string[] | undefined) => {
    if (values && values.length > 0)
      parts.push(t(`partners.filter_parts.${key}`, { values: values.join(or) }));
  };
  add('contractStatus', filter.contractStatus);
  add('stage', filter.stage);
  add('country', filter.country?.map(countryName));
  add(
    'region',
    filter.region?.map((r) => {
      const [country, code] = r.split('-') as [string, string];
      return regionName(country, code);
    }),
  );
  add('group', filter.group);
  add('businessModel', filter.businessModel);
  add(
    'manager',
    filter.manager?.map((m) => m ?? t('partners.values.unassigned')),
  );
  add(
    'pendingTermUpdate',
    filter.pendingTermUpdate?.map((v) => t(`partners.values.${v}`)),
  );
  add(
    'joinedVia',
    filter.joinedVia?.map((v) => t(`partners.values.${v}`)),
  );
  add('size', filter.size);
  add('prospectingSource', filter.prospectingSource);
  add('contractName', filter.contractName);
  add('promotionalArea', filter.promotionalArea);
  add('audienceCountry', filter.audienceCountry?.map(countryName));
  const from = filter.joined?.from ? isoDay(new Date(filter.joined.from)) : null;
  // The stored bound is exclusive; people read "to" as the last day included.
  const to = filter.joined?.to ? isoDay(new Date(new Date(filter.joined.to).getTime() - 86_400_000)) : null;
  const before = filter.joined?.to ? isoDay(new Date(filter.joined.to)) : null;
  if (from && to) parts.push(t('partners.filter_parts.joined_between', { from, to }));
  else if (from) parts.push(t('partners.filter_parts.joined_since', { from }));
  else if (before) parts.push(t('partners.filter_parts.joined_before', { to: before }));
  const min = filter.reach?.min;
  const max = filter.reach?.max;
  if (min !== undefined && max !== undefined) {
    parts.push(
      t('partners.filter_parts.reach_between', {
        min: numberFormat.format(min),
        max: numberFormat.format(max),
      }),
    );
  } else if (min !== undefined)
    parts.push(t('partners.filter_parts.reach_min', { min: numberFormat.format(min) }));
  else if (max !== undefined)
    parts.push(t('partners.filter_parts.reach_max', { max: numberFormat.format(max) }));
  return parts.length > 0 ? parts.join(' · ') : t('partners.all_partners');
}
