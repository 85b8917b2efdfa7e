/** JSON.parse's own reason for refusing a text, which a format's message quotes (its words vary by engine). */
export function jsonReason(text: string): string {
  try {
    JSON.parse(text);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error(`jsonReason: ${text} is JSON`);
}
