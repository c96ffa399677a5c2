import { useState } from 'react';
import type { ButtonProps } from 'antd';
import { Alert, App, Button, Card, Empty, Flex, Select, Skeleton, Tag, Typography } from 'antd';
import { CheckCircleFilled } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../shared/QueryError';
import { formatDateTime } from '../../shared/format';
import { useOwnBallot, useOwnDecisions, type Choice, type OwnDecisionDto } from './api';

const CHOICES: Choice[] = ['yes', 'no', 'abstain'];

/** Open decisions of the owner's compounds, each with its ballot buttons or the ballot already counted. */
export function OwnDecisions() {
  const { t } = useTranslation();
  const decisions = useOwnDecisions();
  return (
    <Card title={t('owner.decisions.title')} className="owner-card" data-testid="owner-decisions">
      {decisions.isPending ? (
        <Skeleton active />
      ) : decisions.isError ? (
        <QueryError error={decisions.error} onRetry={() => void decisions.refetch()} />
      ) : decisions.data.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('owner.decisions.none')} />
      ) : (
        <Flex vertical gap={16}>
          {decisions.data.map((d) => (
            <OwnDecision key={d.id} d={d} />
          ))}
        </Flex>
      )}
    </Card>
  );
}

function OwnDecision({ d }: { d: OwnDecisionDto }) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const ballot = useOwnBallot();
  const votable = d.units.filter((u) => u.mayVote);
  const [unitId, setUnitId] = useState<string | undefined>(votable[0]?.unitId);
  const unit = d.units.find((u) => u.unitId === unitId);

  const choose = (choice: Choice) =>
    modal.confirm({
      title: t('owner.decisions.confirmTitle', { choice: t(`gov.choices.${choice}`) }),
      content: t('owner.decisions.confirmText', { unit: unit ? `${d.compoundName} ${unit.label}` : '' }),
      okText: t('gov.vote.submit'),
      cancelText: t('common.cancel'),
      okButtonProps: { size: 'large', 'data-testid': 'owner-vote-confirm' } as ButtonProps,
      cancelButtonProps: { size: 'large' },
      onOk: async () => {
        try {
          await ballot.mutateAsync({ decisionId: d.id, unitId: unitId!, choice });
          void message.success(t('owner.decisions.thanks'));
        } catch (err) {
          modal.error({ title: err instanceof Error ? err.message : String(err) });
        }
      },
    });

  return (
    <article className="owner-decision" data-testid="owner-decision" data-id={d.id}>
      <Typography.Title level={5} className="owner-decision-title">
        {d.title}
      </Typography.Title>
      <Flex wrap gap={4} className="owner-meta">
        <Tag>{d.compoundName}</Tag>
        <Tag color="blue">{t(`gov.matters.${d.matter}`)}</Tag>
      </Flex>
      <Typography.Paragraph className="owner-decision-text">{d.description}</Typography.Paragraph>
      <Typography.Text type="secondary" className="owner-line">
        {d.accepting
          ? t('owner.decisions.closes', { at: formatDateTime(d.closesAt).slice(0, 16) })
          : t('owner.decisions.opens', { at: formatDateTime(d.opensAt).slice(0, 16) })}
      </Typography.Text>
      <Typography.Text type="secondary" className="owner-line" data-testid="owner-decision-progress">
        {t('owner.decisions.progress', { ballots: d.ballotCount, units: d.unitCount })}
      </Typography.Text>
      {d.myBallot ? (
        <Alert
          type="success"
          showIcon
          icon={<CheckCircleFilled />}
          className="owner-voted"
          data-testid="owner-voted"
          title={t('owner.decisions.voted', { choice: t(`gov.choices.${d.myBallot.choice}`) })}
          description={t('owner.decisions.votedAt', { at: formatDateTime(d.myBallot.at).slice(0, 16) })}
        />
      ) : votable.length === 0 ? (
        <Alert
          type="info"
          showIcon
          title={d.units.length ? t('owner.decisions.developerUnit') : t('owner.decisions.notInScope')}
        />
      ) : (
        d.accepting && (
          <Flex vertical gap={8} className="owner-ballot">
            {votable.length > 1 && (
              <Select
                aria-label={t('owner.decisions.forUnit')}
                value={unitId}
                onChange={setUnitId}
                options={votable.map((u) => ({ value: u.unitId, label: u.label }))}
                data-testid="owner-vote-unit"
              />
            )}
            <div className="owner-choices">
              {CHOICES.map((c) => (
                <Button
                  key={c}
                  size="large"
                  type={c === 'yes' ? 'primary' : 'default'}
                  onClick={() => choose(c)}
                  loading={ballot.isPending && ballot.variables?.choice === c}
                  data-testid={`owner-vote-${c}`}
                >
                  {t(`gov.choices.${c}`)}
                </Button>
              ))}
            </div>
          </Flex>
        )
      )}
    </article>
  );
}
