/** Scale columns of Moodle's competency-framework CSV: comma-separated values plus a JSON configuration. */

import type { MoodleError } from './moodle.js';

export interface MoodleScale {
  values: string[];
  /** Index into `values` of the default value. */
  defaultIndex: number;
  /** Indexes into `values` that count as proficient. */
  proficientIndexes: number[];
}

export function scaleColumns(scale: MoodleScale | undefined): [string, string] {
  if (!scale) return ['', ''];
  // Moodle keeps a scale as one comma-separated string, so a value cannot hold a comma.
  if (scale.values.length === 0 || scale.values.some((v) => v.trim() === '' || v.includes(','))) {
    throw new Error(
      `Nilai skala Moodle tidak boleh kosong atau memuat koma: ${JSON.stringify(scale.values)}`,
    );
  }
  // Moodle rewrites scaleid on import (it finds or creates a matching global scale), so 0 is a placeholder.
  const config = [
    { scaleid: '0' },
    ...scale.values.map((_, i) => ({
      id: i + 1,
      scaledefault: i === scale.defaultIndex ? 1 : 0,
      proficient: scale.proficientIndexes.includes(i) ? 1 : 0,
    })),
  ];
  return [scale.values.join(','), JSON.stringify(config)];
}

export function parseScale(
  valuesText: string,
  configText: string,
  row: number,
  errors: MoodleError[],
  columns: { values: number; config: number },
): MoodleScale | undefined {
  const values = valuesText.split(',').map((v) => v.trim());
  if (valuesText.trim() === '' || values.some((v) => v === '')) {
    errors.push({ row, column: columns.values, message: 'Nilai skala kosong atau tidak lengkap.' });
    return undefined;
  }
  let config: unknown;
  try {
    config = JSON.parse(configText);
  } catch {
    errors.push({ row, column: columns.config, message: 'Konfigurasi skala bukan JSON yang sah.' });
    return undefined;
  }
  if (!Array.isArray(config) || config.length === 0 || typeof config[0] !== 'object' || config[0] === null) {
    errors.push({
      row,
      column: columns.config,
      message: 'Konfigurasi skala harus berupa larik JSON yang diawali objek {"scaleid": …}.',
    });
    return undefined;
  }
  let defaultIndex = -1;
  const proficientIndexes: number[] = [];
  for (const item of config.slice(1) as unknown[]) {
    const o = (typeof item === 'object' && item !== null ? item : {}) as Record<string, unknown>;
    const id = Number(o.id);
    if (!Number.isInteger(id) || id < 1 || id > values.length) {
      errors.push({
        row,
        column: columns.config,
        message: `Konfigurasi skala merujuk butir skala ${String(o.id)} yang tidak ada.`,
      });
      return undefined;
    }
    if (Number(o.scaledefault)) defaultIndex = id - 1;
    if (Number(o.proficient) && !proficientIndexes.includes(id - 1)) proficientIndexes.push(id - 1);
  }
  if (defaultIndex < 0 || proficientIndexes.length === 0) {
    errors.push({
      row,
      column: columns.config,
      message: 'Konfigurasi skala harus menetapkan satu nilai bawaan dan sedikitnya satu nilai cakap.',
    });
    return undefined;
  }
  proficientIndexes.sort((a, b) => a - b);
  return { values, defaultIndex, proficientIndexes };
}
