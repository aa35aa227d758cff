import { createBrowserRouter } from 'react-router';
import { AuditPage } from '../features/audit/AuditPage';
import { LoginPage } from '../features/auth/LoginPage';
import { HomePage } from '../features/home/HomePage';
import { ProfilePage } from '../features/profile/ProfilePage';
import { TeamsPage } from '../features/teams/TeamsPage';
import { TokensPage } from '../features/tokens/TokensPage';
import { UserDetailPage } from '../features/users/UserDetailPage';
import { UsersPage } from '../features/users/UsersPage';
import { PageGuard, SignedInApp } from './guards';
import { NotFoundPage } from './NotFoundPage';
import { RouteError } from './RouteError';

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage />, errorElement: <RouteError /> },
  {
    path: '/',
    element: <SignedInApp />,
    errorElement: <RouteError />,
    children: [
      {
        index: true,
        element: (
          <PageGuard page="home">
            <HomePage />
          </PageGuard>
        ),
      },
      {
        path: 'admin/users',
        element: (
          <PageGuard page="users">
            <UsersPage />
          </PageGuard>
        ),
      },
      {
        path: 'admin/users/:id',
        element: (
          <PageGuard page="users">
            <UserDetailPage />
          </PageGuard>
        ),
      },
      {
        path: 'admin/teams',
        element: (
          <PageGuard page="teams">
            <TeamsPage />
          </PageGuard>
        ),
      },
      {
        path: 'admin/tokens',
        element: (
          <PageGuard page="tokens">
            <TokensPage />
          </PageGuard>
        ),
      },
      {
        path: 'admin/audit',
        element: (
          <PageGuard page="audit">
            <AuditPage />
          </PageGuard>
        ),
      },
      {
        path: 'profile',
        element: (
          <PageGuard page="profile">
            <ProfilePage />
          </PageGuard>
        ),
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
