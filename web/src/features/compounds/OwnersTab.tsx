import { useState } from 'react';
import { App, Button, Flex, Form, Input, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { EyeOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { OwnerDto, RevealedOwnerDto } from '../../api/types';
import { useAuth } from '../../app/auth';
import { ExportButtons } from '../../shared/ExportButtons';
import { PagedTable } from '../../shared/PagedTable';
import { OwnerKindTag } from '../../shared/tags';
import { compareText } from '../../shared/format';
import { useOwners, useRevealOwner } from './api';

export function OwnersTab({ compoundId }: { compoundId: string }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const { message } = App.useApp();
  const [q, setQ] = useState<string | undefined>();
  const owners = useOwners(compoundId, q);
  const reveal = useRevealOwner();
  const [revealed, setRevealed] = useState<Record<string, RevealedOwnerDto>>({});
  const mayReveal = can('pii.reveal');

  const onReveal = (owner: OwnerDto) =>
    reveal.mutate(owner.id, {
      onSuccess: (r) => setRevealed((prev) => ({ ...prev, [r.id]: r })),
      onError: (err) => void message.error(err.message),
    });

  const columns: TableColumnsType<OwnerDto> = [
    { title: t('owners.name'), dataIndex: 'name', width: 160, sorter: (a, b) => compareText(a.name, b.name) },
    {
      title: t('owners.kind'),
      dataIndex: 'kind',
      width: 100,
      render: (kind: string) => <OwnerKindTag kind={kind} />,
    },
    {
      title: t('owners.phone'),
      key: 'phone',
      width: 150,
      render: (_, o) => <span className="num">{(revealed[o.id]?.phone ?? o.phone) || t('common.none')}</span>,
    },
    {
      title: t('owners.idNumber'),
      key: 'idNumber',
      width: 210,
      render: (_, o) => (
        <span className="num">{(revealed[o.id]?.idNumber ?? o.idNumber) || t('common.none')}</span>
      ),
    },
    {
      title: t('owners.units'),
      dataIndex: 'units',
      render: (units: OwnerDto['units']) => units.map((u) => u.label).join('、') || t('common.none'),
    },
  ];
  if (mayReveal) {
    columns.push({
      title: t('common.actions'),
      key: 'reveal',
      width: 110,
      render: (_, o) =>
        revealed[o.id] ? (
          <Tag color="warning">{t('owners.revealed')}</Tag>
        ) : !o.phone && !o.idNumber ? null : (
          <Tooltip title={t('owners.revealHint')}>
            <Button
              size="small"
              icon={<EyeOutlined />}
              loading={reveal.isPending && reveal.variables === o.id}
              onClick={() => onReveal(o)}
              data-testid="owner-reveal"
            >
              {t('owners.reveal')}
            </Button>
          </Tooltip>
        ),
    });
  }

  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={12} className="tab-toolbar">
        <Form layout="inline">
          <Form.Item label={t('owners.search')} htmlFor={`owners-q-${compoundId}`}>
            <Input.Search
              id={`owners-q-${compoundId}`}
              allowClear
              placeholder={t('owners.searchPlaceholder')}
              enterButton={t('common.search')}
              style={{ width: 280 }}
              onSearch={(v) => setQ(v.trim() || undefined)}
            />
          </Form.Item>
        </Form>
        <Flex gap={12} align="center">
          {mayReveal && (
            <Typography.Text type="secondary">
              <SafetyCertificateOutlined /> {t('owners.revealHint')}
            </Typography.Text>
          )}
          {can('registry.export') && <ExportButtons list="owners" params={{ compound: compoundId }} />}
        </Flex>
      </Flex>
      <PagedTable<OwnerDto> list={owners} testId="owners-table" rowKey="id" columns={columns} />
    </>
  );
}
