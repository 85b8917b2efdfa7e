import type { AnyRecord, RecordStore } from "./record-store.js";

/**
 * One change in the making, as the engine makes it: a request, or one thing the emulator does on its own (a step
 * ending, a timer). Its records are applied to the store as it goes, so that what it does next sees them, but
 * nothing else can see them before it ends (it runs synchronously, start to end); at its end the last version of
 * each record it touched is written as one journal line, or, if that fails, it is undone. What it does outside
 * memory (a step's process started or killed, a timer set) waits until its line is on disk.
 */
export class Transaction {
  /** Each record it touched, by id: the journal line is their last versions. */
  readonly touched = new Map<string, AnyRecord>();
  /** What it does once its line is on disk. */
  readonly effects: (() => void)[] = [];
  /** Each touched record as it was before, in the order first touched; undefined for a record it added. */
  private readonly before: { record: AnyRecord; was: AnyRecord | undefined }[] = [];

  /** Puts the whole new version of a record, keeping what it was the first time this change touches it. */
  put(store: RecordStore, next: AnyRecord): AnyRecord {
    if (!this.touched.has(next.id)) {
      const current = store.get(next);
      this.before.push({ record: next, was: current && { ...current } });
    }
    const stored = store.apply(next);
    if (!stored) throw new Error(`${next.id} belongs to no cluster this emulator has`);
    this.touched.set(next.id, stored);
    return stored;
  }

  /** Puts every touched record back as it was, last touched first (a new step leaves its list before its cluster). */
  undo(store: RecordStore): void {
    for (const { record, was } of this.before.splice(0).reverse()) {
      if (was) store.apply(was);
      else {
        const stored = store.get(record);
        if (stored) store.remove(stored);
      }
    }
  }
}
