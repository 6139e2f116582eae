/// <reference types="vite-plugin-pwa/vanillajs" />
declare module 'virtual:tactful/menu' {
  const entries: import('./content/menu-index.ts').MenuEntry[];
  export default entries;
}
