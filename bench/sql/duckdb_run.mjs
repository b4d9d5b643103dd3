// bench/sql/duckdb_run.mjs - DuckDB for the SQL benchmarks, through its node
// package (@duckdb/node-api, installed by setup.sh). bench.mjs imports it;
// run alone it times SQL files against a database file:
//
//   node bench/sql/duckdb_run.mjs DB.duckdb [--runs N] FILE.sql ...
//
// prints one JSON object: {"duckdb": VERSION, "queries": [{"file", "ms": [...],
// "median_ms", "rows"}]}, where each file holds one statement, run once to
// warm up and then N times (default 3), each timed with performance.now().

import { DuckDBInstance } from '@duckdb/node-api';
import { readFileSync, existsSync, renameSync, rmSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

// Settings for this machine (2 cores, 24 GiB shared with other work). The
// session's time zone is UTC, as on the PostgreSQL server, although casc's
// SQL does not depend on it (every column is a timestamp without zone and
// casc names the zones it converts). It is set after opening: given to
// DuckDBInstance.create, TimeZone fails ("the icu extension needs to be
// loaded"), although ICU is linked in.
export const SETTINGS = { threads: '2', memory_limit: '8GB' };

export async function open(path) {
  const instance = await DuckDBInstance.create(path, SETTINGS);
  const con = await instance.connect();
  await con.run("SET TimeZone = 'UTC'");
  return { instance, con };
}

export function close(db) {
  db.con.closeSync();
  db.instance.closeSync();
}

// All rows, each an array of JSON values (big numbers and decimals as text).
export async function rows(db, sql) {
  const reader = await db.con.runAndReadAll(sql);
  return reader.getRowsJson();
}

export async function version(db) {
  return (await rows(db, 'SELECT version()'))[0][0];
}

// Run sql once and return [milliseconds, rows].
export async function time(db, sql) {
  const t0 = performance.now();
  const reader = await db.con.runAndReadAll(sql);
  const ms = performance.now() - t0;
  return [ms, reader.getRowsJson()];
}

// EXPLAIN ANALYZE sql (which runs it) and count, for each table, the scan
// operators that read it and the rows they read. Returns {plan, scans:
// {table: n}, rows: {table: n}}.
export async function explainAnalyze(db, sql) {
  const r = await rows(db, `EXPLAIN (ANALYZE, FORMAT JSON) ${sql}`);
  const plan = JSON.parse(r[0][1]);
  const scans = {};
  const read = {};
  const walk = (node) => {
    // "Table": "catalog.schema.table", the catalog named after the file
    const name = node.extra_info && node.extra_info.Table;
    const table = name && name.split('.').pop().replaceAll('"', '');
    if (table && /SCAN/.test(node.operator_type || node.operator_name || '')) {
      scans[table] = (scans[table] || 0) + 1;
      read[table] = (read[table] || 0) + (node.operator_rows_scanned || 0);
    }
    for (const c of node.children || []) walk(c);
  };
  walk(plan);
  return { plan, scans, rows: read };
}

const TABLES = [
  ['crm.customers', 'customers'],
  ['analytics.customer_scores', 'customer_scores'],
  ['crm.suppression_list', 'suppression_list'],
  ['events.purchases', 'purchases'],
  ['events.page_views', 'page_views'],
  ['events.email_opens', 'email_opens'],
];

// Create the database file `path` from the CSV files of gen_data in
// dataDir, unless it holds them already (the same `version` of the data).
// Returns true when it loaded.
export async function load(path, dataDir, version, log = () => {}) {
  if (existsSync(path)) {
    const db = await open(path);
    try {
      const done = await rows(db, 'SELECT version FROM main.loaded');
      if (done[0][0] === version) return false;
    } catch {
      // not loaded, or by another version
    } finally {
      close(db);
    }
  }
  const tmp = `${path}.tmp`;
  rmSync(tmp, { force: true });
  rmSync(`${tmp}.wal`, { force: true });
  const db = await open(tmp);
  try {
    await db.con.run(readFileSync(join(here, 'schema.sql'), 'utf8'));
    for (const [table, file] of TABLES) {
      const csv = join(dataDir, `${file}.csv`).replaceAll("'", "''");
      log(`DuckDB: loading ${table}`);
      if (table === 'crm.customers') {
        // gen_data writes arrays in PostgreSQL's text form, {a,b}
        await db.con.run(`INSERT INTO crm.customers
          SELECT customer_id, email, loyalty_tier, country_code, age, email_opt_in, signup_date,
                 last_login_at,
                 CASE WHEN interests IS NULL THEN NULL
                      WHEN interests = '{}' THEN CAST([] AS VARCHAR[])
                      ELSE string_split(substr(interests, 2, length(interests) - 2), ',') END
          FROM read_csv('${csv}', header = false, auto_detect = false, columns = {
            'customer_id': 'BIGINT', 'email': 'VARCHAR', 'loyalty_tier': 'VARCHAR',
            'country_code': 'VARCHAR', 'age': 'INTEGER', 'email_opt_in': 'BOOLEAN',
            'signup_date': 'DATE', 'last_login_at': 'TIMESTAMP', 'interests': 'VARCHAR'})`);
      } else {
        await db.con.run(`COPY ${table} FROM '${csv}' (FORMAT csv, HEADER false)`);
      }
    }
    await db.con.run(`CREATE TABLE main.loaded AS SELECT '${version.replaceAll("'", "''")}' AS version`);
    await db.con.run('CHECKPOINT');
  } finally {
    close(db);
  }
  rmSync(path, { force: true });
  rmSync(`${path}.wal`, { force: true });
  renameSync(tmp, path);
  return true;
}

export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

async function main(argv) {
  let runs = 3;
  const files = [];
  let dbPath;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--runs') runs = Number(argv[++i]);
    else if (!dbPath) dbPath = argv[i];
    else files.push(argv[i]);
  }
  if (!dbPath || !files.length || !(runs >= 1)) {
    console.error('usage: node duckdb_run.mjs DB.duckdb [--runs N] FILE.sql ...');
    process.exit(2);
  }
  const db = await open(dbPath);
  const out = { duckdb: await version(db), queries: [] };
  for (const file of files) {
    const sql = readFileSync(file, 'utf8').trim().replace(/;\s*$/, '');
    const [, result] = await time(db, sql);
    const ms = [];
    for (let i = 0; i < runs; i++) ms.push((await time(db, sql))[0]);
    out.queries.push({ file, ms, median_ms: median(ms), rows: result });
  }
  close(db);
  console.log(JSON.stringify(out, null, 2));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main(process.argv.slice(2)).catch((e) => {
    console.error(`duckdb_run: ${e.message}`);
    process.exit(1);
  });
}
