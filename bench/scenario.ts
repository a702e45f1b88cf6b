import type { CpuMeter } from './cpu.ts';
import { runMeasuredPhase, runPhase, type ApiClient, type PhaseOptions, type PhaseResult } from './load.ts';
import { summarise } from './stats.ts';
import { drawTexts, prng, SERVICES, WORDS } from './words.ts';

/** Filter combinations of the list phase, as an agent's console would send them. */
export const LIST_QUERIES = [
  'status=in_progress&priority=P2&limit=50',
  'status=recorded,in_progress,pending&limit=50',
  'owner=CH&limit=50',
  'priority=P1&sort=-updatedAt&limit=50',
  'assignee=me&status=in_progress&limit=50',
  'limit=50',
];

export interface ScenarioOptions {
  concurrency: number;
  /** Seeded references the token's user may see, for the get phase. */
  refs: string[];
  log: (message: string) => void;
  /** Measures each phase's CPU time by thread (bench/cpu.ts). */
  cpu?: CpuMeter;
}

export interface ScenarioResult {
  create: PhaseResult;
  get: PhaseResult;
  list: PhaseResult;
  search: PhaseResult;
  /** COL-6: GET /api/v1/search (tickets, comments, known errors, wiki; ranked, with excerpts). */
  fulltext: PhaseResult;
  /** p50/p99 per list filter combination, under load. */
  listByQuery: Record<string, ReturnType<typeof summarise>>;
  /** The same requests one at a time: service time without queueing. */
  serial: { get: PhaseResult; list: PhaseResult; search: PhaseResult; fulltext: PhaseResult };
}

export const PHASE_SECONDS = 20;
export const CREATES = 3000;
const WARM_UP = 400;

/** Drives the API: a short warm-up, then create, get, list and search phases, then a serial pass. */
export async function runScenario(api: ApiClient, options: ScenarioOptions): Promise<ScenarioResult> {
  const { concurrency, refs, log } = options;
  const measured = (phase: PhaseOptions) => runMeasuredPhase(phase, options.cpu);
  const random = prng(7);
  const anyRef = () => refs[Math.floor(random() * refs.length)]!;
  const get = () => api.send('GET', `/api/v1/tickets/${encodeURIComponent(anyRef())}`);
  const byQuery = new Map<string, number[]>(LIST_QUERIES.map((q) => [q, []]));
  const list = async (i: number) => {
    const query = LIST_QUERIES[i % LIST_QUERIES.length]!;
    const t0 = performance.now();
    await api.send('GET', `/api/v1/tickets?${query}`);
    byQuery.get(query)!.push(performance.now() - t0);
  };
  // Four searches in five for a vocabulary word (each is in 5 % to 90 % of the tickets), one for a reference.
  const search = (i: number) => {
    const q = i % 5 === 4 ? anyRef() : WORDS[Math.floor(random() * WORDS.length)]!;
    return api.send('GET', `/api/v1/tickets?q=${encodeURIComponent(q)}&limit=50`);
  };

  // COL-6: four searches in five for one vocabulary word, one for two words (both must match).
  const fulltext = (i: number) => {
    const word = () => WORDS[Math.floor(random() * WORDS.length)]!;
    const q = i % 5 === 4 ? `${word()} ${word()}` : word();
    return api.send('GET', `/api/v1/search?q=${encodeURIComponent(q)}&limit=20`);
  };

  const texts = drawTexts(CREATES + WARM_UP, 7);
  const create = (i: number) =>
    api.send('POST', '/api/v1/incidents', {
      title: texts.titles[i],
      description: texts.descriptions[i],
      service: SERVICES[i % SERVICES.length],
      impact: `I${1 + (i % 3)}`,
      criticality: `C${1 + (Math.floor(i / 3) % 3)}`,
      sensitivity: i % 10 === 0 ? 'SENSITIVE' : 'LIMITED',
      reporter: 'Monitoring',
      channel: 'api',
    });

  log('warm-up: every kind of request, untimed');
  const kinds = [get, list, search, fulltext, (i: number) => create(CREATES + i)];
  await runPhase({
    concurrency: 4,
    count: WARM_UP,
    maxSeconds: PHASE_SECONDS,
    send: (i) => kinds[i % kinds.length]!(i),
  });
  for (const samples of byQuery.values()) samples.length = 0;

  log(`create: up to ${CREATES} incidents, ${concurrency} in flight`);
  const createPhase = await measured({ concurrency, count: CREATES, maxSeconds: PHASE_SECONDS, send: create });

  log('get: seeded tickets with their timelines');
  const getPhase = await measured({ concurrency, count: 5000, maxSeconds: PHASE_SECONDS, send: get });
  log(`list: ${LIST_QUERIES.length} filter combinations`);
  const listPhase = await measured({ concurrency, count: 1800, maxSeconds: PHASE_SECONDS, send: list });
  const listByQuery = Object.fromEntries([...byQuery].map(([q, samples]) => [q, summarise(samples)]));
  log('search: q=<vocabulary word> or <reference>');
  const searchPhase = await measured({ concurrency, count: 1000, maxSeconds: PHASE_SECONDS, send: search });
  log('fulltext: /search?q=<one or two vocabulary words>');
  const fulltextPhase = await measured({ concurrency, count: 1000, maxSeconds: PHASE_SECONDS, send: fulltext });

  log('serial: one request at a time');
  const serial = {
    get: await measured({ concurrency: 1, count: 300, maxSeconds: 10, send: get }),
    list: await measured({ concurrency: 1, count: 60, maxSeconds: 10, send: list }),
    search: await measured({ concurrency: 1, count: 100, maxSeconds: 10, send: search }),
    fulltext: await measured({ concurrency: 1, count: 200, maxSeconds: 20, send: fulltext }),
  };
  return {
    create: createPhase,
    get: getPhase,
    list: listPhase,
    search: searchPhase,
    fulltext: fulltextPhase,
    listByQuery,
    serial,
  };
}
