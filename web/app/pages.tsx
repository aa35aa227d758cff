import {
  type Icon,
  IconAddressBook,
  IconAlertTriangle,
  IconBolt,
  IconCalendarTime,
  IconChartLine,
  IconClockExclamation,
  IconClockPlay,
  IconFileCertificate,
  IconForms,
  IconHeartHandshake,
  IconHome,
  IconId,
  IconInbox,
  IconKey,
  IconLayoutDashboard,
  IconListDetails,
  IconMail,
  IconMessageBolt,
  IconMoodSmile,
  IconRoute,
  IconSend,
  IconStopwatch,
  IconTargetArrow,
  IconUserCircle,
  IconUsers,
  IconUsersGroup,
} from '@tabler/icons-react';
import type { Role } from '../../contracts/common';

export type PageId =
  | 'home'
  | 'inbox'
  | 'customers'
  | 'contracts'
  | 'feedback'
  | 'board'
  | 'data-quality'
  | 'reports'
  | 'goals'
  | 'scorecards'
  | 'report-delivery'
  | 'follow-ups'
  | 'users'
  | 'teams'
  | 'ticket-fields'
  | 'business-hours'
  | 'sla-policies'
  | 'triggers'
  | 'automations'
  | 'mail'
  | 'jobs'
  | 'tokens'
  | 'audit'
  | 'macros'
  | 'routing'
  | 'profile';

export interface AppPage {
  id: PageId;
  label: string;
  path: string;
  description: string;
  icon: Icon;
  section: 'main' | 'admin' | 'account';
  roles: readonly Role[];
  /** Other path prefixes that belong to this place, for the navbar's highlight. */
  alsoActiveOn?: readonly string[];
}

const staff: readonly Role[] = ['admin', 'manager', 'agent'];

/** Every page of the staff app: the navbar, the command palette and the route guards read this list. */
export const appPages: readonly AppPage[] = [
  {
    id: 'home',
    label: 'Home',
    path: '/',
    description: 'Your day at a glance',
    icon: IconHome,
    section: 'main',
    roles: staff,
  },
  {
    id: 'inbox',
    label: 'Inbox',
    path: '/inbox',
    description: 'Views, the ticket queue and the open ticket',
    icon: IconInbox,
    section: 'main',
    roles: staff,
  },
  {
    id: 'customers',
    label: 'Customers',
    path: '/customers',
    description: 'Customers and organisations, with their history',
    icon: IconAddressBook,
    section: 'main',
    roles: staff,
    alsoActiveOn: ['/organizations'],
  },
  {
    id: 'contracts',
    label: 'Contracts',
    path: '/contracts',
    description: 'Support plans per organisation: entitlements, usage and renewal reviews',
    icon: IconFileCertificate,
    section: 'main',
    roles: staff,
  },
  {
    id: 'feedback',
    label: 'Feedback',
    path: '/feedback',
    description:
      'What customers said after their tickets were solved: CSAT, effort, comments, survey settings, NPS campaigns, testimonials and referrals',
    icon: IconMoodSmile,
    section: 'main',
    roles: ['admin', 'manager'],
  },
  {
    id: 'board',
    label: 'Operations board',
    path: '/board',
    description:
      'Live backlog, unassigned tickets, clocks running out and who is on, with a wall-screen mode',
    icon: IconLayoutDashboard,
    section: 'main',
    roles: ['admin', 'manager'],
  },
  {
    id: 'data-quality',
    label: 'Data quality',
    path: '/data-quality',
    description: 'Daily checks of tickets, customers and contracts, the score over time and one-click fixes',
    icon: IconAlertTriangle,
    section: 'main',
    roles: ['admin', 'manager'],
  },
  {
    id: 'reports',
    label: 'Reports',
    path: '/reports',
    description:
      'KPIs over a period: volume, speed, service levels, quality, satisfaction, productivity, complaints',
    icon: IconChartLine,
    section: 'main',
    // Agents who lead a team see their teams' reports; the server refuses other agents.
    roles: staff,
  },
  {
    id: 'goals',
    label: 'Goals',
    path: '/goals',
    description: 'Targets on the KPIs for the department, teams and agents, with progress and trajectory',
    icon: IconTargetArrow,
    section: 'main',
    // Everyone sees the goals that concern them; managers and team leads keep them.
    roles: staff,
  },
  {
    id: 'scorecards',
    label: 'My scorecard',
    path: '/scorecards/me',
    description: 'Your KPIs over a period beside your team’s average and the previous period',
    icon: IconId,
    section: 'account',
    alsoActiveOn: ['/scorecards'],
    roles: staff,
  },
  {
    id: 'report-delivery',
    label: 'Scheduled reports',
    path: '/reports/schedules',
    description:
      'Reports mailed on a schedule with their CSV, and read-only links shared with other departments',
    icon: IconSend,
    section: 'main',
    roles: ['admin', 'manager'],
  },
  {
    id: 'follow-ups',
    label: 'Follow-ups',
    path: '/follow-ups',
    description: "Negative ratings on your teams' tickets to call back, with their outcome",
    icon: IconHeartHandshake,
    section: 'main',
    roles: staff,
  },
  {
    id: 'users',
    label: 'Users',
    path: '/admin/users',
    description: 'People who sign in to Steward: roles, teams and access',
    icon: IconUsers,
    section: 'admin',
    roles: ['admin', 'manager'],
  },
  {
    id: 'teams',
    label: 'Teams',
    path: '/admin/teams',
    description: 'Groups of agents with a lead',
    icon: IconUsersGroup,
    section: 'admin',
    roles: staff,
  },
  {
    id: 'ticket-fields',
    label: 'Ticket fields',
    path: '/admin/ticket-fields',
    description: 'Categories and custom fields on tickets',
    icon: IconForms,
    section: 'admin',
    roles: ['admin'],
  },
  {
    id: 'business-hours',
    label: 'Business hours',
    path: '/admin/business-hours',
    description: 'Opening hours, time zones and holidays the service-level clocks run on',
    icon: IconCalendarTime,
    section: 'admin',
    roles: ['admin', 'manager'],
  },
  {
    id: 'sla-policies',
    label: 'SLA policies',
    path: '/admin/sla-policies',
    description: 'Service-level targets per priority, which tickets they cover, and in what order',
    icon: IconStopwatch,
    section: 'admin',
    roles: ['admin', 'manager'],
  },
  {
    id: 'triggers',
    label: 'Triggers',
    path: '/admin/triggers',
    description: 'Rules that act on tickets as they are created or change, in order, with a dry run',
    icon: IconBolt,
    section: 'admin',
    roles: ['admin', 'manager'],
  },
  {
    id: 'automations',
    label: 'Automations',
    path: '/admin/automations',
    description: 'Rules that act on tickets after a time (pending 3 days: remind), once per period',
    icon: IconClockPlay,
    section: 'admin',
    roles: ['admin', 'manager'],
  },
  {
    id: 'mail',
    label: 'Mail',
    path: '/admin/mail',
    description: 'Mailboxes, notification templates, failed and spam mail, spam rules',
    icon: IconMail,
    section: 'admin',
    roles: ['admin'],
  },
  {
    id: 'jobs',
    label: 'Background jobs',
    path: '/admin/jobs',
    description: 'Notifications, outgoing mail and IMAP polls that failed: retry or discard them',
    icon: IconClockExclamation,
    section: 'admin',
    roles: ['admin'],
  },
  {
    id: 'tokens',
    label: 'API tokens',
    path: '/admin/tokens',
    description: 'Keys for integrations that call the REST API',
    icon: IconKey,
    section: 'admin',
    roles: ['admin'],
  },
  {
    id: 'audit',
    label: 'Audit log',
    path: '/admin/audit',
    description: 'Who changed what, and when',
    icon: IconListDetails,
    section: 'admin',
    roles: ['admin', 'manager'],
  },
  {
    id: 'macros',
    label: 'Macros',
    path: '/admin/macros',
    description: 'Canned replies and notes with field changes: personal, per team or shared',
    icon: IconMessageBolt,
    section: 'admin',
    roles: staff,
  },
  {
    id: 'routing',
    label: 'Routing',
    path: '/admin/routing',
    description: 'How each team assigns its tickets, who is online, and why each ticket went where',
    icon: IconRoute,
    section: 'admin',
    roles: ['admin', 'manager'],
  },
  {
    id: 'profile',
    label: 'My profile',
    path: '/profile',
    description: 'Your details, password, two-factor sign-in and sessions',
    icon: IconUserCircle,
    section: 'account',
    roles: staff,
  },
];

export function getPage(id: PageId): AppPage {
  const page = appPages.find((p) => p.id === id);
  if (!page) throw new Error(`Unknown page ${id}`);
  return page;
}

export function canOpenPage(role: Role, id: PageId): boolean {
  return getPage(id).roles.includes(role);
}

export function pagesFor(role: Role): AppPage[] {
  return appPages.filter((p) => p.roles.includes(role));
}
