import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { SteppedClock, startConversation } from '../../../src/engine/index.ts';
import { recordOf } from '../../../src/report/history.ts';
import { isPlayRecord, type PlayRecord } from '../../../src/report/play-record.ts';
import { BYTE_ORDER_MARK, criticalMistakes, extraDimensions, newestFirst, replyTimeMs, resultsCsv, resultsFileName, resultsJson, speedOf, timeTakenMs } from '../../../src/report/results-export.ts';
import { compileFile } from '../helpers.ts';

/** The trainee's downloads: a CSV a spreadsheet opens safely, and a versioned JSON of the records. */
const compiled = compileFile('scenarios/missing-zero.yaml');

/** A real play of a shipped scenario: the first reply shown each time, 2.5 s in. */
function realPlay() {
  const clock = new SteppedClock();
  const talk = startConversation(compiled, { clock, timers: 'standard' });
  while (!talk.ended) {
    clock.advance(2_500);
    talk.reply(1);
  }
  const result = talk.result()!;
  talk.stop();
  return result;
}

/** A record as the game writes one, from a real play of a shipped scenario: the first reply shown each time, 2.5 s in. */
function realRecord(date: string): PlayRecord {
  return recordOf(realPlay(), compiled.scenario.title, 'standard', 42, new Date(date));
}

/** A record with `change` applied to a copy. */
function record(date: string, change: (r: PlayRecord) => void = () => {}): PlayRecord {
  const copy = structuredClone(realRecord(date));
  change(copy);
  return copy;
}

/** The CSV parsed back (as a spreadsheet or a script would read it), without its byte order mark. */
function parsed(csv: string): string[][] {
  return Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true }).data;
}

/** The CSV's rows as objects keyed by the header. */
function rows(csv: string): Record<string, string>[] {
  const [header, ...data] = parsed(csv);
  return data.map((row) => Object.fromEntries(header!.map((name, i) => [name, row[i]!])));
}

describe('the CSV download', () => {
  it('starts with a UTF-8 byte order mark, ends every line with CRLF, and has no bare LF', () => {
    const csv = resultsCsv([realRecord('2026-11-22T10:00:00Z'), realRecord('2026-11-23T09:30:00Z')]);
    expect(csv.startsWith(BYTE_ORDER_MARK)).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.split('\r\n')).toHaveLength(4); // header, two plays, and the empty rest after the last CRLF
    expect(csv.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
  });

  it('has one row per play, newest first, with the engine\u2019s scores, outcome, pass and reply time', () => {
    const older = realRecord('2026-11-22T10:00:00Z');
    const newer = record('2026-11-23T09:30:00Z', (r) => {
      r.passed = !r.passed;
      r.scores.overall = 12;
    });
    const [first, second] = rows(resultsCsv([older, newer]));
    expect(first).toMatchObject({ 'Date (UTC)': '2026-11-23T09:30:00.000Z', Overall: '12', Passed: newer.passed ? 'yes' : 'no' });
    expect(second).toEqual({
      'Date (UTC)': '2026-11-22T10:00:00.000Z',
      Scenario: compiled.scenario.title,
      'Scenario id': 'missing-zero',
      Outcome: older.outcome,
      Passed: older.passed ? 'yes' : 'no',
      'Critical mistakes': String(older.critical!.length),
      Overall: String(older.scores.overall),
      'Pass mark': String(older.passMark),
      Tact: String(older.scores.tact),
      Speed: String(older.scores.speed),
      Satisfaction: String(older.scores.satisfaction),
      Policy: String(older.scores.policy), // missing-zero's own dimension
      Timer: 'standard',
      Decisions: String(older.choices.length),
      'Time taken (s)': '', // no start time in this record
      'Reply time (s)': String(older.choices.length * 2.5),
      Ending: older.ending,
    });
  });

  it('says "off" for speed when the timers were off, and leaves unscored tact empty', () => {
    const play = record('2026-11-22T10:00:00Z', (r) => {
      r.timers = 'off';
      r.scores.speed = null;
      r.scores.tact = null;
    });
    expect(rows(resultsCsv([play]))[0]).toMatchObject({ Speed: 'off', Tact: '', Timer: 'off' });
  });

  it('adds a column for each extra dimension any play has, empty for plays without it', () => {
    // missing-zero scores "policy"; a play of another scenario may score "safety" instead.
    const plain = realRecord('2026-11-22T10:00:00Z');
    const withSafety = record('2026-11-23T10:00:00Z', (r) => {
      delete r.scores.policy;
      r.scores.safety = 80;
    });
    const [header] = parsed(resultsCsv([plain, withSafety]));
    expect(header!.slice(header!.indexOf('Satisfaction') + 1, header!.indexOf('Timer'))).toEqual(['Safety', 'Policy']);
    expect(rows(resultsCsv([plain, withSafety])).map((r) => [r.Safety, r.Policy])).toEqual([
      ['80', ''],
      ['', String(plain.scores.policy)],
    ]);
  });

  it('quotes fields with a comma, a quote or a line break, doubling the quotes, and reads them back unchanged', () => {
    const title = 'The "worn once" dress, again\nand again';
    const csv = resultsCsv([record('2026-11-22T10:00:00Z', (r) => (r.title = title))]);
    expect(csv).toContain('"The ""worn once"" dress, again\nand again"');
    expect(rows(csv)[0]!.Scenario).toBe(title);
  });

  it('writes a text cell starting with =, +, -, @, a tab or a CR with a leading apostrophe, so it is never a formula', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r']) {
      const title = `${start}HYPERLINK("http://example.test","click")`;
      const csv = resultsCsv([record('2026-11-22T10:00:00Z', (r) => (r.title = title))]);
      expect(rows(csv)[0]!.Scenario).toBe(`'${title}`);
    }
  });

  it('guards a formula that spans lines too (papaparse\u2019s own default pattern misses those)', () => {
    const csv = resultsCsv([record('2026-11-22T10:00:00Z', (r) => (r.title = '=1+1\nsecond line'))]);
    expect(rows(csv)[0]!.Scenario).toBe("'=1+1\nsecond line");
  });

  it('leaves numbers and text that merely contains = or - as they are', () => {
    const csv = resultsCsv([record('2026-11-22T10:00:00Z', (r) => (r.title = 'Refund = store credit - maybe'))]);
    const [row] = rows(csv);
    expect(row!.Scenario).toBe('Refund = store credit - maybe');
    expect(row!.Overall).not.toMatch(/^'/);
  });

  it('keeps accents and other non-ASCII text as UTF-8', () => {
    const csv = resultsCsv([record('2026-11-22T10:00:00Z', (r) => (r.title = 'Café crème – Größe 😊'))]);
    expect(rows(csv)[0]!.Scenario).toBe('Café crème – Größe 😊');
    expect(new TextEncoder().encode(csv).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
  });

  it('is the header row alone (with its BOM and CRLF) when there are no plays', () => {
    const csv = resultsCsv([]);
    expect(csv).toBe(`${BYTE_ORDER_MARK}Date (UTC),Scenario,Scenario id,Outcome,Passed,Critical mistakes,Overall,Pass mark,Tact,Speed,Satisfaction,Timer,Decisions,Time taken (s),Reply time (s),Ending\r\n`);
  });

  it('writes a play with no decisions with zero decisions and zero reply time', () => {
    const play = record('2026-11-22T10:00:00Z', (r) => {
      r.choices = [];
      r.scores.tact = null;
      r.scores.speed = null;
    });
    expect(rows(resultsCsv([play]))[0]).toMatchObject({ Decisions: '0', 'Reply time (s)': '0', Tact: '', Speed: '' });
  });
});

describe('the JSON download', () => {
  it('is versioned, dated, and holds every play newest first, exactly as recorded, without the store\u2019s key', () => {
    const older = { ...realRecord('2026-11-22T10:00:00Z'), id: 1 };
    const newer = { ...realRecord('2026-11-23T10:00:00Z'), id: 2 };
    const file = JSON.parse(resultsJson([older, newer], new Date('2026-11-23T12:00:00Z'))) as Record<string, unknown> & { plays: unknown[] };
    expect(file).toMatchObject({ format: 'tactful-results', version: 1, exportedAt: '2026-11-23T12:00:00.000Z' });
    expect(file.plays).toEqual([realRecord('2026-11-23T10:00:00Z'), realRecord('2026-11-22T10:00:00Z')]);
    expect(file.plays.some((play) => 'id' in (play as object))).toBe(false);
    expect(file.plays.every(isPlayRecord)).toBe(true);
  });

  it('has an empty list of plays when there is no history', () => {
    const file = JSON.parse(resultsJson([], new Date('2026-11-23T12:00:00Z'))) as { plays: unknown[] };
    expect(file.plays).toEqual([]);
  });

  it('keeps text that would be a spreadsheet formula unchanged (JSON is not opened by spreadsheets)', () => {
    const file = JSON.parse(resultsJson([record('2026-11-22T10:00:00Z', (r) => (r.title = '=SUM(A1)'))], new Date())) as { plays: PlayRecord[] };
    expect(file.plays[0]!.title).toBe('=SUM(A1)');
  });
});

describe('the pieces the results screen shares with the downloads', () => {
  it('orders plays newest first, the later-saved first when two finished at the same moment', () => {
    const a = record('2026-11-22T10:00:00Z', (r) => (r.ending = 'a'));
    const b = record('2026-11-22T10:00:00Z', (r) => (r.ending = 'b'));
    const c = record('2026-11-21T10:00:00Z', (r) => (r.ending = 'c'));
    expect(newestFirst([c, a, b]).map((r) => r.ending)).toEqual(['b', 'a', 'c']);
  });

  it('lists extra dimensions in order of first appearance, once each', () => {
    const one = record('2026-11-22T10:00:00Z', (r) => {
      delete r.scores.policy;
      r.scores.safety = 50;
    });
    const two = record('2026-11-23T10:00:00Z', (r) => {
      r.scores.accuracy = 10;
      r.scores.safety = 20;
    });
    expect(extraDimensions([one, two])).toEqual(['safety', 'policy', 'accuracy']);
  });

  it('sums the reply times of every decision, a timeout included', () => {
    const play = record('2026-11-22T10:00:00Z', (r) => {
      r.choices = [
        { node: 'a', reply: 1, replyIndex: 0, timedOut: false, ms: 1_250 },
        { node: 'b', reply: null, replyIndex: null, timedOut: true, ms: 15_000 },
      ];
    });
    expect(replyTimeMs(play)).toBe(16_250);
  });

  it('reads speed as "off" with the timers off, null when unscored, else the score', () => {
    expect(speedOf(record('2026-11-22T10:00:00Z', (r) => (r.timers = 'off')))).toBe('off');
    expect(speedOf(record('2026-11-22T10:00:00Z', (r) => (r.scores.speed = null)))).toBeNull();
    expect(speedOf(record('2026-11-22T10:00:00Z', (r) => (r.scores.speed = 73)))).toBe(73);
  });

  it('measures the time taken from the play\u2019s start to its ending, and knows nothing for records without a start', () => {
    const timed = recordOf(realPlay(), compiled.scenario.title, 'standard', 42, new Date('2026-11-22T10:02:05Z'), new Date('2026-11-22T10:00:00Z'));
    expect(timeTakenMs(timed)).toBe(125_000);
    expect(isPlayRecord(timed)).toBe(true);
    expect(rows(resultsCsv([timed]))[0]!['Time taken (s)']).toBe('125');
    const older = realRecord('2026-11-22T10:00:00Z');
    expect(older.startedAt).toBeUndefined();
    expect(timeTakenMs(older)).toBeNull();
  });

  it('counts the critical mistakes a play made, from the engine\u2019s result, and none for records from before they were kept', () => {
    const critical = compileFile('scenarios/behind-the-counter.yaml');
    const node = Object.values(critical.scenario.nodes).find((n) => n.kind === 'dialogue' && n.replies.some((r) => r.critical))!;
    const result = { ...realPlay(), criticalMistakes: [{ node: node.id }] } as unknown as Parameters<typeof recordOf>[0];
    const record = recordOf(result, 'Critical', 'standard');
    expect(record.critical).toEqual([node.id]);
    expect(criticalMistakes(record)).toBe(1);
    expect(isPlayRecord(record)).toBe(true);
    expect(rows(resultsCsv([record]))[0]!['Critical mistakes']).toBe('1');
    const older = realRecord('2026-11-22T10:00:00Z');
    delete older.critical;
    expect(isPlayRecord(older)).toBe(true);
    expect(criticalMistakes(older)).toBe(0);
  });

  it('names files after the trainee\u2019s local day', () => {
    expect(resultsFileName('csv', new Date(2026, 10, 23, 23, 59))).toBe('tactful-results-2026-11-23.csv');
    expect(resultsFileName('json', new Date(2026, 0, 5, 0, 1))).toBe('tactful-results-2026-01-05.json');
  });
});
