// Similar open cases (issue 9 §7): the intake form's hints while compound and category are chosen (with a
// one-click merge of the report being typed), and the case page's merge-target picker.
import { useMemo, useState } from 'react';
import { Alert, Button, List, Select, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLang } from '../../app/i18n';
import { formatDateTime } from '../../shared/format';
import { useSimilarCases, type SimilarQuery } from './api';
import { pick } from './taxonomy';
import type { SimilarCaseDto } from './types';

/** The similar cases of the report being typed, each with its merge button (when the operator may merge). */
export function SimilarCaseHints({
  query,
  canMerge,
  merging,
  onMerge,
}: {
  query: SimilarQuery | null;
  canMerge: boolean;
  merging: string | null; // the case number being merged into
  onMerge: (caseNo: string) => void;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const similar = useSimilarCases(query);
  const items = query ? (similar.data ?? []) : [];
  if (!items.length) return null;
  return (
    <Alert
      type="warning"
      showIcon
      className="similar-cases"
      data-testid="similar-cases"
      title={t('cases.similar.title', { count: items.length })}
      description={
        <List
          size="small"
          dataSource={items}
          renderItem={(c) => (
            <List.Item
              data-testid="similar-case"
              actions={
                canMerge && c.mergeable
                  ? [
                      <Button
                        key="merge"
                        size="small"
                        type="primary"
                        ghost
                        loading={merging === c.caseNo}
                        disabled={!!merging && merging !== c.caseNo}
                        onClick={() => onMerge(c.caseNo)}
                        data-testid="similar-merge"
                      >
                        {t('cases.similar.merge')}
                      </Button>,
                    ]
                  : []
              }
            >
              <Space size={8} wrap>
                <Link to={`/cases/${c.id}`} target="_blank" className="num">
                  {c.caseNo}
                </Link>
                <Tag>{pick(c.statusLabel, lang)}</Tag>
                <Typography.Text type="secondary" className="num">
                  {formatDateTime(c.createdAt, lang)}
                </Typography.Text>
                <Typography.Text>{c.summary}</Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      }
    />
  );
}

const label = (c: SimilarCaseDto, lang: 'zh-CN' | 'en') =>
  `${c.caseNo} · ${pick(c.statusLabel, lang)} · ${formatDateTime(c.createdAt, lang)} · ${c.summary}`;

/**
 * The case to merge into, as a form control (value = case number): the similar open cases of this case's
 * compound and category, or — typing digits — the compound's open cases whose number starts with them.
 */
export function MergeTargetSelect({
  id,
  value,
  onChange,
  query,
}: {
  id?: string;
  value?: string;
  onChange?: (caseNo: string | undefined) => void;
  query: SimilarQuery | null;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const [typed, setTyped] = useState('');
  const digits = /^\d+$/.test(typed) ? typed : '';
  const similar = useSimilarCases(query);
  const byNumber = useSimilarCases(
    query && digits
      ? { compoundId: query.compoundId, caseNo: digits, excludeCaseId: query.excludeCaseId }
      : null,
  );
  const items = digits ? (byNumber.data ?? []) : (similar.data ?? []);
  const options = useMemo(
    () =>
      items.map((c) => ({
        value: c.caseNo,
        label: label(c, lang),
        disabled: !c.mergeable,
      })),
    [items, lang],
  );
  return (
    <Select
      id={id}
      value={value}
      onChange={onChange}
      allowClear
      showSearch={{ filterOption: false, onSearch: (text) => setTyped(text.trim()) }}
      loading={similar.isFetching || byNumber.isFetching}
      placeholder={t('cases.similar.pickPlaceholder')}
      notFoundContent={t('cases.similar.none')}
      options={options}
      data-testid="action-merge-into"
      popupMatchSelectWidth={false}
    />
  );
}
