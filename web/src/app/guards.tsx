import type { ReactNode } from 'react';
import { Flex, Spin } from 'antd';
import { Navigate, useLocation } from 'react-router';
import type { Permission } from '../api/types';
import { DeniedResult } from '../shared/DeniedResult';
import { useAuth } from './auth';

/** Signed-out users go to /login (and come back afterwards). */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { me, loading } = useAuth();
  const location = useLocation();
  if (loading)
    return (
      <Flex align="center" justify="center" style={{ minHeight: '100vh' }}>
        <Spin size="large" />
      </Flex>
    );
  if (!me) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  return <>{children}</>;
}

/** A page the user's roles do not allow shows the 403 result, not the page. */
export function RequirePermission({
  anyOf,
  children,
}: {
  anyOf: readonly Permission[];
  children: ReactNode;
}) {
  const { can } = useAuth();
  return anyOf.some(can) ? <>{children}</> : <DeniedResult status={403} />;
}
