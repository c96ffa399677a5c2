import type { ButtonProps } from 'antd';
import { useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Form, Input, Result, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { LanguageSwitch } from '../../app/LanguageSwitch';
import { useLang } from '../../app/i18n';
import { formatDateTime } from '../../shared/format';
import { useBallotLookup, useCastBallot } from './api';
import type { BallotReceiptDto } from './types';
import '../report/report.css';
import './governance.css';

type Choice = 'yes' | 'no' | 'abstain';

/** The owner's ballot page (no account, mobile first): invitation code, the decision, three big buttons. */
export function VotePage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { modal } = App.useApp();
  const [params] = useSearchParams();
  const [code, setCode] = useState<string | null>(params.get('code'));
  const lookup = useBallotLookup(code);
  const cast = useCastBallot();
  const [receipt, setReceipt] = useState<BallotReceiptDto | null>(null);
  const l = lookup.data;

  const choose = (choice: Choice) =>
    modal.confirm({
      title: t('gov.vote.confirm', { choice: t(`gov.choices.${choice}`) }),
      okText: t('gov.vote.submit'),
      cancelText: t('common.cancel'),
      okButtonProps: { size: 'large', 'data-testid': 'vote-confirm' } as ButtonProps,
      cancelButtonProps: { size: 'large' },
      onOk: async () => {
        try {
          setReceipt(await cast.mutateAsync({ code: code!, choice }));
        } catch (err) {
          void lookup.refetch();
          modal.error({ title: err instanceof Error ? err.message : String(err) });
        }
      },
    });

  return (
    <div className="public-page">
      <header className="public-header">
        <span className="public-brand">
          <span className="brand-mark" aria-hidden>
            共
          </span>
          <span>
            <strong>{t('app.name')}</strong>
            <small>{t('gov.vote.portal')}</small>
          </span>
        </span>
        <LanguageSwitch />
      </header>
      <main className="public-main">
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {t('gov.vote.title')}
        </Typography.Title>
        {receipt ? (
          <Card>
            <Result
              status="success"
              title={<span data-testid="vote-thanks">{t('gov.vote.thanks')}</span>}
              subTitle={`${t('gov.vote.receipt')}：${receipt.receipt.slice(-12)} · ${t(`gov.choices.${receipt.choice}`)} · ${formatDateTime(receipt.at, lang)}`}
              extra={
                <Button
                  size="large"
                  onClick={() => {
                    setReceipt(null);
                    setCode(null);
                  }}
                >
                  {t('gov.vote.again')}
                </Button>
              }
            />
          </Card>
        ) : (
          <>
            <Typography.Paragraph type="secondary">{t('gov.vote.intro')}</Typography.Paragraph>
            <Card>
              <Form<{ code: string }>
                layout="vertical"
                size="large"
                initialValues={{ code: code ?? '' }}
                onFinish={(v) => {
                  const next = v.code.trim();
                  if (next === code) void lookup.refetch();
                  else setCode(next);
                }}
              >
                <Form.Item
                  name="code"
                  label={t('gov.vote.code')}
                  className="vote-code"
                  rules={[{ required: true, whitespace: true, message: t('gov.vote.codeRequired') }]}
                >
                  <Input autoComplete="off" autoCapitalize="characters" data-testid="vote-code" />
                </Form.Item>
                <Button
                  type="primary"
                  htmlType="submit"
                  block
                  loading={lookup.isFetching}
                  data-testid="vote-look"
                >
                  {t('gov.vote.look')}
                </Button>
              </Form>
            </Card>
            {lookup.isError && (
              <Alert
                type="error"
                showIcon
                title={lookup.error instanceof Error ? lookup.error.message : String(lookup.error)}
                data-testid="vote-error"
              />
            )}
            {l && (
              <Card data-testid="vote-decision">
                <Typography.Title level={4} style={{ marginTop: 0 }}>
                  {l.decisionTitle}
                </Typography.Title>
                <Descriptions column={1} size="small">
                  <Descriptions.Item label={t('gov.col.compound')}>{l.compoundName}</Descriptions.Item>
                  <Descriptions.Item label={t('gov.vote.unit')}>{l.unitLabel}</Descriptions.Item>
                  <Descriptions.Item label={t('gov.decisions.matter')}>
                    {t(`gov.matters.${l.matter}`)}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('gov.vote.window')}>
                    {formatDateTime(l.opensAt, lang)} — {formatDateTime(l.closesAt, lang)}
                  </Descriptions.Item>
                </Descriptions>
                {l.description && <Typography.Paragraph>{l.description}</Typography.Paragraph>}
                {l.alreadyVoted ? (
                  <Alert
                    type="success"
                    showIcon
                    title={t('gov.vote.alreadyVoted')}
                    data-testid="vote-already"
                  />
                ) : !l.accepting ? (
                  <Alert type="warning" showIcon title={t('gov.vote.closed')} data-testid="vote-closed" />
                ) : (
                  <>
                    <Typography.Title level={5}>{t('gov.vote.choose')}</Typography.Title>
                    <div className="vote-choices">
                      <Button
                        type="primary"
                        size="large"
                        onClick={() => choose('yes')}
                        data-testid="vote-yes"
                      >
                        {t('gov.choices.yes')}
                      </Button>
                      <Button danger size="large" onClick={() => choose('no')} data-testid="vote-no">
                        {t('gov.choices.no')}
                      </Button>
                      <Button size="large" onClick={() => choose('abstain')} data-testid="vote-abstain">
                        {t('gov.choices.abstain')}
                      </Button>
                    </div>
                  </>
                )}
              </Card>
            )}
          </>
        )}
      </main>
      <footer className="public-footer">
        <span>{t('report.privacy')}</span>
        <Link to="/login">{t('report.staffLogin')}</Link>
      </footer>
    </div>
  );
}
