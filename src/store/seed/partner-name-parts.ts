/**
 * Words the sample directory builds partner names, people and places from.
 * Name words avoid the directory's filter words (statuses, stages, sizes,
 * business models, areas, countries, months) so sample questions stay unambiguous.
 */
export const NAME_PREFIXES: readonly string[] = (
  'Silver Golden Blue Crimson Summit Harbor Pine Cedar Oak River Lakeside Sunny Lucky Smart ' +
  'Savvy Thrifty Clever Happy Urban Coastal Alpine Trailside Swift Bold True Pure Wild Copper ' +
  'Iron Crystal Velvet Aurora Atlas Beacon Compass Horizon Meadow Orchard Ridge Canyon ' +
  'Prairie Tidal Polar Solar Lunar Nova Pixel Echo Falcon Fox Otter Badger Heron Raven Lynx ' +
  'Bison Moose Willow Birch Juniper Ember Spark Zen Frugal Penny Nickel Dime Jolly Cozy ' +
  'Rustic Breezy Misty Starlit Granite Cobalt Amber Indigo Scarlet Emerald Saffron Quill ' +
  'Kettle Lantern Harvest Bramble Thistle Clover Driftwood Sparrow'
).split(' ');

export const NAME_SUFFIXES: readonly string[] = (
  'Deals Bargains Savings Saver Finds Picks Steals Perks Hub Corner Club Lane Market Outlet ' +
  'Cave Nest Den Spot Box Drop Daily Digest Journal Guide Insider Hunter Scout Trail ' +
  'Collective Gazette Weekly Post Buzz Loop Stack Pocket Basket Cart Wallet Vault Radar ' +
  'Studio Lab Works Press Wire Junction Emporium Bazaar Haven'
).split(' ');

export const NAME_TAILS: readonly string[] =
  'Plus Pro HQ Online Central Express World Today Co Digital'.split(' ');

export const FIRST_NAMES: readonly string[] = (
  'Olivia Liam Emma Noah Ava Lucas Mia Ethan Zoe Mateo Chloe Leo Grace Owen Nina Hugo Isla ' +
  'Felix Ruby Jonah Maya Theo Clara Samir Hannah Diego Lena Kai Aisha Ravi Sofie Marco Yuki ' +
  'Omar Freya Tariq Elise Niko Amara Jonas'
).split(' ');

export const LAST_NAMES: readonly string[] = (
  'Grant Rivera Nguyen Patel Schmidt Dubois Rossi Kowalski Murphy Okafor Tanaka Silva Larsen ' +
  'Novak Hughes Moreau Fischer Costa Berg Walsh Ibrahim Kim Lopez Martin Brennan Haddad ' +
  'Jensen Romero Sato Weber'
).split(' ');

export const PROMOTIONAL_AREAS = [
  'Fashion',
  'Travel',
  'Tech',
  'Outdoor',
  'Beauty',
  'Home',
  'Finance',
  'Sports',
  'Food',
  'Family',
  'Gaming',
  'Health',
] as const;

export const BUSINESS_MODELS = [
  'coupon',
  'content',
  'creator',
  'loyalty',
  'email',
  'cashback',
  'comparison',
  'sub-network',
] as const;

/** Where sample partners are based, with weights and the states/provinces used. */
export const COUNTRY_WEIGHTS: ReadonlyArray<readonly [string, number]> = [
  ['US', 34],
  ['CA', 12],
  ['GB', 12],
  ['DE', 8],
  ['FR', 6],
  ['AU', 6],
  ['NL', 4],
  ['ES', 4],
  ['IT', 3],
  ['SE', 3],
  ['IE', 2],
  ['JP', 2],
  ['BR', 2],
  ['MX', 2],
];

export const STATES_BY_COUNTRY: Readonly<Record<string, readonly string[]>> = {
  US: ['CA', 'NY', 'TX', 'FL', 'WA', 'IL', 'CO', 'MA', 'OR', 'GA', 'NC', 'UT'],
  CA: ['ON', 'BC', 'QC', 'AB', 'NS', 'MB'],
  AU: ['NSW', 'VIC', 'QLD', 'WA'],
};

export const TLD_BY_COUNTRY: Readonly<Record<string, string>> = {
  CA: '.ca',
  GB: '.co.uk',
  DE: '.de',
  FR: '.fr',
  AU: '.com.au',
  NL: '.nl',
  ES: '.es',
  IT: '.it',
  SE: '.se',
  IE: '.ie',
  JP: '.jp',
  BR: '.com.br',
  MX: '.mx',
};
