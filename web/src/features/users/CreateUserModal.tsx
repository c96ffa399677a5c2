import { Alert, Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RoleInfoDto, UserInputDto } from '../../api/types';
import { useCreateUser } from './api';
import { ScopePicker } from './ScopePicker';

interface Props {
  open: boolean;
  roles: RoleInfoDto[];
  onClose: () => void;
  onCreated: (username: string) => void;
}

interface Values {
  username: string;
  displayName: string;
  password: string;
  role: UserInputDto['roles'][number]['role'];
  scopeType: string;
  scopeId: string;
}

export function CreateUserModal({ open, roles, onClose, onCreated }: Props) {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm<Values>();
  const create = useCreateUser();
  const role = Form.useWatch('role', form);
  const scopeType = Form.useWatch('scopeType', form);
  const scopes = roles.find((r) => r.role === role)?.scopes ?? [];
  const en = i18n.language === 'en';

  const submit = (v: Values) => {
    const input: UserInputDto = {
      username: v.username.trim(),
      displayName: v.displayName.trim(),
      password: v.password,
      locale: en ? 'en' : 'zh-CN',
      roles: [
        {
          role: v.role,
          scopeType: v.scopeType as UserInputDto['roles'][number]['scopeType'],
          scopeId: v.scopeId.trim(),
        },
      ],
    };
    create.mutate(input, {
      onSuccess: (user) => {
        form.resetFields();
        create.reset();
        onCreated(user.username);
      },
    });
  };

  return (
    <Modal
      open={open}
      title={t('users.createTitle')}
      okText={t('common.create')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending}
      onOk={() => form.submit()}
      onCancel={() => {
        create.reset();
        onClose();
      }}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        name="create-user"
        layout="vertical"
        onFinish={submit}
        requiredMark
        preserve={false}
      >
        {create.isError && (
          <Alert type="error" showIcon title={create.error.message} style={{ marginBottom: 16 }} />
        )}
        <Form.Item
          name="username"
          label={t('users.username')}
          extra={t('users.usernameRule')}
          rules={[{ required: true, pattern: /^[a-zA-Z0-9_.-]{3,32}$/, message: t('users.usernameRule') }]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="displayName"
          label={t('users.displayName')}
          rules={[
            { required: true, max: 50, message: t('login.required', { field: t('users.displayName') }) },
          ]}
        >
          <Input />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('users.password')}
          extra={t('users.passwordHint')}
          rules={[{ required: true, min: 10, max: 128, message: t('users.passwordHint') }]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item name="role" label={t('users.role')} rules={[{ required: true, message: t('users.role') }]}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            options={roles.map((r) => ({ value: r.role, label: en ? r.en : r.zh }))}
            onChange={(value: string) => {
              const next = roles.find((r) => r.role === value)?.scopes ?? [];
              const only = next.length === 1 ? next[0] : undefined;
              form.setFieldsValue({ scopeType: only, scopeId: only === 'city' ? 'all' : undefined });
            }}
          />
        </Form.Item>
        <Form.Item
          name="scopeType"
          label={t('users.scopeType')}
          rules={[{ required: true, message: t('users.scopeType') }]}
        >
          <Select
            disabled={!role}
            options={scopes.map((s) => ({ value: s, label: t(`users.scopes.${s}`) }))}
            onChange={(value: string) =>
              form.setFieldsValue({ scopeId: value === 'city' ? 'all' : undefined })
            }
          />
        </Form.Item>
        <Form.Item
          name="scopeId"
          label={t('users.scopeId')}
          extra={t('users.scopeIdHint')}
          rules={[{ required: true, max: 64, message: t('users.scopeIdHint') }]}
        >
          <ScopePicker scopeType={scopeType} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
