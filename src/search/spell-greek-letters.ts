/** Names of the Greek letters as written in technical text ("IFN-γ" = "IFN-gamma", "NF-κB" = "NF-kappaB"). */
const GREEK_LETTER_NAMES: Record<string, string> = {
  α: 'alpha',
  β: 'beta',
  γ: 'gamma',
  δ: 'delta',
  ε: 'epsilon',
  ζ: 'zeta',
  η: 'eta',
  θ: 'theta',
  ι: 'iota',
  κ: 'kappa',
  λ: 'lambda',
  μ: 'mu',
  ν: 'nu',
  ξ: 'xi',
  ο: 'omicron',
  π: 'pi',
  ρ: 'rho',
  σ: 'sigma',
  ς: 'sigma',
  τ: 'tau',
  υ: 'upsilon',
  φ: 'phi',
  χ: 'chi',
  ψ: 'psi',
  ω: 'omega',
};

// A Greek letter with no Greek letter on either side: a symbol in technical text, not part of a Greek word.
const LONE_GREEK_LETTER = /(?<!\p{Script=Greek})\p{Script=Greek}(?!\p{Script=Greek})/gu;

/**
 * Spells out Greek letters used as symbols in folded text ("ifn-γ" → "ifn-gamma", "δ" → "delta"), so
 * that either way of writing them matches; Greek words are left as they are.
 */
export function spellGreekLetters(folded: string): string {
  return folded.replace(LONE_GREEK_LETTER, (letter) => GREEK_LETTER_NAMES[letter] ?? letter);
}
