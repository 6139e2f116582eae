import { analyse, type Analysis } from './analysis.ts';
import type { Scenario } from './model.ts';
import { normalise } from './normalise.ts';
import { sortProblems, type Problem } from './problem.ts';
import { readingAllowanceMs } from './reading-time.ts';
import { parseScenarioSource } from './schema.ts';
import { schemaProblems } from './schema-problems.ts';
import { problemAt, readSource, type ScenarioSourceFile } from './source.ts';
import type { TechniqueCatalogue } from './techniques.ts';

/** A scenario file after checking: the model when there is no error, and every problem. */
export interface CheckedScenario {
  file: string;
  scenario?: Scenario;
  analysis?: Analysis;
  /** The file as read, for pointing at places in it (present whenever it could be read). */
  source?: ScenarioSourceFile;
  problems: Problem[];
}

/**
 * Reads, validates and lints one scenario file. Never throws and always
 * finishes quickly: bad input comes back as problems with positions.
 *
 * @example
 * const { scenario, problems } = checkScenario('scenarios/x.yaml', text, catalogue);
 */
export function checkScenario(file: string, text: string, catalogue: TechniqueCatalogue): CheckedScenario {
  try {
    return check(file, text, catalogue);
  } catch (error) {
    // A bug of ours must not stop a folder lint or blank a menu: it becomes this file's problem, with a position.
    const message = `this file could not be checked (${(error as Error).message ?? String(error)}); please report it with the file`;
    return { file, problems: [{ file, line: 1, column: 1, severity: 'error', rule: 'internal-error', message }] };
  }
}

function check(file: string, text: string, catalogue: TechniqueCatalogue): CheckedScenario {
  const read = readSource(file, text);
  if (!read.source) return { file, problems: read.problems };
  const source = read.source;
  const parsed = parseScenarioSource(source.data);
  if (!parsed.success) return { file, source, problems: sortProblems(schemaProblems(source, parsed.error.issues)) };
  const normalised = normalise(source, parsed.data, catalogue);
  if (!normalised.scenario) return { file, source, problems: sortProblems(normalised.problems) };
  const scenario = normalised.scenario;
  const analysis = analyse(scenario);
  const problems = [...normalised.problems, ...graphProblems(source, scenario, analysis), ...decisionProblems(source, scenario)];
  return { file, source, scenario, analysis, problems: sortProblems(problems) };
}

/** Dead ends, branch loops, unreachable nodes, traps and endings conditions never allow. */
function graphProblems(source: ScenarioSourceFile, scenario: Scenario, analysis: Analysis): Problem[] {
  const problems: Problem[] = [];
  const groupOf = (id: string): string => (id in scenario.nodes ? 'nodes' : 'endings');
  for (const id of analysis.deadEnds) {
    problems.push(problemAt(source, ['nodes', id], 'error', 'dead-end',
      `node "${id}" can reach no ending: every route from it loops or stops; add a reply or goto that leads to an ending`, 'key'));
  }
  for (const loop of analysis.branchLoops) {
    problems.push(problemAt(source, ['nodes', loop[0]!], 'error', 'dead-end',
      `branch nodes ${loop.map((id) => `"${id}"`).join(' → ')} can route to each other forever; make one of them go to a dialogue node or an ending`, 'key'));
  }
  for (const id of [...Object.keys(scenario.nodes), ...Object.keys(scenario.endings)]) {
    if (!analysis.reachable.has(id)) {
      problems.push(problemAt(source, [groupOf(id), id], 'warning', 'unreachable',
        `"${id}" can't be reached from start "${scenario.start}"; link to it with a goto or remove it`, 'key'));
    }
  }
  if (analysis.exact) {
    for (const id of analysis.traps) {
      if (analysis.deadEnds.has(id)) continue;
      problems.push(problemAt(source, ['nodes', id], 'error', 'dead-end',
        `at node "${id}", some values of mood or variables leave no way to an ending (no reply is offered, or every offered route loops); check the "if" conditions`, 'key'));
    }
    for (const id of Object.keys(scenario.endings)) {
      if (analysis.reachable.has(id) && !analysis.endingsReached.has(id)) {
        problems.push(problemAt(source, ['endings', id], 'warning', 'ending-never-reached',
          `ending "${id}" is linked, but no combination of choices makes the conditions on the way to it true`, 'key'));
      }
    }
  }
  return problems;
}

/** Decisions every reply of which has the same tact, and lines too long for their timer. */
function decisionProblems(source: ScenarioSourceFile, scenario: Scenario): Problem[] {
  const problems: Problem[] = [];
  for (const node of Object.values(scenario.nodes)) {
    if (node.kind !== 'dialogue') continue;
    const tacts = new Set(node.replies.map((r) => r.tact));
    if (node.replies.length > 1 && tacts.size === 1) {
      problems.push(problemAt(source, ['nodes', node.id, 'replies'], 'warning', 'same-tact',
        `every reply at "${node.id}" has tact ${[...tacts][0]}, so this choice teaches nothing about tact; give the better replies a higher tact`, 'key'));
    }
    if (node.timeLimitMs !== null) {
      const needed = readingAllowanceMs(node.customer, node.replies.map((r) => r.say));
      if (needed > node.timeLimitMs) {
        problems.push(problemAt(source, ['nodes', node.id, 'customer'], 'warning', 'line-too-long',
          `the line and its replies take ${(needed / 1000).toFixed(1)} s to read at 250 words per minute (plus 2 s), but the time limit is ${(node.timeLimitMs / 1000).toFixed(1)} s; shorten them or raise timeLimit`));
      }
    }
  }
  return problems;
}
