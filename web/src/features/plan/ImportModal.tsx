import { useState } from 'react';
import { Alert, App, Button, Flex, Modal, Space, Typography, Upload } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { rowErrorsOf } from '../imports/api';
import { ImportErrors } from '../imports/ImportErrors';
import { planTemplateUrl, usePlanImport, type PlanDto } from './api';

const ACCEPT = '.xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv';

/**
 * Importing a plan's tasks (plan.manage): the template, then a dry run that lists every row error, and only
 * after a clean check the import itself — all or nothing, as the import page does for the registry.
 */
export function ImportModal({ plan, onClose }: { plan: PlanDto; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [file, setFile] = useState<File | null>(null);
  const run = usePlanImport(plan.id);
  const checked = run.data?.dryRun ? run.data : null;
  const rowErrors = run.error instanceof ApiError ? rowErrorsOf(run.error.details) : null;
  const send = (dryRun: boolean) => {
    if (!file) return;
    run.mutate(
      { file, version: plan.version, dryRun },
      {
        onSuccess: (r) => {
          if (!r.dryRun) {
            void message.success(t('plan.imported', r));
            onClose();
          }
        },
      },
    );
  };
  return (
    <Modal
      title={t('plan.importTitle')}
      open
      width={760}
      onCancel={onClose}
      footer={null}
      destroyOnHidden
      modalRender={(node) => <div data-testid="plan-import">{node}</div>}
    >
      <Flex vertical gap={12}>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t('plan.importHint')}
        </Typography.Paragraph>
        <Space.Compact>
          <Button
            icon={<DownloadOutlined />}
            href={planTemplateUrl('xlsx')}
            download
            data-testid="plan-template"
          >
            {t('plan.template')}
          </Button>
          <Button href={planTemplateUrl('csv')} download>
            {t('plan.templateCsv')}
          </Button>
        </Space.Compact>
        <Upload
          accept={ACCEPT}
          maxCount={1}
          beforeUpload={(f) => {
            setFile(f);
            run.reset();
            return false;
          }}
          onRemove={() => {
            setFile(null);
            run.reset();
          }}
        >
          <Button icon={<UploadOutlined />} data-testid="plan-import-file">
            {t('plan.chooseFile')}
          </Button>
        </Upload>
        <Space wrap>
          <Button
            disabled={!file}
            loading={run.isPending}
            onClick={() => send(true)}
            data-testid="plan-import-check"
          >
            {t('plan.check')}
          </Button>
          <Button
            type="primary"
            disabled={!file || !checked}
            loading={run.isPending}
            onClick={() => send(false)}
            data-testid="plan-import-run"
          >
            {t('plan.doImport')}
          </Button>
        </Space>
        <div aria-live="polite">
          {checked && (
            <Alert type="success" showIcon title={t('plan.checked', checked)} data-testid="plan-import-ok" />
          )}
          {run.isError && (
            <Flex vertical gap={8}>
              <Alert type="error" showIcon title={run.error.message} data-testid="plan-import-failed" />
              {rowErrors && <ImportErrors errors={rowErrors} />}
            </Flex>
          )}
        </div>
      </Flex>
    </Modal>
  );
}
