import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';

export { IMPORT_COLUMNS, IMPORT_KINDS, type ImportKind } from '../../../../contracts/import-columns';
import type { ImportKind } from '../../../../contracts/import-columns';

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

export function templateUrl(kind: ImportKind, format: 'xlsx' | 'csv' = 'xlsx'): string {
  return `/api/v1/imports/templates/${kind}.${format}`;
}

/** The row-error report of a file, built by the server from the same validation as the import. */
export async function downloadErrorReport(kind: ImportKind, file: File): Promise<void> {
  const form = new FormData();
  form.append('file', file, file.name);
  const blob = await api.uploadForFile(`/api/v1/imports/${kind}/errors.xlsx`, form);
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = `${file.name.replace(/\.(xlsx|csv)$/i, '')}-错误报告.xlsx`;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
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
