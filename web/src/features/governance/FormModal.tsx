import type { ButtonProps } from 'antd';
import { useState, type ReactNode } from 'react';
import { Alert, App, Form, Modal } from 'antd';
import { useTranslation } from 'react-i18next';

interface Props<V> {
  title: ReactNode;
  open: boolean;
  onClose: () => void;
  /** Sends the form; a rejected promise shows the server's localised message inside the modal. */
  submit: (values: V) => Promise<unknown>;
  initialValues?: Partial<V>;
  okText?: ReactNode;
  width?: number;
  testId?: string;
  children: ReactNode;
}

/** A modal form for one governance action; the server validates, its message is shown in place. */
export function FormModal<V extends object>({
  title,
  open,
  onClose,
  submit,
  initialValues,
  okText,
  width = 560,
  testId,
  children,
}: Props<V>) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<V>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <Modal
      title={title}
      open={open}
      width={width}
      destroyOnHidden
      okText={okText ?? t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onCancel={() => {
        setError(null);
        onClose();
      }}
      onOk={() => form.submit()}
      okButtonProps={{ 'data-testid': testId ? `${testId}-ok` : undefined } as ButtonProps}
      modalRender={(node) => <div data-testid={testId}>{node}</div>}
    >
      {error && (
        <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="modal-error" />
      )}
      <Form<V>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={initialValues}
        onFinish={async (values) => {
          setBusy(true);
          setError(null);
          try {
            await submit(values);
            void message.success(t('gov.saved'));
            onClose();
          } catch (err) {
            setError(err instanceof Error ? err.message : String(err));
          } finally {
            setBusy(false);
          }
        }}
      >
        {children}
      </Form>
    </Modal>
  );
}
