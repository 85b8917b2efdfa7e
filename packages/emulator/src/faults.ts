/** Faults the tests ask for, off unless asked: per operation, after `skip` calls, for `count` calls. */
export type FaultAction = "drop-after-commit" | "throttle" | "server-error" | "delay";

export interface FaultRule {
  operation?: string;
  action: FaultAction;
  delayMs?: number;
  count?: number;
  skip?: number;
}

export class FaultInjector {
  private rules: { rule: FaultRule; skip: number; left: number }[] = [];
  injected = 0;

  inject(rule: FaultRule): void {
    this.rules.push({ rule, skip: rule.skip ?? 0, left: rule.count ?? 1 });
  }

  clear(): void {
    this.rules = [];
  }

  /** The fault for this call, if one applies; counts it as fired. */
  next(operation: string): FaultRule | undefined {
    for (const entry of this.rules) {
      if (entry.left <= 0 || (entry.rule.operation !== undefined && entry.rule.operation !== operation)) continue;
      if (entry.skip > 0) {
        entry.skip--;
        continue;
      }
      entry.left--;
      this.injected++;
      return entry.rule;
    }
    return undefined;
  }
}
