// Labels and tags of disputes: one colour per meaning (blue under way, gold waiting, green agreed, grey closed).
import { Tag } from 'antd';
import {
  DISPUTE_ACTION_LABELS,
  DISPUTE_STATUS_LABELS,
  DISPUTE_TYPE_LABELS,
  REFERRAL_ROUTE_LABELS,
  type DisputeAction,
  type DisputeStatus,
  type DisputeType,
  type ReferralRoute,
} from '../../../../domain/mediation';
import { useLang, type Lang } from '../../app/i18n';
import { pick } from '../cases/taxonomy';

const STATUS_COLOURS: Record<DisputeStatus, string> = {
  registered: 'cyan',
  mediating: 'processing',
  agreed: 'gold',
  effective: 'success',
  confirmed: 'green',
  referred: 'volcano',
  withdrawn: 'default',
  returned: 'purple',
};

export const statusLabel = (s: DisputeStatus, lang: Lang) => pick(DISPUTE_STATUS_LABELS[s], lang);
export const typeLabel = (s: DisputeType, lang: Lang) => pick(DISPUTE_TYPE_LABELS[s], lang);
export const actionLabel = (a: DisputeAction, lang: Lang) => pick(DISPUTE_ACTION_LABELS[a], lang);
export const routeLabel = (r: ReferralRoute, lang: Lang) => pick(REFERRAL_ROUTE_LABELS[r], lang);

export function DisputeStatusTag({ status, testId }: { status: DisputeStatus; testId?: string }) {
  const lang = useLang();
  return (
    <Tag color={STATUS_COLOURS[status]} data-testid={testId} data-status={status}>
      {statusLabel(status, lang)}
    </Tag>
  );
}
