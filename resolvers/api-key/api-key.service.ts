import { ApiKey, type ApiKeyScope } from '../../entities/api-key.entity.js';
import { generateApiKeySecret } from '../../gateway/auth/api-key-secret.js';
import { badUserInput } from '../../gateway/errors/domain-error.js';
import type { RealtimePublisher } from '../../gateway/pubsub/realtime-publisher.js';
import type { TenantScope } from '../../gateway/tenancy/tenant-scope.js';
import { AuditAction } from '../../gateway/audit/audit-action.js';

export interface CreatedApiKey {
  apiKey: ApiKey;
  /** Returned once, at creation; only its hash is stored. */
  secret: string;
}

export interface CreateApiKey {
  /** What the key is for, e.g. "Pharmacy system". */
  name: string;
  scopes: ApiKeyScope[];
  /** In the future; unset keys don't expire. */
  expiresAt?: Date | null;
}

export class ApiKeyService {
  constructor(
    private readonly scope: TenantScope,
    private readonly realtime: RealtimePublisher,
  ) {}

  list(): Promise<ApiKey[]> {
    return this.scope.apiKeys('apiKey').orderBy('apiKey.createdAt', 'DESC').getMany();
  }

  async create(input: CreateApiKey): Promise<CreatedApiKey> {
    if (input.expiresAt && input.expiresAt.getTime() <= Date.now()) {
      throw badUserInput('expiresAt', 'The expiry must be in the future.');
    }
    const generated = generateApiKeySecret();
    const viewer = this.scope.viewer;
    const apiKey = await this.scope.insert(ApiKey, {
      name: input.name.trim(),
      prefix: generated.displayPrefix,
      secretHash: generated.hash,
      scopes: [...new Set(input.scopes)],
      createdById: viewer.kind === 'staff' ? viewer.staffId : null,
      expiresAt: input.expiresAt ?? null,
      lastUsedAt: null,
      revokedAt: null,
    });
    await this.scope.audit(AuditAction.API_KEY_CREATED, { type: 'ApiKey', id: apiKey.id }, { scopes: apiKey.scopes.join(' ') });
    return { apiKey, secret: generated.secret };
  }

  /** Revoking twice keeps the first revocation time. */
  async revoke(id: string): Promise<ApiKey> {
    const apiKey = await this.scope.findOne(this.scope.apiKeys('apiKey'), id, 'id', 'API key');
    if (!apiKey.revokedAt) {
      apiKey.revokedAt = new Date();
      await this.scope.update(ApiKey, { id: apiKey.id }, { revokedAt: apiKey.revokedAt });
      await this.scope.audit(AuditAction.API_KEY_REVOKED, { type: 'ApiKey', id: apiKey.id });
      // Open sockets authenticated with the key close within moments, on every instance.
      this.realtime.apiKeyRevoked(apiKey.organizationId, apiKey.id);
    }
    return apiKey;
  }
}
