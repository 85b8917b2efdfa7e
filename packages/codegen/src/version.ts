/** Written into every generated header; bump it when the output changes for the same model. */
export const GENERATOR_VERSION = "0.1.1";
