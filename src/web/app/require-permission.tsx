import { Navigate, Outlet, useLocation } from 'react-router';
import type { Permission } from '../../domain/permissions';
import { ErrorAlert } from '../components/ErrorAlert';
import { LoadingState } from '../components/LoadingState';
import { ForbiddenPage } from '../components/StatusPage';
import { hasPermission, useSession } from '../lib/session';

/** Lets signed-in accounts (holding `permission`, when given) through; others go to sign-in or see "not allowed". */
export function RequirePermission({ permission }: { permission?: Permission }) {
  const { account, isLoading, error } = useSession();
  const location = useLocation();
  if (isLoading) return <LoadingState />;
  if (error) return <ErrorAlert error={error} />;
  if (!account) {
    const next = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`/sign-in?next=${next}`} replace />;
  }
  if (permission && !hasPermission(account, permission)) return <ForbiddenPage />;
  return <Outlet />;
}
