import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';

export const IMPORT_KINDS = ['compounds', 'buildings', 'units', 'owners', 'organisations'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export interface ImportResult {
  kind: ImportKind;
  rows: number;
  imported: number;
}

export interface RowError {
  row: number;
  column: string;
  message: string;
}

export function templateUrl(kind: ImportKind): string {
  return `/api/v1/imports/templates/${kind}.csv`;
}

/** Row errors of a refused import (`error.code = 'transfer.invalid_rows'`), or null for other errors. */
export function rowErrorsOf(details: unknown): RowError[] | null {
  if (!details || typeof details !== 'object') return null;
  const errors = (details as { errors?: unknown }).errors;
  return Array.isArray(errors) ? (errors as RowError[]) : null;
}

export function useImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ kind, file }: { kind: ImportKind; file: File }) => {
      const form = new FormData();
      form.append('file', file, file.name);
      return api.upload<ImportResult>(`/api/v1/imports/${kind}`, form);
    },
    onSuccess: () => {
      // every registry list may have changed
      for (const key of ['compounds', 'compound', 'organisations', 'organisation', 'building']) {
        void queryClient.invalidateQueries({ queryKey: [key] });
      }
    },
  });
}

/** The template's header and example rows, so the page can show which columns a file needs. */
export function useTemplate(kind: ImportKind) {
  return useQuery({
    queryKey: ['import-template', kind],
    queryFn: ({ signal }) => api.get<string>(templateUrl(kind), {}, signal),
    select: (text) => parseCsv(typeof text === 'string' ? text : '').slice(0, 2),
    staleTime: Infinity,
    retry: false,
  });
}

/** A small RFC 4180 reader (quotes, doubled quotes, CRLF), enough for the short templates. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const src = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < src.length; i++) {
    const ch = src[i];
    if (quoted) {
      if (ch === '"' && src[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && src[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows.filter((r) => r.some((c) => c !== ''));
}
