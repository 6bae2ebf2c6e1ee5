import type { FeatureTransformer } from './feature-extractor.js';
import type { NetworkMix } from './network-mix.js';
import { permuteNetworkInputRows } from './quantised-network.js';
import { permuteSparseLinearRows, type SparseLinearModel } from './sparse-linear-model.js';

/** The parts of a trained classifier that are indexed by feature. */
export interface FeatureIndexedParts {
  readonly transformer: FeatureTransformer;
  readonly model: SparseLinearModel;
  readonly mix?: NetworkMix;
}

/**
 * The same parts with the vocabulary's features renumbered in the order the transformer's index lays out
 * their keys, which spares the index a position per feature (see KeyPositions); the features past the
 * vocabulary (the unknown-word feature) keep their numbers. Training numbers features by first
 * occurrence and is left so; renumbering afterwards changes nothing but the order in which a message's
 * feature weights are summed (scores equal to rounding).
 */
export function inHashOrder(parts: FeatureIndexedParts): FeatureIndexedParts {
  const { transformer, order } = parts.transformer.inHashOrder();
  if (transformer === parts.transformer) return parts;
  for (let f = order.length; f < parts.model.features; f++) order.push(f);
  return {
    transformer,
    model: permuteSparseLinearRows(parts.model, order),
    ...(parts.mix
      ? { mix: { ...parts.mix, network: permuteNetworkInputRows(parts.mix.network, order) } }
      : {}),
  };
}
