// A legal reference as people cite it (domain/citations.ts): 《上海市住宅物业管理规定》第二十八条第一款.
import { formatCitation } from '../../../domain/citations';
import { useLang } from '../app/i18n';

export function Citation({ text }: { text: string | null | undefined }) {
  const lang = useLang();
  const words = formatCitation(text, lang);
  return <span title={words}>{words || '—'}</span>;
}
