import type { Customer, CustomerNote, Organization } from '../../../contracts/customers';
import { parseStringList } from '../../platform/json';
import type { CustomerRow, NoteRow } from './customers.repository';
import type { OrganizationRow } from './organizations.repository';

export function toCustomer(row: CustomerRow): Customer {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    phone: row.phone,
    organization:
      row.organization_id !== null && row.organization_name !== null
        ? { id: row.organization_id, name: row.organization_name }
        : null,
    timezone: row.timezone,
    language: row.language,
    tags: parseStringList(row.tags),
    mergedIntoId: row.merged_into_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function toNote(row: NoteRow): CustomerNote {
  return {
    id: row.id,
    body: row.body,
    author:
      row.author_id !== null && row.author_name !== null
        ? { id: row.author_id, name: row.author_name }
        : null,
    createdAt: row.created_at,
  };
}

export function toOrganization(row: OrganizationRow, customerCount: number): Organization {
  return {
    id: row.id,
    name: row.name,
    domains: parseStringList(row.domains),
    notes: row.notes,
    tags: parseStringList(row.tags),
    customerCount,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export const customerSnapshot = (c: Customer) => ({
  name: c.name,
  email: c.email,
  phone: c.phone,
  organization: c.organization?.name ?? null,
  timezone: c.timezone,
  language: c.language,
  tags: c.tags,
});
