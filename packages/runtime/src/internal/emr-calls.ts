import type { EMRClient } from "@aws-sdk/client-emr";
import type { RunEvent } from "../types.js";
import type { ResolvedOptions } from "./options.js";
import {
  backoffDelay,
  classifyFailure,
  type FailureKind,
  mayHaveCommitted,
  noteClockCorrection,
} from "./retry-policy.js";
import { sleep } from "./sleep.js";

/** What the SDK throws through its own retry layer: carries the real error under a key its classifier ignores. */
class AttemptFailed extends Error {
  constructor(readonly original: unknown) {
    super("attempt failed");
    this.name = "EmrkitAttemptFailed";
  }
}

/**
 * How many request timeouts the answer of an unsafe call is waited for before the request is abandoned. A request
 * still open past its timeout may yet commit (a slow server, a queue): sending again then would add the steps twice.
 * A guess, as EMR documents no bound: a request unanswered for this long is assumed never to commit later.
 */
export const UNSAFE_PATIENCE = 5;

// biome-ignore lint/suspicious/noExplicitAny: the SDK's command types are generic over the whole client.
type AnyCommand = { middlewareStack: { addRelativeTo(m: any, o: any): void }; constructor: { name: string } };

/**
 * Every EMR call of one run goes through here: counted per operation (each HTTP attempt), with the SDK's own
 * retries switched off (it would resend AddJobFlowSteps after a dropped connection, adding the steps twice) and
 * replaced by ours, which emits a `retry` event and leaves outcome-unknown failures of unsafe calls to the caller.
 */
export class EmrCalls {
  readonly counts: Record<string, number> = {};

  constructor(
    private readonly client: EMRClient,
    private readonly options: Pick<ResolvedOptions, "retry" | "signal" | "requestTimeoutMs">,
    private readonly emit: (event: RunEvent) => void,
  ) {}

  /** One attempt, given up after `timeoutMs` or when `giveUp` aborts: the real error is thrown as is. */
  async once<Output>(
    make: () => AnyCommand,
    timeoutMs = this.options.requestTimeoutMs,
    giveUp?: AbortSignal,
  ): Promise<Output> {
    const command = make();
    const operation = command.constructor.name.replace(/Command$/, "");
    command.middlewareStack.addRelativeTo(
      // biome-ignore lint/suspicious/noExplicitAny: middleware signature is generic in the SDK.
      (next: any) => async (args: any) => {
        this.counts[operation] = (this.counts[operation] ?? 0) + 1;
        try {
          return await next(args);
        } catch (error) {
          throw new AttemptFailed(error);
        }
      },
      { relation: "after", toMiddleware: "retryMiddleware", name: "emrkitAttempt", override: true },
    );
    // The SDK's own requestTimeout only logs a warning by default, so the deadline is an abort signal.
    const deadline = AbortSignal.timeout(timeoutMs);
    const abortSignal = giveUp === undefined ? deadline : AbortSignal.any([deadline, giveUp]);
    const offset = this.client.config.systemClockOffset;
    try {
      // biome-ignore lint/suspicious/noExplicitAny: see AnyCommand.
      return (await this.client.send(command as any, { abortSignal })) as Output;
    } catch (error) {
      if (deadline.aborted) {
        throw Object.assign(new Error(`no answer within ${timeoutMs} ms`), {
          name: "TimeoutError",
        });
      }
      const original = error instanceof AttemptFailed ? error.original : error;
      // The SDK's signer corrects its clock offset from the answer's Date header: see noteClockCorrection.
      noteClockCorrection(original, offset, this.client.config.systemClockOffset);
      throw original;
    }
  }

  /**
   * Retries throttling, server errors and (when `safe`, i.e. the call is idempotent) outcome-unknown failures.
   * `onUnknown` runs before an unsafe call is retried after an outcome-unknown failure; it returns a value when
   * the call turned out to have gone through.
   */
  async call<Output>(
    make: () => AnyCommand,
    safe: boolean,
    onUnknown?: () => Promise<Output | undefined>,
  ): Promise<Output> {
    const { attempts, baseDelayMs, maxDelayMs } = this.options.retry;
    for (let attempt = 1; ; attempt++) {
      let kind: FailureKind;
      try {
        return await (!safe && onUnknown !== undefined
          ? this.oncePatiently(make, onUnknown, attempt)
          : this.once<Output>(make));
      } catch (error) {
        kind = classifyFailure(error);
        const unsafeUnknown = !safe && mayHaveCommitted(kind);
        // Aborted, an unsafe call (submission) stops retrying; reads and CancelSteps go on: the abort needs them.
        if (kind === "refused" || attempt >= attempts || (!safe && this.options.signal?.aborted)) {
          if (unsafeUnknown && onUnknown !== undefined) {
            const found = await onUnknown();
            if (found !== undefined) return found;
          }
          throw error;
        }
        const delayMs = backoffDelay(attempt, baseDelayMs, maxDelayMs);
        const operation = make().constructor.name.replace(/Command$/, "");
        this.emit({ type: "retry", operation, attempt, error: describe(error), delayMs });
        await sleep(delayMs);
        if (unsafeUnknown && onUnknown !== undefined) {
          const found = await onUnknown();
          if (found !== undefined) return found;
        }
      }
    }
  }

  /**
   * One attempt of an unsafe call. Past `requestTimeoutMs` without an answer its outcome is unknown, but the request
   * may still commit: abandoned and sent again, it would add the steps twice. So its answer is still awaited, up to
   * UNSAFE_PATIENCE timeouts, while `onUnknown` reads back at each timeout: the call found to have gone through, the
   * request is dropped and that is the answer. The first timeout is told as a `retry` event (delay 0). Only a request
   * given up (or failed) is left to `call` to send again.
   * An abort reads back at once, not at the next timeout: steps found are the answer then, and the abort cancels
   * them without waiting for it. Not found, the answer is still awaited as before: the request may yet commit (EMR
   * slow, or queueing it), and steps added after the run stopped looking would run on, neither tracked nor cancelled.
   */
  private async oncePatiently<Output>(
    make: () => AnyCommand,
    onUnknown: () => Promise<Output | undefined>,
    attempt: number,
  ): Promise<Output> {
    const { requestTimeoutMs, signal } = this.options;
    // Aborted just before: not sent at all, which is what an abort wants, and no outcome left unknown.
    if (signal?.aborted) throw Object.assign(new Error("aborted before sending"), { name: "AbortError" });
    const giveUp = new AbortController();
    const answer = this.once<Output>(make, requestTimeoutMs * UNSAFE_PATIENCE, giveUp.signal);
    const settled = answer.then(
      () => true,
      () => true,
    );
    let abortSeen = false;
    for (let waited = 0; ; ) {
      const wake = new AbortController();
      const woken = signal === undefined || abortSeen ? wake.signal : AbortSignal.any([wake.signal, signal]);
      const done = await Promise.race([settled, sleep(requestTimeoutMs, woken).then(() => false)]);
      wake.abort(); // clears the timer, so a finished run does not keep the process alive
      if (done) return answer;
      const byAbort: boolean = !abortSeen && signal?.aborted === true;
      abortSeen ||= byAbort;
      if (!byAbort && waited++ === 0) {
        const operation = make().constructor.name.replace(/Command$/, "");
        const error = `TimeoutError: no answer within ${requestTimeoutMs} ms; still waiting, reading back meanwhile`;
        this.emit({ type: "retry", operation, attempt, error, delayMs: 0 });
      }
      // A read-back that fails leaves the outcome unknown: keep waiting for the answer.
      const found = await onUnknown().catch(() => undefined);
      if (found !== undefined) {
        giveUp.abort();
        answer.catch(() => {});
        return found;
      }
    }
  }
}

function describe(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}
