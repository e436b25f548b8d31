import { Label } from '../../entities/label.entity.js';
import { AuditAction } from '../../gateway/audit/audit-action.js';
import { isUniqueViolation } from '../../gateway/database/database-error.js';
import { badUserInput, conflict } from '../../gateway/errors/domain-error.js';
import type { TenantScope } from '../../gateway/tenancy/tenant-scope.js';

export interface CreateLabel {
  name: string;
  colour: string;
}

export interface UpdateLabel {
  labelId: string;
  name?: string | null;
  colour?: string | null;
}

const COLOUR = /^#[0-9a-f]{6}$/;
const NAME_LENGTH = { min: 1, max: 40 };

/**
 * The pharmacy's labels: admins define them, everyone on the team reads them. A name is
 * unique whatever its case ("Urgent" and "urgent" would be two chips nobody can tell apart).
 * Which threads carry them is conversation-labels.service.ts.
 */
export class LabelService {
  constructor(private readonly scope: TenantScope) {}

  /** Every label of the pharmacy, by name. */
  list(): Promise<Label[]> {
    return this.scope.labels('label').orderBy('lower(label.name)', 'ASC').addOrderBy('label.id', 'ASC').getMany();
  }

  /** A label of the pharmacy, or NOT_FOUND (also for another pharmacy's). */
  get(labelId: string, field = 'labelId', scope: TenantScope = this.scope): Promise<Label> {
    return scope.findOne(scope.labels('label'), labelId, field, 'Label');
  }

  create(command: CreateLabel): Promise<Label> {
    const name = nameOf(command.name);
    const colour = colourOf(command.colour);
    return this.scope.transaction(async (tx) => {
      // ON CONFLICT: a taken name is CONFLICT without aborting the transaction (the audit entry shares it).
      const [row] = await tx.query<{ id: string }>(
        `INSERT INTO label (organization_id, name, colour) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING id`,
        [name, colour],
      );
      if (!row) throw takenName(name);
      const label = await this.get(row.id, 'labelId', tx);
      await tx.audit(AuditAction.LABEL_CREATED, { type: 'Label', id: label.id }, { name, colour });
      return label;
    });
  }

  /** Renames or recolours; the threads that carry the label keep it. */
  update(command: UpdateLabel): Promise<Label> {
    const changes: Partial<Pick<Label, 'name' | 'colour'>> = {};
    if (command.name !== undefined && command.name !== null) changes.name = nameOf(command.name);
    if (command.colour !== undefined && command.colour !== null) changes.colour = colourOf(command.colour);
    return this.scope.transaction(async (tx) => {
      const label = await this.get(command.labelId, 'labelId', tx);
      if (Object.keys(changes).length === 0) return label;
      try {
        await tx.update(Label, { id: label.id }, changes);
      } catch (error) {
        // The unique index decides, so two admins renaming at once can't both win.
        if (isUniqueViolation(error)) throw takenName(changes.name ?? label.name);
        throw error;
      }
      const previous = { name: label.name, colour: label.colour };
      Object.assign(label, changes);
      await tx.audit(AuditAction.LABEL_UPDATED, { type: 'Label', id: label.id }, { name: label.name, colour: label.colour, previousName: previous.name, previousColour: previous.colour });
      return label;
    });
  }

  /** Deletes a label; every thread loses it with it (the join rows cascade). Its id. */
  delete(labelId: string): Promise<string> {
    return this.scope.transaction(async (tx) => {
      const label = await this.get(labelId, 'labelId', tx);
      await tx.delete(Label, { id: label.id });
      await tx.audit(AuditAction.LABEL_DELETED, { type: 'Label', id: label.id }, { name: label.name, colour: label.colour });
      return label.id;
    });
  }
}

function nameOf(name: string): string {
  const trimmed = name.trim().replace(/\s+/g, ' ');
  if (trimmed.length < NAME_LENGTH.min || trimmed.length > NAME_LENGTH.max) throw badUserInput('name', '"name" needs 1 to 40 characters.');
  return trimmed;
}

function colourOf(colour: string): string {
  const lower = colour.trim().toLowerCase();
  if (!COLOUR.test(lower)) throw badUserInput('colour', '"colour" is a colour as #rrggbb, e.g. #2f855a.');
  return lower;
}

const takenName = (name: string) => conflict(`The pharmacy already has a label called "${name}".`);
