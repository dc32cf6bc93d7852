// What the tests expect, computed independently of the app: the sample dataset and the prepared
// maps read from their files, numbers and dates written by the browser's own Intl, and the
// English words of the interface the tests compare against (from crates/core/src/i18n.rs).
import { readFileSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const json = (path) => JSON.parse(readFileSync(join(ROOT, path), 'utf8'));

// The sample the server loads into its fresh database.
export const dataset = json('data/sample/dataset.json');
// The prepared maps the app draws.
export const worldMap = json('data/geo/world.json');
export const indonesiaMap = json('data/geo/indonesia.json');

// A number as the browser's Intl writes it (Karya's grouping; at most one decimal).
export const intl = (n, lang) => n.toLocaleString(lang === 'id' ? 'id-ID' : 'en-US', { maximumFractionDigits: 1 });
// US dollars with cents, as Karya writes them: US$3,150.00.
export const usdEn = (n) => `US$${n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
// 2025-10-28 → 28 October 2025.
export const dateEn = (iso) => new Date(`${iso}T00:00:00Z`)
  .toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

// Unit names, [one, many], per language.
const UNITS = {
  id: { piece: ['buah', 'buah'], kilogram: ['kg', 'kg'], set: ['set', 'set'], square_metre: ['m²', 'm²'] },
  en: { piece: ['piece', 'pieces'], kilogram: ['kg', 'kg'], set: ['set', 'sets'], square_metre: ['m²', 'm²'] },
};
// 850 buah / 850 pieces, 1 set, 12,5 kg / 12.5 kg.
export const quantityIn = (q, unit, lang) => `${intl(q, lang)} ${UNITS[lang][unit][q === 1 ? 0 : 1]}`;
export const quantityEn = (q, unit) => quantityIn(q, unit, 'en');
// 1 release, 3 releases.
export const countEn = (n, one, many) => `${intl(n, 'en')} ${n === 1 ? one : many}`;

export const ROLE_EN = { producer: 'Producer', supplier: 'Material supplier', both: 'Producer and supplier' };
export const KIND_EN = { Lapas: 'Prison (Lapas)', Rutan: 'Remand centre (Rutan)', LPKA: 'Juvenile facility (LPKA)', Bapas: 'Probation office (Bapas)' };
const BLK_EN = 'Has a BLK (vocational training centre)';
export const blkEn = (has) => (has === true ? BLK_EN : has === false ? `${BLK_EN} ✗` : 'BLK not stated');
