declare module 'virtual:tactful/menu' {
  import type { MenuEntry } from './content/menu-index.ts';
  const entries: MenuEntry[];
  export default entries;
}
