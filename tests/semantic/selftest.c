/* selftest.c - facts the evaluator's arithmetic must get right, taken from
 * the spec, docs/ and PostgreSQL's manual; checked before any rule, so a
 * wrong evaluator cannot agree with a wrong compiler unnoticed here. */
#include "selftest.h"

#include <stdio.h>
#include <string.h>

#include "eval.h"
#include "num.h"
#include "tz.h"

typedef struct tally {
    int passed, failed;
} tally;

static void check(tally *t, bool ok, const char *what)
{
    if (ok) {
        t->passed++;
    } else {
        t->failed++;
        printf("FAIL selftest: %s\n", what);
    }
}

/* y-m-d h:m as nanoseconds (an instant, or a wall clock read as UTC). */
static sem_time at(int y, int m, int d, int h, int mi)
{
    return sem_days_from_civil(y, m, d) * SEM_NS_PER_DAY +
           ((int64_t)h * 60 + mi) * 60 * SEM_NS_PER_SEC;
}

static bool like(const char *s, const char *p)
{
    return sem_like(s, strlen(s), p, strlen(p));
}

static bool num_is(const char *text, sem_num want)
{
    sem_num v;
    return sem_num_parse(text, strlen(text), &v) && v == want;
}

void sem_selftest(int *passed, int *failed)
{
    tally t = {0};
    /* PostgreSQL's manual, B.2: a skipped time with the offset before the
     * change, a repeated one as standard time. */
    check(&t, tz_select("America/New_York"), "zone America/New_York");
    check(&t, tz_from_wall(at(2018, 3, 11, 2, 30)) == at(2018, 3, 11, 7, 30), "skipped 02:30");
    check(&t, tz_from_wall(at(2018, 11, 4, 1, 30)) == at(2018, 11, 4, 6, 30), "repeated 01:30");
    check(&t, tz_to_wall(at(2018, 11, 4, 5, 30)) == at(2018, 11, 4, 1, 30), "01:30 EDT");
    check(&t, tz_day_start(sem_days_from_civil(2026, 3, 8)) == at(2026, 3, 8, 5, 0), "midnight");
    check(&t,
          tz_select("Asia/Kolkata") && tz_to_wall(at(2026, 1, 1, 0, 0)) == at(2026, 1, 1, 5, 30),
          "Kolkata is +05:30");
    /* Spec §5: calendar steps; weeks start on Monday. */
    check(&t, cal_step(at(2024, 3, 31, 10, 0), -1, CASC_UNIT_MONTH) == at(2024, 2, 29, 10, 0),
          "2024-03-31 - 1 month");
    check(&t, cal_step(at(2026, 3, 31, 0, 0), -1, CASC_UNIT_MONTH) == at(2026, 2, 28, 0, 0),
          "2026-03-31 - 1 month");
    check(&t, cal_step(at(2028, 2, 29, 0, 0), -1, CASC_UNIT_YEAR) == at(2027, 2, 28, 0, 0),
          "2028-02-29 - 1 year");
    check(&t, cal_step(at(2026, 1, 31, 0, 0), 1, CASC_UNIT_QUARTER) == at(2026, 4, 30, 0, 0),
          "2026-01-31 + 1 quarter");
    check(&t, cal_start(at(2026, 3, 29, 23, 0), CASC_UNIT_WEEK) == at(2026, 3, 23, 0, 0),
          "the week of Sunday 2026-03-29");
    check(&t, cal_start(at(2026, 5, 15, 1, 0), CASC_UNIT_QUARTER) == at(2026, 4, 1, 0, 0),
          "the quarter of 2026-05-15");
    /* Numbers are exact; avg compares as sum/count. */
    check(&t,
          num_is("1e6", 1000000 * SEM_NUM_ONE) && num_is("-2.5E-3", -2500000) &&
              num_is("19.990", 19990000000) && !num_is("0.0000000001", 0),
          "number literals");
    check(&t,
          sem_num_cmp_ratio(10, 4, 2) > 0 && sem_num_cmp_ratio(-7, 2, -3) < 0 &&
              sem_num_cmp_ratio(-7 * SEM_NUM_ONE, 2, -3500000000) == 0,
          "sum/count against a number");
    /* docs/dialects/: \%, \_, \\ are the characters; another \ is one. */
    check(&t, like("a_b", "a\\_%") && !like("ab", "a\\_%"), "like 'a\\_%'");
    check(&t, like("C:\\Users\\x", "C:\\Users%") && like("x\\", "%\\"), "like with lone \\");
    check(&t,
          like("é", "_") && !like("é", "__") && like("100%", "100\\%") && !like("1000", "100\\%"),
          "like on characters");
    /* Many '%'s against a long value (a random rule's '_%%%%%_t' hung the
     * harness when each '%' tried every split). */
    char xs[301];
    memset(xs, 'x', 300);
    xs[300] = '\0';
    check(&t, !like(xs, "_%%%%%%%%%%%%_t") && like(xs, "_%%%%%%%%%%%%_x") && like(xs, "%x%x%"),
          "like with many %");
    *passed += t.passed;
    *failed += t.failed;
}
