// Case categories as pickers and lists show them: grouped (urgent / repair / governance) and named in the
// reader's language.
import type { z } from 'zod';
import type { Category } from '../../../contracts/cases';
import type { Lang } from '../app/i18n';

type CategoryDto = z.infer<typeof Category>;

export type CategoryGroup = 'urgent' | 'repair' | 'governance';

export function categoryGroup(c: CategoryDto): CategoryGroup {
  if (c.urgent) return 'urgent';
  if (c.code.startsWith('repair.') || c.code === 'lift') return 'repair';
  return 'governance';
}

export const categoryName = (c: CategoryDto, lang: Lang) => (lang === 'en' ? c.nameEn : c.nameZh);
