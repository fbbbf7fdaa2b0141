// Firefox's sidebarAction, which WXT's Chrome-based types do not describe. Only Firefox builds
// call it (guarded by import.meta.env.FIREFOX), so Chrome never reaches a path it lacks.
interface SidebarAction {
  open(): Promise<void>;
  close(): Promise<void>;
  setPanel(details: { panel: string; tabId?: number; windowId?: number }): Promise<void>;
}

export function firefoxSidebar(): SidebarAction | undefined {
  return (globalThis as unknown as { browser?: { sidebarAction?: SidebarAction } }).browser
    ?.sidebarAction;
}
