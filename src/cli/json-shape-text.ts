import * as z from 'zod';

/** The parts of a JSON Schema that zod writes for our result schemas. */
interface Json {
  type?: string | string[];
  properties?: Record<string, Json>;
  required?: string[];
  items?: Json;
  enum?: unknown[];
  const?: unknown;
  anyOf?: Json[];
  oneOf?: Json[];
  additionalProperties?: Json | boolean;
}

const PAD = '  ';

const isUnion = (j: Json): boolean =>
  (j.anyOf ?? j.oneOf ?? []).length > 1 ||
  (j.enum ?? []).length > 1 ||
  (Array.isArray(j.type) && j.type.length > 1);

function render(j: Json, depth: number): string {
  const alternatives = j.anyOf ?? j.oneOf;
  if (alternatives) return alternatives.map((a) => render(a, depth)).join(' | ');
  if (j.enum) return j.enum.map((v) => JSON.stringify(v)).join(' | ');
  if (j.const !== undefined) return JSON.stringify(j.const);
  if (Array.isArray(j.type)) return j.type.map((t) => render({ ...j, type: t }, depth)).join(' | ');
  switch (j.type) {
    case 'integer':
    case 'number':
      return 'number';
    case 'string':
    case 'boolean':
    case 'null':
      return j.type;
    case 'array': {
      const item = j.items ?? {};
      const text = render(item, depth);
      return isUnion(item) ? `(${text})[]` : `${text}[]`;
    }
    case 'object': {
      if (!j.properties) {
        const value =
          typeof j.additionalProperties === 'object' ? render(j.additionalProperties, depth) : 'unknown';
        return `{ [key: string]: ${value} }`;
      }
      const required = new Set(j.required ?? []);
      const fields = Object.entries(j.properties).map(
        ([key, value]) => `${key}${required.has(key) ? '' : '?'}: ${render(value, depth + 1)};`,
      );
      // Small references such as {id, name} read best on one line.
      const oneLine = `{ ${fields.join(' ').slice(0, -1)} }`;
      if (fields.length <= 3 && oneLine.length <= 60 && !oneLine.includes('\n')) return oneLine;
      const inner = PAD.repeat(depth + 1);
      return `{\n${fields.map((f) => inner + f).join('\n')}\n${PAD.repeat(depth)}}`;
    }
    default:
      return 'unknown';
  }
}

/** A result schema as a TypeScript-like type, the way docs/json.md shows each command's JSON. */
export function shapeText(schema: z.ZodType): string {
  return render(z.toJSONSchema(schema, { io: 'output', unrepresentable: 'any' }) as Json, 0);
}
