import type { z } from 'zod';
import type {
  ApiToken,
  CreatedApiToken,
  createApiTokenBody,
  listApiTokensQuery,
} from '../../../contracts/tokens';
import type { DbOrTrx } from '../../db/database';
import { recordAudit } from '../../platform/audit/audit.writer';
import type { RequestContext } from '../../platform/auth/actor';
import { TOKEN_PREFIX } from '../../platform/auth/cookies';
import { authorize } from '../../platform/auth/policies';
import { nowIso } from '../../platform/clock';
import { randomToken, sha256 } from '../../platform/crypto';
import type { AppDeps } from '../../platform/deps';
import { notFound } from '../../platform/errors';
import { cursorId, toPage } from '../../platform/pagination';
import { tokensRepository as repo, type TokenListRow } from './tokens.repository';

type CreateInput = z.output<typeof createApiTokenBody>;
type ListInput = z.output<typeof listApiTokensQuery>;

function toApiToken(row: TokenListRow): ApiToken {
  return {
    id: row.id,
    name: row.name,
    role: row.role,
    prefix: row.token_prefix,
    createdBy:
      row.created_by !== null && row.created_by_name !== null
        ? { id: row.created_by, name: row.created_by_name, active: row.created_by_deactivated_at === null }
        : null,
    suspended: row.created_by !== null && row.created_by_deactivated_at !== null,
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
    revokedAt: row.revoked_at,
  };
}

async function loadToken(db: DbOrTrx, id: number): Promise<ApiToken> {
  const row = await repo.findById(db, id);
  if (!row) throw notFound('API_TOKEN_NOT_FOUND', `API token ${id}`);
  return toApiToken(row);
}

/**
 * API tokens: the secret is shown once; only its SHA-256 is stored. A token belongs to the admin
 * who made it: it is refused while they are deactivated and never does more than their role
 * (see tokenActor in platform/auth).
 */
export function tokensService({ db, live }: AppDeps) {
  return {
    async list(ctx: RequestContext, query: ListInput) {
      authorize(ctx.actor, 'tokens.manage');
      const rows = await repo.list(db, query, cursorId(query.cursor));
      return toPage(rows, query.limit, toApiToken, (row) => [row.id]);
    },

    async create(ctx: RequestContext, input: CreateInput): Promise<CreatedApiToken> {
      authorize(ctx.actor, 'tokens.manage');
      const secret = `${TOKEN_PREFIX}${randomToken(30)}`;
      return db.transaction().execute(async (trx) => {
        const id = await repo.insert(trx, {
          name: input.name,
          role: input.role,
          hash: sha256(secret),
          prefix: secret.slice(0, 10),
          createdBy: ctx.actor.type === 'user' && ctx.actor.id > 0 ? ctx.actor.id : null,
          now: nowIso(),
        });
        const token = await loadToken(trx, id);
        await recordAudit(trx, ctx, {
          action: 'api_token.created',
          entityType: 'api_token',
          entityId: id,
          after: { name: token.name, role: token.role, prefix: token.prefix },
        });
        return { token, secret };
      });
    },

    async revoke(ctx: RequestContext, id: number): Promise<ApiToken> {
      authorize(ctx.actor, 'tokens.manage');
      const revoked = await db.transaction().execute(async (trx) => {
        const before = await loadToken(trx, id);
        if (before.revokedAt) return before;
        await repo.revoke(trx, id, nowIso());
        const after = await loadToken(trx, id);
        await recordAudit(trx, ctx, {
          action: 'api_token.revoked',
          entityType: 'api_token',
          entityId: id,
          before: { revokedAt: before.revokedAt },
          after: { revokedAt: after.revokedAt },
        });
        return after;
      });
      live.publish({ type: 'access.changed', userId: null });
      return revoked;
    },
  };
}

export type TokensService = ReturnType<typeof tokensService>;
