import { createBrowserRouter, Navigate } from 'react-router';
import { AuditPage } from '../features/audit/AuditPage';
import { LoginPage } from '../features/auth/LoginPage';
import { BusinessHoursPage } from '../features/business-hours/BusinessHoursPage';
import { ContactPage } from '../features/contact/ContactPage';
import { CustomerDetailPage } from '../features/customers/CustomerDetailPage';
import { CustomersPage } from '../features/customers/CustomersPage';
import { OrganizationDetailPage } from '../features/customers/OrganizationDetailPage';
import { OrganizationsPage } from '../features/customers/OrganizationsPage';
import { HomePage } from '../features/home/HomePage';
import { InboxPage } from '../features/inbox/InboxPage';
import { JobsPage } from '../features/jobs/JobsPage';
import { MailPage } from '../features/mail/MailPage';
import { MagicLinkPage } from '../features/portal/MagicLinkPage';
import { PortalAccountPage } from '../features/portal/PortalAccountPage';
import { PortalApp } from '../features/portal/PortalApp';
import { PortalNewRequestPage } from '../features/portal/PortalNewRequestPage';
import { PortalRequestPage } from '../features/portal/PortalRequestPage';
import { PortalRequestsPage } from '../features/portal/PortalRequestsPage';
import { PortalSignInPage } from '../features/portal/PortalSignInPage';
import { ProfilePage } from '../features/profile/ProfilePage';
import { TeamsPage } from '../features/teams/TeamsPage';
import { TicketFieldsPage } from '../features/ticket-fields/TicketFieldsPage';
import { TokensPage } from '../features/tokens/TokensPage';
import { UserDetailPage } from '../features/users/UserDetailPage';
import { UsersPage } from '../features/users/UsersPage';
import { PageGuard, SignedInApp } from './guards';
import type { RouteHandle } from './layout/AppLayout';
import { NotFoundPage } from './NotFoundPage';
import { RouteError } from './RouteError';

const workspace: RouteHandle = { workspace: true };

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage />, errorElement: <RouteError /> },
  { path: '/contact', element: <ContactPage />, errorElement: <RouteError /> },
  { path: '/portal/login', element: <PortalSignInPage />, errorElement: <RouteError /> },
  { path: '/portal/magic', element: <MagicLinkPage />, errorElement: <RouteError /> },
  {
    path: '/portal',
    element: <PortalApp />,
    errorElement: <RouteError />,
    children: [
      { index: true, element: <PortalRequestsPage /> },
      { path: 'requests/new', element: <PortalNewRequestPage /> },
      { path: 'requests/:id', element: <PortalRequestPage /> },
      { path: 'account', element: <PortalAccountPage /> },
      { path: '*', element: <Navigate to="/portal" replace /> },
    ],
  },
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
        // One page for every Inbox address, so the list stays put while tickets open and close.
        path: 'inbox',
        handle: workspace,
        element: (
          <PageGuard page="inbox">
            <InboxPage />
          </PageGuard>
        ),
        children: [{ index: true }, { path: ':viewId' }, { path: ':viewId/tickets/:ticketId' }],
      },
      {
        path: 'customers',
        element: (
          <PageGuard page="customers">
            <CustomersPage />
          </PageGuard>
        ),
      },
      {
        path: 'customers/:id',
        element: (
          <PageGuard page="customers">
            <CustomerDetailPage />
          </PageGuard>
        ),
      },
      {
        path: 'organizations',
        element: (
          <PageGuard page="customers">
            <OrganizationsPage />
          </PageGuard>
        ),
      },
      {
        path: 'organizations/:id',
        element: (
          <PageGuard page="customers">
            <OrganizationDetailPage />
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
        path: 'admin/ticket-fields',
        element: (
          <PageGuard page="ticket-fields">
            <TicketFieldsPage />
          </PageGuard>
        ),
      },
      {
        path: 'admin/business-hours',
        element: (
          <PageGuard page="business-hours">
            <BusinessHoursPage />
          </PageGuard>
        ),
      },
      {
        path: 'admin/mail/:tab?',
        element: (
          <PageGuard page="mail">
            <MailPage />
          </PageGuard>
        ),
      },
      {
        path: 'admin/jobs',
        element: (
          <PageGuard page="jobs">
            <JobsPage />
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
