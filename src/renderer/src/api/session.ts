import { createContext, useContext } from 'react';
import type { Permission } from '@shared/roles';
import type { SessionUser } from '@shared/schemas/users';
import type { TerminalRef } from '@shared/schemas/lan';

/** The signed-in, unlocked session as the shell sees it. */
export interface Session {
  user: SessionUser;
  shopName: string | null;
  idleLockMinutes: number;
  /** The LAN terminal this screen works from; null on the host PC itself. */
  terminal: TerminalRef | null;
  /** The shop is the demo shop (示例数据). */
  sampleData: boolean;
}

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside the signed-in shell');
  return session;
}

/** Whether the current user holds a permission. The server decides; this only hides controls. */
export function useCan(permission: Permission): boolean {
  return useSession().user.permissions.includes(permission);
}

/** Whether this screen is the host PC's own (backups, restore and host settings are done only there). */
export function useIsHost(): boolean {
  return useSession().terminal === null;
}
