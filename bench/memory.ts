/**
 * Heap (MB) still used after a full GC by what `make` returns, and that value.
 * Shared by the engine and ink benchmarks so both measure memory the same way.
 */
export function retainedMB<T>(gc: () => void, make: () => T): { mb: number; value: T } {
  gc();
  gc();
  const before = process.memoryUsage().heapUsed;
  const kept = make();
  gc();
  gc();
  const after = process.memoryUsage().heapUsed;
  return { mb: (after - before) / 1e6, value: kept };
}
