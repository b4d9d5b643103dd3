// Time prqlc (the PRQL compiler, npm package `prqlc`) on PRQL queries
// comparable to the typical rules: a master table, a behavior joined as a
// grouped, filtered aggregate, a filter on both. Prints one JSON object.
//   node bench/compile/peers_prqlc.mjs ITERATIONS
import { createRequire } from "module";
const require = createRequire(import.meta.url);
const prqlc = require("prqlc");

const queries = [
  `from c = customers
   join side:left p = (from purchases | filter purchased_at >= @2026-02-28 && purchased_at <= @2026-03-30 | group customer_id (aggregate {n = count this})) (==customer_id)
   filter c.loyalty_tier == "Gold" && (p.n ?? 0) > 0
   select {c.customer_id}`,
  `from c = customers
   join side:left p = (from purchases | filter (category == "Electronics" && amount >= 100) | filter purchased_at >= @2025-12-30 | group customer_id (aggregate {n = count this})) (==customer_id)
   filter (p.n ?? 0) >= 2
   select {c.customer_id}`,
  `from c = customers
   join side:left m = (from customer_metrics | select {customer_id, ltv}) (==customer_id)
   join side:left e = (from email_opens | filter opened_at >= @2026-03-01 | group customer_id (aggregate {n = count this})) (==customer_id)
   filter m.ltv > 1000 && c.email_opt_in != false && (e.n ?? 0) > 3
   select {c.customer_id}`,
];
const iterations = Number(process.argv[2] || 200);
const opts = new prqlc.CompileOptions();
opts.target = "sql.snowflake";
for (const q of queries) prqlc.compile(q, opts); // warm-up, and they must compile
const times = [];
for (let i = 0; i < iterations; i++)
  for (const q of queries) {
    const t0 = performance.now();
    prqlc.compile(q, opts);
    times.push(performance.now() - t0);
  }
times.sort((a, b) => a - b);
console.log(JSON.stringify({
  tool: "prqlc (npm)",
  what: "compile 3 PRQL queries shaped like typical rules to Snowflake SQL",
  calls: times.length,
  median_us: times[Math.floor(times.length / 2)] * 1e3,
  p99_us: times[Math.floor(times.length * 0.99)] * 1e3,
}));
