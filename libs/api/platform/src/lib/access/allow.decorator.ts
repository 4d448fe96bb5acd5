import { SetMetadata } from '@nestjs/common';

import { Permission } from './policy';

export const REQUIRED_PERMISSION = 'border-academy:required-permission';

/** The permission a route needs; the roles that carry it are listed in policy.ts. */
export const Allow = (permission: Permission): MethodDecorator & ClassDecorator =>
  SetMetadata(REQUIRED_PERMISSION, permission);
