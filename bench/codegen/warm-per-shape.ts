/**
 * The cost per shape of a few models, measured again after the whole-directory pass, in the same process (warm).
 * One run of the median model is ~25 ms: whether a collection falls inside it is luck, and the garbage it leaves is
 * mostly collected during a later model's run, so one run's figure swung 2× between runs of the same code while
 * ec2's (~700 ms, always paying for its own collections) did not. Here each *sample* of a model is as many runs of
 * it back to back as it takes to generate at least as many shapes as the largest model has, so that every sample
 * is about as long and pays for the garbage its own runs make; the samples of the models are interleaved (a burst
 * of load on the shared machine falls on all of them), and the figure is the median of the samples, with the best
 * and the worst beside it. CPU time (user and system) per shape, as in the pass.
 */
import { GCProfiler } from "node:v8";
import { EMITTERS, generateEach, loadModelFile } from "@emrkit/codegen";

export interface WarmModel {
  readonly label: string;
  readonly path: string;
  readonly shapes: number;
}

export interface WarmFigure extends WarmModel {
  /** Runs of the model per sample. */
  readonly runs: number;
  /** CPU ms per shape of each sample, in the order taken. */
  readonly samples: readonly number[];
  /**
   * ms per shape of v8's garbage-collection pauses (its own account, GCProfiler), median of the samples: wall time,
   * so on a loaded machine it can pass the CPU time it is part of.
   */
  readonly gcMs: number;
  /** CPU µs per KB of output, median of the samples. */
  readonly usPerKb: number;
  /** One run alone, the best of the samples' count: the figure the pass gives, for comparison. */
  readonly single: number;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

const cpuMs = (since: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
};

/** Generates `runs` times in a row: CPU ms, GC ms and characters of output. */
function sample(path: string, runs: number): { cpu: number; gc: number; chars: number } {
  const profiler = new GCProfiler();
  profiler.start();
  const started = process.cpuUsage();
  let chars = 0;
  // Each file counted and let go as it is made, as a generator writing files would.
  for (let i = 0; i < runs; i++) generateEach(loadModelFile(path), EMITTERS, (_, text) => (chars += text.length));
  const cpu = cpuMs(started);
  const gc = (profiler.stop()?.statistics ?? []).reduce((sum, event) => sum + event.cost, 0) / 1000;
  return { cpu, gc, chars };
}

/** `count` interleaved samples of each model (see the file's comment). */
export function warmPerShape(models: readonly WarmModel[], count: number): WarmFigure[] {
  const most = Math.max(...models.map((m) => m.shapes));
  const runs = models.map((m) => Math.max(1, Math.ceil(most / m.shapes)));
  const taken = models.map(() => ({
    cpu: [] as number[],
    gc: [] as number[],
    perKb: [] as number[],
    one: [] as number[],
  }));
  for (let s = 0; s < count; s++)
    models.forEach((model, i) => {
      const shapes = model.shapes * runs[i]!;
      const { cpu, gc, chars } = sample(model.path, runs[i]!);
      taken[i]!.cpu.push(cpu / shapes);
      taken[i]!.gc.push(gc / shapes);
      taken[i]!.perKb.push((1000 * cpu) / (chars / 1024));
      taken[i]!.one.push(sample(model.path, 1).cpu / model.shapes);
    });
  return models.map((model, i) => ({
    ...model,
    runs: runs[i]!,
    samples: taken[i]!.cpu,
    gcMs: median(taken[i]!.gc),
    usPerKb: median(taken[i]!.perKb),
    single: Math.min(...taken[i]!.one),
  }));
}
