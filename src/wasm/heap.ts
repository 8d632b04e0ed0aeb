/**
 * The WebAssembly memory the wasm backend works in, and a bump allocator over it.
 *
 * Where shared memory exists (Node; cross-origin-isolated pages) the memory is a shared
 * `WebAssembly.Memory`: growing it never detaches the Float32Array views handed out before, so a
 * network's weights, gradients, optimiser moments and batch buffers live in it and the kernels read
 * them in place. Elsewhere the memory is an ordinary one, `alloc` hands out plain arrays and the kernels
 * copy their operands through a scratch area (views of that area are re-created whenever the memory
 * grows). An array not allocated here (a data set, a caller's buffer) is always copied.
 *
 * Blocks are never freed: a network allocates its buffers once and reuses them. When the memory reaches
 * its maximum, `alloc` falls back to plain arrays (slower, still correct).
 */

const PAGE = 65536;
/** 2 GiB: address space reserved for a shared memory, committed only as it grows. */
const MAX_PAGES = 32768;
const INITIAL_PAGES = 64;
/** Bytes reserved at address 0 (a null pointer never aliases a buffer). */
const RESERVED = 64;

function sharedMemory(): WebAssembly.Memory | null {
  try {
    const m = new WebAssembly.Memory({ initial: INITIAL_PAGES, maximum: MAX_PAGES, shared: true });
    return m.buffer instanceof SharedArrayBuffer ? m : null;
  } catch {
    return null;
  }
}

/** A memory, an allocator over it, and marshalling of Float32Array operands to addresses. */
export class Heap {
  readonly memory: WebAssembly.Memory;
  /** Whether the memory is shared (views survive growth; buffers live in it). */
  readonly shared: boolean;
  private top = RESERVED;
  private readonly owned = new WeakSet<ArrayBufferLike>();
  private f32: Float32Array;
  private scratchAt = 0;
  private scratchBytes = 0;
  private scratchUsed = 0;
  private readonly copyBack: { from: number; to: Float32Array }[] = [];

  constructor(forceUnshared = false) {
    const shared = forceUnshared ? null : sharedMemory();
    this.shared = shared !== null;
    this.memory = shared ?? new WebAssembly.Memory({ initial: INITIAL_PAGES, maximum: MAX_PAGES });
    this.f32 = new Float32Array(this.memory.buffer);
    this.owned.add(this.memory.buffer);
  }

  /** A Float32View of the whole memory (re-created after growth). */
  get heap(): Float32Array {
    if (this.f32.buffer !== this.memory.buffer || this.f32.length * 4 !== this.memory.buffer.byteLength) this.refresh();
    return this.f32;
  }

  private refresh(): void {
    this.f32 = new Float32Array(this.memory.buffer);
    this.owned.add(this.memory.buffer);
  }

  /** Reserves `bytes` (16-byte aligned) and returns the address, or -1 when the memory is full. */
  reserve(bytes: number): number {
    const at = (this.top + 15) & ~15;
    const end = at + Math.max(16, bytes);
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
    return at;
  }

  /** A zeroed array of `length` floats, in the memory where it is shared. */
  alloc(length: number): Float32Array {
    if (!this.shared) return new Float32Array(length);
    const at = this.reserve(length * 4);
    if (at < 0) return new Float32Array(length);
    const view = new Float32Array(this.memory.buffer, at, length);
    this.owned.add(view.buffer);
    return view;
  }

  /** Whether `a` lives in this memory (its address is `a.byteOffset`). */
  owns(a: Float32Array): boolean {
    return this.owned.has(a.buffer);
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
    const at = this.reserve(want);
    if (at < 0) throw new Error('wasm heap: out of memory for scratch copies');
    this.scratchAt = at;
    this.scratchBytes = want;
  }
}
