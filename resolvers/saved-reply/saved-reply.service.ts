import { SavedReply } from '../../entities/saved-reply.entity.js';
import { assertPermissions } from '../../gateway/auth/auth-checker.js';
import { Permission, permissionsOf } from '../../gateway/auth/permission.js';
import { isUniqueViolation } from '../../gateway/database/database-error.js';
import { conflict, forbidden } from '../../gateway/errors/domain-error.js';
import { assertId, type TenantScope } from '../../gateway/tenancy/tenant-scope.js';
import type { ScopedQuery } from '../../gateway/tenancy/scoped-query.js';
import { checkBody, checkShortcut, checkTitle } from './saved-reply-rules.js';

export interface CreateSavedReply {
  shortcut: string;
  title: string;
  body: string;
  /** Pharmacy-wide (admins only) rather than the viewer's own. */
  shared?: boolean | null;
}

/** Only the given fields change. */
export interface UpdateSavedReply {
  id: string;
  shortcut?: string | null;
  title?: string | null;
  body?: string | null;
}

/** More than this in one list is no longer a list to pick from; the search narrows it. */
export const SAVED_REPLIES_LISTED = 200;

/**
 * Saved replies (issue 19): the pharmacy's shared ones, which admins keep, and each staff
 * member's own, which nobody else sees: another's personal reply is NOT_FOUND, exactly
 * like another pharmacy's. Row-level security keeps pharmacies apart; the owner rule is
 * this service's, since the database knows the viewer's organization but not the person.
 */
export class SavedReplyService {
  constructor(private readonly scope: TenantScope) {}

  /** Shared and own replies, by shortcut; `search` matches the start of a shortcut, or anywhere in title and body. */
  list(search?: string | null): Promise<SavedReply[]> {
    const query = this.visible('reply');
    const words = search?.trim().replace(/^\//, '').toLowerCase();
    if (words) {
      const escaped = words.replace(/[\\%_]/g, (character) => `\\${character}`);
      query.andWhere(`(reply.shortcut LIKE :prefix OR lower(reply.title) LIKE :contains OR lower(reply.body) LIKE :contains)`, {
        prefix: `${escaped}%`,
        contains: `%${escaped}%`,
      });
    }
    // A personal reply before a shared one with the same shortcut: it is the one its owner meant.
    return query.orderBy('reply.shortcut', 'ASC').addOrderBy('reply.ownerStaffId', 'ASC', 'NULLS LAST').limit(SAVED_REPLIES_LISTED).getMany();
  }

  async create(input: CreateSavedReply): Promise<SavedReply> {
    if (input.shared) assertPermissions(this.scope.viewer, [Permission.MANAGE_SHARED_SAVED_REPLIES]);
    const row: Pick<SavedReply, 'ownerStaffId' | 'shortcut' | 'title' | 'body'> = {
      ownerStaffId: input.shared ? null : this.staffId,
      shortcut: checkShortcut(input.shortcut),
      title: checkTitle(input.title),
      body: checkBody(input.body),
    };
    return this.scope.transaction(async (tx): Promise<SavedReply> => {
      await this.assertShortcutFree(tx, row.shortcut, row.ownerStaffId);
      try {
        return await tx.insert<SavedReply>(SavedReply, row);
      } catch (error) {
        // Two saves of one shortcut at the same moment: the unique index decides.
        if (isUniqueViolation(error)) throw shortcutTaken(row.shortcut);
        throw error;
      }
    });
  }

  async update(changes: UpdateSavedReply): Promise<SavedReply> {
    const patch: Partial<Pick<SavedReply, 'shortcut' | 'title' | 'body'>> = {};
    if (changes.shortcut != null) patch.shortcut = checkShortcut(changes.shortcut);
    if (changes.title != null) patch.title = checkTitle(changes.title);
    if (changes.body != null) patch.body = checkBody(changes.body);
    return this.scope.transaction(async (tx) => {
      const reply = await this.editable(tx, changes.id);
      if (Object.keys(patch).length === 0) return reply;
      if (patch.shortcut && patch.shortcut !== reply.shortcut) await this.assertShortcutFree(tx, patch.shortcut, reply.ownerStaffId);
      try {
        await tx.update(SavedReply, { id: reply.id }, { ...patch, updatedAt: new Date() });
      } catch (error) {
        if (isUniqueViolation(error)) throw shortcutTaken(patch.shortcut ?? reply.shortcut);
        throw error;
      }
      return tx.findOne(this.visible('reply', tx), reply.id, 'id', 'Saved reply');
    });
  }

  async delete(id: string): Promise<SavedReply> {
    return this.scope.transaction(async (tx) => {
      const reply = await this.editable(tx, id);
      await tx.delete(SavedReply, { id: reply.id });
      return reply;
    });
  }

  /** A reply the viewer sees and may change: their own, or (admins) a shared one; FORBIDDEN for a shared one otherwise. */
  private async editable(tx: TenantScope, id: string): Promise<SavedReply> {
    assertId(id, 'id');
    const reply = await tx.findOne(this.visible('reply', tx), id, 'id', 'Saved reply');
    if (reply.ownerStaffId === null && !permissionsOf(this.scope.viewer).has(Permission.MANAGE_SHARED_SAVED_REPLIES)) {
      throw forbidden("Only an admin can change the pharmacy's saved replies.");
    }
    return reply;
  }

  /** The pharmacy's shared replies and the viewer's own. */
  private visible(alias: string, scope: TenantScope = this.scope): ScopedQuery<SavedReply> {
    return scope.savedReplies(alias).andWhere(`(${alias}.ownerStaffId IS NULL OR ${alias}.ownerStaffId = :viewerStaffId)`, { viewerStaffId: this.staffId });
  }

  private async assertShortcutFree(tx: TenantScope, shortcut: string, ownerStaffId: string | null): Promise<void> {
    const query = tx.savedReplies('taken').andWhere('taken.shortcut = :shortcut', { shortcut });
    if (ownerStaffId) query.andWhere('taken.ownerStaffId = :ownerStaffId', { ownerStaffId });
    else query.andWhere('taken.ownerStaffId IS NULL');
    if (await query.getExists()) throw shortcutTaken(shortcut);
  }

  private get staffId(): string {
    const viewer = this.scope.viewer;
    if (viewer.kind !== 'staff') throw forbidden('Saved replies belong to staff members.');
    return viewer.staffId;
  }
}

const shortcutTaken = (shortcut: string) => conflict(`The shortcut "/${shortcut}" is already in use.`);
