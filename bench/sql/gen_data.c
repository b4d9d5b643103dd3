/* gen_data.c - the data set of the SQL benchmarks (bench/sql/run.sh).
 *
 *   gen_data [--scale S] [--seed N] [--out DIR] [TABLE ...]
 *
 * Writes one CSV file per table of bench/sql/model.yaml into DIR (default
 * "."), or only the TABLEs named (customers, customer_scores,
 * suppression_list, purchases, page_views, email_opens). With --out -, the
 * one TABLE named goes to standard output. The files have no header; NULL
 * is an empty field, an array is PostgreSQL's text form ("{a,b}").
 *
 * Scale 1 is 1,000,000 profiles and 20,000,000 events: 12M page views, 5M
 * purchases, 3M email opens. The output depends only on the scale and the
 * seed: each table draws from its own stream (splitmix64 seeded from the
 * seed and the table), so one table can be written without the others.
 *
 * Skew: every profile has an activity rank (a fixed permutation of the
 * keys; rank 0 is the most active). An event picks the rank
 * floor(f * N * u^a), u uniform, so the events of a behavior go to the top
 * fraction f of the ranks, and the exponent a makes a few profiles very
 * active (thousands of page views) and most of them occasional. A share of
 * each behavior's events follows the ranks shifted by a constant of the
 * behavior, so heavy buyers tend to be, but are not all, heavy browsers. At
 * scale 1, 78% of the profiles have a purchase, 94% a page view and 54% an
 * email open. Every profile has a signup date (a function of its key) and
 * no event before it, so some profiles are new. Events span the two years
 * before NOW, written in time order (as an append-only event log is),
 * twice as dense at the end as at the start.
 */
#include <errno.h>
#include <inttypes.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* The benchmark's "now" (run.sh passes the same to casc --now): 2026-03-31
 * 12:00:00 UTC, as seconds since 1970. */
#define NOW_EPOCH 1774958400LL
#define DAY 86400LL
#define EVENT_SPAN (730 * DAY)

/* ---- random numbers ---------------------------------------------------- */

typedef struct {
    uint64_t s;
} rng;

static uint64_t rng_next(rng *r) {
    uint64_t z = (r->s += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

/* uniform in [0, 1) */
static double rng_unit(rng *r) { return (double)(rng_next(r) >> 11) * 0x1.0p-53; }

/* uniform in (0, 1) */
static double rng_open(rng *r) { return ((double)(rng_next(r) >> 11) + 0.5) * 0x1.0p-53; }

static uint64_t rng_below(rng *r, uint64_t n) { return (uint64_t)(rng_unit(r) * (double)n); }

static double rng_normal(rng *r) {
    return sqrt(-2.0 * log(rng_open(r))) * cos(6.283185307179586 * rng_unit(r));
}

static rng rng_for(uint64_t seed, uint64_t table) {
    rng r = {seed * 0x100000001b3ULL ^ (table + 1) * 0xd6e8feb86659fd93ULL};
    for (int i = 0; i < 4; i++) rng_next(&r);
    return r;
}

/* index into weights[] drawn in proportion to them */
static int pick(rng *r, const int *weights, int n) {
    int total = 0;
    for (int i = 0; i < n; i++) total += weights[i];
    int x = (int)rng_below(r, (uint64_t)total);
    for (int i = 0; i < n; i++) {
        if (x < weights[i]) return i;
        x -= weights[i];
    }
    return n - 1;
}

/* ---- output ------------------------------------------------------------ */

typedef struct {
    FILE *f;
    const char *name;
    char buf[1 << 16];
    size_t len;
} out;

static void out_flush(out *o) {
    if (o->len && fwrite(o->buf, 1, o->len, o->f) != o->len) {
        fprintf(stderr, "gen_data: cannot write %s: %s\n", o->name, strerror(errno));
        exit(1);
    }
    o->len = 0;
}

static void out_mem(out *o, const char *s, size_t n) {
    if (o->len + n > sizeof o->buf) out_flush(o);
    memcpy(o->buf + o->len, s, n);
    o->len += n;
}

static void out_str(out *o, const char *s) { out_mem(o, s, strlen(s)); }

static void out_chr(out *o, char c) {
    if (o->len == sizeof o->buf) out_flush(o);
    o->buf[o->len++] = c;
}

static void out_int(out *o, int64_t v) {
    char tmp[24];
    int n = 0;
    uint64_t u = v < 0 ? (uint64_t)(-(v + 1)) + 1 : (uint64_t)v;
    if (v < 0) out_chr(o, '-');
    do {
        tmp[n++] = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    while (n) out_chr(o, tmp[--n]);
}

static void out_2(out *o, int v) {
    out_chr(o, (char)('0' + v / 10));
    out_chr(o, (char)('0' + v % 10));
}

/* hundredths as a decimal: 1234 -> 12.34 */
static void out_cents(out *o, int64_t cents) {
    out_int(o, cents / 100);
    out_chr(o, '.');
    out_2(o, (int)(cents % 100));
}

/* days since 1970-01-01 -> civil date (Howard Hinnant's algorithm) */
static void civil(int64_t z, int *y, int *m, int *d) {
    z += 719468;
    int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    int64_t doe = z - era * 146097;
    int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int64_t mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)(yoe + era * 400 + (*m <= 2));
}

static void out_date(out *o, int64_t days) {
    int y, m, d;
    civil(days, &y, &m, &d);
    out_int(o, y);
    out_chr(o, '-');
    out_2(o, m);
    out_chr(o, '-');
    out_2(o, d);
}

static void out_ts(out *o, int64_t epoch) {
    int64_t days = epoch / DAY, s = epoch % DAY;
    out_date(o, days);
    out_chr(o, ' ');
    out_2(o, (int)(s / 3600));
    out_chr(o, ':');
    out_2(o, (int)(s / 60 % 60));
    out_chr(o, ':');
    out_2(o, (int)(s % 60));
}

/* ---- the data set ------------------------------------------------------ */

static int64_t n_profiles;
static uint64_t seed = 1;
static double scale = 1.0;

/* The key of the profile of activity rank r: a bijection of 0..N-1 onto
 * 1..N, so the active profiles are scattered over the keys. */
static int64_t perm_mul;

static int64_t gcd(int64_t a, int64_t b) {
    while (b) {
        int64_t t = a % b;
        a = b;
        b = t;
    }
    return a;
}

static void perm_init(void) {
    perm_mul = 2654435761LL % n_profiles;
    if (perm_mul == 0) perm_mul = 1;
    while (gcd(perm_mul, n_profiles) != 1) perm_mul++;
}

static int64_t key_of_rank(int64_t r) {
    /* r, perm_mul < N <= 1e8 (scale <= 100): the product fits in 64 bits */
    return (int64_t)(((uint64_t)r * (uint64_t)perm_mul + 7919u) % (uint64_t)n_profiles) + 1;
}

/* the rank of key k (inverse of key_of_rank), as a fraction of N in [0, 1) */
static int64_t inv_mul;

static void inv_init(void) {
    /* extended Euclid: perm_mul * inv_mul = 1 (mod N) */
    int64_t t = 0, nt = 1, r = n_profiles, nr = perm_mul;
    while (nr) {
        int64_t q = r / nr, tmp = t - q * nt;
        t = nt;
        nt = tmp;
        tmp = r - q * nr;
        r = nr;
        nr = tmp;
    }
    inv_mul = t < 0 ? t + n_profiles : t;
}

static double rank_frac(int64_t key) {
    int64_t x = (key - 1 - 7919 % n_profiles + n_profiles) % n_profiles;
    int64_t r = (int64_t)(((uint64_t)x * (uint64_t)inv_mul) % (uint64_t)n_profiles);
    return (double)r / (double)n_profiles;
}

/* the day (since 1970) profile k signed up: the six years before now,
 * more of them recent; a function of the key so that events can follow it */
static int64_t signup_day(int64_t k) {
    rng r = {seed * 0x9e3779b97f4a7c15ULL ^ (uint64_t)k * 0xc2b2ae3d27d4eb4fULL};
    double u = rng_unit(&r);
    return NOW_EPOCH / DAY - 1 - (int64_t)((1 - sqrt(u)) * 6 * 365.25);
}

static const char *const tiers[] = {"Platinum", "Gold", "Silver", "Bronze"};
static const char *const countries[] = {"US", "GB", "DE", "FR", "CA", "JP", "BR", "AU", "ES", "IT"};
static const int country_w[] = {40, 12, 10, 8, 7, 5, 5, 4, 4, 5};
static const char *const domains[] = {"gmail.com", "yahoo.com", "outlook.com", "icloud.com",
                                      "example.com", "mail.example.org"};
static const int domain_w[] = {45, 15, 15, 10, 10, 5};
static const char *const interest_tags[] = {"golf",    "tennis", "running", "yoga",
                                            "cooking", "travel", "gaming",  "fashion",
                                            "music",   "books",  "outdoors", "tech"};

static void gen_customers(out *o) {
    rng r = rng_for(seed, 1);
    for (int64_t k = 1; k <= n_profiles; k++) {
        double rf = rank_frac(k);
        out_int(o, k);
        out_chr(o, ',');
        /* email */
        out_chr(o, 'c');
        out_int(o, k);
        out_chr(o, '@');
        out_str(o, domains[pick(&r, domain_w, 6)]);
        out_chr(o, ',');
        /* loyalty_tier: the active profiles hold the higher tiers */
        if (rng_unit(&r) >= 0.03) {
            double p = rf * 0.6 + rng_unit(&r) * 0.4;
            out_str(o, tiers[p < 0.05 ? 0 : p < 0.2 ? 1 : p < 0.5 ? 2 : 3]);
        }
        out_chr(o, ',');
        /* country_code */
        out_str(o, countries[pick(&r, country_w, 10)]);
        out_chr(o, ',');
        /* age */
        if (rng_unit(&r) >= 0.04) {
            double a = 38 + 13 * rng_normal(&r);
            out_int(o, a < 18 ? 18 : a > 90 ? 90 : (int64_t)a);
        }
        out_chr(o, ',');
        /* email_opt_in */
        double u = rng_unit(&r);
        out_str(o, u < 0.68 ? "true" : u < 0.95 ? "false" : "");
        out_chr(o, ',');
        /* signup_date */
        int64_t signup = signup_day(k);
        out_date(o, signup);
        out_chr(o, ',');
        /* last_login_at: none for a fifth of the profiles, else recent for
         * the active ones, and not before the signup */
        if (rf < 0.8) {
            double back = (0.1 + rf) * rng_unit(&r) * rng_unit(&r) * EVENT_SPAN;
            int64_t at = NOW_EPOCH - 1 - (int64_t)back;
            if (at < signup * DAY)
                at = signup * DAY + (int64_t)(rng_unit(&r) * (double)(NOW_EPOCH - signup * DAY));
            out_ts(o, at);
        }
        out_chr(o, ',');
        /* interests: null, empty or up to four tags */
        u = rng_unit(&r);
        if (u >= 0.05) {
            out_str(o, "\"{");
            if (u >= 0.30) {
                int n = 1 + (int)rng_below(&r, 4);
                unsigned used = 0;
                for (int i = 0; i < n; i++) {
                    int t = (int)rng_below(&r, 12);
                    if (used & (1u << t)) continue;
                    if (used) out_chr(o, ',');
                    used |= 1u << t;
                    out_str(o, interest_tags[t]);
                }
            }
            out_str(o, "}\"");
        }
        out_chr(o, '\n');
    }
}

static void gen_customer_scores(out *o) {
    rng r = rng_for(seed, 2);
    for (int64_t k = 1; k <= n_profiles; k++) {
        double rf = rank_frac(k);
        if (rng_unit(&r) < 0.04) continue; /* not scored yet */
        double ltv = exp(6.0 - 2.0 * rf + 1.3 * rng_normal(&r));
        double churn = rf * 0.7 + rng_unit(&r) * 0.3;
        out_int(o, k);
        out_chr(o, ',');
        out_cents(o, (int64_t)(ltv * 100));
        out_chr(o, ',');
        out_str(o, "0.");
        int64_t c = (int64_t)(churn * 10000);
        out_chr(o, (char)('0' + c / 1000));
        out_chr(o, (char)('0' + c / 100 % 10));
        out_2(o, (int)(c % 100));
        out_chr(o, '\n');
    }
}

static void gen_suppression_list(out *o) {
    rng r = rng_for(seed, 3);
    for (int64_t k = 1; k <= n_profiles; k++) {
        if (rng_unit(&r) < 0.02) {
            out_int(o, k);
            out_chr(o, '\n');
        }
    }
}

/* The profile of an event at time t: reach is the fraction of the profiles
 * that can have any, skew the exponent. Most events follow the shared
 * ranks; a share (own) follows the behavior's own, the ranks shifted by
 * shift, so that not every heavy browser is a heavy buyer. A profile has no
 * event before it signed up. */
static int64_t event_key(rng *r, int64_t t, double reach, double skew, double own, double shift) {
    int64_t n = (int64_t)(reach * (double)n_profiles);
    if (n < 1) n = 1;
    int64_t key = 0;
    for (int tries = 0; tries < 50; tries++) {
        int64_t rank = (int64_t)((double)n * pow(rng_unit(r), skew));
        if (rank >= n) rank = n - 1;
        if (rng_unit(r) < own) rank = (rank + (int64_t)(shift * (double)n_profiles)) % n_profiles;
        key = key_of_rank(rank);
        if (signup_day(key) * DAY <= t) break;
    }
    return key;
}

/* the time of event i of n: increasing with i, density rising linearly to
 * twice the start's over the two years */
static int64_t event_time(rng *r, int64_t i, int64_t n) {
    double y = ((double)i + rng_unit(r)) / (double)n;
    double x = -1.0 + sqrt(1.0 + 3.0 * y); /* inverse of (x + x^2/2) / 1.5 */
    return NOW_EPOCH - EVENT_SPAN + (int64_t)(x * (double)EVENT_SPAN);
}

static const char *const categories[] = {"Apparel", "Electronics", "Home",   "Beauty", "Grocery",
                                          "Shoes",   "Toys",        "Sports", "Books",  "Garden"};
static const int category_w[] = {20, 12, 12, 10, 15, 8, 6, 7, 6, 4};
static const char *const channels[] = {"web", "app", "store"};
static const int channel_w[] = {45, 30, 25};

static void gen_purchases(out *o) {
    rng r = rng_for(seed, 4);
    int64_t n = (int64_t)(5e6 * scale);
    for (int64_t i = 0; i < n; i++) {
        int64_t t = event_time(&r, i, n);
        out_int(o, event_key(&r, t, 0.5, 1.6, 0.4, 0.37));
        out_chr(o, ',');
        out_ts(o, t);
        out_chr(o, ',');
        double amount = exp(3.6 + 0.9 * rng_normal(&r));
        out_cents(o, 99 + (int64_t)(amount * 100));
        out_chr(o, ',');
        out_str(o, categories[pick(&r, category_w, 10)]);
        out_chr(o, ',');
        out_str(o, channels[pick(&r, channel_w, 3)]);
        out_chr(o, '\n');
    }
}

static const char *const pages[] = {"/", "/search", "/cart", "/checkout", "/account", "/product/",
                                    "/category/"};
static const int page_w[] = {15, 10, 5, 2, 3, 55, 10};
static const char *const devices[] = {"mobile", "desktop", "tablet"};
static const int device_w[] = {55, 38, 7};

static void gen_page_views(out *o) {
    rng r = rng_for(seed, 5);
    int64_t n = (int64_t)(12e6 * scale);
    for (int64_t i = 0; i < n; i++) {
        int64_t t = event_time(&r, i, n);
        out_int(o, event_key(&r, t, 0.75, 2.0, 0.4, 0.71));
        out_chr(o, ',');
        out_ts(o, t);
        out_chr(o, ',');
        int p = pick(&r, page_w, 7);
        out_str(o, pages[p]);
        if (p == 5) out_int(o, 1000 + (int64_t)(5000 * pow(rng_unit(&r), 3)));
        if (p == 6) {
            const char *c = categories[pick(&r, category_w, 10)];
            for (; *c; c++) out_chr(o, (char)(*c | 0x20));
        }
        out_chr(o, ',');
        out_str(o, devices[pick(&r, device_w, 3)]);
        out_chr(o, '\n');
    }
}

static const char *const campaign_kinds[] = {"newsletter", "promo", "winback", "cart_reminder"};
static const int campaign_w[] = {50, 30, 10, 10};

static void gen_email_opens(out *o) {
    rng r = rng_for(seed, 6);
    int64_t n = (int64_t)(3e6 * scale);
    for (int64_t i = 0; i < n; i++) {
        int64_t t = event_time(&r, i, n);
        out_int(o, event_key(&r, t, 0.45, 1.5, 0.3, 0.19));
        out_chr(o, ',');
        out_ts(o, t);
        out_chr(o, ',');
        /* the campaign of the month the email was sent (most opens come
         * within days of the send) */
        int y, m, d;
        civil((t - (int64_t)(rng_unit(&r) * rng_unit(&r) * 20 * DAY)) / DAY, &y, &m, &d);
        out_str(o, campaign_kinds[pick(&r, campaign_w, 4)]);
        out_chr(o, '_');
        out_int(o, y);
        out_chr(o, '_');
        out_2(o, m);
        out_chr(o, '\n');
    }
}

static const struct {
    const char *name;
    void (*gen)(out *);
} tables[] = {
    {"customers", gen_customers},   {"customer_scores", gen_customer_scores},
    {"suppression_list", gen_suppression_list}, {"purchases", gen_purchases},
    {"page_views", gen_page_views}, {"email_opens", gen_email_opens},
};
#define N_TABLES (sizeof tables / sizeof tables[0])

static void usage(void) {
    fprintf(stderr, "usage: gen_data [--scale S] [--seed N] [--out DIR|-] [TABLE ...]\n"
                    "tables: customers customer_scores suppression_list purchases page_views "
                    "email_opens\n");
    exit(2);
}

int main(int argc, char **argv) {
    const char *dir = ".";
    int want[N_TABLES] = {0}, any = 0;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--scale") && i + 1 < argc) {
            char *end;
            scale = strtod(argv[++i], &end);
            if (*end || !(scale > 0) || scale > 100) usage();
        } else if (!strcmp(argv[i], "--seed") && i + 1 < argc) {
            char *end;
            seed = strtoull(argv[++i], &end, 10);
            if (*end) usage();
        } else if (!strcmp(argv[i], "--out") && i + 1 < argc) {
            dir = argv[++i];
        } else {
            size_t t = 0;
            while (t < N_TABLES && strcmp(argv[i], tables[t].name)) t++;
            if (t == N_TABLES) usage();
            want[t] = 1;
            any++;
        }
    }
    if (!strcmp(dir, "-") && any != 1) usage();
    n_profiles = (int64_t)llround(1e6 * scale);
    if (n_profiles < 100) n_profiles = 100;
    perm_init();
    inv_init();

    for (size_t t = 0; t < N_TABLES; t++) {
        if (any && !want[t]) continue;
        static out o;
        char path[4096];
        o.len = 0;
        if (!strcmp(dir, "-")) {
            o.f = stdout;
            o.name = "standard output";
        } else {
            snprintf(path, sizeof path, "%s/%s.csv", dir, tables[t].name);
            o.f = fopen(path, "w");
            o.name = path;
            if (!o.f) {
                fprintf(stderr, "gen_data: cannot create %s: %s\n", path, strerror(errno));
                return 1;
            }
        }
        tables[t].gen(&o);
        out_flush(&o);
        if (o.f != stdout ? fclose(o.f) != 0 : fflush(o.f) != 0) {
            fprintf(stderr, "gen_data: cannot write %s: %s\n", o.name, strerror(errno));
            return 1;
        }
    }
    return 0;
}
