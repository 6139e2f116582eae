/**
 * `@xapi/cmi5` names no entry Node can resolve (only `module` and `browser`
 * fields), so Tactful imports its ES module file by path, for the browser
 * build and the Node tests alike; its types are the package's own.
 */
declare module '@xapi/cmi5/dist/Cmi5.esm.js' {
  export { default } from '@xapi/cmi5';
}
