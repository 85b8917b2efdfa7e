/** Module-scope constants (compiled patterns, enum sets, member lists), named once and shared by identical values. */
export class Constants {
  private readonly byValue = new Map<string, string>();
  private readonly lines: string[] = [];
  add(prefix: string, initializer: string): string {
    const existing = this.byValue.get(initializer);
    if (existing) return existing;
    const name = `${prefix}${this.byValue.size}`;
    this.byValue.set(initializer, name);
    this.lines.push(`const ${name} = ${initializer};`);
    return name;
  }
  statements(): string[] {
    return this.lines.length > 0 ? [this.lines.join("\n")] : [];
  }
}
