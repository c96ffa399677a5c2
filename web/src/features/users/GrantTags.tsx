import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RoleInfoDto, UserDto } from '../../api/types';
import { useDivisions } from '../divisions/api';

interface Props {
  grants: UserDto['roles'];
  roles: RoleInfoDto[];
}

/** One tag per grant: role name and its data scope (division names resolved, other ids abbreviated). */
export function GrantTags({ grants, roles }: Props) {
  const { t, i18n } = useTranslation();
  const { nameOf } = useDivisions();
  const en = i18n.language === 'en';
  return (
    <>
      {grants.map((g) => {
        const info = roles.find((r) => r.role === g.role);
        const roleName = info ? (en ? info.en : info.zh) : g.role;
        const scopeLabel = t(`users.scopes.${g.scopeType}`, { defaultValue: g.scopeType });
        const scopeValue =
          g.scopeType === 'city'
            ? ''
            : g.scopeType === 'district' || g.scopeType === 'street'
              ? nameOf(g.scopeId)
              : `${g.scopeId.slice(0, 8)}…`;
        return (
          <Tooltip
            key={`${g.role}:${g.scopeType}:${g.scopeId}`}
            title={`${g.role} · ${g.scopeType}:${g.scopeId}`}
          >
            <Tag color="blue" variant="outlined">
              {roleName} · {scopeLabel}
              {scopeValue && ` ${scopeValue}`}
            </Tag>
          </Tooltip>
        );
      })}
    </>
  );
}
