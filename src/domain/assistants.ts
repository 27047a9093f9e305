// Executive assistants and chiefs of staff: people whose place is beside a leader, not under
// them. They are the way to their leader (onboarding suggests them, paths go through them) and,
// whatever their level, sit where their executive sits relative to me.

const ASSISTANT_TITLE =
  /\b(?:executive|personal|administrative|admin)\s+assistant\b|\bassistant\s+to\b|^\s*assistant\s*$|\bEA\b|\bchief\s+of\s+staff\b|\bCoS\b/;

/**
 * Whether a job title is an executive assistant's or a chief of staff's. "Assistant Manager" and
 * "Assistant General Counsel" are ranks, not assistants; "EA" and "CoS" count only in capitals.
 */
export function isAssistantTitle(title: string | null | undefined): boolean {
  if (!title) return false;
  const lower = title
    .replace(/\bEA\b/g, 'executive assistant')
    .replace(/\bCoS\b/g, 'chief of staff')
    .toLowerCase();
  return ASSISTANT_TITLE.test(lower);
}

/**
 * The executive a person is next to: their manager when their title is an assistant's or a chief
 * of staff's, else null.
 */
export function executiveOf(p: { title?: string | null; managerId: number | null }): number | null {
  return p.managerId !== null && isAssistantTitle(p.title) ? p.managerId : null;
}
