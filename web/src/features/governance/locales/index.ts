// Strings of the governance screens, one file per sub-domain, merged into the app's locales under `gov`.
import { committeesEn, committeesZh } from './committees';
import { decisionsEn, decisionsZh } from './decisions';
import { dutiesEn, dutiesZh } from './duties';
import { formationEn, formationZh } from './formation';
import { overviewEn, overviewZh } from './overview';
import { recordsEn, recordsZh } from './records';

export const govZh = {
  ...overviewZh,
  ...formationZh,
  ...committeesZh,
  ...recordsZh,
  ...decisionsZh,
  ...dutiesZh,
  date: '日期',
  required: '必填',
  saved: '已保存',
};

export type GovMessages = typeof govZh;

export const govEn: GovMessages = {
  ...overviewEn,
  ...formationEn,
  ...committeesEn,
  ...recordsEn,
  ...decisionsEn,
  ...dutiesEn,
  date: 'Date',
  required: 'Required',
  saved: 'Saved',
};
