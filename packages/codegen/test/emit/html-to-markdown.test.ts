import { expect, test } from "vitest";
import { htmlToMarkdown } from "../../src/emit/html-to-markdown.js";

test.each([
  ["paragraphs", "<p>One.</p> <p>Two &amp; <code>three</code>.</p>", "One.\n\nTwo & `three`."],
  [
    "a link and emphasis",
    '<p>See <a href="https://x.y/z">the guide</a>, <b>now</b>.</p>',
    "See [the guide](https://x.y/z), **now**.",
  ],
  [
    "a list of paragraphs",
    "<p>Modes:</p> <ul> <li> <p> <code>A</code> - first.</p> </li> <li> <p>B</p> </li> </ul> <p>After.</p>",
    "Modes:\n\n- `A` - first.\n- B\n\nAfter.",
  ],
  ["a nested list", "<ul><li>outer<ul><li>inner</li></ul></li><li>next</li></ul>", "- outer\n  - inner\n- next"],
  ["an ordered list", "<p>Steps</p><ol><li>one</li><li>two</li></ol>", "Steps\n\n1. one\n2. two"],
  ["a note", "<p>Text.</p><note><p>Careful.</p></note>", "Text.\n\n> **Note:** Careful."],
  ["a note of two paragraphs", "<note><p>One.</p><p>Two.</p></note>", "> **Note:** One.\n>\n> Two."],
  ["nothing", undefined, ""],
])("%s", (_label, html, markdown) => {
  expect(htmlToMarkdown(html)).toBe(markdown);
});
