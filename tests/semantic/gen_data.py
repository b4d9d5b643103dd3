#!/usr/bin/env python3
"""Write the fixture data of the semantic harness: one file per table of
tests/semantic/model.yaml, as SCHEMA.TABLE.tsv in PostgreSQL's COPY text
format with a header line of column names. The same files are loaded into
PostgreSQL and read by the reference evaluator.

    gen_data.py [--seed N] [--clock tests/semantic/clock.txt] OUTDIR

The output depends only on the seed. Besides ordinary values the data has
what rules trip over: nulls in every column, empty strings, quotes,
backslashes, % and _, tabs and newlines, non-ASCII text, arrays with null
elements, events exactly on (and a microsecond, second or day beside) the
edges of every window the rule generator asks for at every pinned `now`
and zone, month ends, leap days, wall-clock times that a DST change skips
or repeats, events in the future, and events whose key is null or no
profile's."""

import argparse
import datetime as dt
import os
import random
from zoneinfo import ZoneInfo

UTC = dt.timezone.utc
EPOCH = dt.datetime(1970, 1, 1, tzinfo=UTC)
US = dt.timedelta(microseconds=1)

CALENDAR = ("minute", "hour", "day", "week", "month", "quarter", "year")

TRICKY = ["", " ", "O'Neil", "it''s", "back\\slash", "\\", "ends\\", "50%", "100%_Cotton",
          "a_b", "%", "_", "Café", "café", "CAFÉ", "Ünïcödé", "日本語", "😀 party", "tab\there",
          "new\nline", 'say "hi"', "Kids' Toys", "  padded  ", "x" * 300]


def month_add(d, n):
    """Calendar month step: Mar 31 - 1 month is the last day of February."""
    m = d.month - 1 + n
    y, m = d.year + m // 12, m % 12 + 1
    last = [31, 29 if y % 4 == 0 and (y % 100 or y % 400 == 0) else 28, 31, 30, 31, 30, 31,
            31, 30, 31, 30, 31][m - 1]
    return d.replace(year=y, month=m, day=min(d.day, last))


def to_utc(local, zone):
    """Wall clock -> instant, as PostgreSQL reads it: a skipped time with the
    offset before the change, a repeated time as its second occurrence."""
    a = local.replace(tzinfo=zone, fold=0).astimezone(UTC)
    b = local.replace(tzinfo=zone, fold=1).astimezone(UTC)
    return max(a, b)


def parse_now(text, zone):
    if text.endswith("Z"):
        return dt.datetime.fromisoformat(text[:-1]).replace(tzinfo=UTC)
    return to_utc(dt.datetime.fromisoformat(text), zone)


def step(now, zone, unit, n):
    if unit == "minute":
        return now + dt.timedelta(minutes=n)
    if unit == "hour":
        return now + dt.timedelta(hours=n)
    local = now.astimezone(zone).replace(tzinfo=None)
    if unit in ("day", "week"):
        local += dt.timedelta(days=n * (7 if unit == "week" else 1))
    else:
        local = month_add(local, n * {"month": 1, "quarter": 3, "year": 12}[unit])
    return to_utc(local, zone)


def calendar_start(now, zone, unit, k):
    local = now.astimezone(zone).replace(tzinfo=None)
    if unit in ("minute", "hour"):  # the clock's, counted in elapsed time
        size = dt.timedelta(minutes=1 if unit == "minute" else 60)
        into = local - local.replace(minute=local.minute if unit == "minute" else 0, second=0,
                                     microsecond=0)
        return now - into + k * size
    day = local.replace(hour=0, minute=0, second=0, microsecond=0)
    if unit == "day":
        start = day + dt.timedelta(days=k)
    elif unit == "week":
        start = day - dt.timedelta(days=day.weekday()) + dt.timedelta(days=7 * k)
    else:
        months = {"month": 1, "quarter": 3, "year": 12}[unit]
        first = day.replace(day=1, month=(day.month - 1) // months * months + 1)
        start = month_add(first, months * k)
    return to_utc(start, zone)


def edges(clock, steps=True):
    """The window bounds the generated rules can meet, as UTC instants: each
    now with its calendar starts, and (with steps) now plus or minus every
    step."""
    out = set()
    for text in clock["now"]:
        for zname in clock["zone"]:
            zone = ZoneInfo(zname)
            now = parse_now(text, zone)
            out.add(now)
            for unit, counts in clock["step"].items() if steps else ():
                for n in counts:
                    out.add(step(now, zone, unit, -n))
                    out.add(step(now, zone, unit, n))
            for unit in CALENDAR:
                for k in (-1, 0, 1, 2):
                    out.add(calendar_start(now, zone, unit, k))
    return sorted(out)


def dst_wall_times():
    """Wall-clock times that a DST change skips or repeats, in the zones of
    the zoned behaviors."""
    out = []
    for zname, days in (("America/New_York", ("2026-03-08", "2026-11-01", "2024-03-10")),
                        ("Europe/Berlin", ("2026-03-29", "2026-10-25"))):
        hour = 2 if zname == "Europe/Berlin" else 1
        for d in days:
            base = dt.datetime.fromisoformat(d)
            for minute in (0, 15, 30, 59):
                for h in (hour, hour + 1):
                    out.append((zname, base.replace(hour=h, minute=minute)))
    return out


class Gen:
    def __init__(self, seed, clock):
        self.r = random.Random(seed)
        self.clock = clock
        self.edges = edges(clock)
        self.anchors = edges(clock, steps=False)
        self.nows = [parse_now(t, ZoneInfo("UTC")) for t in clock["now"]]
        self.keys = []

    # ---- values ----

    def maybe(self, value, null=0.06):
        return None if self.r.random() < null else value

    def pick(self, pool, tricky=0.08):
        return self.r.choice(TRICKY) if self.r.random() < tricky else self.r.choice(pool)

    def instant(self):
        """A time near a pinned now, on an edge, or anywhere in 1969-2030."""
        r = self.r.random()
        if r < 0.35:
            e = self.r.choice(self.edges)
            return e + self.r.choice((-1, 0, 0, 1)) * US
        if r < 0.85:
            now = self.r.choice(self.nows)
            span = self.r.choice((3600, 86400 * 3, 86400 * 40, 86400 * 400))
            t = now + dt.timedelta(seconds=self.r.uniform(-span, span / 3))
            return t.replace(microsecond=self.r.choice((0, 0, t.microsecond)))
        if r < 0.9:
            return EPOCH + dt.timedelta(seconds=self.r.choice((-1, 0, 1, 86399, 86400)))
        return dt.datetime(self.r.randint(2020, 2030), self.r.randint(1, 12), 1, tzinfo=UTC) + \
            dt.timedelta(days=self.r.randint(0, 30), seconds=self.r.randint(0, 86399))

    def wall(self, zname):
        """A wall-clock time in zname: mostly from an instant, sometimes one
        that its DST changes skip or repeat."""
        if self.r.random() < 0.08:
            cands = [w for z, w in dst_wall_times() if z == zname]
            return self.r.choice(cands)
        return self.instant().astimezone(ZoneInfo(zname)).replace(tzinfo=None)

    def date(self):
        r = self.r.random()
        if r < 0.15:
            return self.r.choice((dt.date(2024, 2, 29), dt.date(2028, 2, 29), dt.date(2026, 2, 28),
                                  dt.date(2026, 3, 31), dt.date(2025, 12, 31), dt.date(2026, 1, 1),
                                  dt.date(1970, 1, 1), dt.date(1969, 12, 31)))
        zone = ZoneInfo(self.r.choice(self.clock["zone"]))
        return (self.instant().astimezone(zone) + self.r.choice((-1, 0, 0, 1)) * dt.timedelta(
            days=1)).date()

    def number(self, lo, hi, places=2):
        r = self.r.random()
        if r < 0.1:
            return self.r.choice(("0", "-0.01", "5000", "5000.00", "4999.99", "5000.01", "19.99",
                                  "100", "0.5", "1000000"))
        v = round(self.r.uniform(lo, hi), places)
        return f"{v:.{places}f}" if self.r.random() < 0.8 else str(int(v))

    def array(self, pool):
        r = self.r.random()
        if r < 0.08:
            return None
        if r < 0.16:
            return []
        items = [self.r.choice(pool) for _ in range(self.r.randint(1, 4))]
        if self.r.random() < 0.15:
            items.insert(self.r.randrange(len(items) + 1), None)
        return items

    # ---- tables ----

    def profiles(self):
        keys = self.r.sample(range(1, 900000), 1997) + [0, -5, 2**40]
        self.r.shuffle(keys)
        self.keys = keys
        tiers = ["Bronze", "Silver", "Gold", "Platinum", "gold", "Gold ", "GOLD"]
        names = ["Ana", "Zoë", "O'Brien", "José", "李", "Émile", "Bob", "bob", "D\\Arcy", "Mary Ann"]
        cities = ["New York", "Berlin", "München", "Köln", "Mumbai", "São Paulo", "Zürich",
                  "L'Aquila", "Paris", "東京"]
        interests = ["sports", "music", "travel", "Music", "cooking", "rock'n'roll",
                     "back\\slash", "日本", "", "50%", "a_b"]
        rows = []
        for k in keys:
            rows.append({
                "customer_id": k,
                "email": self.maybe(self.r.choice((f"user{k}@example.com",
                                                   f"User{k}@Example.COM",
                                                   f"u+{k}@shop.example.org",
                                                   f"ünï{k}@example.de"))),
                "first_name": self.maybe(self.pick(names)),
                "loyalty_tier": self.maybe(self.pick(tiers), 0.1),
                "country_code": self.maybe(self.pick(["US", "DE", "IN", "JP", "FR", "us", "GB"])),
                "city": self.maybe(self.pick(cities)),
                "signup_date": self.maybe(self.date()),
                "birth_date": self.maybe(self.r.choice((dt.date(1992, 2, 29), dt.date(2000, 2, 29),
                                                        dt.date(1970, 1, 1))) if self.r.random() < 0.05
                                         else dt.date(self.r.randint(1940, 2010), 1, 1) +
                                         dt.timedelta(days=self.r.randint(0, 364))),
                "email_opt_in": self.maybe(self.r.random() < 0.6, 0.1),
                "interests": self.array(interests),
                "age": self.maybe(self.r.choice((0, -1, 18, 21, 65, 100)) if self.r.random() < 0.1
                                  else self.r.randint(16, 90)),
                "last_login_at": self.maybe(self.instant()),
                "lucky_numbers": self.array([7, 13, "3.14", -1, 0, "2.50", 1000000, "0.001"]),
                "balance": self.maybe(self.number(-100, 3000)),
                "renewal_date": self.maybe(self.date()),
                "age range": self.maybe(self.pick(["18-24", "25-34", "35-44", "45+", "unknown"])),
                "group": self.maybe(self.pick(["A", "B", "control", "a"])),
            })
        return rows

    def attribute_rows(self, columns):
        rows = []
        for k in self.keys + [123456789, None]:
            if self.r.random() < 0.15:
                continue
            row = {"customer_id": k}
            row.update({c: f() for c, f in columns.items()})
            rows.append(row)
        return rows

    def events(self, make, time, walls=()):
        """Events of every profile (and of no profile) with values from make
        and a time from time(), plus one at each wall-clock time in walls."""
        rows = []
        for k in self.keys + [987654321, None]:
            n = self.r.choice((0, 0, 0, 1, 1, 2, 3, 4, 7))
            for _ in range(n):
                rows.append(dict(make(), customer_id=k, _t=self.maybe(time(), 0.02)))
        # Edge events go to chosen profiles, so that windows cut between them;
        # every behavior has an event on each now and calendar start.
        for e in self.r.sample(self.edges, len(self.edges) // 6):
            for delta in (-1, 0, 1):
                rows.append(dict(make(), customer_id=self.r.choice(self.keys), _t=(e, delta)))
        for e in self.anchors:
            rows.append(dict(make(), customer_id=self.r.choice(self.keys), _t=(e, 0)))
        for w in walls:
            rows.append(dict(make(), customer_id=self.r.choice(self.keys), _t=w))
        return rows

    def table_segment(self, share):
        keys = [k for k in self.keys if self.r.random() < share]
        return [{"customer_id": k} for k in keys + keys[:5] + [None, 55555555]]


# ---- COPY text format ----

def copy_escape(s):
    return (s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")
            .replace("\r", "\\r"))


def array_text(items):
    def elem(v):
        if v is None:
            return "NULL"
        return '"' + str(v).replace("\\", "\\\\").replace('"', '\\"') + '"'
    return "{" + ",".join(elem(v) for v in items) + "}"


def field(v):
    if v is None:
        return "\\N"
    if isinstance(v, bool):
        return "t" if v else "f"
    if isinstance(v, dt.datetime):
        return v.strftime("%Y-%m-%d %H:%M:%S") + (f".{v.microsecond:06d}" if v.microsecond else "")
    if isinstance(v, dt.date):
        return v.isoformat()
    if isinstance(v, list):
        return copy_escape(array_text(v))
    return copy_escape(str(v))


def write(outdir, name, columns, rows):
    with open(os.path.join(outdir, name + ".tsv"), "w", encoding="utf-8", newline="\n") as f:
        f.write("\t".join(columns) + "\n")
        for row in rows:
            f.write("\t".join(field(row.get(c)) for c in columns) + "\n")


def time_as(storage, zones, choose):
    """Turn an event's `_t` (an instant, a wall-clock time, or an edge and a
    step beside it) into the column's representation: epoch seconds or
    milliseconds, a date (in one of zones), or a wall-clock time in zones[0]
    (UTC when zones is empty)."""
    def conv(t):
        if t is None:
            return None
        if isinstance(t, tuple):
            e, delta = t
            unit = {"s": dt.timedelta(seconds=1), "ms": dt.timedelta(milliseconds=1),
                    "date": dt.timedelta(days=1)}.get(storage, US)
            t = e + delta * unit
        if t.tzinfo is None:
            return t
        if storage == "s":
            return (t - EPOCH) // dt.timedelta(seconds=1)
        if storage == "ms":
            return (t - EPOCH) // dt.timedelta(milliseconds=1)
        if storage == "date":
            return t.astimezone(ZoneInfo(choose(zones))).date()
        return t.astimezone(ZoneInfo(zones[0])).replace(tzinfo=None) if zones else t.replace(
            tzinfo=None)
    return conv


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, default=20260330)
    ap.add_argument("--clock", default=os.path.join(os.path.dirname(__file__), "clock.txt"))
    ap.add_argument("outdir")
    args = ap.parse_args()
    clock = {"now": [], "zone": [], "step": {}}
    with open(args.clock, encoding="utf-8") as f:
        for line in f:
            if line.strip() and not line.startswith("#"):
                kind, *values = line.split()
                if kind == "step":
                    clock["step"][values[0]] = [int(v) for v in values[1:]]
                else:
                    clock[kind].append(values[0])
    os.makedirs(args.outdir, exist_ok=True)
    g = Gen(args.seed, clock)
    r = g.r

    master = ["customer_id", "email", "first_name", "loyalty_tier", "country_code", "city",
              "signup_date", "birth_date", "email_opt_in", "interests", "age", "last_login_at",
              "lucky_numbers", "balance", "renewal_date", "age range", "group"]
    write(args.outdir, "public.customers", master, g.profiles())
    write(args.outdir, "public.customer_metrics", ["customer_id", "ltv", "churn_probability"],
          g.attribute_rows({"ltv": lambda: g.maybe(g.number(0, 20000)),
                            "churn_probability": lambda: g.maybe(g.number(0, 1, 4))}))
    cats = ["Electronics", "electronics", "Shoes", "Kids' Toys", "Home\\Garden", "100%_Cotton",
            "Books", "Café", "日本"]
    write(args.outdir, "ml.category_affinity", ["customer_id", "top_categories"],
          g.attribute_rows({"top_categories": lambda: g.array(cats)}))

    def behavior(name, time_column, storage, zones, columns, make):
        conv = time_as(storage, zones, r.choice)
        wall = len(zones) == 1 and zones[0] != "UTC"
        rows = g.events(make, (lambda: g.wall(zones[0])) if wall else g.instant,
                        [w for z, w in dst_wall_times() if wall and z == zones[0]])
        for row in rows:
            row[time_column] = conv(row.pop("_t"))
        write(args.outdir, name, ["customer_id", time_column] + columns, rows)

    stores = ["NYC-01", "nyc-01", "BER_02", "MUM%03", "", "Store \\7"]
    behavior("public.purchases", "purchased_at", "ts", ["America/New_York"],
             ["amount", "category", "sku", "quantity", "store_code", "is_return", "coupon",
              "delivered_on"],
             lambda: {"amount": g.maybe(g.number(-50, 500)), "category": g.maybe(g.pick(cats)),
                      "sku": g.maybe(f"SKU-{r.randint(1, 40):04d}"),
                      "quantity": g.maybe(r.choice((0, 1, 1, 2, 3, -1, 10))),
                      "store_code": g.maybe(g.pick(stores)), "is_return": g.maybe(r.random() < 0.1),
                      "coupon": g.maybe(g.pick(["SPRING10", "spring10", "VIP_20%", "none"]), 0.5),
                      "delivered_on": g.maybe(g.date(), 0.3)})
    urls = ["https://shop.example.com/", "https://shop.example.com/p/1?x=1&y=%20",
            "https://shop.example.com/cart", "/search?q=it's", "https://ex.com/a_b%c", "/日本"]
    behavior("web.page_views", "time", "s", [], ["url", "referrer", "device"],
             lambda: {"url": g.maybe(g.pick(urls)),
                      "referrer": g.maybe(g.pick(["google", "Google", "newsletter", ""])),
                      "device": g.maybe(g.pick(["mobile", "desktop", "tablet", "Mobile"]))})
    campaigns = ["Spring Sale", "spring sale", "Spring_2026", "Spring%", "Summer", "Winter \\ Gift",
                 "Rückkehr", "VIP 'Gold'"]
    subjects = ["Hello", "50% off", "It's back", "Новинки", "🎉 party", "a_b_c"]
    behavior("crm.email_opens", "opened_at", "ts", [], ["campaign", "subject", "sent_at"],
             lambda: {"campaign": g.maybe(g.pick(campaigns)), "subject": g.maybe(g.pick(subjects)),
                      "sent_at": g.maybe(g.instant().replace(tzinfo=None), 0.2)})
    behavior("crm.email_clicks", "clicked_at", "ts", [], ["campaign", "subject", "url"],
             lambda: {"campaign": g.maybe(g.pick(campaigns)), "subject": g.maybe(g.pick(subjects)),
                      "url": g.maybe(g.pick(urls))})
    behavior("mobile.app_sessions", "started_ms", "ms", [], ["platform", "duration_seconds"],
             lambda: {"platform": g.maybe(g.pick(["ios", "android", "iOS", "web"])),
                      "duration_seconds": g.maybe(r.choice((0, 1, 30, 59, 60, 61, 600, 3600)))})
    behavior("public.store_visits", "visit_date", "date", clock["zone"], ["store_code"],
             lambda: {"store_code": g.maybe(g.pick(stores))})
    behavior("support.tickets", "opened_local", "ts", ["Europe/Berlin"],
             ["user", "resolved_at", "score"],
             lambda: {"user": g.maybe(g.pick(["high", "low", "urgent", "High"])),
                      "resolved_at": g.maybe(g.wall("Europe/Berlin"), 0.3),
                      "score": g.maybe(g.number(-5, 5, 1))})
    write(args.outdir, "public.suppression_list", ["customer_id"], g.table_segment(0.05))
    write(args.outdir, "support.beta_testers", ["customer_id"], g.table_segment(0.1))


if __name__ == "__main__":
    main()
