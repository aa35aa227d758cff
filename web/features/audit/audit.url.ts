import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import {
  type AuditAction,
  type AuditEntityType,
  auditActions,
  auditEntityTypes,
} from '../../../contracts/audit';
import type { AuditFilters } from './audit.queries';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const keys = ['actor', 'action', 'entityType', 'entityId', 'from', 'to'] as const;

const isAction = (value: string | null): value is AuditAction =>
  value !== null && Object.hasOwn(auditActions, value);
const isEntityType = (value: string | null): value is AuditEntityType =>
  value !== null && (auditEntityTypes as readonly string[]).includes(value);

/** The audit log's filters, kept in the address so a filtered log can be linked to and reloaded. */
export function useAuditFilters() {
  const [params, setParams] = useSearchParams();
  const filters = useMemo<AuditFilters>(() => {
    const actor = params.get('actor');
    const action = params.get('action');
    const entityType = params.get('entityType');
    const day = (key: string) => {
      const value = params.get(key);
      return value && DAY.test(value) ? value : null;
    };
    return {
      actor: actor && (actor === 'system' || /^\d+$/.test(actor)) ? actor : null,
      action: isAction(action) ? action : null,
      entityType: isEntityType(entityType) ? entityType : null,
      entityId: isEntityType(entityType) ? params.get('entityId') : null,
      from: day('from'),
      to: day('to'),
    };
  }, [params]);

  const setFilters = useCallback(
    (change: Partial<AuditFilters>) =>
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          for (const key of keys) {
            if (!(key in change)) continue;
            const value = change[key];
            if (value) next.set(key, value);
            else next.delete(key);
          }
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );

  const clear = useCallback(() => setParams(new URLSearchParams(), { replace: true }), [setParams]);
  const filtered = keys.some((key) => filters[key] !== null);
  return { filters, setFilters, clear, filtered };
}
