import type { MantineColor } from '@mantine/core';

export { nextStatuses } from '../../contracts/ticket-rules';

import type {
  customFieldTypes,
  TicketPriority,
  TicketStatus,
  ticketChannels,
  ticketTypes,
} from '../../contracts/tickets';

export type TicketType = (typeof ticketTypes)[number];
export type TicketChannel = (typeof ticketChannels)[number];
export type CustomFieldType = (typeof customFieldTypes)[number];

/** How staff see each status, everywhere: the same word and colour. */
export const statusLabels: Record<TicketStatus, string> = {
  new: 'New',
  open: 'Open',
  pending: 'Pending',
  on_hold: 'On hold',
  solved: 'Solved',
  closed: 'Closed',
};

export const statusColors: Record<TicketStatus, MantineColor> = {
  new: 'yellow',
  open: 'red',
  pending: 'blue',
  on_hold: 'gray',
  solved: 'teal',
  closed: 'dark',
};

export const priorityLabels: Record<TicketPriority, string> = {
  low: 'Low',
  normal: 'Normal',
  high: 'High',
  urgent: 'Urgent',
};

export const priorityColors: Record<TicketPriority, MantineColor> = {
  low: 'gray',
  normal: 'blue',
  high: 'orange',
  urgent: 'red',
};

export const typeLabels: Record<TicketType, string> = {
  question: 'Question',
  complaint: 'Complaint',
  incident: 'Incident',
  task: 'Task',
};

export const channelLabels: Record<TicketChannel, string> = {
  email: 'Email',
  web: 'Web form',
  portal: 'Portal',
  api: 'API',
  phone: 'Phone',
  walk_in: 'Walk-in',
  other: 'Other',
};

export const customFieldTypeLabels: Record<CustomFieldType, string> = {
  text: 'Text',
  number: 'Number',
  dropdown: 'Dropdown',
  date: 'Date',
  checkbox: 'Checkbox',
};

/** Select options in the order of the labels above. */
function optionsOf<K extends string>(labels: Record<K, string>): { value: K; label: string }[] {
  return (Object.keys(labels) as K[]).map((value) => ({ value, label: labels[value] }));
}

export const statusOptions = optionsOf(statusLabels);
export const priorityOptions = optionsOf(priorityLabels);
export const typeOptions = optionsOf(typeLabels);
export const channelOptions = optionsOf(channelLabels);
export const customFieldTypeOptions = optionsOf(customFieldTypeLabels);

export function isTicketStatus(value: string | null | undefined): value is TicketStatus {
  return typeof value === 'string' && value in statusLabels;
}

export function isTicketPriority(value: string | null | undefined): value is TicketPriority {
  return typeof value === 'string' && value in priorityLabels;
}

export function isTicketType(value: string | null | undefined): value is TicketType {
  return typeof value === 'string' && value in typeLabels;
}
