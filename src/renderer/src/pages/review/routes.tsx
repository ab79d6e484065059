import type { RouteDef } from '../../route-def';

export const routes: RouteDef[] = [];
