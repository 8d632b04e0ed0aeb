/**
 * WebAssembly text → optimised binary, with binaryen.js (npm `binaryen`): parse the text with SIMD and
 * threads enabled, validate, run binaryen's -O3 pipeline, emit the binary and compile it. binaryen is
 * loaded on first use (it is a few megabytes of WebAssembly itself), so importing this file costs nothing.
 */

/** The part of binaryen's module API used here. */
interface BinaryenModule {
  setFeatures(features: number): void;
  validate(): number;
  optimize(): void;
  emitBinary(): Uint8Array<ArrayBuffer>;
  emitText(): string;
  dispose(): void;
}

interface Binaryen {
  parseText(text: string): BinaryenModule;
  setOptimizeLevel(level: number): void;
  setShrinkLevel(level: number): void;
  Features: Record<string, number>;
}

let loading: Promise<Binaryen> | null = null;
let loaded: Binaryen | null = null;

let importBinaryen: () => Promise<unknown> = () => import('binaryen');

/**
 * Replaces how `loadBinaryen` imports the `binaryen` package (before its first call): a host can wrap the
 * import, as src/node/binaryenImport.ts does to keep binaryen's own WebAssembly off V8's optimising tier.
 */
export function setBinaryenImport(importer: () => Promise<unknown>): void {
  importBinaryen = importer;
}

/** Loads binaryen.js once. */
export async function loadBinaryen(): Promise<void> {
  loading ??= importBinaryen().then((m) => {
    loaded = (m as unknown as { default: Binaryen }).default;
    return loaded;
  });
  await loading;
}

/** True once `loadBinaryen` has finished (the synchronous `assemble` needs it). */
export function binaryenReady(): boolean {
  return loaded !== null;
}

/** The optimised binary and, for tests, its text after optimisation. */
export interface Assembled {
  readonly module: WebAssembly.Module;
  readonly bytes: number;
  /** binaryen's text of the optimised module (only when asked for). */
  readonly text?: string;
}

/**
 * Assembles and optimises WebAssembly text (binaryen -O3) and compiles it. Throws when the text does not
 * validate: a bug in a renderer, never a user error. Call `loadBinaryen` first.
 */
export function assemble(wat: string, keepText = false): Assembled {
  const { binary, text } = optimisedBinary(wat, keepText);
  const module = new WebAssembly.Module(binary);
  return { module, bytes: binary.length, ...(text !== undefined ? { text } : {}) };
}

/** The optimised binary of WebAssembly text (what `assemble` compiles); for embedding a module ahead of time. */
export function assembleBinary(wat: string): Uint8Array<ArrayBuffer> {
  return optimisedBinary(wat, false).binary;
}

function optimisedBinary(wat: string, keepText: boolean): { binary: Uint8Array<ArrayBuffer>; text?: string } {
  const b = loaded;
  if (!b) throw new Error('assemble: binaryen is not loaded; await loadBinaryen() first');
  const mod = b.parseText(wat);
  try {
    const f = b.Features;
    mod.setFeatures(f.SIMD128 | f.Atomics | f.BulkMemory | f.BulkMemoryOpt | f.MutableGlobals | f.SignExt | f.NontrappingFPToInt);
    if (!mod.validate()) throw new Error('assemble: the generated WebAssembly does not validate');
    b.setOptimizeLevel(3);
    b.setShrinkLevel(0);
    mod.optimize();
    const binary = mod.emitBinary();
    return keepText ? { binary, text: mod.emitText() } : { binary };
  } finally {
    mod.dispose();
  }
}

/**
 * Counts non-zero `v128.const` instructions inside loops of binaryen's text: V8 rebuilds such a constant
 * on every iteration, so the renderers load constants from memory before their loops and tests check
 * this is 0. (An all-zero vector costs one register clear and is not counted.)
 */
export function vectorConstantsInLoops(text: string): number {
  let count = 0;
  let depth = 0;
  const loopDepths: number[] = [];
  for (const line of text.split('\n')) {
    const trimmed = line.trim();
    const opens = (line.match(/\(/g) ?? []).length;
    const closes = (line.match(/\)/g) ?? []).length;
    if (trimmed.startsWith('(loop')) loopDepths.push(depth);
    if (loopDepths.length > 0) {
      for (const m of line.matchAll(/v128\.const i32x4((?: 0x[0-9a-f]{8}){4})/g)) if (/[1-9a-f]/.test(m[1].replace(/0x/g, ''))) count++;
    }
    depth += opens - closes;
    while (loopDepths.length > 0 && depth <= loopDepths[loopDepths.length - 1]) loopDepths.pop();
  }
  return count;
}
