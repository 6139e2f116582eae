import { levelsOf, type DocLines } from './yaml-outline.ts';

/** A name the scenario declares, with where and a line of help about it. */
export interface DeclaredName {
  name: string;
  /** 1-based line of its key. */
  line: number;
  /** A short hint: a node's customer line, an ending's outcome, a variable's default. */
  hint: string;
}

/** The names a scenario file declares: what `goto`, expressions, `set` and `score` may refer to. */
export interface DocumentNames {
  nodes: DeclaredName[];
  endings: DeclaredName[];
  variables: DeclaredName[];
  dimensions: DeclaredName[];
}

/**
 * Reads the declared names from the file's lines by indentation: the keys
 * of `nodes:`, `endings:`, `variables:` and `scoring: dimensions:`. It works
 * on a half-written file (where the YAML may not parse), which is when a
 * trainer asks for completion.
 */
export function documentNames(doc: DocLines): DocumentNames {
  const names: DocumentNames = { nodes: [], endings: [], variables: [], dimensions: [] };
  let section: keyof DocumentNames | 'scoring' | undefined;
  let childColumn = -1;
  let inDimensions = false;
  let dimensionColumn = -1;
  let current: DeclaredName | undefined;
  for (let n = 1; n <= doc.lines; n++) {
    const text = doc.line(n).text;
    // Most lines of a big file are fields deep inside a node: only the lines that can matter are read closely.
    const indent = leadingSpaces(text);
    const matters = indent === 0 || indent === childColumn || childColumn < 0 || section === 'scoring' || current?.hint === '';
    if (!matters || indent === text.length) continue;
    const levels = levelsOf(text);
    const first = levels[0];
    if (!first) continue;
    if (first.column === 0) {
      current = undefined;
      childColumn = -1;
      inDimensions = false;
      const name = first.kind === 'key' ? first.name! : '';
      section = name === 'nodes' || name === 'endings' || name === 'variables' || name === 'scoring' ? name : undefined;
      continue;
    }
    if (!section || first.kind !== 'key') continue;
    if (childColumn < 0) childColumn = first.column;
    if (section === 'scoring') {
      if (first.column === childColumn) {
        inDimensions = first.name === 'dimensions';
        dimensionColumn = -1;
      } else if (inDimensions) {
        if (dimensionColumn < 0) dimensionColumn = first.column;
        if (first.column === dimensionColumn) names.dimensions.push({ name: first.name!, line: n, hint: first.value ?? '' });
      }
      continue;
    }
    if (first.column === childColumn) {
      current = { name: first.name!, line: n, hint: section === 'variables' ? `default ${first.value ?? ''}` : '' };
      names[section].push(current);
    } else if (current && current.hint === '' && (first.name === 'customer' || (section === 'endings' && first.name === 'outcome'))) {
      current.hint = first.name === 'outcome' ? `outcome ${first.value ?? ''}` : first.value ?? '';
    } else if (current && current.hint === '' && section === 'nodes' && first.name === 'branch') {
      current.hint = 'branch node';
    }
  }
  return names;
}


function leadingSpaces(text: string): number {
  let n = 0;
  while (text.charCodeAt(n) === 32) n++;
  return n;
}
