import type lunr from 'lunr';

/**
 * lunr's index reduced to what ranking reads: for every index word, the
 * sections containing it and lunr's BM25 weight summed over the fields
 * (field boosts included). Typed arrays, so a worker can transfer it without copying.
 */
export interface CompactIndex {
  /** Section ids by document number. */
  refs: string[];
  /** Index words, sorted. */
  terms: string[];
  /** `offsets[t]..offsets[t+1]` is the posting range of `terms[t]`. */
  offsets: Int32Array;
  /** Document numbers, ascending within each posting. */
  docs: Int32Array;
  weights: Float32Array;
}

/** The parts of lunr.Index that @types/lunr does not declare but lunr exposes as public properties. */
interface LunrIndexInternals {
  invertedIndex: Record<string, { _index: number }>;
  fieldVectors: Record<string, { elements: number[] }>;
}

/**
 * Reads lunr's inverted index and field vectors into a {@link CompactIndex}.
 * Scores computed from it equal lunr's `Index#query` scores (see the tests).
 */
export function compactLunrIndex(index: lunr.Index): CompactIndex {
  const internals = index as unknown as LunrIndexInternals;
  const terms = Object.keys(internals.invertedIndex).sort();
  const termByLunrIndex = new Map<number, number>();
  terms.forEach((term, t) => {
    termByLunrIndex.set(internals.invertedIndex[term]!._index, t);
  });

  const refs: string[] = [];
  const docByRef = new Map<string, number>();
  const postingDocs: number[][] = terms.map(() => []);
  const postingWeights: number[][] = terms.map(() => []);
  for (const [fieldRef, vector] of Object.entries(internals.fieldVectors)) {
    const ref = fieldRef.slice(fieldRef.indexOf('/') + 1);
    let doc = docByRef.get(ref);
    if (doc === undefined) {
      doc = refs.length;
      refs.push(ref);
      docByRef.set(ref, doc);
    }
    const elements = vector.elements;
    for (let i = 0; i < elements.length; i += 2) {
      const t = termByLunrIndex.get(elements[i]!);
      if (t === undefined) continue;
      const docs = postingDocs[t]!;
      const weights = postingWeights[t]!;
      // Fields of one section arrive one after another: add to the same entry.
      if (docs[docs.length - 1] === doc) weights[weights.length - 1]! += elements[i + 1]!;
      else {
        docs.push(doc);
        weights.push(elements[i + 1]!);
      }
    }
  }

  const offsets = new Int32Array(terms.length + 1);
  let total = 0;
  terms.forEach((_, t) => {
    offsets[t] = total;
    total += postingDocs[t]!.length;
  });
  offsets[terms.length] = total;
  const docs = new Int32Array(total);
  const weights = new Float32Array(total);
  terms.forEach((_, t) => {
    sortPosting(postingDocs[t]!, postingWeights[t]!);
    docs.set(postingDocs[t]!, offsets[t]!);
    weights.set(postingWeights[t]!, offsets[t]!);
  });
  return { refs, terms, offsets, docs, weights };
}

/** Puts a posting in document order and merges repeats (only needed if lunr ever reorders field vectors). */
function sortPosting(docs: number[], weights: number[]): void {
  let sorted = true;
  for (let i = 1; i < docs.length && sorted; i++) sorted = docs[i - 1]! < docs[i]!;
  if (sorted) return;
  const merged = new Map<number, number>();
  docs.forEach((doc, i) => {
    merged.set(doc, (merged.get(doc) ?? 0) + weights[i]!);
  });
  const order = [...merged.keys()].sort((a, b) => a - b);
  docs.length = 0;
  weights.length = 0;
  for (const doc of order) {
    docs.push(doc);
    weights.push(merged.get(doc)!);
  }
}
