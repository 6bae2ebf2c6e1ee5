/**
 * Words and phrases users and articles use for the same thing on a
 * partnership platform. Each inner list is one group; a query that contains
 * any member also searches the others, at a lower weight than what was typed.
 * Plurals need no entry (words are stemmed).
 */
export const DOMAIN_SYNONYMS: ReadonlyArray<ReadonlyArray<string>> = [
  ['payout', 'payment', 'pay out', 'withdrawal'],
  ['pixel', 'tag', 'tracking tag', 'tracking pixel', 'snippet'],
  ['promo code', 'coupon code', 'discount code', 'voucher', 'coupon', 'promotional code'],
  ['affiliate', 'partner', 'publisher'],
  ['creator', 'influencer'],
  ['login', 'log in', 'sign in', 'signin', 'log on', 'logon'],
  ['logout', 'log out', 'sign out', 'signout'],
  ['signup', 'sign up', 'register', 'registration'],
  ['2fa', 'two-factor', 'two factor authentication', 'mfa', 'multi-factor', 'authenticator', '2-step'],
  ['invoice', 'bill', 'billing'],
  ['email', 'e-mail', 'mail'],
  ['delete', 'remove'],
  ['ticket', 'support request', 'case'],
  ['contract', 'terms', 'agreement'],
  ['report', 'reporting', 'analytics', 'stats', 'statistics'],
  ['link', 'url', 'tracking link'],
  ['teammate', 'team member', 'colleague', 'coworker', 'user seat'],
  ['group', 'label'],
  ['live chat', 'agent', 'human', 'real person', 'representative'],
  ['business hours', 'opening hours', 'office hours', 'support hours'],
  ['tax form', 'w-9', 'w9', 'w-8ben', 'w8ben'],
  ['bank account', 'bank details', 'banking details', 'iban'],
  ['password', 'passcode'],
  ['commission', 'payout rate', 'reward'],
  ['conversion', 'sale', 'action', 'transaction'],
  ['ad', 'banner', 'creative'],
  ['bulk', 'batch', 'mass', 'many at once'],
  ['cancel', 'terminate', 'end'],
];
