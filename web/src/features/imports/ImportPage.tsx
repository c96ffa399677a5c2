import { useEffect, useRef, useState } from 'react';
import { Alert, App, Button, Card, Flex, Form, Select, Space, Typography, Upload } from 'antd';
import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { PageHeader } from '../../shared/PageHeader';
import {
  downloadErrorReport,
  IMPORT_KINDS,
  rowErrorsOf,
  templateUrl,
  useImport,
  type ImportKind,
  type ImportResult,
} from './api';
import { ImportErrors } from './ImportErrors';
import { TemplatePreview } from './TemplatePreview';

const ACCEPT = '.xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv';

export function ImportPage() {
  const { t } = useTranslation();
  const [kind, setKind] = useState<ImportKind>('compounds');
  const [fileName, setFileName] = useState<string | null>(null);
  const [lastFile, setLastFile] = useState<File | null>(null);
  const upload = useImport();
  const { message } = App.useApp();

  const start = (
    file: File,
    callbacks: { onSuccess: (r: ImportResult) => void; onError: (e: Error) => void },
  ) => {
    setFileName(file.name);
    setLastFile(file);
    upload.mutate({ kind, file }, callbacks);
  };

  const error = upload.error;
  const rowErrors = error instanceof ApiError ? rowErrorsOf(error.details) : null;
  const nothingImported = t('imports.nothingImported');
  const failureTitle = error?.message.includes(nothingImported) ? error.message : nothingImported;
  const resultRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (upload.isSuccess || upload.isError)
      resultRef.current?.scrollIntoView({ behavior: 'smooth', block: 'nearest' });
  }, [upload.isSuccess, upload.isError]);

  return (
    <>
      <PageHeader title={t('imports.title')}>
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          {t('imports.intro')}
        </Typography.Paragraph>
      </PageHeader>
      <Card size="small" className="section-card" title={t('imports.step1')}>
        <Form layout="inline">
          <Form.Item label={t('imports.kind')} htmlFor="import-kind">
            <Select
              id="import-kind"
              data-testid="import-kind"
              style={{ width: 200 }}
              value={kind}
              options={IMPORT_KINDS.map((k) => ({ value: k, label: t(`imports.kinds.${k}`) }))}
              onChange={(k: ImportKind) => {
                setKind(k);
                upload.reset();
              }}
            />
          </Form.Item>
          <Form.Item>
            <Space.Compact>
              <Button
                icon={<DownloadOutlined />}
                href={templateUrl(kind)}
                download
                data-testid="import-template"
              >
                {t('imports.template')}
              </Button>
              <Button href={templateUrl(kind, 'csv')} download>
                {t('imports.templateCsv')}
              </Button>
            </Space.Compact>
          </Form.Item>
        </Form>
        <TemplatePreview kind={kind} />
      </Card>
      <Card size="small" className="section-card" title={t('imports.step2')}>
        <div data-testid="import-upload">
          <Upload.Dragger
            name="file"
            accept={ACCEPT}
            multiple={false}
            showUploadList={false}
            disabled={upload.isPending}
            aria-label={t('imports.drop')}
            beforeUpload={(file) => {
              if (/\.(xlsx|csv)$/i.test(file.name)) return true;
              void message.error(t('imports.wrongType'));
              return Upload.LIST_IGNORE;
            }}
            customRequest={({ file, onSuccess, onError }) => {
              // sent by our API client (fetch + CSRF header + Accept-Language), not by rc-upload's XHR
              start(file as File, {
                onSuccess: (result) => onSuccess?.(result),
                onError: (err) => onError?.(err),
              });
            }}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{t('imports.drop')}</p>
            <p className="ant-upload-hint">{t('imports.dropHint')}</p>
          </Upload.Dragger>
        </div>
      </Card>
      <div aria-live="polite" ref={resultRef}>
        {upload.isPending && (
          <Alert type="info" showIcon title={t('imports.uploading', { name: fileName })} />
        )}
        {upload.isSuccess && (
          <Alert
            data-testid="import-success"
            type="success"
            showIcon
            title={t('imports.success', { rows: upload.data.rows, imported: upload.data.imported })}
            description={fileName}
          />
        )}
        {upload.isError && (
          <Flex vertical gap={12}>
            <Alert
              data-testid="import-failed"
              type="error"
              showIcon
              // the server's message may already say "nothing was imported": then it is the title alone
              title={failureTitle}
              description={failureTitle === error?.message ? undefined : error?.message}
            />
            {rowErrors && lastFile && (
              <Button
                icon={<DownloadOutlined />}
                data-testid="import-error-report"
                style={{ alignSelf: 'flex-start' }}
                onClick={() =>
                  downloadErrorReport(kind, lastFile).catch((e: Error) => void message.error(e.message))
                }
              >
                {t('imports.downloadErrors')}
              </Button>
            )}
            {rowErrors && <ImportErrors errors={rowErrors} />}
          </Flex>
        )}
      </div>
    </>
  );
}
