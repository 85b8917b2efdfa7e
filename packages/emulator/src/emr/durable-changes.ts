import { EmrError } from "./emr-error.js";
import { type Journal, JournalError } from "./journal.js";
import type { AnyRecord, RecordStore } from "./record-store.js";
import { Transaction } from "./transaction.js";

/** Why the emulator changes nothing any more, and since when. */
export interface ReadOnly {
  reason: string;
  since: Date;
}

/**
 * The one way the engine changes a record. Every change — a request, or one thing the emulator does on its own (a
 * step ending, a timer) — is one transaction, written whole as one journal line or undone; what it does outside
 * memory (a step's process started or killed, a timer set) waits until that line is on disk, and so does every
 * answer. A request whose line cannot be written is refused having changed nothing; a change of the emulator's own
 * that cannot be, or an fsync that fails, makes it read-only: every later change is refused, naming why.
 */
export class DurableChanges {
  readOnly: ReadOnly | undefined;
  private tx: Transaction | undefined;
  private readonly timers = new Set<NodeJS.Timeout>();
  private closed = false;

  /** `undone` runs after a change is undone, for what the engine keeps beside the records. */
  constructor(
    private readonly journal: Journal,
    private readonly store: RecordStore,
    private readonly undone: () => void,
  ) {
    journal.whenRefusing((error) => this.becomeReadOnly(error.message));
  }

  /** Runs a request's operation as one change: written before it returns, or refused with nothing changed. */
  request<T>(operation: () => T): T {
    try {
      return this.transact(operation);
    } catch (error) {
      if (!(error instanceof JournalError)) throw error;
      throw new EmrError(
        "InternalServerError",
        `The request was not carried out, and nothing was changed: ${error.message}.`,
        500,
      );
    }
  }

  /** Runs `change` as one transaction, or as part of the one being made; undone whole if anything in it throws. */
  transact<T>(change: () => T): T {
    if (this.tx) return change();
    const tx = new Transaction();
    this.tx = tx;
    let result: T;
    try {
      result = change();
      if (tx.touched.size > 0) this.journal.append([...tx.touched.values()], () => this.undo(tx));
    } catch (error) {
      this.undo(tx);
      throw error;
    } finally {
      this.tx = undefined;
    }
    if (tx.effects.length > 0) this.whenDurable(tx.effects);
    return result;
  }

  /** A change the emulator makes on its own: if it cannot be made, the emulator turns read-only instead of crashing. */
  background(what: string, change: () => void): void {
    if (this.closed) return;
    try {
      this.transact(change);
    } catch (error) {
      this.becomeReadOnly(`while ${what}: ${(error as Error).message}`);
    }
  }

  /** Puts the whole new version of a record, as part of the change being made. */
  put<R extends AnyRecord>(next: R): R {
    if (!this.tx) throw new Error(`${next.id} changed outside a transaction`);
    if (this.readOnly) {
      throw new EmrError(
        "InternalServerError",
        `The emulator is read-only since ${this.readOnly.since.toISOString()}, ${this.readOnly.reason}. It changes nothing more until it is restarted (with room on its disk); reads still work.`,
        500,
      );
    }
    return this.tx.put(this.store, next) as R;
  }

  /** Does `effect` once everything written so far is on disk (never, if that fails: its change was undone). */
  afterDurable(effect: () => void): void {
    if (this.tx) this.tx.effects.push(effect);
    else this.whenDurable([effect]);
  }

  /** Makes `change` in `ms`, counted from when the change being made is on disk. */
  later(ms: number, what: string, change: () => void): void {
    this.afterDurable(() => {
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        this.background(what, change);
      }, ms);
      this.timers.add(timer);
    });
  }

  /** Resolves once every change made so far is on disk; an InternalServerError if the fsync failed. */
  async durable(): Promise<void> {
    try {
      await this.journal.durable();
    } catch (error) {
      throw new EmrError(
        "InternalServerError",
        `Not answered: ${(error as Error).message}. Every change it had not covered, this request's too, was undone, and the emulator is read-only.`,
        500,
      );
    }
  }

  /** No more timers, and no effect of a change still waiting for the disk. */
  close(): void {
    this.closed = true;
    for (const t of this.timers) clearTimeout(t);
  }

  private undo(tx: Transaction): void {
    tx.undo(this.store);
    this.undone();
  }

  private whenDurable(effects: (() => void)[]): void {
    this.journal.durable().then(
      () => {
        for (const effect of effects) this.background("acting on a change on disk", effect);
      },
      () => {},
    );
  }

  private becomeReadOnly(reason: string): void {
    this.readOnly ??= { reason, since: new Date() };
  }
}
