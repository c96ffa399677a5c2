import type { ReactNode } from 'react';
import { Button, Card, Radio, Typography, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { PagedTable } from '../../shared/PagedTable';
import type { usePagedList } from '../../shared/usePagedList';

/**
 * A per-unit register of the committee eligibility grounds (《规定》第二十条第二款): arrears (欠费登记) and the other
 * grounds (违规情形登记) — the rule in words, an open/all filter, the paged table, and a "new" button for those
 * who keep it. The card's forms are its children.
 */
export function RegisterCard<T extends { id: string }>(p: {
  title: string;
  rule: string;
  testId: string; // `${testId}-card`, `-filter`, `-table`; the button `${newTestId}`
  newTestId: string;
  newLabel: string;
  onNew: (() => void) | null;
  open: 'true' | undefined;
  onOpen: (open: 'true' | undefined) => void;
  openLabel: string;
  allLabel: string;
  list: ReturnType<typeof usePagedList<T>>;
  columns: TableColumnsType<T>;
  scrollX: number;
  emptyText: string;
  children?: ReactNode;
}) {
  return (
    <Card
      size="small"
      title={p.title}
      data-testid={`${p.testId}-card`}
      extra={
        p.onNew && (
          <Button icon={<PlusOutlined />} onClick={p.onNew} data-testid={p.newTestId}>
            {p.newLabel}
          </Button>
        )
      }
    >
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {p.rule}
      </Typography.Paragraph>
      <Radio.Group
        value={p.open ?? 'all'}
        onChange={(e) => p.onOpen(e.target.value === 'true' ? 'true' : undefined)}
        optionType="button"
        size="small"
        style={{ marginBottom: 8 }}
        data-testid={`${p.testId}-filter`}
        options={[
          { value: 'true', label: p.openLabel },
          { value: 'all', label: p.allLabel },
        ]}
      />
      <PagedTable<T>
        list={p.list}
        testId={`${p.testId}-table`}
        rowKey="id"
        columns={p.columns}
        scroll={{ x: p.scrollX }}
        locale={{ emptyText: p.emptyText }}
      />
      {p.children}
    </Card>
  );
}
