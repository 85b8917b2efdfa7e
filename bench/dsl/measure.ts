/**
 * Times functions side by side: rounds interleave them (so drift hits all alike), each batch runs ≥ 20 ms, and the
 * figure is the median over rounds. Time is the process's CPU time, not the wall clock: the bench runs on a shared
 * machine, where the wall clock also counts the time other processes hold the cores.
 */
export function measure(fns: Record<string, () => unknown>, rounds = 21): Record<string, number> {
  const perOp: Record<string, number[]> = {};
  const batch: Record<string, number> = {};
  let sink = 0;
  for (const [name, fn] of Object.entries(fns)) {
    let n = 1;
    for (;;) {
      const start = cpuMs();
      for (let i = 0; i < n; i++) sink ^= fn() === undefined ? 0 : 1;
      if (cpuMs() - start >= 20) break;
      n *= 2;
    }
    batch[name] = n;
    perOp[name] = [];
  }
  for (let round = 0; round < rounds; round++) {
    for (const [name, fn] of Object.entries(fns)) {
      const n = batch[name]!;
      const start = cpuMs();
      for (let i = 0; i < n; i++) sink ^= fn() === undefined ? 0 : 1;
      perOp[name]!.push((cpuMs() - start) / n);
    }
  }
  if (sink === 2) console.log("");
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  return Object.fromEntries(Object.entries(perOp).map(([name, xs]) => [name, median(xs)]));
}

/** CPU time (user + system) of this process, in milliseconds. */
function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

export function formatMs(ms: number): string {
  return ms >= 1 ? `${ms.toFixed(2)} ms` : `${(ms * 1000).toFixed(1)} µs`;
}
