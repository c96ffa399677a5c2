import { useState } from 'react';
import { App, Button, Card, Form, Input, Popconfirm, Space, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import type { UserDto, UserPatchDto } from '../../api/types';
import { useAuth } from '../../app/auth';
import { ExportButtons } from '../../shared/ExportButtons';
import { PagedTable } from '../../shared/PagedTable';
import { PageHeader } from '../../shared/PageHeader';
import { UserStatusTags } from '../../shared/tags';
import { compareText, formatDateTime } from '../../shared/format';
import { useUrlFilters } from '../../shared/useUrlFilters';
import { useLang } from '../../app/i18n';
import { usePatchUser, useRoles, useUsers } from './api';
import { CreateUserModal } from './CreateUserModal';
import { GrantTags } from './GrantTags';

const FILTER_KEYS = ['q'] as const;

export function UsersPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { me } = useAuth();
  const [filters, setFilters] = useUrlFilters(FILTER_KEYS);
  const users = useUsers(filters.q);
  const roles = useRoles();
  const patch = usePatchUser();
  const [creating, setCreating] = useState(false);
  const lang = useLang();

  const change = (user: UserDto, body: Omit<UserPatchDto, 'version'>, done: string) =>
    patch.mutate(
      { id: user.id, patch: { ...body, version: user.version } },
      {
        onSuccess: () => void message.success(done),
        onError: (err) =>
          void message.error(isApiError(err, 409) ? t('common.versionConflict') : err.message),
      },
    );

  const busy = (user: UserDto) => patch.isPending && patch.variables?.id === user.id;

  const columns: TableColumnsType<UserDto> = [
    {
      title: t('users.username'),
      dataIndex: 'username',
      width: 140,
      sorter: (a, b) => compareText(a.username, b.username),
      render: (v: string) => <span className="num">{v}</span>,
    },
    {
      title: t('users.displayName'),
      dataIndex: 'displayName',
      width: 200,
      sorter: (a, b) => compareText(a.displayName, b.displayName),
    },
    {
      title: t('users.roles'),
      dataIndex: 'roles',
      render: (grants: UserDto['roles']) => <GrantTags grants={grants} roles={roles.data ?? []} />,
    },
    {
      title: t('users.status'),
      key: 'status',
      width: 140,
      render: (_, u) => <UserStatusTags locked={u.locked} disabled={u.disabled} />,
    },
    {
      title: t('users.createdAt'),
      dataIndex: 'createdAt',
      width: 170,
      render: (v: string) => formatDateTime(v, lang),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 170,
      render: (_, u) => (
        <Space size={4}>
          {u.locked && (
            <Button
              size="small"
              loading={busy(u)}
              onClick={() => change(u, { unlock: true }, t('users.unlocked'))}
            >
              {t('users.unlock')}
            </Button>
          )}
          {u.disabled ? (
            <Button
              size="small"
              loading={busy(u)}
              onClick={() => change(u, { disabled: false }, t('users.enabledDone'))}
            >
              {t('users.enable')}
            </Button>
          ) : (
            <Popconfirm
              title={t('users.confirmDisable', { name: u.username })}
              okText={t('users.disable')}
              cancelText={t('common.cancel')}
              onConfirm={() => change(u, { disabled: true }, t('users.disabledDone'))}
            >
              <Button size="small" danger disabled={u.id === me?.id} loading={busy(u)}>
                {t('users.disable')}
              </Button>
            </Popconfirm>
          )}
        </Space>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('users.title')}
        extra={
          <Space>
            <ExportButtons list="users" params={filters} />
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t('users.create')}
            </Button>
          </Space>
        }
      />
      <Card size="small" className="filter-card">
        <Form layout="inline">
          <Form.Item label={t('common.search')} htmlFor="users-q">
            <Input.Search
              id="users-q"
              key={filters.q ?? ''}
              defaultValue={filters.q}
              allowClear
              enterButton={t('common.search')}
              placeholder={t('users.searchPlaceholder')}
              style={{ width: 300 }}
              onSearch={(q) => setFilters({ q: q.trim() })}
            />
          </Form.Item>
        </Form>
      </Card>
      <PagedTable<UserDto> list={users} testId="users-table" rowKey="id" columns={columns} />
      <CreateUserModal
        open={creating}
        roles={roles.data ?? []}
        onClose={() => setCreating(false)}
        onCreated={(username) => {
          setCreating(false);
          void message.success(`${t('users.created')}：${username}`);
        }}
      />
    </>
  );
}
