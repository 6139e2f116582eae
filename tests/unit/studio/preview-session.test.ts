import { describe, expect, it } from 'vitest';
import { checkScenario } from '../../../src/scenario/index.ts';
import { conversationMap } from '../../../src/map/conversation-map.ts';
import { newScenarioText } from '../../../src/studio/files/template.ts';
import { Debounce } from '../../../src/studio/preview/debounce.ts';
import { playedOnMap } from '../../../src/studio/preview/played-path.ts';
import { PlaySession } from '../../../src/studio/preview/play-session.ts';
import { isPreviewToStudio, isStudioToPreview } from '../../../src/preview/preview-protocol.ts';
import { catalogue } from '../helpers.ts';

/** Timers on a stepped clock: nothing runs until the test moves time on. */
function steppedTimers() {
  let now = 0;
  let timers: { at: number; run: () => void; id: number }[] = [];
  let ids = 0;
  return {
    setTimer: (run: () => void, ms: number) => {
      timers.push({ at: now + ms, run, id: ++ids });
      return ids;
    },
    clearTimer: (id: unknown) => (timers = timers.filter((t) => t.id !== id)),
    advance(ms: number) {
      now += ms;
      const due = timers.filter((t) => t.at <= now);
      timers = timers.filter((t) => t.at > now);
      for (const t of due) t.run();
    },
  };
}

describe('reloading the preview after an edit', () => {
  it('sends the same start and the decisions so far with the new text, and nothing when the text is the one playing', () => {
    const session = new PlaySession(() => 'scenarios/late-parcel.yaml');
    expect(session.reload('v1')).toBeNull();
    const first = session.start({ node: 'address', mood: 20 }, 'v1');
    expect(first).toEqual({ kind: 'play', file: 'scenarios/late-parcel.yaml', text: 'v1', from: { node: 'address', mood: 20 }, replay: [] });
    session.decided([{ node: 'address', reply: 2, ms: 800 }]);
    expect(session.reload('v1')).toBeNull();
    expect(session.reload('v2')).toEqual({ ...first, text: 'v2', replay: [{ node: 'address', reply: 2, ms: 800 }] });
    // Restart forgets the decisions; a start the preview refused stops reloads.
    expect(session.start({ node: null }, 'v2').replay).toEqual([]);
    session.stop();
    expect(session.reload('v3')).toBeNull();
  });

  it('reloads once, 500 ms after the last clean check', () => {
    const timers = steppedTimers();
    const reloads = new Debounce(timers, 500);
    const sent: string[] = [];
    reloads.request(() => sent.push('a'));
    timers.advance(300);
    reloads.request(() => sent.push('b'));
    timers.advance(499);
    expect(sent).toEqual([]);
    timers.advance(1);
    expect(sent).toEqual(['b']);
    reloads.request(() => sent.push('c'));
    // A check with errors cancels the reload waiting.
    reloads.cancel();
    timers.advance(1000);
    expect(sent).toEqual(['b']);
  });
});

describe('the path played, on the map', () => {
  const checked = checkScenario('scenarios/x.yaml', newScenarioText('x'), catalogue);
  const map = conversationMap(checked.scenario!, checked.analysis!, checked.source!);

  it('marks the boxes visited, the reply arrows chosen and the branch route taken', () => {
    const on = playedOnMap(map, {
      start: 'opening',
      nodes: ['opening', 'address', 'outcome', 'reassured'],
      decisions: [{ node: 'opening', reply: 1, ms: 900 }, { node: 'address', reply: 1, ms: 800 }],
    });
    expect(on.start).toBe('opening');
    expect([...on.nodes]).toEqual(['opening', 'address', 'outcome', 'reassured']);
    expect([...on.edges]).toEqual(['opening/reply/1', 'address/reply/1', 'outcome/route/1']);
  });

  it('leaves out what a map a version behind does not have', () => {
    const on = playedOnMap(map, { start: 'gone', nodes: ['gone', 'address'], decisions: [{ node: 'gone', reply: 1, ms: 1 }] });
    expect([...on.nodes]).toEqual(['address']);
    expect([...on.edges]).toEqual([]);
  });
});

describe('the preview protocol', () => {
  it('accepts the messages each side sends and refuses anything else', () => {
    expect(isStudioToPreview({ kind: 'play', file: 'f', text: 't', from: { node: null, mood: 3, variables: { a: true } }, replay: [{ node: 'n', reply: null, ms: 0 }] })).toBe(true);
    expect(isStudioToPreview({ kind: 'play', file: 'f', text: 't', from: { node: 1 }, replay: [] })).toBe(false);
    expect(isStudioToPreview({ kind: 'play', file: 'f', text: 't', from: { node: null, variables: { a: {} } }, replay: [] })).toBe(false);
    expect(isPreviewToStudio({ kind: 'ready' })).toBe(true);
    expect(isPreviewToStudio({ kind: 'path', start: 'a', nodes: ['a'], decisions: [], changed: null })).toBe(true);
    expect(isPreviewToStudio({ kind: 'problem', about: 'start', messages: ['x'] })).toBe(true);
    expect(isPreviewToStudio({ kind: 'problem', about: 'elsewhere', messages: ['x'] })).toBe(false);
    expect(isPreviewToStudio('ready')).toBe(false);
  });
});
