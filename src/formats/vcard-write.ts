export type VCardVersion = '3.0' | '4.0';

export interface VCardPerson {
  /** Stable across exports so address books update a contact instead of duplicating it. */
  uid: string;
  name: string;
  emails: string[];
  title: string | null;
  company: string | null;
  department: string | null;
  phone: string | null;
  notes: string | null;
  managerName: string | null;
}

const escapeText = (v: string): string =>
  v
    .replace(/\\/g, '\\\\')
    .replace(/\r\n|\n|\r/g, '\\n')
    .replace(/,/g, '\\,')
    .replace(/;/g, '\\;');

/** Folds at 75 octets as RFC 6350 asks, never splitting a UTF-8 character. */
export function foldLine(line: string): string {
  const enc = new TextEncoder();
  if (enc.encode(line).length <= 75) return `${line}\r\n`;
  const out: string[] = [];
  let cur = '';
  let size = 0;
  for (const ch of line) {
    const n = enc.encode(ch).length;
    const limit = out.length === 0 ? 75 : 74;
    if (size + n > limit) {
      out.push(cur);
      cur = '';
      size = 0;
    }
    cur += ch;
    size += n;
  }
  out.push(cur);
  return `${out.join('\r\n ')}\r\n`;
}

/** The structured N value from a display name: last word as family name, the rest as given. */
function structuredName(name: string): string {
  const parts = name.trim().split(/\s+/);
  const family = parts.length > 1 ? parts.pop()! : '';
  return [family, parts.join(' '), '', '', ''].map(escapeText).join(';');
}

export function writeVCard(p: VCardPerson, version: VCardVersion): string {
  const lines: string[] = ['BEGIN:VCARD', `VERSION:${version}`];
  lines.push(`UID:${version === '4.0' ? `urn:uuid:${p.uid}` : p.uid}`);
  lines.push(`FN:${escapeText(p.name)}`);
  lines.push(`N:${structuredName(p.name)}`);
  p.emails.forEach((e, i) => {
    const pref = i === 0 ? (version === '4.0' ? ';PREF=1' : ',PREF') : '';
    lines.push(version === '4.0' ? `EMAIL;TYPE=work${pref}:${e}` : `EMAIL;TYPE=INTERNET,WORK${pref}:${e}`);
  });
  if (p.title) lines.push(`TITLE:${escapeText(p.title)}`);
  if (p.company || p.department) {
    lines.push(`ORG:${escapeText(p.company ?? '')}${p.department ? `;${escapeText(p.department)}` : ''}`);
  }
  if (p.phone)
    lines.push(
      version === '4.0' ? `TEL;TYPE=work;VALUE=text:${escapeText(p.phone)}` : `TEL;TYPE=WORK:${p.phone}`,
    );
  // Outlook's extension carries the manager in both versions; RELATED has no "manager" type.
  if (p.managerName) lines.push(`X-MS-MANAGER:${escapeText(p.managerName)}`);
  if (p.notes) lines.push(`NOTE:${escapeText(p.notes)}`);
  lines.push('END:VCARD');
  return lines.map(foldLine).join('');
}
