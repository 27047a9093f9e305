import { shapeText } from './json-shape-text.js';
import { JSON_SHAPES } from './json-shapes.js';

const RULES = `# What \`--json\` prints

Every command that takes \`--json\` prints one JSON value on standard output (errors go to standard
error as text, with a non-zero exit). The shapes below are written from the same schemas the tests
check every command's real answer against, and the API answers with the same shapes.

One rule for people and initiatives, in every answer:

- A row about a person names them as \`person: {id, name}\`; the row's own facts sit beside it
  (\`nurture\`, \`balances\`, \`map\`, \`influence\`, \`focus\`, \`ask\`, \`ledger\`, \`plans\`…).
- A person in a role is \`{id, name}\` under the role's name: \`manager\`, \`me\`, \`from\`, \`to\`,
  \`leader\`, \`nextTo\`, \`survivor\`; a list of people is a list of \`{id, name}\` (\`with\`, \`reports\`).
- An initiative is always \`initiative: {id, name}\` (or \`null\` when there is none).
- Only the records of people themselves (\`people\`, \`person show\`, \`person add\`, \`me\`) and of
  initiatives (\`initiative list\`, \`initiative show\`) carry \`id\` and \`name\` at the top.

Dates are ISO-8601 instants (\`2026-11-23T12:00:00.000Z\`) or calendar days (\`2026-11-23\`) where a
key says day or due. Explanations (\`reason\`, \`why\`, \`action\`, \`notes\`, \`gaps\`) are
\`{code, params, text}\`: a stable code, the numbers and people it refers to, and the sentence.

This page is written from \`src/cli/json-shapes.ts\` (\`UPDATE_JSON_DOCS=1 npx vitest run
test/json-shapes.test.ts\` rewrites it); a test fails when it and the schemas disagree.
`;

/** docs/json.md: the rule, then each command's shape. */
export function jsonShapesDoc(): string {
  const sections = Object.entries(JSON_SHAPES).map(
    ([command, schema]) => `## \`rapport ${command} --json\`\n\n\`\`\`ts\n${shapeText(schema)}\n\`\`\`\n`,
  );
  return `${RULES}\n${sections.join('\n')}`;
}
