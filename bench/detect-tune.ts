import { DETECTOR_NAMES, type DetectorName, type DetectorSettings } from '../src/core/detection';
import { corpusEntries, traceOf, TUNING_CORPUS } from './detect-corpus';
import { scoreTrace, summarizeScores, type TraceScore } from './detect-score';

/**
 * `npx tsx bench/detect-tune.ts [--verbose] [--sensitivity low|normal|high] [--only NAME]`:
 * the figures on the tuning corpus (seeds 0–349), never the reported one, and with --verbose
 * every miss, false alarm and hit slower than 1.6 s, with the seed and options to look at it.
 */
const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const option = (flag: string) => {
  const i = args.indexOf(flag);
  return i < 0 ? undefined : args[i + 1];
};
const sensitivity = (option('--sensitivity') ?? 'normal') as DetectorSettings['sensitivity'];
const only = option('--only');
const names = DETECTOR_NAMES.filter((n) => only === undefined || n === only);
const scores = new Map<DetectorName, TraceScore[]>(names.map((n) => [n, []]));

for (const entry of corpusEntries(TUNING_CORPUS)) {
  const trace = traceOf(entry);
  for (const name of names) {
    const score = scoreTrace(trace, name, { sensitivity });
    scores.get(name)?.push(score);
    if (!verbose) continue;
    const where = `${name} seed ${trace.seed} ${JSON.stringify(entry.options)}`;
    if (score.orgasm !== undefined && score.orgasm.latencyMs === undefined)
      console.log(`miss  ${where}`);
    else if (score.orgasm?.regular === true && (score.orgasm.latencyMs ?? 0) > 1600)
      console.log(`slow  ${String(score.orgasm.latencyMs)} ms  ${where}`);
    for (const f of score.falseAlarms) console.log(`false ${f.to} at ${f.t_ms}  ${where}`);
  }
}
for (const [name, s] of scores) console.log(name, JSON.stringify(summarizeScores(s)));
