import { ApiError, request, type paths, type ProblemItem } from './client';

export type AdminCompetency =
  paths['/api/competencies/all']['get']['responses'][200]['content']['application/json'][number];
export type CompetencyVersion =
  paths['/api/competencies/{id}/versions']['get']['responses'][200]['content']['application/json'][number];
export type StandardTemplate =
  paths['/api/competency-templates']['get']['responses'][200]['content']['application/json'][number];
export type StandardsMatrix =
  paths['/api/position-standards']['get']['responses'][200]['content']['application/json'];
export type MoodleResult =
  paths['/api/competencies/moodle']['post']['responses'][200]['content']['application/json'];
export type StandardsImport =
  paths['/api/position-standards/import']['post']['responses'][200]['content']['application/json'];

/** An upload's answer: the result, or the row/column errors of a refused file (422), shown as a result. */
export type UploadOutcome<T> = { ok: true; result: T } | { ok: false; title: string; errors: ProblemItem[] };

export async function uploadFile<T>(url: string, file: File, dryRun: boolean): Promise<UploadOutcome<T>> {
  const form = new FormData();
  form.append('file', file, file.name);
  try {
    const res = await request<T>(`${url}?dryRun=${dryRun}`, { method: 'POST', body: form });
    return { ok: true, result: res.body };
  } catch (e) {
    if (e instanceof ApiError && (e.status === 422 || e.status === 400 || e.status === 413)) {
      return { ok: false, title: e.title, errors: e.errors };
    }
    throw e;
  }
}
