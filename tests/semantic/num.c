/* num.c - exact decimals (see num.h). */
#include "num.h"

#include <stdio.h>

bool sem_num_parse(const char *s, size_t n, sem_num *out)
{
    size_t i = 0;
    bool neg = false;
    if (i < n && (s[i] == '-' || s[i] == '+'))
        neg = s[i++] == '-';
    uint64_t digits = 0; /* the significant digits, as an integer */
    int exp10 = 0, ndigits = 0;
    bool seen = false, dot = false, overflow = false;
    for (; i < n; i++) {
        if (s[i] == '.' && !dot) {
            dot = true;
            continue;
        }
        if (s[i] < '0' || s[i] > '9')
            break;
        seen = true;
        if (digits == 0 && s[i] == '0') { /* leading zeros carry nothing */
            exp10 -= dot;
            continue;
        }
        if (ndigits < 19) {
            digits = digits * 10 + (uint64_t)(s[i] - '0');
            ndigits++;
            exp10 -= dot;
        } else {
            overflow |= s[i] != '0'; /* a digit past 19 must be a zero */
            exp10 += !dot;
        }
    }
    if (!seen)
        return false;
    if (i < n && (s[i] == 'e' || s[i] == 'E')) {
        int sign = 1, e = 0;
        i++;
        if (i < n && (s[i] == '-' || s[i] == '+'))
            sign = s[i++] == '-' ? -1 : 1;
        if (i == n)
            return false;
        for (; i < n && s[i] >= '0' && s[i] <= '9'; i++)
            if (e < 10000)
                e = e * 10 + (s[i] - '0');
        exp10 += sign * e;
    }
    if (i != n || overflow)
        return false;
    /* value = digits * 10^exp10; in units: digits * 10^(exp10 + 9). */
    int shift = exp10 + 9;
    for (; shift < 0; shift++) {
        if (digits % 10)
            return false; /* finer than 10^-9 */
        digits /= 10;
    }
    for (; shift > 0 && digits; shift--)
        if (__builtin_mul_overflow(digits, 10, &digits))
            return false;
    if (digits > (uint64_t)INT64_MAX)
        return false;
    *out = neg ? -(sem_num)digits : (sem_num)digits;
    return true;
}

const char *sem_num_format(sem_num v, char buf[32])
{
    uint64_t m = v < 0 ? -(uint64_t)v : (uint64_t)v;
    int n = snprintf(buf, 32, "%s%llu", v < 0 ? "-" : "", (unsigned long long)(m / SEM_NUM_ONE));
    uint64_t frac = m % SEM_NUM_ONE;
    if (frac) {
        n += snprintf(buf + n, (size_t)(32 - n), ".%09llu", (unsigned long long)frac);
        while (buf[n - 1] == '0')
            buf[--n] = '\0';
    }
    return buf;
}

int sem_num_cmp_ratio(sem_num sum, int64_t n, sem_num v)
{
    /* sum = q*n + r with |r| < n, r of sum's sign: sum/n - v = (q - v) + r/n. */
    int64_t q = sum / n, r = sum % n;
    if (q != v)
        return q > v ? 1 : -1;
    return (r > 0) - (r < 0);
}
