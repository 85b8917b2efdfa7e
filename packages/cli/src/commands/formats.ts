/** The formats `emrkit render` writes. */
export const FORMATS = ["api", "cli", "cloudformation", "step-functions"] as const;
export type Format = (typeof FORMATS)[number];
