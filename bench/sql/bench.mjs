// bench/sql/bench.mjs - the SQL benchmark proper; run.sh prepares the data
// and the PostgreSQL server (PGHOST, PGDATABASE, ...) and then runs
//
//   node bench.mjs --scale S --seed N --runs R --engines "postgres duckdb"
//                  --data DIR --version V --duckdb FILE --casc PATH [--rules PATTERN]
//
// For each rules/NN-name.casc: compile it with casc (--now pinned) for
// PostgreSQL, which PostgreSQL runs, and for Databricks, which DuckDB (the
// stand-in for the columnar warehouses) runs after a few textual rewrites;
// take rules/NN-name.baseline.sql (PostgreSQL SQL; DuckDB runs it with
// `'v' = ANY(a)` as list_contains(a, 'v')), and on each engine run casc's
// SQL and the baseline wrapped as SELECT COUNT(*), SUM(customer_id) FROM (...):
// once under EXPLAIN ANALYZE (the warm-up; it gives the scans of each
// table), then R times each, alternating, timing each run. Reports the
// median per query, the speed-up (baseline / casc), whether casc's runs are
// slower beyond noise (pSlower), totals and the geometric mean, checks that
// casc and the baseline select the same profiles (count and key sum, on
// both engines) and writes results/scale-S.{md,json}.
// Exits 1 on any disagreement.

import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { join, dirname, basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import os from 'node:os';
import * as duck from './duckdb_run.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const NOW = '2026-03-31T12:00:00Z'; // gen_data.c's NOW_EPOCH
const MODEL = join(here, 'model.yaml');
const PSQL = (process.env.PG_BIN || '/usr/lib/postgresql/15/bin') + '/psql';

const TABLES = {
  customers: 'cu',
  customer_scores: 'sc',
  suppression_list: 'sl',
  purchases: 'pu',
  page_views: 'pv',
  email_opens: 'eo',
};
const BEHAVIOR_TABLES = ['purchases', 'page_views', 'email_opens'];

function parseArgs(argv) {
  const o = { runs: 3, engines: 'postgres duckdb', rules: '' };
  const usage = (why) => {
    process.stderr.write(`bench.mjs: ${why} (run it through run.sh; usage at the top of bench.mjs)\n`);
    process.exit(2);
  };
  for (let i = 0; i < argv.length; i += 2) {
    const k = argv[i].replace(/^--/, '');
    if (!['scale', 'seed', 'runs', 'engines', 'data', 'version', 'duckdb', 'casc', 'rules'].includes(k)) {
      usage(`unknown option '${argv[i]}'`);
    }
    if (argv[i + 1] === undefined) usage(`${argv[i]} needs a value`);
    o[k] = argv[i + 1];
  }
  // without these, paths such as "queries-sundefined-seedundefined" appear
  for (const k of ['scale', 'seed', 'data', 'version', 'casc']) if (o[k] === undefined) usage(`--${k} is missing`);
  o.runs = Number(o.runs);
  if (!Number.isInteger(o.runs) || o.runs < 1) usage(`bad --runs '${o.runs}'`);
  o.engines = o.engines.split(/\s+/).filter(Boolean);
  if (o.engines.includes('duckdb') && o.duckdb === undefined) usage('--duckdb is missing');
  return o;
}

const log = (msg) => process.stderr.write(`${new Date().toTimeString().slice(0, 8)} bench: ${msg}\n`);
let failed = false;
const fail = (msg) => {
  failed = true;
  process.stderr.write(`\n*** MISMATCH: ${msg}\n\n`);
};

// ---- the queries ----------------------------------------------------------

function stripSemicolon(sql) {
  return sql.trim().replace(/;\s*$/, '');
}

// casc's Databricks SQL as DuckDB runs it: DuckDB stands in for the
// columnar warehouses (Snowflake, Databricks), so it runs what casc writes
// for one of them, changed by the smallest textual rewrites, each for a
// function that DuckDB names otherwise or lacks. They are applied to every
// rule, and each result records which applied. array_contains, date_trunc,
// contains and LIKE run unchanged, meaning the same; array_contains is
// false where Databricks' is NULL (no match in an array holding a NULL):
// the same profiles, as casc puts NOT COALESCE(..., FALSE) around negations.
const DUCKDB_REWRITES = [
  {
    // DuckDB has no timestampadd. casc writes timestampadd(UNIT, n, X) with
    // n an integer and X any time expression, nested ones included; only the
    // head is rewritten, so X and the closing parenthesis stay as they are.
    // Both clamp to the month's last day (March 31 - 1 month: February 28).
    name: 'timestampadd(UNIT, n, x) -> (INTERVAL (n) UNIT + x)',
    re: /\btimestampadd\(([A-Z]+), (-?[0-9]+), /g,
    to: '(INTERVAL ($2) $1 + ',
  },
  {
    // DuckDB's name for it; both are NULL for NULL.
    name: 'startswith(s, p) -> starts_with(s, p)',
    re: /\bstartswith\(/g,
    to: 'starts_with(',
  },
  {
    // DuckDB has no size; len() counts a list's elements and is NULL for
    // NULL, where size may be -1: casc's COALESCE(size(a), 0) <= 0 means
    // "NULL or empty" either way.
    name: 'size(a) -> len(a)',
    re: /\bsize\(/g,
    to: 'len(',
  },
];

function toDuckdb(sql) {
  // Databricks reads a backslash in a string literal as an escape, DuckDB
  // as itself: no rule has one, and a rewrite is due before one does.
  if (sql.includes('\\')) throw new Error(`a backslash, which DuckDB reads otherwise, in:\n${sql}`);
  const applied = [];
  for (const r of DUCKDB_REWRITES) {
    const next = sql.replace(r.re, r.to);
    if (next !== sql) applied.push(r.name);
    sql = next;
  }
  if (/\btimestampadd\(/.test(sql)) throw new Error(`a timestampadd that DuckDB lacks is left in:\n${sql}`);
  return [sql, applied];
}

// The baselines are PostgreSQL SQL; DuckDB runs them with this rewrite.
const NAME = '(?:[A-Za-z_][A-Za-z0-9_]*|"(?:[^"]|"")*")'; // a plain or quoted name
const COLUMN = `(${NAME}(?:\\.${NAME})*)`; // alias.column, captured
const STRING = "('(?:[^']|'')*')"; // a string literal, captured
const ARRAY_HAS = {
  // DuckDB plans `'v' = ANY(a)` as a correlated subquery over UNNEST(a);
  // list_contains is its array_contains, which casc writes for Databricks
  // (ARRAY_CONTAINS for Snowflake), and an audience tool would use too.
  // A NULL element makes = ANY NULL where list_contains is false: the same
  // profiles, as the baselines do not negate it.
  re: new RegExp(`${STRING} = ANY\\(${COLUMN}\\)`, 'g'),
  to: 'list_contains($2, $1)',
};

function wrap(sql) {
  return `SELECT COUNT(*) AS profiles, SUM(q.customer_id) AS key_sum FROM (\n${sql}\n) AS q`;
}

function loadRules(o) {
  const dir = join(here, 'rules');
  const names = readdirSync(dir)
    .filter((f) => f.endsWith('.casc') && f.includes(o.rules || ''))
    .sort();
  if (!names.length) throw new Error(`no rules match '${o.rules}'`);
  return names.map((f) => {
    const name = basename(f, '.casc');
    const rule = readFileSync(join(dir, f), 'utf8');
    const compile = (dialect) =>
      execFileSync(
        o.casc,
        ['compile', '--model', MODEL, '--dialect', dialect, '--now', NOW, '-f', join(dir, f)],
        { encoding: 'utf8' },
      ).trim();
    const casc = compile('postgres');
    const cascDatabricks = compile('databricks');
    const baseline = stripSemicolon(readFileSync(join(dir, `${name}.baseline.sql`), 'utf8'));
    const [cascDuck, rewrites] = toDuckdb(cascDatabricks);
    const baselineDuck = baseline.replace(ARRAY_HAS.re, ARRAY_HAS.to);
    return {
      name,
      rule: rule.replace(/^--.*\n/gm, '').trim(),
      casc,
      cascDatabricks,
      cascDuck,
      rewrites,
      baseline,
      baselineDuck,
    };
  });
}

// ---- PostgreSQL -----------------------------------------------------------

function psql(args, input) {
  const r = spawnSync(PSQL, ['-X', '-q', '-A', '-t', '-v', 'ON_ERROR_STOP=1', ...args], {
    input,
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  if (r.status !== 0) throw new Error(`psql failed: ${r.stderr}`);
  return r.stdout;
}

// scans of each table in an EXPLAIN (ANALYZE, FORMAT JSON) plan: nodes that
// read a relation, and how often they ran (a parallel node counts once)
function pgScans(plan) {
  const scans = {};
  const loops = {};
  const walk = (n) => {
    const t = n['Relation Name'];
    if (t) {
      scans[t] = (scans[t] || 0) + 1;
      const l = n['Parallel Aware'] ? Math.min(1, n['Actual Loops']) : n['Actual Loops'];
      loops[t] = (loops[t] || 0) + l;
    }
    for (const c of n.Plans || []) walk(c);
  };
  walk(plan[0].Plan);
  return { scans, loops };
}

function runPostgres(o, rules, workDir) {
  const res = [];
  for (const r of rules) {
    log(`postgres: ${r.name}`);
    const files = {
      cascPlan: join(workDir, `${r.name}.casc.postgres.plan.json`),
      basePlan: join(workDir, `${r.name}.baseline.postgres.plan.json`),
      out: join(workDir, `${r.name}.postgres.out`),
    };
    writeFileSync(join(workDir, `${r.name}.casc.postgres.sql`), `${r.casc};\n`);
    const qc = wrap(r.casc);
    const qb = wrap(r.baseline);
    let script = "SET statement_timeout = '60min';\n";
    script += `\\o ${files.cascPlan}\nEXPLAIN (ANALYZE, TIMING OFF, FORMAT JSON) ${qc};\n`;
    script += `\\o ${files.basePlan}\nEXPLAIN (ANALYZE, TIMING OFF, FORMAT JSON) ${qb};\n`;
    script += `\\o ${files.out}\n\\timing on\n`;
    for (let i = 0; i < o.runs; i++) script += `${qc};\n${qb};\n`;
    const stdout = psql([], script);
    const times = [...stdout.matchAll(/^Time: ([0-9.]+) ms/gm)].map((m) => Number(m[1]));
    if (times.length !== 2 * o.runs) throw new Error(`psql printed ${times.length} timings:\n${stdout}`);
    const outs = readFileSync(files.out, 'utf8').trim().split('\n');
    const cascRuns = times.filter((_, i) => i % 2 === 0);
    const baseRuns = times.filter((_, i) => i % 2 === 1);
    const cascOut = outs.filter((_, i) => i % 2 === 0);
    const baseOut = outs.filter((_, i) => i % 2 === 1);
    const cp = pgScans(JSON.parse(readFileSync(files.cascPlan, 'utf8')));
    const bp = pgScans(JSON.parse(readFileSync(files.basePlan, 'utf8')));
    res.push(
      result(r, 'postgres', cascRuns, baseRuns, cascOut[0].split('|'), baseOut[0].split('|'), cp, bp),
    );
  }
  return res;
}

function result(r, engine, cascRuns, baseRuns, cascOut, baseOut, cp, bp) {
  const casc = duck.median(cascRuns);
  const base = duck.median(baseRuns);
  const [cn, cs] = cascOut.map((x) => (x === '' || x === null ? '0' : String(x)));
  const [bn, bs] = baseOut.map((x) => (x === '' || x === null ? '0' : String(x)));
  const agree = cn === bn && cs === bs;
  if (!agree) fail(`${engine} ${r.name}: casc selects ${cn} profiles (key sum ${cs}), the baseline ${bn} (key sum ${bs})`);
  return {
    rule: r.name,
    casc_ms: round(casc),
    baseline_ms: round(base),
    speedup: round(base / casc, 3),
    p_casc_slower: round(pSlower(cascRuns, baseRuns), 4),
    casc_runs_ms: cascRuns.map((x) => round(x)),
    baseline_runs_ms: baseRuns.map((x) => round(x)),
    profiles: Number(cn),
    key_sum: cs,
    agree,
    scans: { casc: cp.scans, baseline: bp.scans },
    [engine === 'postgres' ? 'scan_loops' : 'rows_scanned']:
      engine === 'postgres' ? { casc: cp.loops, baseline: bp.loops } : { casc: cp.rows, baseline: bp.rows },
    ...(engine === 'duckdb' ? { rewrites: r.rewrites } : {}),
  };
}

// ---- DuckDB ---------------------------------------------------------------

async function runDuckdb(o, rules, workDir) {
  const db = await duck.open(o.duckdb);
  const res = [];
  try {
    for (const r of rules) {
      log(`duckdb: ${r.name}`);
      writeFileSync(join(workDir, `${r.name}.casc.databricks.sql`), `${r.cascDatabricks};\n`);
      writeFileSync(join(workDir, `${r.name}.casc.duckdb.sql`), `${r.cascDuck};\n`);
      writeFileSync(join(workDir, `${r.name}.baseline.duckdb.sql`), `${r.baselineDuck};\n`);
      const qc = wrap(r.cascDuck);
      const qb = wrap(r.baselineDuck);
      const cp = await duck.explainAnalyze(db, qc);
      const bp = await duck.explainAnalyze(db, qb);
      writeFileSync(join(workDir, `${r.name}.casc.duckdb.plan.json`), JSON.stringify(cp.plan, null, 1));
      writeFileSync(join(workDir, `${r.name}.baseline.duckdb.plan.json`), JSON.stringify(bp.plan, null, 1));
      const cascRuns = [];
      const baseRuns = [];
      let cascOut;
      let baseOut;
      for (let i = 0; i < o.runs; i++) {
        const [tc, rc] = await duck.time(db, qc);
        const [tb, rb] = await duck.time(db, qb);
        cascRuns.push(tc);
        baseRuns.push(tb);
        cascOut = rc[0];
        baseOut = rb[0];
      }
      res.push(result(r, 'duckdb', cascRuns, baseRuns, cascOut, baseOut, cp, bp));
    }
    return { version: await duck.version(db), rules: res };
  } finally {
    duck.close(db);
  }
}

// ---- the data sets agree ----------------------------------------------------

async function fingerprints(o) {
  const sql = stripSemicolon(readFileSync(join(here, 'fingerprint.sql'), 'utf8'));
  const fp = {};
  if (o.engines.includes('postgres')) fp.postgres = psql(['-c', sql]).trim().split('\n');
  if (o.engines.includes('duckdb')) {
    const db = await duck.open(o.duckdb);
    try {
      fp.duckdb = (await duck.rows(db, sql)).map((row) => row.map(String).join('|'));
    } finally {
      duck.close(db);
    }
  }
  if (fp.postgres && fp.duckdb && fp.postgres.join('\n') !== fp.duckdb.join('\n')) {
    fail(`the engines hold different data:\npostgres:\n${fp.postgres.join('\n')}\nduckdb:\n${fp.duckdb.join('\n')}`);
  }
  return fp;
}

// ---- the report -------------------------------------------------------------

function round(x, d = 1) {
  const f = 10 ** d;
  return Math.round(x * f) / f;
}

function scanText(s) {
  return (
    Object.keys(TABLES)
      .filter((t) => s[t])
      .map((t) => `${TABLES[t]}${s[t]}`)
      .join(' ') || '-'
  );
}

// One-sided exact Mann-Whitney U test: the probability, were casc's and the
// baseline's run times drawn from one distribution, of casc's runs ranking
// at least this far above the baseline's. A median a little above the
// other's is often just this machine's noise (two medians of one query move
// by a tenth between runs); a small p says the difference is in the SQL.
// Equal times count half; the exact distribution assumes there are none,
// which is rare in timings to the microsecond.
function pSlower(cascRuns, baseRuns) {
  const m = cascRuns.length;
  const n = baseRuns.length;
  let u = 0; // pairs in which casc's run took longer
  for (const c of cascRuns) for (const b of baseRuns) u += c > b ? 1 : c === b ? 0.5 : 0;
  // ways[i][j][k]: orderings of i casc runs and j baseline runs with U = k
  const ways = [];
  for (let i = 0; i <= m; i++) {
    ways.push([]);
    for (let j = 0; j <= n; j++) {
      const w = new Array(i * j + 1).fill(0);
      if (i === 0 || j === 0) w[0] = 1;
      else {
        // the longest run is casc's (beats all j) or the baseline's
        ways[i - 1][j].forEach((x, k) => (w[k + j] += x));
        ways[i][j - 1].forEach((x, k) => (w[k] += x));
      }
      ways[i].push(w);
    }
  }
  const all = ways[m][n];
  const total = all.reduce((a, x) => a + x, 0);
  return all.reduce((a, x, k) => (k >= u ? a + x : a), 0) / total;
}

const NOISE_P = 0.05;

function summarize(rows) {
  const casc = rows.reduce((a, r) => a + r.casc_ms, 0);
  const base = rows.reduce((a, r) => a + r.baseline_ms, 0);
  const geo = Math.exp(rows.reduce((a, r) => a + Math.log(r.baseline_ms / r.casc_ms), 0) / rows.length);
  const slower = rows.filter((r) => r.baseline_ms < r.casc_ms).map((r) => r.rule);
  const reallySlower = rows.filter((r) => r.p_casc_slower < NOISE_P).map((r) => r.rule);
  // p is never below 1 / C(2R, R): with R = 3 runs each that is 0.05
  const runs = rows[0].casc_runs_ms.length;
  const decidable = pSlower(new Array(runs).fill(1), new Array(runs).fill(0)) < NOISE_P;
  const multi = [];
  for (const r of rows) {
    for (const t of BEHAVIOR_TABLES) if ((r.scans.casc[t] || 0) > 1) multi.push(`${r.rule}: ${t} ${r.scans.casc[t]}`);
  }
  return {
    casc_ms: round(casc),
    baseline_ms: round(base),
    speedup: round(base / casc, 3),
    geomean_speedup: round(geo, 3),
    targets: {
      total_at_least_2x: base / casc >= 2,
      no_rule_slower: slower.length === 0,
      slower_rules: slower,
      no_rule_slower_beyond_noise: decidable ? reallySlower.length === 0 : null,
      slower_beyond_noise_rules: reallySlower,
      behavior_tables_scanned_once: multi.length === 0,
      behavior_tables_scanned_more: multi,
    },
  };
}

function table(engine, e) {
  const L = [];
  L.push(`### ${engine === 'postgres' ? 'PostgreSQL' : 'DuckDB'} (${e.version})`);
  L.push('');
  L.push(
    `Load average (1, 5, 15 min) before: ${e.load_average.before.join(', ')}; after: ${e.load_average.after.join(', ')}.`,
  );
  L.push('');
  L.push('| rule | casc ms | baseline ms | speed-up | p slower | scans casc | scans baseline | profiles |');
  L.push('| --- | ---: | ---: | ---: | ---: | --- | --- | ---: |');
  for (const r of e.rules) {
    L.push(
      `| ${r.rule} | ${r.casc_ms.toFixed(1)} | ${r.baseline_ms.toFixed(1)} | ${r.speedup.toFixed(2)}× | ` +
        `${r.p_casc_slower.toFixed(3)} | ` +
        `${scanText(r.scans.casc)} | ${scanText(r.scans.baseline)} | ${r.profiles}${r.agree ? '' : ' MISMATCH'} |`,
    );
  }
  const s = e.summary;
  L.push(
    `| **total** | **${s.casc_ms.toFixed(1)}** | **${s.baseline_ms.toFixed(1)}** | **${s.speedup.toFixed(2)}×** | | | | |`,
  );
  L.push(`| geometric mean | | | ${s.geomean_speedup.toFixed(2)}× | | | | |`);
  L.push('');
  const t = s.targets;
  L.push(`- total ≥ 2× faster: ${t.total_at_least_2x ? 'yes' : 'NO'} (${s.speedup.toFixed(2)}×)`);
  L.push(`- no rule slower (by the medians): ${t.no_rule_slower ? 'yes' : `NO: ${t.slower_rules.join(', ')}`}`);
  const pOf = (name) => e.rules.find((r) => r.rule === name).p_casc_slower;
  L.push(
    `- no rule slower beyond this machine's noise (one-sided Mann-Whitney U over the runs, p < ${NOISE_P}): ${
      t.no_rule_slower_beyond_noise === null
        ? 'cannot tell from 3 runs or fewer'
        : t.no_rule_slower_beyond_noise
          ? 'yes'
          : `NO: ${t.slower_beyond_noise_rules.map((n) => `${n} (p = ${pOf(n)})`).join(', ')}`
    }`,
  );
  L.push(
    `- each behavior table scanned at most once by casc's SQL: ${
      t.behavior_tables_scanned_once ? 'yes' : `NO: ${t.behavior_tables_scanned_more.join('; ')}`
    }`,
  );
  if (engine === 'postgres') {
    // a scan node that ran more than once: a correlated subplan, run once
    // per profile that reaches it, or the inner side of a nested loop
    const many = [];
    for (const r of e.rules) {
      for (const [who, loops] of Object.entries(r.scan_loops)) {
        for (const [t, n] of Object.entries(loops)) {
          if (n > (r.scans[who][t] || 0)) many.push(`${r.rule} ${who} ${TABLES[t]} ${n.toLocaleString('en-US')}`);
        }
      }
    }
    if (many.length) L.push(`- scan nodes run more than once (a correlated subplan or the inner side of a nested loop; executions in all): ${many.join('; ')}`);
  }
  const rw = e.rules.filter((r) => r.rewrites && r.rewrites.length);
  if (engine === 'duckdb') {
    L.push(
      `- rewrites of casc's Databricks SQL for DuckDB: ${
        rw.length ? rw.map((r) => `${r.rule}: ${r.rewrites.join(', ')}`).join('; ') : 'none were needed'
      }`,
    );
  }
  L.push('');
  return L.join('\n');
}

function machine() {
  let cpu = os.cpus()[0]?.model || '?';
  try {
    const l = execFileSync('lscpu', { encoding: 'utf8' });
    cpu = (l.match(/^Model name:\s*(.*)$/m) || [])[1] || cpu;
  } catch {}
  return {
    cpu,
    cores: os.cpus().length,
    memory_gib: round(os.totalmem() / 2 ** 30, 1),
    os: `${os.type()} ${os.release()}`,
    node: process.version,
  };
}

// casc's version and the commit it was built from (with "+changes" when
// the compiler's sources differ from it)
function casc(o) {
  const v = execFileSync(o.casc, ['--version'], { encoding: 'utf8' }).trim();
  let commit = '?';
  try {
    const root = join(here, '..', '..');
    commit = execFileSync('git', ['-C', root, 'rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['-C', root, 'status', '--porcelain', '--', 'compiler', 'grammar', 'include'], {
      encoding: 'utf8',
    }).trim();
    if (dirty) commit += '+changes';
  } catch {}
  return { version: v, commit };
}

async function main() {
  const o = parseArgs(process.argv.slice(2));
  const t0 = Date.now();
  const workDir = join(here, 'work', `queries-s${o.scale}-seed${o.seed}`);
  mkdirSync(workDir, { recursive: true });

  if (o.engines.includes('duckdb')) {
    const t = Date.now();
    if (await duck.load(o.duckdb, o.data, o.version, log)) log(`DuckDB loaded in ${round((Date.now() - t) / 1000)}s`);
  }
  const fp = await fingerprints(o);
  const rules = loadRules(o);
  for (const r of rules) writeFileSync(join(workDir, `${r.name}.baseline.sql`), `${r.baseline};\n`);

  const out = {
    scale: Number(o.scale),
    seed: Number(o.seed),
    now: NOW,
    runs: o.runs,
    date: new Date().toISOString(),
    machine: machine(),
    data: Object.fromEntries(
      (fp.postgres || fp.duckdb).map((l) => {
        const f = l.split('|');
        return [f[0], Number(f[1])];
      }),
    ),
    casc: casc(o),
    rules: Object.fromEntries(
      rules.map((r) => [
        r.name,
        { rule: r.rule, casc_sql: r.casc, casc_databricks_sql: r.cascDatabricks, duckdb_rewrites: r.rewrites },
      ]),
    ),
    engines: {},
  };
  const load = () => os.loadavg().map((x) => round(x, 2));
  if (o.engines.includes('postgres')) {
    const loadBefore = load();
    const rows = runPostgres(o, rules, workDir);
    const version = psql(['-c', 'SELECT version()']).trim();
    const settings = {};
    for (const l of psql([
      '-c',
      "SELECT name || '=' || current_setting(name) FROM pg_settings WHERE name IN " +
        "('shared_buffers','work_mem','effective_cache_size','max_parallel_workers_per_gather'," +
        "'random_page_cost','jit','TimeZone') ORDER BY 1",
    ])
      .trim()
      .split('\n')) {
      const [k, v] = l.split('=');
      settings[k] = v;
    }
    out.engines.postgres = {
      version,
      settings,
      load_average: { before: loadBefore, after: load() },
      rules: rows,
      summary: summarize(rows),
    };
  }
  if (o.engines.includes('duckdb')) {
    const loadBefore = load();
    const d = await runDuckdb(o, rules, workDir);
    out.engines.duckdb = {
      version: d.version,
      settings: { ...duck.SETTINGS, TimeZone: 'UTC' },
      load_average: { before: loadBefore, after: load() },
      rules: d.rules,
      summary: summarize(d.rules),
    };
  }
  if (out.engines.postgres && out.engines.duckdb) {
    for (let i = 0; i < rules.length; i++) {
      const p = out.engines.postgres.rules[i];
      const d = out.engines.duckdb.rules[i];
      if (p.profiles !== d.profiles || p.key_sum !== d.key_sum) {
        fail(`${p.rule}: PostgreSQL selects ${p.profiles} profiles (key sum ${p.key_sum}), DuckDB ${d.profiles} (${d.key_sum})`);
      }
    }
  }
  out.seconds = round((Date.now() - t0) / 1000);

  const md = [];
  md.push(`## SQL benchmark results: scale ${o.scale} (seed ${o.seed}), now ${NOW}`);
  md.push('');
  md.push(
    `${Object.entries(out.data)
      .map(([t, n]) => `${t} ${n.toLocaleString('en-US')}`)
      .join(', ')}. Median of ${o.runs} runs after a warm-up, ` +
      `in milliseconds; speed-up = baseline / casc; p slower: how likely casc's runs would rank this far ` +
      `above the baseline's by chance (one-sided Mann-Whitney U; small: casc really is slower). ` +
      `Scans: plan nodes reading each table ` +
      `(${Object.entries(TABLES)
        .map(([t, a]) => `${a} ${t}`)
        .join(', ')}). ${out.machine.cpu}, ${out.machine.cores} cores, ${out.machine.memory_gib} GiB.`,
  );
  md.push('');
  for (const [engine, e] of Object.entries(out.engines)) md.push(table(engine, e));
  const text = md.join('\n');
  // a run of some rules or one engine does not replace the full results
  const resDir = join(here, 'results');
  const partial = o.rules || o.engines.length < 2 ? '-partial' : '';
  const base = `scale-${o.scale}${o.seed === '1' ? '' : `-seed${o.seed}`}${partial}`;
  mkdirSync(resDir, { recursive: true });
  writeFileSync(join(resDir, `${base}.md`), `${text}\n`);
  writeFileSync(join(resDir, `${base}.json`), `${JSON.stringify(out, null, 2)}\n`);
  process.stdout.write(`\n${text}\nwritten: bench/sql/results/${base}.{md,json}; queries and plans in ${workDir}\n`);
  if (failed) {
    process.stderr.write('bench: FAILED: casc and the baseline (or the two engines) disagree; see MISMATCH above\n');
    process.exit(1);
  }
}

main().catch((e) => {
  process.stderr.write(`bench: ${e.stack || e.message}\n`);
  process.exit(1);
});
