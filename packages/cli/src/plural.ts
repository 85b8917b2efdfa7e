/** `1 step`, `2 steps`, `0 steps`: a count with its noun, singular only for exactly one. */
export function plural(count: number, noun: string, nouns = `${noun}s`): string {
  return `${count} ${count === 1 ? noun : nouns}`;
}
