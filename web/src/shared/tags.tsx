// Status and category tags with one colour per meaning, used on every screen.
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const LEVEL_COLOURS: Record<string, string> = {
  city: 'red',
  district: 'volcano',
  street: 'blue',
  town: 'cyan',
  township: 'green',
  statistical: 'purple',
};

export function LevelTag({ level }: { level: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={LEVEL_COLOURS[level] ?? 'default'}>
      {t(`divisions.levels.${level}`, { defaultValue: level })}
    </Tag>
  );
}

const ORG_TYPE_COLOURS: Record<string, string> = {
  joint_meeting_office: 'red',
  housing_bureau: 'volcano',
  street_office: 'orange',
  housing_office: 'gold',
  residents_committee: 'lime',
  department: 'blue',
  utility: 'cyan',
  property_company: 'geekblue',
  company_branch: 'purple',
  project_office: 'magenta',
  developer: 'default',
  mediation_committee: 'gold',
};

export function OrgTypeTag({ type }: { type: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={ORG_TYPE_COLOURS[type] ?? 'default'}>
      {t(`organisations.types.${type}`, { defaultValue: type })}
    </Tag>
  );
}

export function UserStatusTags({ locked, disabled }: { locked: boolean; disabled: boolean }) {
  const { t } = useTranslation();
  if (!locked && !disabled) return <Tag color="success">{t('users.active')}</Tag>;
  return (
    <>
      {locked && <Tag color="error">{t('users.locked')}</Tag>}
      {disabled && <Tag color="default">{t('users.disabled')}</Tag>}
    </>
  );
}

export function OwnerKindTag({ kind }: { kind: string }) {
  const { t } = useTranslation();
  const colour = kind === 'person' ? 'default' : kind === 'developer' ? 'orange' : 'blue';
  return (
    <Tag color={colour} variant="outlined">
      {t(`owners.kinds.${kind}`, { defaultValue: kind })}
    </Tag>
  );
}

export function UnitUseTag({ use }: { use: string }) {
  const { t } = useTranslation();
  const colour = use === 'residential' ? 'default' : use === 'commercial' ? 'gold' : 'cyan';
  return <Tag color={colour}>{t(`buildings.uses.${use}`, { defaultValue: use })}</Tag>;
}
