/**
 * An explanation as data: a stable code, the numbers and people it refers to (person ids as
 * `personId`/`personIds`), and the sentence rendered from them. Rules return these instead of
 * bare sentences so a terminal prints `text`, the web app links the people, and tests assert
 * on the code and the numbers.
 */
export type ExplanationParams = Record<string, string | number | boolean | null | (string | number)[]>;

export interface Explanation<C extends string = string> {
  code: C;
  params: ExplanationParams;
  text: string;
}

export const explain = <C extends string>(
  code: C,
  params: ExplanationParams,
  text: string,
): Explanation<C> => ({
  code,
  params,
  text,
});

/** "1 person", "3 people". */
export const countOf = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** "+3", "0", "-2". */
export const signed = (x: number): string => (x > 0 ? `+${x}` : String(x));
