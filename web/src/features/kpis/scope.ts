import { useAuth } from '../../app/auth';

/** The widest location scope among the user's roles: city, one district, or one street. */
export function useScope() {
  const { me } = useAuth();
  const roles = me?.roles ?? [];
  if (roles.some((r) => r.scopeType === 'city')) return { district: undefined, street: undefined };
  const district = roles.find((r) => r.scopeType === 'district')?.scopeId;
  if (district) return { district, street: undefined };
  const street = roles.find((r) => r.scopeType === 'street')?.scopeId;
  return { district: street?.slice(0, 6), street };
}
