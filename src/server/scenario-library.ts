import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadScenario, type CompiledScenario } from '../engine/index.ts';
import { buildCatalogue, isCatalogueFileName, isScenarioFileName, type DialogueNode } from '../scenario/index.ts';

/** A scenario a session may name, as the create form lists it. */
export interface ScenarioListing {
  id: string;
  title: string;
  summary: string;
  difficulty: number;
}

/**
 * The scenarios the server's game offers, read from the scenario folder
 * with the engine's own loader. The server checks a new session's
 * scenarios against it, and takes the customer's lines, the replies and
 * their coaching from it (never from what a trainee's browser sends).
 * Files with errors are left out and reported once at start-up.
 */
export class ScenarioLibrary {
  private constructor(
    private readonly byId: ReadonlyMap<string, CompiledScenario>,
    /** One line per file left out: "scenarios/x.yaml: 2 errors (npx tactful lint scenarios/x.yaml)". */
    readonly leftOut: readonly string[],
  ) {}

  /** Reads every scenario file in a folder (none when the folder is missing). */
  static fromFolder(dir: string): ScenarioLibrary {
    let names: string[];
    try {
      names = readdirSync(dir).sort();
    } catch {
      return new ScenarioLibrary(new Map(), [`${dir}: no scenario folder here`]);
    }
    const catalogueName = names.find(isCatalogueFileName);
    const { catalogue } = buildCatalogue(catalogueName ? readFileSync(join(dir, catalogueName), 'utf8') : undefined, catalogueName);
    const byId = new Map<string, CompiledScenario>();
    const leftOut: string[] = [];
    for (const name of names.filter(isScenarioFileName)) {
      const file = join(dir, name);
      const { compiled, problems } = loadScenario(file, readFileSync(file, 'utf8'), catalogue);
      if (compiled) byId.set(compiled.scenario.id, compiled);
      else leftOut.push(`${file}: ${problems.filter((p) => p.severity === 'error').length} error(s) (npx tactful lint ${file})`);
    }
    return new ScenarioLibrary(byId, leftOut);
  }

  /** Every scenario, in file-name order. */
  list(): ScenarioListing[] {
    return [...this.byId.values()].map(({ scenario }) => ({ id: scenario.id, title: scenario.title, summary: scenario.summary, difficulty: scenario.difficulty }));
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  /** A scenario as the engine plays it (room mode runs the room's conversation on the server); undefined when the server does not have it. */
  compiled(id: string): CompiledScenario | undefined {
    return this.byId.get(id);
  }

  /** A scenario's title; its id when the server does not have it. */
  title(id: string): string {
    return this.byId.get(id)?.scenario.title ?? id;
  }

  /** A decision point's customer line and replies, or undefined when the server's copy of the scenario has no such node. */
  decisionPoint(scenarioId: string, nodeId: string): DialogueNode | undefined {
    const node = this.byId.get(scenarioId)?.scenario.nodes[nodeId];
    return node?.kind === 'dialogue' ? node : undefined;
  }
}
