/* test_number.c - number expressions: kinds, spans, values, robustness. */

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "trawl.h"
#include "test.h"

enum {
  CARD = TRAWL_NUM_CARDINAL,
  RANGE = TRAWL_NUM_RANGE,
  VAGUE = TRAWL_NUM_VAGUE,
  ORD = TRAWL_NUM_ORDINAL,
  YEAR = TRAWL_NUM_YEAR,
  DATE = TRAWL_NUM_DATE,
  TIME = TRAWL_NUM_TIME,
  PCT = TRAWL_NUM_PERCENT,
  FRAC = TRAWL_NUM_FRACTION,
  MODEL = TRAWL_NUM_MODEL
};

enum {
  NONE = TRAWL_Q_NONE,
  APPROX = TRAWL_Q_APPROX,
  GT = TRAWL_Q_GT,
  GE = TRAWL_Q_GE,
  LT = TRAWL_Q_LT,
  LE = TRAWL_Q_LE
};

#define N NAN /* "no value" in the tables */

#define NBSP "\xC2\xA0"        /* no-break space */
#define NNBSP "\xE2\x80\xAF"   /* narrow no-break space */
#define ENDASH "\xE2\x80\x93"  /* en dash */
#define EURO "\xE2\x82\xAC"    /* euro sign */
#define POUND "\xC2\xA3"       /* pound sign */
#define YEN "\xC2\xA5"         /* yen sign */
#define ROUBLE "\xE2\x82\xBD"  /* rouble sign */
#define HRYVNIA "\xE2\x82\xB4" /* hryvnia sign */
#define RUPEE "\xE2\x82\xB9"   /* rupee sign */
#define HALF "\xC2\xBD"        /* vulgar fraction one half */
#define MINUS "\xE2\x88\x92"   /* minus sign */
#define MAXFOUND 64


/* ------------------------------------------------------------------ */
/* collecting the numbers of a text */

typedef struct Found {
  trawl_number n[MAXFOUND];
  int count;
  int stop_after; /* the callback stops after this many, 0: never */
} Found;

static int collect(const trawl_number *n, void *ud) {
  Found *f = ud;
  if (f->count < MAXFOUND) f->n[f->count] = *n;
  f->count++;
  return f->stop_after > 0 && f->count >= f->stop_after ? 7 : 0;
}

/* scan text[0..len); the result of trawl_number_scan in *rc */
static void scan(const char *text, size_t len, Found *f, int *rc) {
  trawl_error e;
  trawl_tokens *t = trawl_tokenize(text, len, &e);
  f->count = 0;
  f->stop_after = 0;
  *rc = -100;
  if (t == NULL) return;
  *rc = trawl_number_scan(t, collect, f);
  trawl_tokens_free(t);
}

static int same(double a, double b) {
  if (isnan(a) || isnan(b)) return isnan(a) && isnan(b);
  return fabs(a - b) <= 1e-9 * fmax(1, fmax(fabs(a), fabs(b)));
}

/* ------------------------------------------------------------------ */
/* the table of expressions */

typedef struct Case {
  int line;
  const char *text;
  int k;            /* which number of the text */
  const char *span; /* the text of its span; its first occurrence */
  const char *num;  /* the number proper: a suffix of span */
  int kind;
  double value, min, max;
  int qual;
  const char *cur;
} Case;

#define C(text, k, span, num, kind, v, lo, hi, q, cur)                        \
  { __LINE__, text, k, span, num, kind, v, lo, hi, q, cur }

static const Case cases[] = {
    /* digits and separators */
    C("They sent 50,000 troops.", 0, "50,000", "50,000", CARD, 50000, N, N,
      NONE, ""),
    C("a force of 50 000 men", 0, "50 000", "50 000", CARD, 50000, N, N, NONE,
      ""),
    C("a force of 50" NBSP "000 men", 0, "50" NBSP "000", "50" NBSP "000",
      CARD, 50000, N, N, NONE, ""),
    C("a force of 1" NNBSP "234" NNBSP "567 men", 0,
      "1" NNBSP "234" NNBSP "567", "1" NNBSP "234" NNBSP "567", CARD, 1234567,
      N, N, NONE, ""),
    C("in 2022 30 000 troops", 1, "30 000", "30 000", CARD, 30000, N, N, NONE,
      ""),
    C("in 2022 30 000 troops", 0, "2022", "2022", YEAR, 2022, N, N, NONE, ""),
    C("1.234.567 people", 0, "1.234.567", "1.234.567", CARD, 1234567, N, N,
      NONE, ""),
    C("50.000 people", 0, "50.000", "50.000", CARD, 50, N, N, NONE, ""),
    C("a rise of 1.5 points", 0, "1.5", "1.5", CARD, 1.5, N, N, NONE, ""),
    C("1,234,567.89 in all", 0, "1,234,567.89", "1,234,567.89", CARD,
      1234567.89, N, N, NONE, ""),
    C("12,34,567 rupees", 0, "12,34,567 rupees", "12,34,567 rupees", CARD,
      1234567, N, N, NONE, "INR"),
    C("a .5 rise", 0, ".5", ".5", CARD, 0.5, N, N, NONE, ""),
    C("1.3e6 cells", 0, "1.3e6", "1.3e6", CARD, 1.3e6, N, N, NONE, ""),
    C("it is 2 1/4 miles", 0, "2 1/4", "2 1/4", FRAC, 2.25, N, N, NONE, ""),
    /* scales and suffixes */
    C("It fired 1.5 million shells.", 0, "1.5 million", "1.5 million", CARD,
      1.5e6, N, N, NONE, ""),
    C("a $40bn package", 0, "$40bn", "40bn", CARD, 4e10, N, N, NONE, "USD"),
    C("300m shells", 0, "300m", "300m", CARD, 3e8, N, N, NONE, ""),
    C("40 bn in aid", 0, "40 bn", "40 bn", CARD, 4e10, N, N, NONE, ""),
    C("3.2tn roubles", 0, "3.2tn roubles", "3.2tn roubles", CARD, 3.2e12, N, N,
      NONE, "RUB"),
    C("10k rounds", 0, "10k", "10k", CARD, 1e4, N, N, NONE, ""),
    C("5 mln people", 0, "5 mln", "5 mln", CARD, 5e6, N, N, NONE, ""),
    C("2 trillion", 0, "2 trillion", "2 trillion", CARD, 2e12, N, N, NONE, ""),
    C("13 lakh people", 0, "13 lakh", "13 lakh", CARD, 1.3e6, N, N, NONE, ""),
    /* number words */
    C("Seventy-five tanks", 0, "Seventy-five", "Seventy-five", CARD, 75, N, N,
      NONE, ""),
    C("fifty two tanks", 0, "fifty two", "fifty two", CARD, 52, N, N, NONE,
      ""),
    C("zero", 0, "zero", "zero", CARD, 0, N, N, NONE, ""),
    C("nineteen jets", 0, "nineteen", "nineteen", CARD, 19, N, N, NONE, ""),
    C("one hundred and forty jets", 0, "one hundred and forty",
      "one hundred and forty", CARD, 140, N, N, NONE, ""),
    C("two thousand three hundred men", 0, "two thousand three hundred",
      "two thousand three hundred", CARD, 2300, N, N, NONE, ""),
    C("two hundred and two thousand", 0, "two hundred and two thousand",
      "two hundred and two thousand", CARD, 202000, N, N, NONE, ""),
    C("a hundred drones", 0, "a hundred", "a hundred", CARD, 100, N, N, NONE,
      ""),
    C("a thousand mines", 0, "a thousand", "a thousand", CARD, 1000, N, N,
      NONE, ""),
    C("a million shells", 0, "a million", "a million", CARD, 1e6, N, N, NONE,
      ""),
    C("a dozen helicopters", 0, "a dozen", "a dozen", CARD, 12, N, N, NONE,
      ""),
    C("two dozen drones", 0, "two dozen", "two dozen", CARD, 24, N, N, NONE,
      ""),
    C("half a million rounds", 0, "half a million", "half a million", CARD,
      5e5, N, N, NONE, ""),
    C("half a dozen", 0, "half a dozen", "half a dozen", CARD, 6, N, N, NONE,
      ""),
    C("one and a half million", 0, "one and a half million",
      "one and a half million", CARD, 1.5e6, N, N, NONE, ""),
    C("2.5 million", 0, "2.5 million", "2.5 million", CARD, 2.5e6, N, N, NONE,
      ""),
    C("3 million refugees", 0, "3 million", "3 million", CARD, 3e6, N, N, NONE,
      ""),
    C("a couple of tanks", 0, "a couple of", "a couple of", CARD, 2, N, N,
      NONE, ""),
    C("a pair of jets", 0, "a pair of", "a pair of", CARD, 2, N, N, NONE, ""),
    C("two point five million", 0, "two point five million",
      "two point five million", CARD, 2.5e6, N, N, NONE, ""),
    C("one An-12 transport plane", 0, "one", "one", CARD, 1, N, N, NONE, ""),
    C("one An-12 transport plane", 1, "An-12", "12", MODEL, 12, N, N, NONE,
      ""),
    C("at least one A-50", 0, "at least one", "one", CARD, 1, N, N, GE, ""),
    C("minus 5 degrees", 0, "minus 5", "minus 5", CARD, -5, N, N, NONE, ""),
    C("it fell to -9.5 today", 0, "-9.5", "-9.5", CARD, -9.5, N, N, NONE, ""),
    /* vague */
    C("hundreds of tanks", 0, "hundreds of", "hundreds of", VAGUE, N, 200, N,
      NONE, ""),
    C("thousands of troops", 0, "thousands of", "thousands of", VAGUE, N, 2000,
      N, NONE, ""),
    C("tens of thousands of soldiers", 0, "tens of thousands of",
      "tens of thousands of", VAGUE, N, 20000, N, NONE, ""),
    C("hundreds of thousands of shells", 0, "hundreds of thousands of",
      "hundreds of thousands of", VAGUE, N, 200000, N, NONE, ""),
    C("millions of shells", 0, "millions of", "millions of", VAGUE, N, 2e6, N,
      NONE, ""),
    C("tens of millions of rounds", 0, "tens of millions of",
      "tens of millions of", VAGUE, N, 2e7, N, NONE, ""),
    C("billions of dollars in aid", 0, "billions of dollars",
      "billions of dollars", VAGUE, N, 2e9, N, NONE, "USD"),
    C("dozens of drones", 0, "dozens of", "dozens of", VAGUE, N, 24, N, NONE,
      ""),
    C("scores of civilians", 0, "scores of", "scores of", VAGUE, N, 40, N,
      NONE, ""),
    C("several warships", 0, "several", "several", VAGUE, N, N, N, NONE, ""),
    C("a handful of jets", 0, "a handful of", "a handful of", VAGUE, N, N, N,
      NONE, ""),
    C("a few tanks", 0, "a few", "a few", VAGUE, N, N, N, NONE, ""),
    C("several hundred troops", 0, "several hundred", "several hundred", VAGUE,
      N, 200, N, NONE, ""),
    C("thousands were killed", 0, "thousands", "thousands", VAGUE, N, 2000, N,
      NONE, ""),
    /* ranges */
    C("between 3,000 and 5,000 soldiers", 0, "between 3,000 and 5,000",
      "3,000 and 5,000", RANGE, N, 3000, 5000, NONE, ""),
    C("from 10,000 to 12,000 troops", 0, "from 10,000 to 12,000",
      "10,000 to 12,000", RANGE, N, 10000, 12000, NONE, ""),
    C("10,000-12,000 men", 0, "10,000-12,000", "10,000-12,000", RANGE, N,
      10000, 12000, NONE, ""),
    C("10,000 " ENDASH " 12,000 men", 0, "10,000 " ENDASH " 12,000",
      "10,000 " ENDASH " 12,000", RANGE, N, 10000, 12000, NONE, ""),
    C("10,000 to 12,000 men", 0, "10,000 to 12,000", "10,000 to 12,000", RANGE,
      N, 10000, 12000, NONE, ""),
    C("two to three thousand", 0, "two to three thousand",
      "two to three thousand", RANGE, N, 2000, 3000, NONE, ""),
    C("5-10 million", 0, "5-10 million", "5-10 million", RANGE, N, 5e6, 1e7,
      NONE, ""),
    C("$1-2 billion", 0, "$1-2 billion", "1-2 billion", RANGE, N, 1e9, 2e9,
      NONE, "USD"),
    C("between two and three thousand", 0, "between two and three thousand",
      "two and three thousand", RANGE, N, 2000, 3000, NONE, ""),
    C("up to 10,000-12,000 men", 0, "up to 10,000-12,000", "10,000-12,000",
      RANGE, N, 10000, 12000, LE, ""),
    C("3,000 or 4,000 men", 0, "3,000", "3,000", CARD, 3000, N, N, NONE, ""),
    C("a 2-1 vote", 0, "2", "2", CARD, 2, N, N, NONE, ""),
    /* comparators */
    C("about 300", 0, "about 300", "300", CARD, 300, N, N, APPROX, ""),
    C("around 400", 0, "around 400", "400", CARD, 400, N, N, APPROX, ""),
    C("some 3,000 troops", 0, "some 3,000", "3,000", CARD, 3000, N, N, APPROX,
      ""),
    C("roughly 20", 0, "roughly 20", "20", CARD, 20, N, N, APPROX, ""),
    C("approximately 30", 0, "approximately 30", "30", CARD, 30, N, N, APPROX,
      ""),
    C("an estimated 3,000 troops", 0, "an estimated 3,000", "3,000", CARD,
      3000, N, N, APPROX, ""),
    C("estimated 40", 0, "estimated 40", "40", CARD, 40, N, N, APPROX, ""),
    C("close to 50", 0, "close to 50", "50", CARD, 50, N, N, APPROX, ""),
    C("closer to 60", 0, "closer to 60", "60", CARD, 60, N, N, APPROX, ""),
    C("nearly 70", 0, "nearly 70", "70", CARD, 70, N, N, APPROX, ""),
    C("almost 80", 0, "almost 80", "80", CARD, 80, N, N, APPROX, ""),
    C("More than 50,000 troops", 0, "More than 50,000", "50,000", CARD, 50000,
      N, N, GT, ""),
    C("over 5,000 pieces", 0, "over 5,000", "5,000", CARD, 5000, N, N, GT, ""),
    C("upwards of 3", 0, "upwards of 3", "3", CARD, 3, N, N, GT, ""),
    C("in excess of 4", 0, "in excess of 4", "4", CARD, 4, N, N, GT, ""),
    C("at least 5", 0, "at least 5", "5", CARD, 5, N, N, GE, ""),
    C("no fewer than 6", 0, "no fewer than 6", "6", CARD, 6, N, N, GE, ""),
    C("no less than 7", 0, "no less than 7", "7", CARD, 7, N, N, GE, ""),
    C("a minimum of 8", 0, "a minimum of 8", "8", CARD, 8, N, N, GE, ""),
    C("fewer than 9", 0, "fewer than 9", "9", CARD, 9, N, N, LT, ""),
    C("less than 10", 0, "less than 10", "10", CARD, 10, N, N, LT, ""),
    C("under 11", 0, "under 11", "11", CARD, 11, N, N, LT, ""),
    C("below 12", 0, "below 12", "12", CARD, 12, N, N, LT, ""),
    C("up to 13", 0, "up to 13", "13", CARD, 13, N, N, LE, ""),
    C("as many as 14", 0, "as many as 14", "14", CARD, 14, N, N, LE, ""),
    C("at most 15", 0, "at most 15", "15", CARD, 15, N, N, LE, ""),
    C("a maximum of 16", 0, "a maximum of 16", "16", CARD, 16, N, N, LE, ""),
    C("no more than 17", 0, "no more than 17", "17", CARD, 17, N, N, LE, ""),
    C("more than 2000 troops", 0, "more than 2000", "2000", CARD, 2000, N, N,
      GT, ""),
    C("50 or more soldiers", 0, "50 or more", "50 or more", CARD, 50, N, N, GE,
      ""),
    C("more than half", 0, "more than half", "half", FRAC, 0.5, N, N, GT, ""),
    C("more than 20%", 0, "more than 20%", "20%", PCT, 20, N, N, GT, ""),
    /* currencies */
    C("$1.2 billion in military aid", 0, "$1.2 billion", "1.2 billion", CARD,
      1.2e9, N, N, NONE, "USD"),
    C("US$6 million", 0, "US$6 million", "6 million", CARD, 6e6, N, N, NONE,
      "USD"),
    C(EURO "500 million for ammunition", 0, EURO "500 million", "500 million",
      CARD, 5e8, N, N, NONE, "EUR"),
    C(POUND "8bn", 0, POUND "8bn", "8bn", CARD, 8e9, N, N, NONE, "GBP"),
    C(YEN "9 billion", 0, YEN "9 billion", "9 billion", CARD, 9e9, N, N, NONE,
      "JPY"),
    C(YEN "10 billion yuan", 0, YEN "10 billion yuan", "10 billion yuan", CARD,
      1e10, N, N, NONE, "CNY"),
    C("A$11 million", 0, "A$11 million", "11 million", CARD, 1.1e7, N, N, NONE,
      "AUD"),
    C("C$12 million", 0, "C$12 million", "12 million", CARD, 1.2e7, N, N, NONE,
      "CAD"),
    C(ROUBLE "13bn", 0, ROUBLE "13bn", "13bn", CARD, 1.3e10, N, N, NONE,
      "RUB"),
    C(HRYVNIA "14 million", 0, HRYVNIA "14 million", "14 million", CARD, 1.4e7,
      N, N, NONE, "UAH"),
    C(RUPEE "15 crore", 0, RUPEE "15 crore", "15 crore", CARD, 1.5e8, N, N,
      NONE, "INR"),
    C("40 billion dollars", 0, "40 billion dollars", "40 billion dollars",
      CARD, 4e10, N, N, NONE, "USD"),
    C("40 billion US dollars", 0, "40 billion US dollars",
      "40 billion US dollars", CARD, 4e10, N, N, NONE, "USD"),
    C("5 million euros", 0, "5 million euros", "5 million euros", CARD, 5e6, N,
      N, NONE, "EUR"),
    C("6 million pounds sterling", 0, "6 million pounds sterling",
      "6 million pounds sterling", CARD, 6e6, N, N, NONE, "GBP"),
    C("7 billion yuan", 0, "7 billion yuan", "7 billion yuan", CARD, 7e9, N, N,
      NONE, "CNY"),
    C("8 billion yen", 0, "8 billion yen", "8 billion yen", CARD, 8e9, N, N,
      NONE, "JPY"),
    C("9 billion rubles", 0, "9 billion rubles", "9 billion rubles", CARD, 9e9,
      N, N, NONE, "RUB"),
    C("11 million hryvnias", 0, "11 million hryvnias", "11 million hryvnias",
      CARD, 1.1e7, N, N, NONE, "UAH"),
    C("12 crore rupees", 0, "12 crore rupees", "12 crore rupees", CARD, 1.2e8,
      N, N, NONE, "INR"),
    C("500 pounds of explosives", 0, "500", "500", CARD, 500, N, N, NONE, ""),
    C("a $2000 gift", 0, "$2000", "2000", CARD, 2000, N, N, NONE, "USD"),
    C("about $35 million", 0, "about $35 million", "35 million", CARD, 3.5e7,
      N, N, APPROX, "USD"),
    /* kinds that are not quantities */
    C("the 3rd Brigade", 0, "3rd", "3rd", ORD, 3, N, N, NONE, ""),
    C("the second missile", 0, "second", "second", ORD, 2, N, N, NONE, ""),
    C("the 155th Brigade", 0, "155th", "155th", ORD, 155, N, N, NONE, ""),
    C("the twenty-first century", 0, "twenty-first", "twenty-first", ORD, 21,
      N, N, NONE, ""),
    C("in the 1990s", 0, "1990s", "1990s", YEAR, 1990, N, N, NONE, ""),
    C("in 2022, troops", 0, "2022", "2022", YEAR, 2022, N, N, NONE, ""),
    C("from 2014 to 2022", 0, "from 2014 to 2022", "2014 to 2022", YEAR, N,
      2014, 2022, NONE, ""),
    C("the 2022-23 budget", 0, "2022-23", "2022-23", YEAR, N, 2022, 2023, NONE,
      ""),
    C("by mid-2022", 0, "mid-2022", "2022", YEAR, 2022, N, N, NONE, ""),
    C("on March 24, 2022, troops", 0, "March 24, 2022", "March 24, 2022", DATE,
      N, N, N, NONE, ""),
    C("on 24 March troops", 0, "24 March", "24 March", DATE, N, N, N, NONE,
      ""),
    C("on 1 September", 0, "1 September", "1 September", DATE, N, N, N, NONE,
      ""),
    C("on Sept. 1 they", 0, "Sept. 1", "Sept. 1", DATE, N, N, N, NONE, ""),
    C("on 24-25 March 2022", 0, "24-25 March 2022", "24-25 March 2022", DATE,
      N, N, N, NONE, ""),
    C("on 24/02/2022", 0, "24/02/2022", "24/02/2022", DATE, N, N, N, NONE, ""),
    C("on 2022-02-24", 0, "2022-02-24", "2022-02-24", DATE, N, N, N, NONE, ""),
    C("on 24.02.2022", 0, "24.02.2022", "24.02.2022", DATE, N, N, N, NONE, ""),
    C("at 10:30 they", 0, "10:30", "10:30", TIME, N, N, N, NONE, ""),
    C("at 3 p.m. they", 0, "3 p.m.", "3 p.m.", TIME, N, N, N, NONE, ""),
    C("at 3pm they", 0, "3pm", "3pm", TIME, N, N, N, NONE, ""),
    C("at 15:00 GMT", 0, "15:00 GMT", "15:00 GMT", TIME, N, N, N, NONE, ""),
    C("at 3.30pm they", 0, "3.30pm", "3.30pm", TIME, N, N, N, NONE, ""),
    C("at 15.00 GMT", 0, "15.00 GMT", "15.00 GMT", TIME, N, N, N, NONE, ""),
    C("a 3.30 rise", 0, "3.30", "3.30", CARD, 3.3, N, N, NONE, ""),
    C("20% of the budget", 0, "20%", "20%", PCT, 20, N, N, NONE, ""),
    C("20 percent", 0, "20 percent", "20 percent", PCT, 20, N, N, NONE, ""),
    C("20 per cent", 0, "20 per cent", "20 per cent", PCT, 20, N, N, NONE, ""),
    C("10-20% of", 0, "10-20%", "10-20%", PCT, N, 10, 20, NONE, ""),
    C("a third of its fleet", 0, "a third", "a third", FRAC, 1.0 / 3, N, N,
      NONE, ""),
    C("two-thirds of it", 0, "two-thirds", "two-thirds", FRAC, 2.0 / 3, N, N,
      NONE, ""),
    C("1/2 of it", 0, "1/2", "1/2", FRAC, 0.5, N, N, NONE, ""),
    C("half of them", 0, "half", "half", FRAC, 0.5, N, N, NONE, ""),
    C("three quarters", 0, "three quarters", "three quarters", FRAC, 0.75, N,
      N, NONE, ""),
    C("one over three", 0, "one over three", "one over three", FRAC, 1.0 / 3,
      N, N, NONE, ""),
    C("one in five soldiers", 0, "one in five", "one in five", FRAC, 0.2, N, N,
      NONE, ""),
    C("the result is " HALF, 0, HALF, HALF, FRAC, 0.5, N, N, NONE, ""),
    C("the Hwasong-17 flew", 0, "Hwasong-17", "17", MODEL, 17, N, N, NONE, ""),
    C("F-16 jets", 0, "F-16", "16", MODEL, 16, N, N, NONE, ""),
    C("S-400 systems", 0, "S-400", "400", MODEL, 400, N, N, NONE, ""),
    C("T-72 tanks", 0, "T-72", "72", MODEL, 72, N, N, NONE, ""),
    C("Su-35 jets", 0, "Su-35", "35", MODEL, 35, N, N, NONE, ""),
    C("Kh-101 missiles", 0, "Kh-101", "101", MODEL, 101, N, N, NONE, ""),
    C("M777 howitzers", 0, "M777", "777", MODEL, 777, N, N, NONE, ""),
    C("Shahed-136 drones", 0, "Shahed-136", "136", MODEL, 136, N, N, NONE, ""),
    C("Vostok-2022 drills", 0, "Vostok-2022", "2022", MODEL, 2022, N, N, NONE,
      ""),
    C("the G7 met", 0, "G7", "7", MODEL, 7, N, N, NONE, ""),
    C("500 155mm shells", 1, "155mm", "155mm", MODEL, 155, N, N, NONE, ""),
    C("500 155mm shells", 0, "500", "500", CARD, 500, N, N, NONE, ""),
    C("Article 5 of the treaty", 0, "5", "5", CARD, 5, N, N, NONE, ""),
    C("twenty-six people", 0, "twenty-six", "twenty-six", CARD, 26, N, N, NONE,
      ""),
    C("a two-day visit", 0, "two", "two", CARD, 2, N, N, NONE, ""),
    /* words and signs as written, in capitals, after long words */
    C("it fell to " MINUS "9.5 today", 0, MINUS "9.5", MINUS "9.5", CARD, -9.5,
      N, N, NONE, ""),
    C("In the fall the MINUS 3", 0, "MINUS 3", "MINUS 3", CARD, -3, N, N, NONE,
      ""),
    C("USD 5 million and EUR 4 million", 1, "EUR 4 million", "4 million", CARD,
      4e6, N, N, NONE, "EUR"),
    C("sales of 10M.", 0, "10M", "10M", CARD, 1e7, N, N, NONE, ""),
    C("In excess of 4 and AT LEAST 6", 0, "In excess of 4", "4", CARD, 4, N, N,
      GT, ""),
    C("In excess of 4 and AT LEAST 6", 1, "AT LEAST 6", "6", CARD, 6, N, N, GE,
      ""),
    C("HUNDREDS of drones", 0, "HUNDREDS of", "HUNDREDS of", VAGUE, N, 200, N,
      NONE, ""),
    C("drones, A Dozen", 0, "A Dozen", "A Dozen", CARD, 12, N, N, NONE, ""),
    C("ANTIDISESTABLISHMENTARIANISM and Approximately 40", 0,
      "Approximately 40", "40", CARD, 40, N, N, APPROX, ""),
    C("and 5 point five halves", 1, "five halves", "five halves", FRAC, 2.5, N,
      N, NONE, ""),
};

static void check_case(const Case *c) {
  Found f;
  int rc;
  char msg[512];
  const trawl_number *n;
  const char *at = strstr(c->text, c->span);
  size_t start = at ? (size_t)(at - c->text) : 0, end;
  scan(c->text, strlen(c->text), &f, &rc);
  if (at == NULL || rc != 0 || c->k >= f.count || c->k >= MAXFOUND) {
    snprintf(msg, sizeof msg, "\"%s\": number %d missing (%d found, rc %d)",
             c->text, c->k, f.count, rc);
    check_(c->line, 0, msg);
    return;
  }
  n = &f.n[c->k];
  end = start + strlen(c->span);
  snprintf(msg, sizeof msg,
           "\"%s\" #%d: %s \"%.*s\" [%u,%u) num %u v=%g [%g,%g] q%d %s; "
           "want %s \"%s\" [%zu,%zu) num %zu v=%g [%g,%g] q%d %s",
           c->text, c->k, trawl_numkind_name(n->kind),
           (int)(n->end - n->start), c->text + n->start, n->start, n->end,
           n->num_start, n->value, n->min, n->max, n->qual, n->currency,
           trawl_numkind_name(c->kind), c->span, start, end,
           end - strlen(c->num), c->value, c->min, c->max, c->qual, c->cur);
  check_(c->line,
         n->kind == c->kind && n->start == start && n->end == end &&
             n->num_start == end - strlen(c->num) &&
             same(n->value, c->value) && same(n->min, c->min) &&
             same(n->max, c->max) && n->qual == c->qual &&
             strcmp(n->currency, c->cur) == 0,
         msg);
}

static void test_table(void) {
  size_t i;
  for (i = 0; i < sizeof cases / sizeof cases[0]; i++)
    check_case(&cases[i]);
}

/* as many numbers as fit */
typedef struct Many {
  trawl_number n[1024];
  int count;
} Many;

static int gather(const trawl_number *n, void *ud) {
  Many *m = ud;
  if (m->count < 1024) m->n[m->count] = *n;
  m->count++;
  return 0;
}

/* x, found in a document at offset off, is y found in a text alone */
static int moved(const trawl_number *x, const trawl_number *y, uint32_t off) {
  return x->kind == y->kind && x->qual == y->qual &&
         same(x->value, y->value) && same(x->min, y->min) &&
         same(x->max, y->max) && strcmp(x->currency, y->currency) == 0 &&
         x->start == y->start + off && x->end == y->end + off &&
         x->num_start == y->num_start + off;
}

/* The texts of the table, each followed by " ;" and a blank line, make a
** document that reads as the texts do alone. A long document is read
** with a lexicon of the word lists and a short text without one, so this
** also compares the two ways. */
static void test_table_in_a_document(void) {
  enum { NCASES = sizeof cases / sizeof cases[0] };
  static Many all;
  static uint32_t at[NCASES];
  char msg[512];
  char *doc;
  size_t i, len = 0, size = 0;
  trawl_tokens *t;
  int k = 0, j, rc, ok;
  for (i = 0; i < NCASES; i++)
    size += strlen(cases[i].text) + 4;
  if ((doc = malloc(size + 1)) == NULL) {
    CHECK(doc != NULL);
    return;
  }
  for (i = 0; i < NCASES; i++) {
    at[i] = (uint32_t)len;
    len += (size_t)sprintf(doc + len, "%s ;\n\n", cases[i].text);
  }
  t = trawl_tokenize(doc, len, NULL);
  all.count = 0;
  CHECK(t != NULL && trawl_number_scan(t, gather, &all) == 0);
  CHECK(all.count <= 1024);
  for (i = 0; i < NCASES && all.count <= 1024; i++) {
    Found f;
    scan(cases[i].text, strlen(cases[i].text), &f, &rc);
    ok = rc == 0 && f.count <= MAXFOUND;
    for (j = 0; ok && j < f.count; j++)
      ok = k + j < all.count && moved(&all.n[k + j], &f.n[j], at[i]);
    ok = ok && (k + f.count == all.count ||
                all.n[k + f.count].start >= at[i] + strlen(cases[i].text));
    snprintf(msg, sizeof msg, "\"%s\" reads otherwise in a document",
             cases[i].text);
    check_(cases[i].line, ok, msg);
    while (k < all.count && all.n[k].start < at[i] + strlen(cases[i].text))
      k++;
  }
  trawl_tokens_free(t);
  free(doc);
}

/* ------------------------------------------------------------------ */
/* token spans */

static void test_token_spans(void) {
  Found f;
  int rc;
  const char *s = "More than 50,000 troops and $1.2bn, Hwasong-17 and two-day";
  scan(s, strlen(s), &f, &rc);
  CHECK_INT(rc, 0);
  CHECK_INT(f.count, 4);
  if (f.count < 4) return;
  /* More(0) than(1) 50,000(2) troops(3) and(4) $(5) 1.2(6) bn(7) ,(8) */
  CHECK_INT(f.n[0].tok_start, 0);
  CHECK_INT(f.n[0].tok_end, 3);
  CHECK_INT(f.n[0].num_tok_start, 2);
  CHECK_INT(f.n[1].tok_start, 5);
  CHECK_INT(f.n[1].tok_end, 8);
  CHECK_INT(f.n[1].num_tok_start, 6);
  /* Hwasong-17(9): one token, its number proper inside it */
  CHECK_INT(f.n[2].tok_start, 9);
  CHECK_INT(f.n[2].tok_end, 10);
  CHECK_INT(f.n[2].num_tok_start, 9);
  CHECK_INT(f.n[2].num_start, strstr(s, "17") - s);
  /* "two" of two-day(11): part of a token */
  CHECK_INT(f.n[3].tok_start, 11);
  CHECK_INT(f.n[3].tok_end, 12);
  CHECK_INT(f.n[3].end, strstr(s, "-day") - s);
}

/* ------------------------------------------------------------------ */
/* what is not a number, or not a quantity */

/* the number of cardinals, ranges, vague ones and fractions in s */
static int quantities(const char *s, size_t len) {
  Found f;
  int rc, i, q = 0;
  scan(s, len, &f, &rc);
  for (i = 0; i < f.count && i < MAXFOUND; i++)
    q += f.n[i].kind == CARD || f.n[i].kind == RANGE || f.n[i].kind == VAGUE ||
         f.n[i].kind == FRAC;
  return rc == 0 ? q : -1;
}

#define NOQTY(lit) CHECK_INT(quantities(lit, sizeof(lit) - 1), 0)

static void test_negatives(void) {
  NOQTY("a missile hit the tank");
  NOQTY("an F-16 and an S-400, a T-72 and Su-35s");
  NOQTY("the Hwasong-17 and the Shahed-136");
  NOQTY("Vostok-2022 and Zapad-2021 drills, the G7");
  NOQTY("in 2022 and since 1991");
  NOQTY("on March 24, 2022 and on 24 March");
  NOQTY("at 10:30 and at 3 p.m.");
  NOQTY("20% of the budget and 20 percent of it");
  NOQTY("the 3rd Brigade and the second missile and the 155th");
  NOQTY("the one you mentioned; which one; that one; no one");
  NOQTY("In some countries you can write it");
  NOQTY("the 180ml liquid and a 29km road");
  NOQTY("Book a first class seat");
  NOQTY("a third battalion");
  NOQTY("http://x.org/a?q=%2022&n=30 for more");
  NOQTY("www.example.com/page/2022/10 today");
  NOQTY("");
  NOQTY("   \n\n  ");
  CHECK_INT(quantities("a hundred", 9), 1); /* unlike "a" alone */
}

/* the spans of the numbers of s, each followed by "|", in got */
static void spans(const char *s, char *got, size_t size) {
  Found f;
  int rc, i, n;
  size_t len = 0;
  scan(s, strlen(s), &f, &rc);
  got[0] = '\0';
  for (i = 0; rc == 0 && i < f.count && i < MAXFOUND; i++) {
    n = snprintf(got + len, size - len, "%.*s|",
                 (int)(f.n[i].end - f.n[i].start), s + f.n[i].start);
    if (n < 0 || (size_t)n >= size - len) break;
    len += (size_t)n;
  }
}

#define SPANS(lit, want)                                                      \
  do {                                                                        \
    char got_[256];                                                           \
    spans(lit, got_, sizeof got_);                                            \
    CHECK_STR(got_, strlen(got_), want);                                      \
  } while (0)

/* A web address is skipped from the start of its run without white space
** (a no-break space does not end it), and nothing else is. */
static void test_web_addresses(void) {
  SPANS("see x" NBSP "http://a.org/2022 now 5", "5|");
  SPANS("50" NBSP "http://a.org/2022 and 7", "7|");
  SPANS("go www.x.org" NBSP "2022 today 8", "8|");
  SPANS("x://" NBSP "12 and 13", "13|");
  SPANS("go http://x.org/a, then 3,000 more", "3,000|");
  SPANS("a b c 4 http://x.org/5 d 6\nhttp://y.org/7", "4|6|");
  SPANS("at least 5 www.x.org/6 and " NBSP "7", "at least 5|7|");
}

/* where an expression can begin: the words of some lists, and digits */
static void test_starts(void) {
  SPANS("counterintelligenceagencies 5,000 troops", "5,000|");
  SPANS("and 5 point five", "5|five|");
  SPANS("a .5 rise and the end.5", ".5|5|");
  SPANS("between" NBSP "3 and 5", "between" NBSP "3 and 5|");
  SPANS("in the town, at the base, as the army", "");
  SPANS("in excess of the limit, some 40 and in excess of 50",
        "some 40|in excess of 50|");
  SPANS("Over half, under a third", "Over half|under a third|");
  SPANS("Several hundred. A few thousand", "Several hundred|A few thousand|");
}

/* the kind of the only number of s, -1 when not exactly one */
static int onekind(const char *s) {
  Found f;
  int rc;
  scan(s, strlen(s), &f, &rc);
  return rc == 0 && f.count == 1 ? f.n[0].kind : -1;
}

static void test_kinds_of_digits(void) {
  CHECK_INT(onekind("2000"), YEAR);
  CHECK_INT(onekind("1799"), CARD);
  CHECK_INT(onekind("2,000"), CARD);
  CHECK_INT(onekind("$2000"), CARD);
  CHECK_INT(onekind("2000 dollars"), CARD);
  CHECK_INT(onekind("about 2000"), CARD);
  CHECK_INT(onekind("mid-2022"), YEAR);
  CHECK_INT(onekind("5G"), MODEL);
  CHECK_INT(onekind("COVID-19"), MODEL);
  CHECK_INT(onekind("5/17/2018"), DATE);
  CHECK_INT(onekind("0300 GMT"), TIME);
  CHECK_INT(onekind("3 o'clock"), TIME);
  CHECK_INT(onekind("May 4th"), DATE);
  CHECK_INT(onekind("4th of July"), DATE);
  CHECK_INT(onekind("March 2022"), DATE);
  CHECK_INT(onekind("2 percentage points"), PCT);
}

/* "192.168.1.2" and "+1-222-2222/2222" are lists of numbers */
static void test_lists(void) {
  Found f;
  int rc;
  const char *s = "192.168.1.2";
  const char *p = "call +1-222-2222/2222 now";
  scan(s, strlen(s), &f, &rc);
  CHECK_INT(f.count, 4);
  if (f.count == 4) {
    CHECK(same(f.n[1].value, 168) && f.n[1].start == 4 && f.n[1].end == 7);
    CHECK(f.n[3].kind == CARD && same(f.n[3].value, 2));
  }
  scan(p, strlen(p), &f, &rc);
  CHECK_INT(f.count, 4);
  if (f.count == 4) {
    CHECK(f.n[0].kind == CARD && same(f.n[0].value, 1));
    CHECK(f.n[1].kind == CARD && same(f.n[1].value, 222));
    CHECK(f.n[3].kind == CARD && f.n[3].start == 17 && f.n[3].end == 21);
  }
  s = "Exercises 22,24,26,31.";
  scan(s, strlen(s), &f, &rc);
  CHECK_INT(f.count, 4);
}

/* ------------------------------------------------------------------ */
/* trawl_number_parse */

static int parsed(const char *s, int kind, double v) {
  trawl_number n;
  if (!trawl_number_parse(s, strlen(s), &n)) return 0;
  return n.kind == kind && same(n.value, v) && n.start == 0 &&
         n.end == strlen(s);
}

static int notparsed(const char *s) {
  trawl_number n;
  return !trawl_number_parse(s, strlen(s), &n);
}

static void test_parse(void) {
  trawl_number n;
  CHECK(parsed("1.5 million", CARD, 1.5e6));
  CHECK(parsed("seventy-five", CARD, 75));
  CHECK(parsed("$40bn", CARD, 4e10));
  CHECK(parsed("a dozen", CARD, 12));
  CHECK(parsed("50,000", CARD, 50000));
  CHECK(parsed("2022", YEAR, 2022));
  CHECK(parsed("Hwasong-17", MODEL, 17));
  CHECK(parsed("two-thirds", FRAC, 2.0 / 3));
  CHECK(trawl_number_parse("between 3,000 and 5,000", 23, &n) &&
        n.kind == RANGE && same(n.min, 3000) && same(n.max, 5000) &&
        n.num_start == 8);
  CHECK(trawl_number_parse("  more than 300 ", 16, &n) && n.qual == GT &&
        n.start == 2 && n.end == 15 && n.num_start == 12);
  CHECK(notparsed("a missile"));
  CHECK(notparsed("1.5 million troops"));
  CHECK(notparsed("a"));
  CHECK(notparsed(""));
  CHECK(notparsed("50,000."));
  CHECK(!trawl_number_parse(NULL, 0, &n));
}

/* ------------------------------------------------------------------ */
/* API details */

static void test_names(void) {
  static const char *const want[] = {"cardinal", "range", "vague", "ordinal",
                                     "year",     "date",  "time",  "percent",
                                     "fraction", "model"};
  int k;
  for (k = 0; k < TRAWL_NUM_NKINDS; k++)
    CHECK_STR(trawl_numkind_name(k), strlen(trawl_numkind_name(k)), want[k]);
  CHECK_STR(trawl_numkind_name(-1), 1, "?");
  CHECK_STR(trawl_numkind_name(TRAWL_NUM_NKINDS), 1, "?");
}

static void test_stop_and_args(void) {
  const char *s = "1, 2, 3, 4 and 5";
  trawl_tokens *t = trawl_tokenize(s, strlen(s), NULL);
  Found f;
  f.count = 0;
  f.stop_after = 2;
  CHECK_INT(trawl_number_scan(t, collect, &f), 7);
  CHECK_INT(f.count, 2);
  CHECK_INT(trawl_number_scan(NULL, collect, &f), TRAWL_EARG);
  CHECK_INT(trawl_number_scan(t, NULL, &f), TRAWL_EARG);
  trawl_tokens_free(t);
}

/* ------------------------------------------------------------------ */
/* robustness */

/* spans are in order, do not overlap, lie in the text and on UTF-8
** character boundaries */
static int sane(const char *s, size_t len, const Found *f) {
  int i, n = f->count < MAXFOUND ? f->count : MAXFOUND;
  uint32_t last = 0;
  for (i = 0; i < n; i++) {
    const trawl_number *x = &f->n[i];
    if (x->start < last || x->start >= x->end || x->end > len) return 0;
    if (x->num_start < x->start || x->num_start >= x->end) return 0;
    if (x->tok_start >= x->tok_end || x->num_tok_start < x->tok_start ||
        x->num_tok_start >= x->tok_end)
      return 0;
    if (x->end < len && (s[x->end] & 0xC0) == 0x80 &&
        (s[x->end - 1] & 0x80) == 0)
      return 0;
    last = x->end;
  }
  return 1;
}

static void test_invalid_utf8(void) {
  /* octal escapes where digits follow: a hex escape would take them */
  static const char *const bad[] = {
      "\xFF\xFE 50,000 \x80 troops",
      "$\xC3 40bn",
      "\xE2\x82 500 \xE2\x80",
      "fifty\xC0\xAFtwo",
      "1\360\237000 and \xED\xA0\x80 300",
      "between 3,000 and \xFF",
      NNBSP "000 " NNBSP,
      "50" NNBSP "\377000",
      "-\3775 and -",
      "Hwasong-\37717",
  };
  size_t i;
  for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
    Found f;
    int rc;
    scan(bad[i], strlen(bad[i]), &f, &rc);
    CHECK_INT(rc, 0);
    CHECK(sane(bad[i], strlen(bad[i]), &f));
  }
  {
    Found f;
    int rc;
    scan("\xFF\xFE 50,000 \x80 troops", 19, &f, &rc);
    CHECK(f.count == 1 && same(f.n[0].value, 50000) && f.n[0].start == 3);
  }
}

/* counts the numbers of a document */
static int counter(const trawl_number *n, void *ud) {
  (void)n;
  ++*(long *)ud;
  return 0;
}

/* A 1 MB document of news sentences with hostile runs in it: a long list
** of hyphenated numbers, number words, "and", digits and hyphens. */
static void test_big_document(void) {
  static const char *const parts[] = {
      "More than 50,000 troops and $1.2bn in aid arrived on March 24, 2022. ",
      "Between 3,000 and 5,000 soldiers, tens of thousands of shells. ",
      "one hundred and twenty-five T-72 tanks, 155mm rounds, 20%. ",
      "1-2-3-4-5-6-7-8-9-1-2-3-4-5-6-7-8-9 ",
      "one one one one one one one one one one one and and and a a a ",
      "twenty twenty twenty twenty twenty fifths thirds halves ",
      "1 234 567 890 123 456 789 1.2.3.4.5.6 ,,, ... --- ",
      "\xFF\xFE\xE2\x82 \xC3 $ $ $ US$ US$ half half a a million ",
      "seventy-seven-seventy-seven-seventy-seven-seventy-seven ",
  };
  size_t cap = 1u << 20, len = 0, k = 0;
  char *doc = malloc(cap + 256);
  trawl_tokens *t;
  clock_t c0;
  long count = 0;
  int rc;
  if (doc == NULL) {
    CHECK(doc != NULL);
    return;
  }
  while (len < cap) {
    const char *p = parts[k++ % (sizeof parts / sizeof parts[0])];
    memcpy(doc + len, p, strlen(p));
    len += strlen(p);
  }
  /* and a run of 3,000 digits with no separator */
  memset(doc + len - 3000, '7', 3000);
  t = trawl_tokenize(doc, len, NULL);
  CHECK(t != NULL);
  if (t != NULL) {
    c0 = clock();
    rc = trawl_number_scan(t, counter, &count);
    printf("# %zu bytes, %zu tokens, %ld numbers in %.3f s\n", len, t->n,
           count, (double)(clock() - c0) / CLOCKS_PER_SEC);
    CHECK_INT(rc, 0);
    CHECK(count > 10000);
    trawl_tokens_free(t);
  }
  free(doc);
}

int main(void) {
  test_table();
  test_table_in_a_document();
  test_token_spans();
  test_negatives();
  test_kinds_of_digits();
  test_lists();
  test_web_addresses();
  test_starts();
  test_parse();
  test_names();
  test_stop_and_args();
  test_invalid_utf8();
  test_big_document();
  return test_report();
}
