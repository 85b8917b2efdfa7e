/** `record[key] = value` that stays an own property even for "__proto__" (a step may be named anything). */
export function setOwn<T>(record: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
}
