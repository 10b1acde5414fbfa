import { ApiError, request, toApiError, type paths } from './client';
import type { ImportKind } from '../search';

export type ImportResult =
  paths['/api/employees/import']['post']['responses'][200]['content']['application/json'];
export type ImportJob = paths['/api/imports/{id}']['get']['responses'][200]['content']['application/json'];
export type RowError = ImportResult['errors'][number];

const UPLOAD_URL: Record<ImportKind, string> = {
  employees: '/api/employees/import',
  'org-units': '/api/org-units/import',
  positions: '/api/positions/import',
};

export const templateUrl = (kind: ImportKind, format: 'csv' | 'xlsx') =>
  `/api/imports/templates/${kind}.${format}`;
export const errorReportUrl = (jobId: string) => `/api/imports/${jobId}/errors.xlsx`;

const formOf = (file: File) => {
  const form = new FormData();
  form.append('file', file, file.name);
  return form;
};

/**
 * Dry run: the preview. A file with errors answers 422 problem+json carrying the same counts and
 * every row error; that is a result to show, not a failure, so it is returned as a result.
 */
export async function checkImport(kind: ImportKind, file: File): Promise<ImportResult & { title?: string }> {
  try {
    return (
      await request<ImportResult>(`${UPLOAD_URL[kind]}?dryRun=true`, { method: 'POST', body: formOf(file) })
    ).body;
  } catch (e) {
    if (
      e instanceof ApiError &&
      e.status === 422 &&
      Array.isArray(e.body.errors) &&
      e.errors.some((x) => x.row != null || x.column != null)
    ) {
      const b = e.body as Partial<ImportResult>;
      return {
        jobId: String(b.jobId ?? ''),
        created: b.created ?? 0,
        updated: b.updated ?? 0,
        unchanged: b.unchanged ?? 0,
        errors: e.errors as RowError[],
        errorCount: b.errorCount ?? e.errors.length,
        dryRun: true,
        totalRows: b.totalRows ?? 0,
        preview: b.preview ?? [],
        title: e.title,
      };
    }
    throw e;
  }
}

/** The real import, in the background: returns the job id to follow. */
export async function startImport(kind: ImportKind, file: File): Promise<string> {
  const res = await fetch(`${UPLOAD_URL[kind]}?async=true`, {
    method: 'POST',
    body: formOf(file),
    credentials: 'same-origin',
    headers: {
      Accept: 'application/json',
      'Accept-Language': document.documentElement.lang === 'en' ? 'en' : 'id',
    },
  });
  if (res.status !== 202 && res.status !== 200) throw await toApiError(res);
  const body = (await res.json()) as { jobId: string };
  return body.jobId;
}

export const getJob = (id: string) => request<ImportJob>(`/api/imports/${id}`).then((r) => r.body);
