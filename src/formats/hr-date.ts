const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** LinkedIn writes "12 Mar 2024"; returns 2024-03-12, or null when it is not a real day. */
export function linkedInDay(value: string): string | null {
  const m = /^(\d{1,2})[ -]([A-Za-z]{3})[a-z]*[ -](\d{4})$/.exec(value.trim());
  if (!m) return null;
  const month = MONTHS.indexOf(m[2]!.toLowerCase());
  if (month < 0) return null;
  const d = new Date(Date.UTC(Number(m[3]), month, Number(m[1])));
  if (d.getUTCDate() !== Number(m[1]) || d.getUTCMonth() !== month) return null;
  return d.toISOString().slice(0, 10);
}

/** The forms a date in an HR file may take, for the warning that leaves a date out. */
export const HR_DATE_FORMS = 'YYYY-MM-DD (e.g. 2019-03-15), YYYY/MM/DD, 15 Mar 2019 or Mar 15, 2019';

function day(y: number, month: number, d: number): string | null {
  if (y < 1900 || y > 2100) return null;
  const date = new Date(Date.UTC(y, month, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== month || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}

/**
 * A hire or start date as HR exports write it, read strictly: the year first (2019-03-15,
 * 2019/03/15, an ISO time whose day is kept as written), or the month by name (15 Mar 2019,
 * Mar 15, 2019). Day-first and month-first numbers (03/04/2019) are refused: the file does not
 * say which it means. Returns YYYY-MM-DD, or null when the text is not such a real day.
 */
export function hrDay(value: string): string | null {
  const v = value.trim();
  const ymd =
    /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(
      v,
    );
  if (ymd) return day(Number(ymd[1]), Number(ymd[3]) - 1, Number(ymd[4]));
  const named = linkedInDay(v);
  if (named) return day(Number(named.slice(0, 4)), Number(named.slice(5, 7)) - 1, Number(named.slice(8, 10)));
  const mdy = /^([A-Za-z]{3})[a-z]*\.? (\d{1,2}),? (\d{4})$/.exec(v);
  if (mdy) {
    const month = MONTHS.indexOf(mdy[1]!.toLowerCase());
    return month < 0 ? null : day(Number(mdy[3]), month, Number(mdy[2]));
  }
  return null;
}
