/**
 * Words too common to tell sections apart; dropped from the index and from
 * queries. Apostrophes are removed before the look-up, so contractions appear
 * without them ("dont").
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  `a able about across after all almost also am among an and any are as at be because been but by can
  cannot could dear did do does either else ever every for from get got had has have he her hers him his
  how however i if in into is it its just least let like likely may me might most must my neither no nor
  not of off often on only or other our own rather said say says she should since so some than that the
  their them then there these they this tis to too twas us wants was we were what when where which while
  who whom why will with would yet you your yours im ive id youre dont doesnt didnt cant couldnt wont
  wouldnt isnt arent wasnt werent havent hasnt shouldnt thats whats theres hows lets`.split(/\s+/),
);

/**
 * Chat filler that carries no meaning in a question to a help desk
 * ("hey, quick question, pls tell me how..."). Dropped from queries only:
 * articles do not contain them in a way that matters.
 */
export const CHAT_FILLER_WORDS: ReadonlySet<string> = new Set(
  `hey hi hello hiya yo hallo pls plz please thanks thank thx ty cheers guys team folks anyone anybody
  someone somebody quick question q hmm um uh umm lol ok okay actually basically wondering wonder know
  tell explain need want wanna gonna trying tried possible way ask asking kindly sorry urgent asap`.split(
    /\s+/,
  ),
);
