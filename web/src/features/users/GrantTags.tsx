import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RoleInfoDto, UserDto } from '../../api/types';

interface Props {
  grants: UserDto['roles'];
  roles: RoleInfoDto[];
}

/** One tag per grant: role name and the name of its data scope (never an id). */
export function GrantTags({ grants, roles }: Props) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  return (
    <>
      {grants.map((g) => {
        const info = roles.find((r) => r.role === g.role);
        const roleName = info ? (en ? info.en : info.zh) : g.role;
        const scopeLabel = t(`users.scopes.${g.scopeType}`, { defaultValue: g.scopeType });
        const scopeValue = g.scopeType === 'city' ? '' : (g.scopeName ?? '');
        return (
          <Tag key={`${g.role}:${g.scopeType}:${g.scopeId}`} color="blue" variant="outlined">
            {roleName} · {scopeLabel}
            {scopeValue && ` ${scopeValue}`}
          </Tag>
        );
      })}
    </>
  );
}
