// DTO types inferred from the shared zod contracts (type-only: no zod in the bundle).
import type { z } from 'zod';
import type { Me } from '../../../contracts/auth';
import type {
  Building,
  Compound,
  CompoundListItem,
  Division,
  Organisation,
  Owner,
  RevealedOwner,
  ORGANISATION_TYPES,
  Unit,
} from '../../../contracts/registry';
import type { Permission, Role } from '../../../domain/access';
import type { RoleInfo, User, UserInput, UserPatch } from '../../../contracts/users';
import type { AuditRecord, AuditVerification } from '../../../contracts/audit';

export type MeDto = z.infer<typeof Me>;
export type DivisionDto = z.infer<typeof Division>;
export type OrganisationDto = z.infer<typeof Organisation>;
export type CompoundListItemDto = z.infer<typeof CompoundListItem>;
export type CompoundDto = z.infer<typeof Compound>;
export type ContractDto = CompoundDto['contracts'][number];
export type BuildingDto = z.infer<typeof Building>;
export type UnitDto = z.infer<typeof Unit>;
export type OwnerDto = z.infer<typeof Owner>;
export type RevealedOwnerDto = z.infer<typeof RevealedOwner>;
export type UserDto = z.infer<typeof User>;
export type UserInputDto = z.input<typeof UserInput>;
export type UserPatchDto = z.input<typeof UserPatch>;
export type RoleInfoDto = z.infer<typeof RoleInfo>;
export type AuditRecordDto = z.infer<typeof AuditRecord>;
export type AuditVerificationDto = z.infer<typeof AuditVerification>;

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
  total?: number;
}

export interface ItemsOf<T> {
  items: T[];
}

export type OrganisationTypeName = (typeof ORGANISATION_TYPES)[number];
export type { Permission, Role };
