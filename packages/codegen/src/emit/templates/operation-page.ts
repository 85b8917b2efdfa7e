/** The generated-file header, as an HTML comment at the top of every page. */
const HEADER = `<!--
{{#each header}}
{{this}}
{{/each}}
-->
`;

/** The handlebars template of a reference page: one per operation, laid out like the AWS API reference. */
export const OPERATION_PAGE = `${HEADER}
# {{name}}

{{{documentation}}}
{{#if deprecated}}

> **Deprecated.** {{deprecated}}
{{/if}}

## Request syntax

\`\`\`json
{{{requestSyntax}}}
\`\`\`

## Request parameters

{{#if request}}
{{#each request}}
{{> member}}
{{/each}}
{{else}}
This operation takes no parameters.
{{/if}}

## Response syntax

\`\`\`json
{{{responseSyntax}}}
\`\`\`

## Response elements

{{#if response}}
{{#each response}}
{{> member}}
{{/each}}
{{else}}
A successful response has an empty body.
{{/if}}

## Errors

{{#each errors}}
### {{name}}

{{{documentation}}}

HTTP status code: {{status}}

{{else}}
The model names no errors for this operation.
{{/each}}
{{#if types}}
## Data types

{{#each types}}
### {{name}}

{{{documentation}}}

{{#each members}}
{{> member}}
{{/each}}
{{/each}}
{{/if}}
`;

/** The page of one structure that operation pages link to rather than describe themselves. */
export const TYPE_PAGE = `${HEADER}
# {{name}}

{{{documentation}}}

{{#each members}}
{{> member}}
{{/each}}
`;

export const MEMBER_PARTIAL = `#### {{name}}

{{{documentation}}}

- Type: {{{type}}}
- Required: {{#if required}}Yes{{else}}No{{/if}}
{{#each constraints}}
- {{{this}}}
{{/each}}

`;
