import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { SchemaEngine } from '@prisma/schema-engine-wasm';

/** The exports of `@prisma/schema-engine-wasm`'s bindings module that are used here. */
export interface SchemaEngineBindings {
  readonly SchemaEngine: typeof SchemaEngine;
  version(): string;
}

interface BindingsModule extends SchemaEngineBindings {
  __wbg_set_wasm(exports: WebAssembly.Exports): void;
}

interface PanicRegistry {
  message: string;
  set_message(message: string): void;
}

declare global {
  // Read by the wasm bindings when the engine panics (name fixed by the package).
  var PRISMA_WASM_PANIC_REGISTRY: PanicRegistry | undefined;
}

let loading: Promise<SchemaEngineBindings> | undefined;

/**
 * Loads the schema engine compiled to WebAssembly, once per process.
 * The package's entry point imports the .wasm file as an ES module, which Node 20
 * only does behind a flag, so the bindings are wired to the instance by hand.
 */
export function loadSchemaEngineWasm(): Promise<SchemaEngineBindings> {
  loading ??= instantiate();
  return loading;
}

async function instantiate(): Promise<SchemaEngineBindings> {
  globalThis.PRISMA_WASM_PANIC_REGISTRY ??= {
    message: '',
    set_message(message) {
      this.message = message;
    },
  };
  const require = createRequire(import.meta.url);
  const bindingsPath = require.resolve('@prisma/schema-engine-wasm/schema_engine_bg');
  const bindings = (await import(bindingsPath)) as BindingsModule;
  const bytes = await readFile(bindingsPath.replace(/\.js$/, '.wasm'));
  const { instance } = await WebAssembly.instantiate(bytes, {
    './schema_engine_bg.js': bindings as unknown as WebAssembly.ModuleImports,
  });
  bindings.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  return bindings;
}

/** The message of the last engine panic, if any. */
export function lastPanicMessage(): string | undefined {
  return globalThis.PRISMA_WASM_PANIC_REGISTRY?.message || undefined;
}
