import { createRequire } from 'node:module';
import {
  DEFAULT_CLASSIFIER_OPTIONS,
  type IntentClassifier,
  inScopeConfidence,
  NONE_LABEL,
  trainIntentClassifier,
} from '../src/nlu/classifier/intent-classifier.js';
import { fitTemperature } from '../src/nlu/classifier/temperature-calibration.js';
import type { LabelledText } from './intents-datasets.js';

/** What a benchmarked system says about one message: its in-scope guess (null = "none") and confidence. */
export interface SystemDecision {
  readonly predicted: string | null;
  readonly confidence: number;
}

/** A classifier under test: trained once per run, then asked about every validation and test message. */
export interface BenchSystem {
  readonly name: string;
  readonly note: string;
  train(train: readonly LabelledText[], validation: readonly LabelledText[]): Promise<void>;
  classify(text: string): Promise<SystemDecision> | SystemDecision;
  /** Drops the trained model, so that the memory it held can be measured by its release. */
  dispose(): void;
}

const require = createRequire(import.meta.url);

/**
 * Our classifier: temperature fitted on the validation split's in-scope messages; confidence mixes the
 * top in-scope probability with how typical the message is of the training data.
 */
export function ourSystem(): BenchSystem {
  let classifier: IntentClassifier | undefined;
  let noneIndex = -1;
  return {
    name: 'ours',
    note: 'word 1-2-gram (Porter stems) + char 2-5-gram TF-IDF; multi-class hinge by SGD mixed with a 64-unit ReLU network; temperature-scaled softmax; confidence = mean of probability (against the none class when trained) and cosine to the nearest class prototype in the hidden layer',
    async train(train, validation) {
      classifier = trainIntentClassifier(
        train.map((e) => ({ text: e.text, label: e.label ?? NONE_LABEL })),
        DEFAULT_CLASSIFIER_OPTIONS,
      );
      const c = classifier;
      const index = new Map(c.labels.map((l, i) => [l, i]));
      c.temperature = fitTemperature(
        validation
          .filter((e) => e.label !== null && index.has(e.label))
          .map((e) => ({ logits: c.logits(e.text), gold: index.get(e.label!)! })),
      );
      noneIndex = c.labels.indexOf(NONE_LABEL);
    },
    classify(text) {
      const { probabilities: p, typicality } = classifier!.assess(text);
      let best = -1;
      let bestInScope = -1;
      for (let i = 0; i < p.length; i++) {
        if (best < 0 || p[i]! > p[best]!) best = i;
        if (i !== noneIndex && (bestInScope < 0 || p[i]! > p[bestInScope]!)) bestInScope = i;
      }
      return {
        predicted: best === noneIndex ? null : classifier!.labels[best]!,
        confidence: inScopeConfidence(
          p[bestInScope]!,
          typicality,
          noneIndex >= 0 ? p[noneIndex]! : undefined,
        ),
      };
    },
    dispose() {
      classifier = undefined;
    },
  };
}

interface BayesClassifierLike {
  addDocument(text: string, label: string): void;
  train(): void;
  getClassifications(text: string): Array<{ label: string; value: number }>;
}

/** natural's BayesClassifier (its default Porter stemming); confidence = its class values normalised to 1. */
export function naturalBayesSystem(): BenchSystem {
  let bayes: BayesClassifierLike | undefined;
  return {
    name: 'natural-bayes',
    note: "natural 8 BayesClassifier, default settings; oos examples (if any) trained as 'none'",
    async train(train) {
      const Bayes =
        require('natural/lib/natural/classifiers/bayes_classifier.js') as new () => BayesClassifierLike;
      bayes = new Bayes();
      for (const e of train) bayes.addDocument(e.text, e.label ?? NONE_LABEL);
      bayes.train();
    },
    classify(text) {
      const all = bayes!.getClassifications(text);
      const total = all.reduce((s, c) => s + c.value, 0) || 1;
      const top = all[0];
      const inScope = all.find((c) => c.label !== NONE_LABEL);
      return {
        predicted: !top || top.label === NONE_LABEL ? null : top.label,
        confidence: (inScope?.value ?? 0) / total,
      };
    },
    dispose() {
      bayes = undefined;
    },
  };
}

interface NlpManagerLike {
  addDocument(locale: string, text: string, intent: string): void;
  train(): Promise<void>;
  process(
    locale: string,
    text: string,
  ): Promise<{ classifications?: Array<{ intent: string; score: number }> }>;
}

/** NLP.js NlpManager (node-nlp 4), English, default neural NLU; its own "None" counts as out of scope. */
export function nlpJsSystem(): BenchSystem {
  let manager: NlpManagerLike | undefined;
  // NLP.js always adds its own "None" intent; it means out of scope only when we trained it with such
  // examples. Otherwise its top real intent is its answer (thresholds still apply), as for the others.
  let trainedNone = false;
  return {
    name: 'nlp.js',
    note: 'node-nlp 4 NlpManager, default settings (NLU + its built-in NER and sentiment run in process())',
    async train(train) {
      const { NlpManager } = require('node-nlp') as {
        NlpManager: new (settings: object) => NlpManagerLike;
      };
      manager = new NlpManager({
        languages: ['en'],
        forceNER: false,
        autoSave: false,
        autoLoad: false,
        nlu: { log: false },
      });
      for (const e of train) manager.addDocument('en', e.text, e.label ?? 'None');
      trainedNone = train.some((e) => e.label === null);
      await manager.train();
    },
    async classify(text) {
      const result = await manager!.process('en', text);
      const all = result.classifications ?? [];
      const top = all[0];
      const inScope = all.find((c) => c.intent !== 'None');
      return {
        predicted: !top || (top.intent === 'None' && trainedNone) ? null : (inScope?.intent ?? null),
        confidence: inScope?.score ?? 0,
      };
    },
    dispose() {
      manager = undefined;
    },
  };
}
