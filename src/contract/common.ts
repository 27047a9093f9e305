import * as z from 'zod';
import { type InputIssue, ValidationError } from '../domain/errors.js';

/** A value as quoted in a message: text in quotes, numbers as they are. */
const shown = (v: unknown): string =>
  typeof v === 'string' ? `"${v}"` : v === undefined ? 'nothing' : JSON.stringify(v);

type Issue = { input?: unknown };

/** A whole number from `min` to `max`; the messages name the input and the range. */
export function wholeNumber(input: string, min: number, max: number) {
  const type = (iss: Issue) =>
    `${input} must be a whole number from ${min} to ${max}; got ${shown(iss.input)}.`;
  const range = (iss: Issue) => `${input} must be from ${min} to ${max}; got ${shown(iss.input)}.`;
  return z.number({ error: type }).int({ error: type }).min(min, { error: range }).max(max, { error: range });
}

/** A count with no upper bound worth naming (`top`, `limit`). */
export function countOf(input: string, min = 1) {
  const error = (iss: Issue) => `${input} must be a whole number of ${min} or more; got ${shown(iss.input)}.`;
  return z.number({ error }).int({ error }).min(min, { error });
}

/** One of a fixed set of words. */
export function oneOf<const T extends readonly [string, ...string[]]>(input: string, values: T) {
  // Typed choices are case-insensitive (`--tier Partner`); every value of a choice is lower case.
  return z.preprocess(
    (v) => (typeof v === 'string' && values.includes(v.toLowerCase()) ? v.toLowerCase() : v),
    z.enum(values, {
      error: (iss: Issue) => `${input} must be one of ${values.join(', ')}; got ${shown(iss.input)}.`,
    }),
  );
}

/** Required text, trimmed, at most `max` characters. */
export function text(input: string, max = 200) {
  return z
    .string({ error: `${input} is required and must be text.` })
    .trim()
    .min(1, { error: `${input} is required and cannot be empty.` })
    .max(max, { error: `${input} is longer than ${max} characters.` });
}

/** Optional text; null clears it. */
export const optionalText = (input: string, max = 2000) =>
  z
    .string({ error: `${input} must be text.` })
    .max(max, { error: `${input} is longer than ${max} characters.` })
    .nullable()
    .optional();

export const Id = z.number().int().positive();

/** A person as a caller names them: an id, or a name, email or "#id" to resolve. */
export const personRef = (input = 'person') =>
  z.union([Id, z.string().trim().min(1)], { error: `${input} is required: give a name, email or id.` });

/** An initiative as a caller names it: an id, or its name or "#id". */
export const initiativeRef = (input = 'initiative') =>
  z.union([Id, z.string().trim().min(1)], { error: `${input} is required: give its name or id.` });

/**
 * A day (YYYY-MM-DD) or an ISO-8601 instant, or a Date. Text is checked by the domain's date
 * rules (a real calendar day, not in the future where that matters), which know the field.
 */
export const dateInput = (input: string) =>
  z.union([z.date().transform((d) => d.toISOString()), z.string().trim().min(1)], {
    error: `${input} must be a date: YYYY-MM-DD or an ISO-8601 time.`,
  });

/**
 * A person a result refers to. The rule for every result (docs/json.md): a row about a person
 * names them as `person: {id, name}`; a person in a role is `{id, name}` under the role's name
 * (`manager`, `from`, `leader`); only the records of people themselves carry `id` and `name` at
 * the top.
 */
export const PersonName = z.object({ id: z.number(), name: z.string() });

/** An initiative a result refers to, always under `initiative`. */
export const InitiativeName = z.object({ id: z.number(), name: z.string() });

/**
 * An explanation as data: a stable code, the numbers and people it refers to, and the sentence
 * rendered from them. Surfaces print `text`; the web app links the people in `params`.
 */
export const Explanation = z.object({
  code: z.string(),
  params: z.record(
    z.string(),
    z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(z.union([z.string(), z.number()]))]),
  ),
  text: z.string(),
});

/**
 * Validates a use case's input against its schema: the typed value, or a `validation` error
 * naming the first input at fault, with every issue (path, message) in its details.
 */
export function parseInput<S extends z.ZodType>(schema: S, raw: unknown): z.output<S> {
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  const issues: InputIssue[] = result.error.issues.map((i) => ({
    path: i.path.map((p) => (typeof p === 'symbol' ? String(p) : p)),
    message: i.message,
  }));
  const first = issues[0]!;
  // The input named is the top-level one (`sources`, not `sources.1`); the path says where inside.
  const field = first.path.length > 0 ? String(first.path[0]) : 'input';
  const message = first.message.startsWith('Invalid')
    ? `${first.path.join('.') || field}: ${first.message}`
    : first.message;
  throw new ValidationError(field, message, { path: first.path, issues });
}
