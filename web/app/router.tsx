import { createBrowserRouter, Navigate } from 'react-router';
import { PageGuard, SignedInApp } from './guards';
import type { RouteHandle } from './layout/AppLayout';
import { lazyPage } from './lazyPage';
import { NotFoundPage } from './NotFoundPage';
import { RouteError } from './RouteError';

// Each page is its own chunk, loaded when first opened.
const AuditPage = lazyPage(() => import('../features/audit/AuditPage'), 'AuditPage');
const LoginPage = lazyPage(() => import('../features/auth/LoginPage'), 'LoginPage', { firstPage: true });
const ContactPage = lazyPage(() => import('../features/contact/ContactPage'), 'ContactPage', {
  firstPage: true,
});
const SurveyPage = lazyPage(() => import('../features/feedback/SurveyPage'), 'SurveyPage');
const NpsAnswerPage = lazyPage(() => import('../features/feedback/NpsAnswerPage'), 'NpsAnswerPage');
const UnsubscribePage = lazyPage(() => import('../features/feedback/UnsubscribePage'), 'UnsubscribePage');
const TestimonialPage = lazyPage(() => import('../features/feedback/TestimonialPage'), 'TestimonialPage');
const FeedbackPage = lazyPage(() => import('../features/feedback/FeedbackPage'), 'FeedbackPage');
const BoardPage = lazyPage(() => import('../features/board/BoardPage'), 'BoardPage');
const DataQualityPage = lazyPage(() => import('../features/data-quality/DataQualityPage'), 'DataQualityPage');
const ReportsPage = lazyPage(() => import('../features/reports/ReportsPage'), 'ReportsPage');
const GoalsPage = lazyPage(() => import('../features/goals/GoalsPage'), 'GoalsPage');
const ScorecardPage = lazyPage(() => import('../features/goals/ScorecardPage'), 'ScorecardPage');
const ReportDeliveryPage = lazyPage(
  () => import('../features/reports/ReportDeliveryPage'),
  'ReportDeliveryPage',
);
const SharedReportPage = lazyPage(() => import('../features/reports/SharedReportPage'), 'SharedReportPage');
const FollowUpsPage = lazyPage(() => import('../features/feedback/FollowUpsPage'), 'FollowUpsPage');
const ContractsPage = lazyPage(() => import('../features/contracts/ContractsPage'), 'ContractsPage');
const CustomerDetailPage = lazyPage(
  () => import('../features/customers/CustomerDetailPage'),
  'CustomerDetailPage',
);
const CustomersPage = lazyPage(() => import('../features/customers/CustomersPage'), 'CustomersPage');
const OrganizationDetailPage = lazyPage(
  () => import('../features/customers/OrganizationDetailPage'),
  'OrganizationDetailPage',
);
const OrganizationsPage = lazyPage(
  () => import('../features/customers/OrganizationsPage'),
  'OrganizationsPage',
);
const HomePage = lazyPage(() => import('../features/home/HomePage'), 'HomePage');
const InboxPage = lazyPage(() => import('../features/inbox/InboxPage'), 'InboxPage');
const JobsPage = lazyPage(() => import('../features/jobs/JobsPage'), 'JobsPage');
const MailPage = lazyPage(() => import('../features/mail/MailPage'), 'MailPage');
const MagicLinkPage = lazyPage(() => import('../features/portal/MagicLinkPage'), 'MagicLinkPage', {
  firstPage: true,
});
const PortalAccountPage = lazyPage(() => import('../features/portal/PortalAccountPage'), 'PortalAccountPage');
const PortalApp = lazyPage(() => import('../features/portal/PortalApp'), 'PortalApp');
const PortalNewRequestPage = lazyPage(
  () => import('../features/portal/PortalNewRequestPage'),
  'PortalNewRequestPage',
);
const PortalRequestPage = lazyPage(() => import('../features/portal/PortalRequestPage'), 'PortalRequestPage');
const PortalRequestsPage = lazyPage(
  () => import('../features/portal/PortalRequestsPage'),
  'PortalRequestsPage',
);
const PortalSignInPage = lazyPage(() => import('../features/portal/PortalSignInPage'), 'PortalSignInPage', {
  firstPage: true,
});
const ProfilePage = lazyPage(() => import('../features/profile/ProfilePage'), 'ProfilePage');
const TeamsPage = lazyPage(() => import('../features/teams/TeamsPage'), 'TeamsPage');
const TicketFieldsPage = lazyPage(
  () => import('../features/ticket-fields/TicketFieldsPage'),
  'TicketFieldsPage',
);
const BusinessHoursPage = lazyPage(
  () => import('../features/business-hours/BusinessHoursPage'),
  'BusinessHoursPage',
);
const MacrosPage = lazyPage(() => import('../features/macros/MacrosPage'), 'MacrosPage');
const SlaPoliciesPage = lazyPage(() => import('../features/sla/SlaPoliciesPage'), 'SlaPoliciesPage');
const RoutingPage = lazyPage(() => import('../features/routing/RoutingPage'), 'RoutingPage');
const TriggersPage = lazyPage(() => import('../features/automation/RulesPage'), 'TriggersPage');
const AutomationsPage = lazyPage(() => import('../features/automation/RulesPage'), 'AutomationsPage');
const TokensPage = lazyPage(() => import('../features/tokens/TokensPage'), 'TokensPage');
const UserDetailPage = lazyPage(() => import('../features/users/UserDetailPage'), 'UserDetailPage');
const UsersPage = lazyPage(() => import('../features/users/UsersPage'), 'UsersPage');

const workspace: RouteHandle = { workspace: true };

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage />, errorElement: <RouteError /> },
  { path: '/contact', element: <ContactPage />, errorElement: <RouteError /> },
  { path: '/survey/:token', element: <SurveyPage />, errorElement: <RouteError /> },
  { path: '/nps/:token', element: <NpsAnswerPage />, errorElement: <RouteError /> },
  { path: '/unsubscribe/:token', element: <UnsubscribePage />, errorElement: <RouteError /> },
  { path: '/testimonial/:token', element: <TestimonialPage />, errorElement: <RouteError /> },
  { path: '/shared/:token', element: <SharedReportPage />, errorElement: <RouteError /> },
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
        // The page reads the address itself; `element: null` says so, else the router warns of an empty leaf.
        children: [
          { index: true, element: null },
          { path: ':viewId', element: null },
          { path: ':viewId/tickets/:ticketId', element: null },
        ],
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
        path: 'contracts',
        element: (
          <PageGuard page="contracts">
            <ContractsPage />
          </PageGuard>
        ),
      },
      {
        path: 'board',
        element: (
          <PageGuard page="board">
            <BoardPage />
          </PageGuard>
        ),
      },
      {
        path: 'follow-ups',
        element: (
          <PageGuard page="follow-ups">
            <FollowUpsPage />
          </PageGuard>
        ),
      },
      {
        path: 'data-quality',
        element: (
          <PageGuard page="data-quality">
            <DataQualityPage />
          </PageGuard>
        ),
      },
      {
        path: 'feedback/:tab?/:itemId?',
        element: (
          <PageGuard page="feedback">
            <FeedbackPage />
          </PageGuard>
        ),
      },
      {
        path: 'reports',
        element: (
          <PageGuard page="reports">
            <ReportsPage />
          </PageGuard>
        ),
      },
      {
        path: 'goals',
        element: (
          <PageGuard page="goals">
            <GoalsPage />
          </PageGuard>
        ),
      },
      {
        path: 'scorecards/:kind/:id?',
        element: (
          <PageGuard page="scorecards">
            <ScorecardPage />
          </PageGuard>
        ),
      },
      {
        path: 'reports/schedules',
        element: (
          <PageGuard page="report-delivery">
            <ReportDeliveryPage />
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
        path: 'admin/routing',
        element: (
          <PageGuard page="routing">
            <RoutingPage />
          </PageGuard>
        ),
      },
      {
        path: 'admin/sla-policies',
        element: (
          <PageGuard page="sla-policies">
            <SlaPoliciesPage />
          </PageGuard>
        ),
      },
      {
        path: 'admin/triggers',
        element: (
          <PageGuard page="triggers">
            <TriggersPage />
          </PageGuard>
        ),
      },
      {
        path: 'admin/automations',
        element: (
          <PageGuard page="automations">
            <AutomationsPage />
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
        path: 'admin/macros',
        element: (
          <PageGuard page="macros">
            <MacrosPage />
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
