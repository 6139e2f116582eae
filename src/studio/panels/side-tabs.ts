/** The side panel's tabs, by the id of the panel each one shows. */
export type SidePanel = 'problems' | 'play' | 'audit';

const PANELS: readonly SidePanel[] = ['problems', 'play', 'audit'];

/**
 * The studio's side panel: Problems, Play and Audit share the column beside
 * the editor, one at a time, as WAI-ARIA tabs (arrow keys move between the
 * tabs, Home and End go to the first and last, and only the selected tab is
 * in the Tab order). The page's layout gives the Play panel more height
 * (`.studio-main[data-side="play"]`): the conversation needs room, and the
 * map stays visible below it to show the path played.
 */
export class SideTabs {
  private readonly listeners: ((panel: SidePanel) => void)[] = [];
  private current: SidePanel = 'problems';

  constructor(private readonly root: HTMLElement) {
    for (const panel of PANELS) {
      const tab = this.tab(panel);
      tab.addEventListener('click', () => this.select(panel));
      tab.addEventListener('keydown', (event) => this.onKey(event, panel));
    }
    this.root.dataset.side = this.current;
  }

  /** The panel shown now. */
  get selected(): SidePanel {
    return this.current;
  }

  /** Shows a panel; with `focus`, moves focus to its tab (as a keyboard user expects). */
  select(panel: SidePanel, focus = false): void {
    for (const other of PANELS) {
      const on = other === panel;
      const tab = this.tab(other);
      tab.setAttribute('aria-selected', String(on));
      tab.tabIndex = on ? 0 : -1;
      document.getElementById(`${other}-panel`)!.hidden = !on;
    }
    if (focus) this.tab(panel).focus();
    if (panel === this.current) return;
    this.current = panel;
    this.root.dataset.side = panel;
    for (const listener of this.listeners) listener(panel);
  }

  /** Calls `listener` whenever another panel is shown. */
  onSelect(listener: (panel: SidePanel) => void): void {
    this.listeners.push(listener);
  }

  private tab(panel: SidePanel): HTMLButtonElement {
    return document.getElementById(`tab-${panel}`) as HTMLButtonElement;
  }

  private onKey(event: KeyboardEvent, panel: SidePanel): void {
    const at = PANELS.indexOf(panel);
    const to =
      event.key === 'ArrowRight' ? PANELS[(at + 1) % PANELS.length]
      : event.key === 'ArrowLeft' ? PANELS[(at + PANELS.length - 1) % PANELS.length]
      : event.key === 'Home' ? PANELS[0]
      : event.key === 'End' ? PANELS[PANELS.length - 1]
      : undefined;
    if (!to) return;
    event.preventDefault();
    this.select(to, true);
  }
}
