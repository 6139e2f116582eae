/**
 * Node and ending ids made from passage names: lower case words joined by
 * "-", as a trainer would write them, each unique in the scenario.
 */

/**
 * A passage name as an id (also a valid scenario id), or `fallback` when the
 * name has no letter or digit.
 *
 * @example idFromName("Dana's blender… (again)") // 'danas-blender-again'
 */
export function idFromName(name: string, fallback = 'passage'): string {
  const id = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    // "Isn't" reads as "isnt", not "isn-t".
    .replace(/['\u2019]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return id === '' ? fallback : id;
}

/**
 * Gives each passage name its own id: names that make the same id
 * ("Why?" and "why") get "-2", "-3"… in file order.
 *
 * @example uniqueIds(['Start', 'Why?', 'why']) // Map { 'Start' => 'start', 'Why?' => 'why', 'why' => 'why-2' }
 */
export function uniqueIds(names: readonly string[]): Map<string, string> {
  const ids = new Map<string, string>();
  const used = new Set<string>();
  for (const name of names) {
    if (ids.has(name)) continue;
    const base = idFromName(name);
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
    used.add(id);
    ids.set(name, id);
  }
  return ids;
}
