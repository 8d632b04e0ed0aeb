/**
 * The WebAssembly memory the wasm backend works in, and an allocator over it.
 *
 * Where shared memory exists (Node; cross-origin-isolated pages) the memory is a shared
 * `WebAssembly.Memory`: growing it never detaches the Float32Array views handed out before, so a
 * network's weights, gradients, optimiser moments and batch buffers live in it and the kernels read
 * them in place. Elsewhere the memory is an ordinary one, `alloc` hands out plain arrays and the kernels
 * copy their operands through a scratch area (views of that area are re-created whenever the memory
 * grows). An array not allocated here (a data set, a caller's buffer) is always copied.
 *
 * Blocks are released two ways: `free` (a model's `dispose`, when the code that made it knows it is done)
 * and a FinalizationRegistry that frees a block once the array `alloc` returned for it has been garbage
 * collected. Freed blocks go to a first-fit free list (address-ordered, neighbours merged, a block at the
 * top lowers the top), so training many models one after another reuses the same memory instead of
 * growing it. A WebAssembly memory never shrinks; what it holds stays bounded by the largest set of
 * models alive at once. Keep the array `alloc` returned alive while you use views (`subarray`) of it.
 * When the memory reaches its maximum, `alloc` falls back to plain arrays (slower, still correct).
 */

const PAGE = 65536;
/** 2 GiB: address space reserved for a shared memory, committed only as it grows. */
const MAX_PAGES = 32768;
const INITIAL_PAGES = 64;
/** Bytes reserved at address 0 (a null pointer never aliases a buffer). */
const RESERVED = 64;
/** Allocation granularity in bytes (every block starts 16-byte aligned, as v128 loads like). */
const ALIGN = 16;

function sharedMemory(): WebAssembly.Memory | null {
  try {
    const m = new WebAssembly.Memory({ initial: INITIAL_PAGES, maximum: MAX_PAGES, shared: true });
    return m.buffer instanceof SharedArrayBuffer ? m : null;
  } catch {
    return null;
  }
}

const roundUp = (bytes: number): number => (Math.max(ALIGN, bytes) + ALIGN - 1) & ~(ALIGN - 1);

/** A memory, an allocator over it, and marshalling of Float32Array operands to addresses. */
export class Heap {
  readonly memory: WebAssembly.Memory;
  /** Whether the memory is shared (views survive growth; buffers live in it). */
  readonly shared: boolean;
  private top = RESERVED;
  private readonly owned = new WeakSet<ArrayBufferLike>();
  /** The memory's buffer when last seen (most views belong to it: a cheap first test in `owns`). */
  private lastBuffer: ArrayBufferLike;
  private f32: Float32Array;
  /** Free blocks, address-ordered: starts and sizes (bytes) side by side. */
  private freeAt: number[] = [];
  private freeSize: number[] = [];
  /** Size in bytes of every allocated block, by address. */
  private readonly live = new Map<number, number>();
  /** Frees a block when the array handed out for it is collected. */
  private readonly registry = new FinalizationRegistry<number>((at) => this.release(at));
  private scratchAt = 0;
  private scratchBytes = 0;
  private scratchUsed = 0;
  private readonly copyBack: { from: number; to: Float32Array }[] = [];

  constructor(forceUnshared = false) {
    const shared = forceUnshared ? null : sharedMemory();
    this.shared = shared !== null;
    this.memory = shared ?? new WebAssembly.Memory({ initial: INITIAL_PAGES, maximum: MAX_PAGES });
    this.f32 = new Float32Array(this.memory.buffer);
    this.lastBuffer = this.memory.buffer;
    this.owned.add(this.memory.buffer);
  }

  /** A Float32View of the whole memory (re-created after growth). */
  get heap(): Float32Array {
    if (this.f32.buffer !== this.memory.buffer || this.f32.length * 4 !== this.memory.buffer.byteLength) this.refresh();
    return this.f32;
  }

  private refresh(): void {
    this.f32 = new Float32Array(this.memory.buffer);
    this.lastBuffer = this.memory.buffer;
    this.owned.add(this.memory.buffer);
  }

  /** Bytes in allocated blocks (live arrays, scratch area, kernel constants). */
  get bytesInUse(): number {
    let sum = 0;
    for (const size of this.live.values()) sum += size;
    return sum;
  }

  /** Allocated blocks. */
  get blocks(): number {
    return this.live.size;
  }

  /** End of the highest block (the memory below it is committed). */
  get highWater(): number {
    return this.top;
  }

  /**
   * Reserves `bytes` (16-byte aligned) and returns the address, or -1 when the memory is full. The
   * block stays until `release(address)`.
   */
  reserve(bytes: number): number {
    const size = roundUp(bytes);
    const at = this.takeFree(size);
    if (at >= 0) {
      this.live.set(at, size);
      return at;
    }
    const start = this.top;
    const end = start + size;
    if (end > this.memory.buffer.byteLength) {
      const pages = Math.ceil((end - this.memory.buffer.byteLength) / PAGE);
      const current = this.memory.buffer.byteLength / PAGE;
      if (current + pages > MAX_PAGES) return -1;
      try {
        this.memory.grow(Math.max(pages, Math.min(current, MAX_PAGES - current)));
      } catch {
        try {
          this.memory.grow(pages);
        } catch {
          return -1;
        }
      }
      this.refresh();
    }
    this.top = end;
    this.live.set(start, size);
    return start;
  }

  /** Returns the block at `at` (an address `reserve` gave) to the free list; unknown addresses are ignored. */
  release(at: number): void {
    const size = this.live.get(at);
    if (size === undefined) return;
    this.live.delete(at);
    // Insert address-ordered, merging with the neighbours.
    let lo = 0;
    let hi = this.freeAt.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.freeAt[mid] < at) lo = mid + 1;
      else hi = mid;
    }
    let start = at;
    let bytes = size;
    if (lo > 0 && this.freeAt[lo - 1] + this.freeSize[lo - 1] === start) {
      lo--;
      start = this.freeAt[lo];
      bytes += this.freeSize[lo];
      this.freeAt.splice(lo, 1);
      this.freeSize.splice(lo, 1);
    }
    if (lo < this.freeAt.length && start + bytes === this.freeAt[lo]) {
      bytes += this.freeSize[lo];
      this.freeAt.splice(lo, 1);
      this.freeSize.splice(lo, 1);
    }
    if (start + bytes === this.top) {
      this.top = start;
      return;
    }
    this.freeAt.splice(lo, 0, start);
    this.freeSize.splice(lo, 0, bytes);
  }

  /** First fit from the free list, or -1. */
  private takeFree(size: number): number {
    for (let i = 0; i < this.freeAt.length; i++) {
      if (this.freeSize[i] < size) continue;
      const at = this.freeAt[i];
      if (this.freeSize[i] === size) {
        this.freeAt.splice(i, 1);
        this.freeSize.splice(i, 1);
      } else {
        this.freeAt[i] += size;
        this.freeSize[i] -= size;
      }
      return at;
    }
    return -1;
  }

  /**
   * A zeroed array of `length` floats, in the memory where it is shared. Its block is freed by
   * `free(array)` or, failing that, once the array is garbage collected.
   */
  alloc(length: number): Float32Array {
    if (!this.shared) return new Float32Array(length);
    const at = this.reserve(length * 4);
    if (at < 0) return new Float32Array(length);
    const view = new Float32Array(this.memory.buffer, at, length);
    view.fill(0);
    this.owned.add(view.buffer);
    this.registry.register(view, at, view);
    return view;
  }

  /**
   * Frees the block of an array `alloc` returned (no-op for any other array, and for one already freed).
   * The array must not be used afterwards: its memory goes to the next `alloc`.
   */
  free(a: Float32Array): void {
    if (!this.owns(a) || !this.live.has(a.byteOffset)) return;
    if (!this.registry.unregister(a)) return;
    this.release(a.byteOffset);
  }

  /** Whether `a` lives in this memory (its address is `a.byteOffset`). */
  owns(a: Float32Array): boolean {
    return a.buffer === this.lastBuffer || this.owned.has(a.buffer);
  }

  /**
   * Address of `a` for a kernel call: its own for an array in the memory, else a scratch copy (copied
   * in when `input`, copied back by `finish` when `output`). Call `finish` after the kernel.
   */
  arg(a: Float32Array, input: boolean, output: boolean, length = a.length): number {
    if (this.owns(a)) return a.byteOffset;
    const bytes = (length * 4 + 15) & ~15;
    if (this.scratchUsed + bytes > this.scratchBytes) this.growScratch(this.scratchUsed + bytes);
    const at = this.scratchAt + this.scratchUsed;
    this.scratchUsed += bytes;
    if (input) this.heap.set(length === a.length ? a : a.subarray(0, length), at >> 2);
    if (output) this.copyBack.push({ from: at, to: length === a.length ? a : a.subarray(0, length) });
    return at;
  }

  /** Scratch bytes for a kernel's own use (e.g. a transposed operand); released by `finish`. */
  temp(bytes: number): number {
    const size = (bytes + 15) & ~15;
    if (this.scratchUsed + size > this.scratchBytes) this.growScratch(this.scratchUsed + size);
    const at = this.scratchAt + this.scratchUsed;
    this.scratchUsed += size;
    return at;
  }

  /** Copies outputs back and releases the scratch area. */
  finish(): void {
    if (this.copyBack.length > 0) {
      const h = this.heap;
      for (const { from, to } of this.copyBack) to.set(h.subarray(from >> 2, (from >> 2) + to.length));
      this.copyBack.length = 0;
    }
    this.scratchUsed = 0;
  }

  /**
   * Starts a kernel call that will place at most `bytes` of scratch copies and temporaries (sum the
   * lengths of the operands that may not live in the memory, plus 16 bytes each for alignment).
   */
  begin(bytes: number): void {
    this.scratchUsed = 0;
    this.copyBack.length = 0;
    if (bytes > this.scratchBytes) this.growScratch(bytes);
  }

  /** Scratch bytes `begin` needs for these operands (0 for those in the memory). */
  need(...arrays: Float32Array[]): number {
    let bytes = 0;
    for (const a of arrays) if (!this.owns(a)) bytes += a.length * 4 + 16;
    return bytes;
  }

  private growScratch(bytes: number): void {
    if (this.scratchUsed > 0) throw new Error('wasm heap: scratch area exhausted during a call (begin() was given too few bytes)');
    const want = Math.max(bytes, 2 * this.scratchBytes, 1 << 16);
    if (this.scratchBytes > 0) this.release(this.scratchAt);
    const at = this.reserve(want);
    if (at < 0) throw new Error('wasm heap: out of memory for scratch copies');
    this.scratchAt = at;
    this.scratchBytes = want;
  }
}
