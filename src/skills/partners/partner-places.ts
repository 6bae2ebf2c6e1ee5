/**
 * Countries (every ISO 3166-1 alpha-2 code) and the states/provinces the directory
 * stores as codes (US, Canada, Australia), with the words people type for them
 * ("Canada", "Canadian", "the UK"). The lists are data: content/places/*.yml.
 * Written apart from the intent engine's country extractor so that the partner
 * parser and the CSV import know names, adjectives and regions alike.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { z } from 'zod';
import { BotError } from '../../core/errors.js';
import { foldAccents } from '../../search/fold-accents.js';

export interface Place {
  readonly code: string;
  readonly name: string;
  /** Lower-case phrases that name the place, besides its name. */
  readonly aliases: readonly string[];
}

const placeSchema = z.object({
  code: z.string().regex(/^[A-Z]{2,3}$/, 'two or three capital letters'),
  name: z.string().min(1),
  aliases: z.array(z.string().min(1)).default([]),
});
const countriesSchema = z.array(
  placeSchema.extend({ code: z.string().regex(/^[A-Z]{2}$/, 'two capital letters') }),
);
const regionsSchema = z.record(z.string().regex(/^[A-Z]{2}$/), z.array(placeSchema));

function readPlaces<T>(name: string, schema: z.ZodType<T>): T {
  const file = fileURLToPath(new URL(`../../../content/places/${name}`, import.meta.url));
  const parsed = schema.safeParse(parse(readFileSync(file, 'utf8')));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new BotError(
      'content_invalid',
      `${file}: ${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}`,
    );
  }
  return parsed.data;
}

export const COUNTRIES: readonly Place[] = readPlaces('countries.yml', countriesSchema);

/** States and provinces, keyed by country; stored as their postal codes ("CA", "ON"). */
export const REGIONS: Readonly<Record<string, readonly Place[]>> = readPlaces('regions.yml', regionsSchema);

/**
 * The key a place is looked up by: lower case, accents, punctuation and a leading
 * "the" dropped, "&" read as "and", "St." as "Saint" ("Côte d’Ivoire" = "cote divoire").
 */
export function placeKey(text: string): string {
  return foldAccents(text)
    .replace(/&/g, ' and ')
    .replace(/['’.()]/g, '')
    .replace(/[\s,_-]+/g, ' ')
    .trim()
    .replace(/^the /, '')
    .replace(/^st /, 'saint ');
}

function byKey(places: readonly Place[]): ReadonlyMap<string, Place> {
  const map = new Map<string, Place>();
  for (const p of places) {
    for (const text of [p.code, p.name, ...p.aliases]) {
      const key = placeKey(text);
      if (!map.has(key)) map.set(key, p);
    }
  }
  return map;
}

const countryByCode = new Map(COUNTRIES.map((c) => [c.code, c]));
const countryByKey = byKey(COUNTRIES);
const regionsByKey = new Map(Object.entries(REGIONS).map(([country, list]) => [country, byKey(list)]));

/** The country's display name ("CA" → "Canada"), or the code itself when unknown. */
export function countryName(code: string): string {
  return countryByCode.get(code.toUpperCase())?.name ?? code;
}

/** The region's display name ("US", "TX" → "Texas"), or the code itself when unknown. */
export function regionName(country: string | null, code: string): string {
  const regions = country ? REGIONS[country.toUpperCase()] : undefined;
  return regions?.find((r) => r.code === code.toUpperCase())?.name ?? code;
}

/** A country given as an ISO code or a name/alias ("lu", "Luxembourg", "the UK"), as its ISO code. */
export function countryCodeOf(text: string): string | null {
  const key = placeKey(text);
  return key === '' ? null : (countryByKey.get(key)?.code ?? null);
}

/** A state/province given as a code or a name, as its code, within a country (or any country). */
export function regionCodeOf(text: string, country: string | null): string | null {
  const key = placeKey(text);
  if (key === '') return null;
  const maps = country ? [regionsByKey.get(country.toUpperCase())] : [...regionsByKey.values()];
  for (const map of maps) {
    const region = map?.get(key);
    if (region) return region.code;
  }
  return null;
}

/** What a place code or name can mean: a country, states/provinces ("US-WA"), or both ("CA", "Georgia"). */
export interface PlaceMeaning {
  readonly country: string | null;
  readonly regions: readonly string[];
}

/** The places a directory has partners in: country codes, and states as "US-TX". */
export interface DirectoryPlaces {
  readonly countries?: readonly string[];
  readonly regions?: readonly string[];
}

/** Every country and state/province code with what it can mean ("WA": Washington and Western Australia). */
export const PLACE_CODES: ReadonlyMap<string, PlaceMeaning> = (() => {
  const codes = new Map<string, { country: string | null; regions: string[] }>();
  const at = (code: string) => codes.get(code) ?? codes.set(code, { country: null, regions: [] }).get(code)!;
  for (const c of COUNTRIES) at(c.code).country = c.code;
  for (const [country, regions] of Object.entries(REGIONS)) {
    for (const r of regions) at(r.code).regions.push(`${country}-${r.code}`);
  }
  return codes;
})();

/**
 * The one reading of a code or name that can mean several places: those the
 * directory has partners in; when it has all or none of them, the country for a
 * code ("CA" is Canada) and the state for a name ("Georgia" is the US state).
 */
export function resolvePlace(
  meaning: PlaceMeaning,
  directory: DirectoryPlaces,
  prefer: 'country' | 'region',
): PlaceMeaning {
  let { country, regions } = meaning;
  if (directory.countries && directory.regions) {
    const hasCountry = country !== null && directory.countries.includes(country);
    const hasRegions = regions.filter((r) => directory.regions!.includes(r));
    if (hasCountry || hasRegions.length > 0) {
      country = hasCountry ? country : null;
      regions = hasRegions;
    }
  }
  if (country === null || regions.length === 0) return { country, regions };
  return prefer === 'country' ? { country, regions: [] } : { country: null, regions };
}
