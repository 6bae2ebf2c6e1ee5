import type { PartnerVocabulary } from '../../store/partner-repository.js';
import { editDistance } from './partner-name-index.js';
import { COUNTRIES, REGIONS } from './partner-places.js';
import type { PartnerField } from './partner-question.js';
import { phraseForms } from './partner-words.js';

/** Directory fields a question can filter on (audience country comes from context: "audience in ..."). */
export type LexFilterKey =
  | 'contractStatus'
  | 'stage'
  | 'size'
  | 'businessModel'
  | 'joinedVia'
  | 'prospectingSource'
  | 'pendingTermUpdate'
  | 'manager'
  | 'country'
  | 'region'
  | 'group'
  | 'contractName'
  | 'promotionalArea';

/** What a phrase means to the partner parser. */
export type LexTag =
  | {
      readonly kind: 'filter';
      readonly key: LexFilterKey;
      readonly values: readonly (string | null)[];
      /** The fact asked when the same words come with one partner ("email for X" → contact). */
      readonly asField?: PartnerField;
      /** Dropped when the question names a join period: "new partners this month" means joined this month. */
      readonly soft?: boolean;
    }
  | { readonly kind: 'field'; readonly field: PartnerField; readonly weak?: boolean }
  | { readonly kind: 'count' }
  | { readonly kind: 'list' }
  | { readonly kind: 'join' }
  | { readonly kind: 'when' }
  | { readonly kind: 'how' }
  | { readonly kind: 'audience' }
  | { readonly kind: 'sort'; readonly sort: 'name' | 'joined-newest' | 'joined-oldest' }
  | { readonly kind: 'unsupported' }
  | { readonly kind: 'stop' };

/** Which fact a filter answers when the question is about one partner. */
export const FIELD_OF_FILTER: Readonly<Record<LexFilterKey, PartnerField>> = {
  contractStatus: 'contractStatus',
  stage: 'stage',
  size: 'size',
  businessModel: 'businessModel',
  joinedVia: 'joinedVia',
  prospectingSource: 'prospectingSource',
  pendingTermUpdate: 'pendingTermUpdate',
  manager: 'accountManager',
  country: 'location',
  region: 'location',
  group: 'groups',
  contractName: 'contractName',
  promotionalArea: 'promotionalAreas',
};

export interface LexMatch {
  readonly length: number;
  readonly tags: readonly LexTag[];
}

/** Phrases of the directory's language, matched longest first on word forms. */
export interface PartnerLexicon {
  match(forms: readonly string[], at: number): LexMatch | null;
  /** True when the word alone means something to the parser (never a partner name on its own). */
  isKnownWord(form: string): boolean;
  /** A filter word within a typo or two of `form` ("suspnded" → suspended); null if none or several. */
  correct(form: string): LexMatch | null;
}

const filter = (key: LexFilterKey, values: readonly (string | null)[], asField?: PartnerField): LexTag =>
  asField ? { kind: 'filter', key, values, asField } : { kind: 'filter', key, values };
const field = (f: PartnerField, weak = false): LexTag =>
  weak ? { kind: 'field', field: f, weak } : { kind: 'field', field: f };
const STOP: LexTag = { kind: 'stop' };

type Phrases = ReadonlyArray<readonly [string, LexTag | readonly LexTag[]]>;

const STOP_WORDS =
  'what whats which who whom whose is are was were be been being am do does did have has had of for to me my our ' +
  'we i you your can could would will please pls tell give show get see look up lookup about info information ' +
  'detail details profile overview summary card everything on in at by from with and or any anyone there that ' +
  'this these those it its they them their he she his her currently right now still yet also just only some one ' +
  'partner affiliate publisher program hey hi hello bot thank thanks know need want like let lets help check so as ' +
  'if much many number per each whether yes same current name named called find search list our us else other ' +
  'then than ok okay into under over more less most least out up s get got doing does anything something ' +
  'sort sorted ordered display show me the a an via through thru using mostly mainly primarily since before after ' +
  'during between within last been ones whose there their still already ever waiting awaiting wait';

const STATIC_PHRASES: Phrases = [
  // How many / lists / sorting
  ['how many', { kind: 'count' }],
  ['number of', { kind: 'count' }],
  ['count', { kind: 'count' }],
  ['count of', { kind: 'count' }],
  ['total', { kind: 'count' }],
  ['list', { kind: 'list' }],
  ['list all', { kind: 'list' }],
  ['show all', { kind: 'list' }],
  ['all', { kind: 'list' }],
  ['every', { kind: 'list' }],
  ['everyone', { kind: 'list' }],
  ['by name', { kind: 'sort', sort: 'name' }],
  ['alphabetically', { kind: 'sort', sort: 'name' }],
  ['alphabetical', { kind: 'sort', sort: 'name' }],
  ['a z', { kind: 'sort', sort: 'name' }],
  ['a to z', { kind: 'sort', sort: 'name' }],
  ['by date joined', { kind: 'sort', sort: 'joined-newest' }],
  ['by join date', { kind: 'sort', sort: 'joined-newest' }],
  ['by joined date', { kind: 'sort', sort: 'joined-newest' }],
  ['by joining date', { kind: 'sort', sort: 'joined-newest' }],
  ['by date', { kind: 'sort', sort: 'joined-newest' }],
  ['newest', { kind: 'sort', sort: 'joined-newest' }],
  ['newest first', { kind: 'sort', sort: 'joined-newest' }],
  ['latest', { kind: 'sort', sort: 'joined-newest' }],
  ['most recent', { kind: 'sort', sort: 'joined-newest' }],
  ['most recently', { kind: 'sort', sort: 'joined-newest' }],
  ['recent', { kind: 'sort', sort: 'joined-newest' }],
  ['recently joined', [{ kind: 'sort', sort: 'joined-newest' }, { kind: 'join' }]],
  ['oldest', { kind: 'sort', sort: 'joined-oldest' }],
  ['oldest first', { kind: 'sort', sort: 'joined-oldest' }],
  ['earliest', { kind: 'sort', sort: 'joined-oldest' }],
  ['longest standing', { kind: 'sort', sort: 'joined-oldest' }],
  // Joining and time
  ['join', { kind: 'join' }],
  ['joined', { kind: 'join' }],
  ['joining', { kind: 'join' }],
  ['signed up', { kind: 'join' }],
  ['sign up', { kind: 'join' }],
  ['onboarded', { kind: 'join' }],
  ['came on board', { kind: 'join' }],
  ['became partner', { kind: 'join' }],
  ['become partner', { kind: 'join' }],
  ['start', { kind: 'join' }],
  ['started', { kind: 'join' }],
  ['when', { kind: 'when' }],
  ['since when', { kind: 'when' }],
  ['what date', { kind: 'when' }],
  ['what day', { kind: 'when' }],
  ['how', { kind: 'how' }],
  ['how long', field('joinedAt')],
  ['join date', field('joinedAt')],
  ['date joined', field('joinedAt')],
  ['joined date', field('joinedAt')],
  ['joining date', field('joinedAt')],
  ['start date', field('joinedAt')],
  ['date', field('joinedAt', true)],
  // Facts about one partner
  ['status', field('contractStatus')],
  ['contract status', field('contractStatus')],
  ['manager', field('accountManager')],
  ['account manager', field('accountManager')],
  ['manage', field('accountManager')],
  ['manages', field('accountManager')],
  ['managed', field('accountManager')],
  ['managing', field('accountManager')],
  ['owner', field('accountManager')],
  ['own', field('accountManager')],
  ['owns', field('accountManager')],
  ['handle', field('accountManager')],
  ['handles', field('accountManager')],
  ['handling', field('accountManager')],
  ['responsible', field('accountManager')],
  ['in charge', field('accountManager')],
  ['assigned', field('accountManager')],
  ['assigned to', field('accountManager')],
  ['look after', field('accountManager')],
  ['looks after', field('accountManager')],
  ['looking after', field('accountManager')],
  ['contact', field('contact')],
  ['contact person', field('contact')],
  ['contact name', field('contact')],
  ['contact email', field('contact')],
  ['email address', field('contact')],
  ['reach out', field('contact')],
  ['get in touch', field('contact')],
  ['talk to', field('contact')],
  ['website', field('website')],
  ['site', field('website')],
  ['web site', field('website')],
  ['url', field('website')],
  ['web address', field('website')],
  ['homepage', field('website')],
  ['domain', field('website')],
  ['link', field('website')],
  ['where', field('location', true)],
  ['based', field('location')],
  ['located', field('location')],
  ['location', field('location')],
  ['country', field('location')],
  ['state', field('location')],
  ['province', field('location')],
  ['headquartered', field('location')],
  ['group', field('groups')],
  ['label', field('groups')],
  ['segment', field('groups')],
  ['stage', field('stage')],
  ['relationship stage', field('stage')],
  ['pipeline', field('stage')],
  ['relationship', field('stage', true)],
  ['contract', field('contractName')],
  ['contract name', field('contractName')],
  ['term', field('contractName')],
  ['template', field('contractName')],
  ['template term', field('contractName')],
  ['commission plan', field('contractName')],
  ['commission', [field('contractName'), { kind: 'unsupported' }]],
  ['size', field('size')],
  ['how big', field('size')],
  ['business model', field('businessModel')],
  ['model', field('businessModel')],
  ['type', field('businessModel', true)],
  ['kind', field('businessModel', true)],
  ['promotional area', field('promotionalAreas')],
  ['area', field('promotionalAreas')],
  ['vertical', field('promotionalAreas')],
  ['topic', field('promotionalAreas')],
  ['niche', field('promotionalAreas')],
  ['promote', field('promotionalAreas')],
  ['promotes', field('promotionalAreas')],
  ['promoting', field('promotionalAreas')],
  ['cover', field('promotionalAreas')],
  ['audience', [{ kind: 'audience' }, field('audienceCountry')]],
  ['audience country', [{ kind: 'audience' }, field('audienceCountry')]],
  ['reader', [{ kind: 'audience' }, field('audienceCountry')]],
  ['media', field('media')],
  ['media property', field('media')],
  ['social account', field('media')],
  ['social media', field('media')],
  ['social', field('media')],
  ['channel', field('media')],
  ['instagram', field('media')],
  ['youtube', field('media')],
  ['tiktok', field('media')],
  ['facebook', field('media')],
  ['pinterest', field('media')],
  ['twitch', field('media')],
  ['reach', field('socialReach')],
  ['social reach', field('socialReach')],
  ['follower', field('socialReach')],
  ['subscriber', field('socialReach')],
  ['fan', field('socialReach')],
  ['following', field('socialReach')],
  ['audience size', field('socialReach')],
  ['prospecting source', field('prospectingSource')],
  ['source', field('prospectingSource')],
  ['sourced', field('prospectingSource')],
  ['did we find', field('prospectingSource')],
  ['we find', field('prospectingSource')],
  ['we found', field('prospectingSource')],
  ['found', field('prospectingSource')],
  ['come from', field('prospectingSource')],
  ['came from', field('prospectingSource')],
  ['origin', field('prospectingSource')],
  ['partner id', field('partnerId')],
  ['id', field('partnerId')],
  ['id number', field('partnerId')],
  ['partner number', field('partnerId')],
  // Contract status
  ['active', filter('contractStatus', ['Active'])],
  ['expired', filter('contractStatus', ['Expired'])],
  ['lapsed', filter('contractStatus', ['Expired'])],
  ['suspended', filter('contractStatus', ['Suspended'])],
  ['paused', filter('contractStatus', ['Suspended'])],
  ['on hold', filter('contractStatus', ['Suspended'])],
  ['inactive', filter('contractStatus', ['Expired', 'Suspended'])],
  ['not active', filter('contractStatus', ['Expired', 'Suspended'])],
  ['expired contract', filter('contractStatus', ['Expired'])],
  ['contract expired', filter('contractStatus', ['Expired'])],
  // Relationship stage
  ['new', { kind: 'filter', key: 'stage', values: ['New'], soft: true }],
  ['new stage', filter('stage', ['New'])],
  ['stage new', filter('stage', ['New'])],
  ['outreach', filter('stage', ['Outreach'])],
  ['negotiating', filter('stage', ['Negotiating'])],
  ['negotiation', filter('stage', ['Negotiating'])],
  ['joined stage', filter('stage', ['Joined'])],
  ['stage joined', filter('stage', ['Joined'])],
  ['expired stage', filter('stage', ['Expired'])],
  ['stage expired', filter('stage', ['Expired'])],
  ['prospect', filter('stage', ['New', 'Outreach', 'Negotiating'])],
  ['prospective', filter('stage', ['New', 'Outreach', 'Negotiating'])],
  // Size
  ['small', filter('size', ['Small'])],
  ['medium', filter('size', ['Medium'])],
  ['medium sized', filter('size', ['Medium'])],
  ['mid sized', filter('size', ['Medium'])],
  ['mid size', filter('size', ['Medium'])],
  ['midsize', filter('size', ['Medium'])],
  ['large', filter('size', ['Large'])],
  ['big', filter('size', ['Large'])],
  ['enterprise', filter('size', ['Enterprise'])],
  // Business model
  ['coupon', filter('businessModel', ['coupon'])],
  ['voucher', filter('businessModel', ['coupon'])],
  ['discount code', filter('businessModel', ['coupon'])],
  ['promo code', filter('businessModel', ['coupon'])],
  ['loyalty', filter('businessModel', ['loyalty'])],
  ['reward', filter('businessModel', ['loyalty'])],
  ['email', filter('businessModel', ['email'], 'contact')],
  ['newsletter', filter('businessModel', ['email'], 'media')],
  ['content', filter('businessModel', ['content'])],
  ['blog', filter('businessModel', ['content'])],
  ['blogger', filter('businessModel', ['content'])],
  ['editorial', filter('businessModel', ['content'])],
  ['creator', filter('businessModel', ['creator'])],
  ['influencer', filter('businessModel', ['creator'])],
  ['youtuber', filter('businessModel', ['creator'])],
  ['streamer', filter('businessModel', ['creator'])],
  ['cashback', filter('businessModel', ['cashback'])],
  ['cash back', filter('businessModel', ['cashback'])],
  ['comparison', filter('businessModel', ['comparison'])],
  ['price comparison', filter('businessModel', ['comparison'])],
  ['comparison shopping', filter('businessModel', ['comparison'])],
  ['subnetwork', filter('businessModel', ['sub-network'])],
  ['sub network', filter('businessModel', ['sub-network'])],
  // Direct or marketplace
  ['marketplace', filter('joinedVia', ['marketplace'])],
  ['direct', filter('joinedVia', ['direct'])],
  ['directly', filter('joinedVia', ['direct'])],
  ['invited', filter('joinedVia', ['direct'])],
  // Prospecting source
  ['application', filter('prospectingSource', ['Applications'])],
  ['applied', filter('prospectingSource', ['Applications'])],
  ['extended search', filter('prospectingSource', ['Extended Search'])],
  ['ai', filter('prospectingSource', ['AI'])],
  ['ai search', filter('prospectingSource', ['AI'])],
  ['ai suggestion', filter('prospectingSource', ['AI'])],
  ['artificial intelligence', filter('prospectingSource', ['AI'])],
  ['messaging', filter('prospectingSource', ['Messaging'])],
  ['staff recommended', filter('prospectingSource', ['Staff Recommended'])],
  ['staff recommendation', filter('prospectingSource', ['Staff Recommended'])],
  ['recommended by staff', filter('prospectingSource', ['Staff Recommended'])],
  ['recommended', filter('prospectingSource', ['Staff Recommended'])],
  ['prospect import', filter('prospectingSource', ['Prospect Import'])],
  ['imported', filter('prospectingSource', ['Prospect Import'])],
  ['import', filter('prospectingSource', ['Prospect Import'])],
  ['creator search', filter('prospectingSource', ['Creator Search'])],
  ['other source', filter('prospectingSource', ['Other'])],
  ['source other', filter('prospectingSource', ['Other'])],
  ['marketplace source', filter('prospectingSource', ['Marketplace'])],
  ['source marketplace', filter('prospectingSource', ['Marketplace'])],
  ['sourced from marketplace', filter('prospectingSource', ['Marketplace'])],
  ['found on marketplace', filter('prospectingSource', ['Marketplace'])],
  ['found in marketplace', filter('prospectingSource', ['Marketplace'])],
  ['found through marketplace', filter('prospectingSource', ['Marketplace'])],
  ['found via marketplace', filter('prospectingSource', ['Marketplace'])],
  ['prospecting source marketplace', filter('prospectingSource', ['Marketplace'])],
  // Pending term updates
  ['pending', filter('pendingTermUpdate', ['pending_proposal'])],
  ['pending proposal', filter('pendingTermUpdate', ['pending_proposal'])],
  ['proposal pending', filter('pendingTermUpdate', ['pending_proposal'])],
  ['proposal', filter('pendingTermUpdate', ['pending_proposal'])],
  ['open proposal', filter('pendingTermUpdate', ['pending_proposal'])],
  ['pending term', filter('pendingTermUpdate', ['pending_proposal'])],
  ['pending term update', filter('pendingTermUpdate', ['pending_proposal'])],
  ['new term', filter('pendingTermUpdate', ['pending_proposal'])],
  ['recently expired', filter('pendingTermUpdate', ['recently_expired'])],
  ['recently lapsed', filter('pendingTermUpdate', ['recently_expired'])],
  ['term update', filter('pendingTermUpdate', ['pending_proposal', 'recently_expired'])],
  ['needs attention', filter('pendingTermUpdate', ['pending_proposal', 'recently_expired'])],
  ['need attention', filter('pendingTermUpdate', ['pending_proposal', 'recently_expired'])],
  // Account manager: nobody
  ['unassigned', filter('manager', [null])],
  ['no manager', filter('manager', [null])],
  ['no account manager', filter('manager', [null])],
  ['without manager', filter('manager', [null])],
  ['without account manager', filter('manager', [null])],
  ['not assigned', filter('manager', [null])],
  ['nobody manages', filter('manager', [null])],
  ['no one manages', filter('manager', [null])],
  // Promotional areas
  ['fashion', filter('promotionalArea', ['Fashion'])],
  ['clothing', filter('promotionalArea', ['Fashion'])],
  ['apparel', filter('promotionalArea', ['Fashion'])],
  ['travel', filter('promotionalArea', ['Travel'])],
  ['tech', filter('promotionalArea', ['Tech'])],
  ['technology', filter('promotionalArea', ['Tech'])],
  ['electronics', filter('promotionalArea', ['Tech'])],
  ['gadget', filter('promotionalArea', ['Tech'])],
  ['outdoor', filter('promotionalArea', ['Outdoor'])],
  ['outdoors', filter('promotionalArea', ['Outdoor'])],
  ['hiking', filter('promotionalArea', ['Outdoor'])],
  ['camping', filter('promotionalArea', ['Outdoor'])],
  ['beauty', filter('promotionalArea', ['Beauty'])],
  ['cosmetics', filter('promotionalArea', ['Beauty'])],
  ['skincare', filter('promotionalArea', ['Beauty'])],
  ['home', filter('promotionalArea', ['Home'])],
  ['home and garden', filter('promotionalArea', ['Home'])],
  ['decor', filter('promotionalArea', ['Home'])],
  ['finance', filter('promotionalArea', ['Finance'])],
  ['personal finance', filter('promotionalArea', ['Finance'])],
  ['sport', filter('promotionalArea', ['Sports'])],
  ['fitness', filter('promotionalArea', ['Sports'])],
  ['food', filter('promotionalArea', ['Food'])],
  ['cooking', filter('promotionalArea', ['Food'])],
  ['recipe', filter('promotionalArea', ['Food'])],
  ['family', filter('promotionalArea', ['Family'])],
  ['parenting', filter('promotionalArea', ['Family'])],
  ['gaming', filter('promotionalArea', ['Gaming'])],
  ['game', filter('promotionalArea', ['Gaming'])],
  ['video game', filter('promotionalArea', ['Gaming'])],
  ['health', filter('promotionalArea', ['Health'])],
  ['wellness', filter('promotionalArea', ['Health'])],
  // Things the directory does not have
  ...[
    'revenue',
    'sale',
    'click',
    'conversion',
    'earning',
    'payout',
    'traffic',
    'epc',
    'aov',
    'ctr',
    'roi',
    'order',
    'rating',
    'score',
    'language',
    'age',
    'gender',
    'performance',
    'profit',
    'spend',
    'cost',
    'gmv',
    'impression',
    'fraud',
    'lead',
    'visit',
    'visitor',
    'device',
    'rank',
    'ranking',
    'payment',
    'invoice',
    'tax',
  ].map((w) => [w, { kind: 'unsupported' }] as const),
];

interface Entry {
  readonly forms: readonly string[];
  readonly tags: LexTag[];
}

class LexiconBuilder {
  private readonly byFirst = new Map<string, Entry[]>();
  private readonly byPhrase = new Map<string, Entry>();

  add(phrase: string, tags: LexTag | readonly LexTag[], mode: 'replace' | 'keep' = 'replace'): void {
    const forms = phraseForms(phrase);
    if (forms.length === 0) return;
    const key = forms.join(' ');
    const list = Array.isArray(tags) ? [...(tags as readonly LexTag[])] : [tags as LexTag];
    const known = this.byPhrase.get(key);
    if (known) {
      if (mode === 'replace') known.tags.splice(0, known.tags.length, ...list);
      return;
    }
    const entry: Entry = { forms, tags: list };
    this.byPhrase.set(key, entry);
    const bucket = this.byFirst.get(forms[0]!);
    if (bucket) bucket.push(entry);
    else this.byFirst.set(forms[0]!, [entry]);
  }

  has(phrase: string): boolean {
    return this.byPhrase.has(phraseForms(phrase).join(' '));
  }

  build(): PartnerLexicon {
    for (const bucket of this.byFirst.values()) bucket.sort((a, b) => b.forms.length - a.forms.length);
    const byFirst = this.byFirst;
    const byPhrase = this.byPhrase;
    const filterWords = [...byPhrase.entries()].filter(
      ([key, e]) => !key.includes(' ') && key.length >= 4 && e.tags.some((t) => t.kind === 'filter'),
    );
    return {
      match(forms, at) {
        for (const entry of byFirst.get(forms[at]!) ?? []) {
          if (entry.forms.every((f, k) => forms[at + k] === f)) {
            return { length: entry.forms.length, tags: entry.tags };
          }
        }
        return null;
      },
      isKnownWord: (form) => byPhrase.has(form),
      correct(form) {
        if (form.length < 4) return null;
        const allowed = form.length >= 8 ? 2 : 1;
        const close = filterWords.filter(
          ([key]) => Math.abs(key.length - form.length) <= allowed && editDistance(key, form) <= allowed,
        );
        return close.length === 1 ? { length: 1, tags: close[0]![1].tags } : null;
      },
    };
  }
}

const STATIC = (() => {
  const builder = new LexiconBuilder();
  for (const w of STOP_WORDS.split(' ')) builder.add(w, STOP);
  for (const [phrase, tags] of STATIC_PHRASES) builder.add(phrase, tags);
  return builder;
})();

function addPlaces(builder: LexiconBuilder): void {
  for (const c of COUNTRIES) {
    for (const name of [c.name, ...c.aliases]) builder.add(name, filter('country', [c.code]));
  }
  for (const [country, regions] of Object.entries(REGIONS)) {
    for (const r of regions) {
      for (const name of [r.name, ...r.aliases])
        builder.add(name, filter('region', [`${country}-${r.code}`]));
    }
  }
  // "US" is recognised from its capitals by the parser and handed over as "usa".
}

/**
 * The lexicon for one account: the directory's fixed words plus its own group
 * names, managers, contract names, business models and promotional areas.
 */
export function createPartnerLexicon(vocabulary: PartnerVocabulary): PartnerLexicon {
  const builder = new LexiconBuilder();
  for (const [phrase, tags] of STATIC_PHRASES) builder.add(phrase, tags);
  for (const w of STOP_WORDS.split(' ')) builder.add(w, STOP, 'keep');
  addPlaces(builder);

  for (const model of vocabulary.businessModels) builder.add(model, filter('businessModel', [model]), 'keep');
  for (const area of vocabulary.promotionalAreas)
    builder.add(area, filter('promotionalArea', [area]), 'keep');
  for (const contract of vocabulary.contractNames) {
    builder.add(contract, filter('contractName', [contract]));
    // "the standard CPS contract" for "Standard 8% CPS": the name without its numbers.
    const words = contract.replace(/[\d.,]+%?/g, ' ').trim();
    if (words !== contract && phraseForms(words).length >= 2 && !STATIC.has(words)) {
      builder.add(words, filter('contractName', [contract]), 'keep');
    }
  }
  for (const group of vocabulary.groups) {
    const tag = filter('group', [group]);
    builder.add(`${group} group`, tag);
    builder.add(`group ${group}`, tag);
    // A group named like a fixed word ("Loyalty") needs the word "group"; others stand alone.
    if (!STATIC.has(group)) builder.add(group, tag);
  }
  const firstNames = new Map<string, string[]>();
  const lastNames = new Map<string, string[]>();
  for (const manager of vocabulary.managers) {
    builder.add(manager, filter('manager', [manager]));
    const parts = manager.split(/\s+/);
    if (parts.length > 1) {
      firstNames.set(parts[0]!, [...(firstNames.get(parts[0]!) ?? []), manager]);
      const last = parts[parts.length - 1]!;
      lastNames.set(last, [...(lastNames.get(last) ?? []), manager]);
    }
  }
  for (const [name, managers] of [...firstNames, ...lastNames]) {
    if (!STATIC.has(name)) builder.add(name, filter('manager', managers), 'keep');
  }
  return builder.build();
}
