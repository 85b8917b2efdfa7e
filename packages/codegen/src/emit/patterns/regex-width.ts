/** How many code points a node can consume at most (`Infinity` when unbounded): zero-width nodes are 0. */
import type { RegexNode } from "./regex-ast.js";

export function maxWidth(node: RegexNode): number {
  switch (node.type) {
    case "set":
      return 1;
    case "seq":
      return node.items.reduce((sum, item) => sum + maxWidth(item), 0);
    case "alt":
      return Math.max(0, ...node.options.map(maxWidth));
    case "repeat": {
      const body = maxWidth(node.body);
      return body === 0 || node.max === 0 ? 0 : body * node.max;
    }
    case "group":
      return maxWidth(node.body);
    case "look":
    case "assert":
      return 0;
    case "backref":
      return Infinity;
  }
}
