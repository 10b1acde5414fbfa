/**
 * Sections of docs/benchmarks.md that keep one row per kind of database: a run on one kind
 * replaces its own row and keeps the other kind's, and `--only <part>` replaces one section alone.
 */
export type DatabaseKind = 'embedded' | 'server';

const isEnd = (l: string) => l.startsWith('## ') || l.startsWith('_Whole run');

/** The rows of the section whose heading starts with `heading`, by database kind (first word of the row). */
export function sectionRows(doc: string, heading: string): Map<DatabaseKind, string> {
  const rows = new Map<DatabaseKind, string>();
  const lines = doc.split('\n');
  const start = lines.findIndex((l) => l.startsWith(heading));
  if (start < 0) return rows;
  for (const l of lines.slice(start + 1)) {
    if (isEnd(l)) break;
    const m = /^\| (embedded|server)\b/.exec(l);
    if (m) rows.set(m[1] as DatabaseKind, l);
  }
  return rows;
}

/** The document with the section under `heading` replaced (or added before the closing line). */
export function replaceSection(doc: string, heading: string, section: string): string {
  const lines = doc.replace(/\n+$/, '').split('\n');
  const start = lines.findIndex((l) => l.startsWith(heading));
  if (start < 0) {
    const end = lines.findIndex((l) => l.startsWith('_Whole run'));
    const at = end < 0 ? lines.length : end;
    return [...lines.slice(0, at), section, ...lines.slice(at)].join('\n') + '\n';
  }
  let end = lines.findIndex((l, i) => i > start && isEnd(l));
  if (end < 0) end = lines.length;
  return [...lines.slice(0, start), section, ...lines.slice(end)].join('\n') + '\n';
}

/** Median of `runs` timings of `f`, in milliseconds. */
export async function medianMs(f: () => Promise<unknown>, runs: number): Promise<number> {
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const s = process.hrtime.bigint();
    await f();
    ms.push(Number(process.hrtime.bigint() - s) / 1e6);
  }
  return ms.sort((x, y) => x - y)[Math.floor(runs / 2)]!;
}

export const fmt = (n: number, d = 0) =>
  n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });
