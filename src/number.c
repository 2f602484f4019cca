/* number.c - number expressions in news text: figures, ranges, dates. */

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "trawl.h"

/*
** A number is read over "pieces": the tokens, except that a hyphenated
** word is split at its hyphens ("seventy-five" is seventy - five) and a
** NUMBER token that is a list ("192.168.1.2") at its separators. A word
** with digits ("Hwasong-17") stays whole: it is a model name.
**
** The readers, from the bottom up:
**   digatom    digits: 50,000; 1 234 567; .5; 1.3e6; 2 1/4; 10k; $1MM
**   cardinal   a cardinal in words and digits, with "and a half" and
**              "point five": "two hundred and two thousand", "3 million"
**   nounfrac   a fraction with an ordinal denominator: "two thirds",
**              "one hundred thirty fifths"
**   prepfrac   "one over three", "2 out of 5", "1 in 4"
**   special    what digits can also be: dates, times, ordinals, years,
**              model names, lists
**   number     the longest of the above, with "minus" or a minus sign
**   quantity   currency, percent, ranges, vague plurals
**   readat     comparators ("more than"), "between ... and", dates
*/

#define NOOFF UINT32_MAX /* Num.numoff: the number proper starts a piece */
#define MAXFW 32         /* words in one fraction in words */

/* ------------------------------------------------------------------ */
/* word lists */

typedef struct Word {
  const char *w; /* folded (lower case) unless the list says otherwise */
  double v;      /* its value */
  int t;         /* its class or code, per list */
} Word;

/* classes of number words, and of the items a cardinal is read from */
enum {
  I_NONE,
  I_ZERO,    /* zero, nought */
  I_UNIT,    /* one .. nine */
  I_TEEN,    /* ten .. nineteen */
  I_TENS,    /* twenty .. ninety */
  I_TU,      /* tens and a unit: seventy-five, fifty two */
  I_HUNDRED, /* hundred */
  I_SCALE,   /* thousand, million, lakh ... */
  I_DOZEN,   /* dozen */
  I_DIGITS,  /* 50,000; 1.5; 10k */
  I_A,       /* a, an: "a hundred" */
  I_AND,     /* "one hundred and forty" */
  I_POINT,   /* "two point five" */
  I_ORD      /* an ordinal or fraction word: third, fifths, half */
};

/* clang-format off */
/* cardinal number words, with the Indian lakh and crore; the plurals of
** hundred, the scales and dozen are read by stripping an "s" ("hundreds",
** "dzs") */
static const Word cardwords[] = {
    {"zero", 0, I_ZERO},         {"nought", 0, I_ZERO},
    {"naught", 0, I_ZERO},       {"one", 1, I_UNIT},
    {"two", 2, I_UNIT},          {"three", 3, I_UNIT},
    {"four", 4, I_UNIT},         {"five", 5, I_UNIT},
    {"six", 6, I_UNIT},          {"seven", 7, I_UNIT},
    {"eight", 8, I_UNIT},        {"nine", 9, I_UNIT},
    {"ten", 10, I_TEEN},         {"eleven", 11, I_TEEN},
    {"twelve", 12, I_TEEN},      {"thirteen", 13, I_TEEN},
    {"fourteen", 14, I_TEEN},    {"fifteen", 15, I_TEEN},
    {"sixteen", 16, I_TEEN},     {"seventeen", 17, I_TEEN},
    {"eighteen", 18, I_TEEN},    {"nineteen", 19, I_TEEN},
    {"twenty", 20, I_TENS},      {"thirty", 30, I_TENS},
    {"forty", 40, I_TENS},       {"fifty", 50, I_TENS},
    {"sixty", 60, I_TENS},       {"seventy", 70, I_TENS},
    {"eighty", 80, I_TENS},      {"ninety", 90, I_TENS},
    {"hundred", 100, I_HUNDRED}, {"thousand", 1e3, I_SCALE},
    {"million", 1e6, I_SCALE},   {"billion", 1e9, I_SCALE},
    {"trillion", 1e12, I_SCALE}, {"lakh", 1e5, I_SCALE},
    {"crore", 1e7, I_SCALE},     {"dozen", 12, I_DOZEN},
    {"doz", 12, I_DOZEN},        {"dz", 12, I_DOZEN},
    {NULL, 0, 0}};

#define O_FRAC 1 /* only a fraction, never an ordinal: half, quarter */
#define O_HYPH 2 /* (read) joined by a hyphen to its numerator: one-fourth */

/* ordinal words, which are also the denominators of fractions ("two
** fifths"); plurals by an "s", and "halves"; "nineth" is a common
** misspelling */
static const Word ordwords[] = {
    {"first", 1, 0},         {"second", 2, 0},        {"third", 3, 0},
    {"fourth", 4, 0},        {"fifth", 5, 0},         {"sixth", 6, 0},
    {"seventh", 7, 0},       {"eighth", 8, 0},        {"ninth", 9, 0},
    {"tenth", 10, 0},        {"eleventh", 11, 0},     {"twelfth", 12, 0},
    {"thirteenth", 13, 0},   {"fourteenth", 14, 0},   {"fifteenth", 15, 0},
    {"sixteenth", 16, 0},    {"seventeenth", 17, 0},  {"eighteenth", 18, 0},
    {"nineteenth", 19, 0},   {"twentieth", 20, 0},    {"thirtieth", 30, 0},
    {"fortieth", 40, 0},     {"fiftieth", 50, 0},     {"sixtieth", 60, 0},
    {"seventieth", 70, 0},   {"eightieth", 80, 0},    {"ninetieth", 90, 0},
    {"hundredth", 100, 0},   {"thousandth", 1e3, 0},  {"millionth", 1e6, 0},
    {"billionth", 1e9, 0},   {"trillionth", 1e12, 0}, {"half", 2, O_FRAC},
    {"quarter", 4, O_FRAC},  {"nineth", 9, 0},        {NULL, 0, 0}};

#define X_GLUE 1  /* written against the digits: 40bn */
#define X_SPACE 2 /* or after a space: 40 bn */
#define X_EXACT 4 /* compared as written, not folded: M, MM */
#define X_MONEY 8 /* only after a currency sign: US$1MM */

/* abbreviated scales after digits; a bare "m" after a space is metres */
static const Word suffixes[] = {
    {"k", 1e3, X_GLUE | X_SPACE}, {"m", 1e6, X_GLUE},
    {"M", 1e6, X_SPACE | X_EXACT},
    {"MM", 1e6, X_GLUE | X_SPACE | X_EXACT | X_MONEY}, {"b", 1e9, X_GLUE},
    {"bn", 1e9, X_GLUE | X_SPACE}, {"mn", 1e6, X_GLUE | X_SPACE},
    {"mln", 1e6, X_GLUE | X_SPACE}, {"mil", 1e6, X_GLUE | X_SPACE},
    {"bln", 1e9, X_GLUE | X_SPACE}, {"tn", 1e12, X_GLUE | X_SPACE},
    {"tln", 1e12, X_GLUE | X_SPACE}, {"trn", 1e12, X_GLUE | X_SPACE},
    {NULL, 0, 0}};

/* comparators and approximators before a quantity (t: trawl_qual), with
** the signs > < >= <= written alone or as two symbols; the longest that
** matches is taken */
static const Word comparators[] = {
    {"more than", 0, TRAWL_Q_GT}, {"over", 0, TRAWL_Q_GT},
    {"just over", 0, TRAWL_Q_GT}, {"well over", 0, TRAWL_Q_GT},
    {"upwards of", 0, TRAWL_Q_GT}, {"in excess of", 0, TRAWL_Q_GT},
    {"greater than", 0, TRAWL_Q_GT}, {"at least", 0, TRAWL_Q_GE},
    {"no fewer than", 0, TRAWL_Q_GE}, {"no less than", 0, TRAWL_Q_GE},
    {"not less than", 0, TRAWL_Q_GE}, {"a minimum of", 0, TRAWL_Q_GE},
    {"fewer than", 0, TRAWL_Q_LT}, {"less than", 0, TRAWL_Q_LT},
    {"under", 0, TRAWL_Q_LT}, {"just under", 0, TRAWL_Q_LT},
    {"below", 0, TRAWL_Q_LT}, {"up to", 0, TRAWL_Q_LE},
    {"as many as", 0, TRAWL_Q_LE}, {"at most", 0, TRAWL_Q_LE},
    {"a maximum of", 0, TRAWL_Q_LE}, {"no more than", 0, TRAWL_Q_LE},
    {"not more than", 0, TRAWL_Q_LE}, {"about", 0, TRAWL_Q_APPROX},
    {"around", 0, TRAWL_Q_APPROX}, {"some", 0, TRAWL_Q_APPROX},
    {"roughly", 0, TRAWL_Q_APPROX}, {"approximately", 0, TRAWL_Q_APPROX},
    {"approx.", 0, TRAWL_Q_APPROX}, {"approx", 0, TRAWL_Q_APPROX},
    {"an estimated", 0, TRAWL_Q_APPROX}, {"estimated", 0, TRAWL_Q_APPROX},
    {"close to", 0, TRAWL_Q_APPROX}, {"closer to", 0, TRAWL_Q_APPROX},
    {"nearly", 0, TRAWL_Q_APPROX}, {"almost", 0, TRAWL_Q_APPROX},
    {"above", 0, TRAWL_Q_GT}, {"larger than", 0, TRAWL_Q_GT},
    {"bigger than", 0, TRAWL_Q_GT}, {"higher than", 0, TRAWL_Q_GT},
    {"smaller than", 0, TRAWL_Q_LT}, {"lower than", 0, TRAWL_Q_LT},
    {"more than or equal to", 0, TRAWL_Q_GE},
    {"greater than or equal to", 0, TRAWL_Q_GE},
    {"less than or equal to", 0, TRAWL_Q_LE}, {">", 0, TRAWL_Q_GT},
    {"<", 0, TRAWL_Q_LT}, {"> =", 0, TRAWL_Q_GE}, {"< =", 0, TRAWL_Q_LE},
    {"\xE2\x89\xA5", 0, TRAWL_Q_GE}, {"\xE2\x89\xA4", 0, TRAWL_Q_LE},
    {NULL, 0, 0}};

/* comparators after a quantity: "50 or more" */
static const Word postcomparators[] = {
    {"or more", 0, TRAWL_Q_GE}, {"or greater", 0, TRAWL_Q_GE},
    {"or higher", 0, TRAWL_Q_GE}, {"or above", 0, TRAWL_Q_GE},
    {"or over", 0, TRAWL_Q_GE}, {"and more", 0, TRAWL_Q_GE},
    {"and above", 0, TRAWL_Q_GE}, {"and over", 0, TRAWL_Q_GE},
    {"or less", 0, TRAWL_Q_LE}, {"or fewer", 0, TRAWL_Q_LE},
    {"or lower", 0, TRAWL_Q_LE}, {"or below", 0, TRAWL_Q_LE},
    {"or under", 0, TRAWL_Q_LE}, {"and below", 0, TRAWL_Q_LE},
    {"and under", 0, TRAWL_Q_LE}, {NULL, 0, 0}};

/* currency signs before a number, as written (t: index in isocodes):
** dollar, euro, pound, yen, rouble, hryvnia, rupee, won, shekel */
enum {
  USD,
  EUR,
  GBP,
  JPY,
  CNY,
  RUB,
  UAH,
  INR,
  KRW,
  ILS,
  AUD,
  CAD,
  NZD,
  HKD,
  SGD,
  CHF,
  NCUR
};
static const char *const isocodes[NCUR] = {
    "USD", "EUR", "GBP", "JPY", "CNY", "RUB", "UAH", "INR", "KRW", "ILS",
    "AUD", "CAD", "NZD", "HKD", "SGD", "CHF"};

static const Word cursigns[] = {
    {"$", 0, USD},            {"\xE2\x82\xAC", 0, EUR},
    {"\xC2\xA3", 0, GBP},     {"\xC2\xA5", 0, JPY},
    {"\xE2\x82\xBD", 0, RUB}, {"\xE2\x82\xB4", 0, UAH},
    {"\xE2\x82\xB9", 0, INR}, {"\xE2\x82\xA9", 0, KRW},
    {"\xE2\x82\xAA", 0, ILS}, {NULL, 0, 0}};

/* letters written against a following "$": US$, A$, C$ (as written) */
static const Word dollarkinds[] = {
    {"US", 0, USD}, {"A", 0, AUD},  {"AU", 0, AUD}, {"C", 0, CAD},
    {"CA", 0, CAD}, {"NZ", 0, NZD}, {"HK", 0, HKD}, {"S", 0, SGD},
    {NULL, 0, 0}};

/* ISO codes written before a number: "USD 5 million" (as written) */
static const Word curcodes[] = {
    {"USD", 0, USD}, {"EUR", 0, EUR}, {"GBP", 0, GBP}, {"JPY", 0, JPY},
    {"CNY", 0, CNY}, {"RUB", 0, RUB}, {"UAH", 0, UAH}, {"INR", 0, INR},
    {"AUD", 0, AUD}, {"CAD", 0, CAD}, {"CHF", 0, CHF}, {NULL, 0, 0}};

/* currency words after a number; "pound" alone is a weight ("a 500-pound
** bomb"), so only "pounds" and "pound sterling" are money */
static const Word curwords[] = {
    {"dollars", 0, USD},  {"dollar", 0, USD},   {"euros", 0, EUR},
    {"euro", 0, EUR},     {"pounds", 0, GBP},   {"yuan", 0, CNY},
    {"renminbi", 0, CNY}, {"yen", 0, JPY},      {"roubles", 0, RUB},
    {"rouble", 0, RUB},   {"rubles", 0, RUB},   {"ruble", 0, RUB},
    {"hryvnias", 0, UAH}, {"hryvnia", 0, UAH},  {"hryvnas", 0, UAH},
    {"hryvna", 0, UAH},   {"hryvnyas", 0, UAH}, {"rupees", 0, INR},
    {"rupee", 0, INR},    {"shekels", 0, ILS},  {NULL, 0, 0}};

/* adjectives that choose the dollar: "40 billion US dollars" */
static const Word dollaradjs[] = {
    {"us", 0, USD},         {"american", 0, USD},   {"australian", 0, AUD},
    {"canadian", 0, CAD},   {"singapore", 0, SGD},  {NULL, 0, 0}};

/* month names, capitalised in the text (t: month) */
static const Word months[] = {
    {"january", 0, 1},   {"jan", 0, 1},       {"jan.", 0, 1},
    {"february", 0, 2},  {"feb", 0, 2},       {"feb.", 0, 2},
    {"march", 0, 3},     {"mar", 0, 3},       {"mar.", 0, 3},
    {"april", 0, 4},     {"apr", 0, 4},       {"apr.", 0, 4},
    {"may", 0, 5},       {"june", 0, 6},      {"jun", 0, 6},
    {"jun.", 0, 6},      {"july", 0, 7},      {"jul", 0, 7},
    {"jul.", 0, 7},      {"august", 0, 8},    {"aug", 0, 8},
    {"aug.", 0, 8},      {"september", 0, 9}, {"sep", 0, 9},
    {"sep.", 0, 9},      {"sept", 0, 9},      {"sept.", 0, 9},
    {"october", 0, 10},  {"oct", 0, 10},      {"oct.", 0, 10},
    {"november", 0, 11}, {"nov", 0, 11},      {"nov.", 0, 11},
    {"december", 0, 12}, {"dec", 0, 12},      {"dec.", 0, 12},
    {NULL, 0, 0}};

/* time zones after a time, in capitals: "15:00 GMT" */
static const Word zones[] = {
    {"gmt", 0, 0},  {"utc", 0, 0},  {"bst", 0, 0},  {"cet", 0, 0},
    {"cest", 0, 0}, {"eet", 0, 0},  {"eest", 0, 0}, {"est", 0, 0},
    {"edt", 0, 0},  {"cst", 0, 0},  {"cdt", 0, 0},  {"pst", 0, 0},
    {"pdt", 0, 0},  {"msk", 0, 0},  {NULL, 0, 0}};

/* before or after the hour: "3 p.m.", "3pm" */
static const Word meridians[] = {
    {"am", 0, 0},   {"pm", 0, 0},   {"a.m.", 0, 0}, {"p.m.", 0, 0},
    {"a.m", 0, 0},  {"p.m", 0, 0},  {NULL, 0, 0}};

/* suffixes of ordinals in digits: 3rd, 155th */
static const Word ordsuffixes[] = {
    {"st", 0, 0}, {"nd", 0, 0}, {"rd", 0, 0}, {"th", 0, 0}, {NULL, 0, 0}};

/* words before "one" that make it a pronoun: "the one you mentioned" */
static const Word determiners[] = {
    {"the", 0, 0},       {"this", 0, 0},      {"that", 0, 0},
    {"which", 0, 0},     {"each", 0, 0},      {"every", 0, 0},
    {"any", 0, 0},       {"no", 0, 0},        {"another", 0, 0},
    {"such", 0, 0},      {"whichever", 0, 0}, {NULL, 0, 0}};

/* units of time: "5 in 10 minutes" is not a fraction */
static const Word timeunits[] = {
    {"second", 0, 0},  {"seconds", 0, 0}, {"minute", 0, 0},
    {"minutes", 0, 0}, {"hour", 0, 0},    {"hours", 0, 0},
    {"day", 0, 0},     {"days", 0, 0},    {"week", 0, 0},
    {"weeks", 0, 0},   {"month", 0, 0},   {"months", 0, 0},
    {"year", 0, 0},    {"years", 0, 0},   {"decade", 0, 0},
    {"decades", 0, 0}, {NULL, 0, 0}};

/* prefixes of a year in a word: "mid-2022" */
static const Word yearprefixes[] = {
    {"mid-", 0, 0},   {"early-", 0, 0}, {"late-", 0, 0},  {"pre-", 0, 0},
    {"post-", 0, 0},  {"end-", 0, 0},   {NULL, 0, 0}};

/* vulgar fractions, as written */
static const Word vulgars[] = {
    {"\xC2\xBD", 1.0 / 2, 0},      {"\xE2\x85\x93", 1.0 / 3, 0},
    {"\xE2\x85\x94", 2.0 / 3, 0},  {"\xC2\xBC", 1.0 / 4, 0},
    {"\xC2\xBE", 3.0 / 4, 0},      {"\xE2\x85\x95", 1.0 / 5, 0},
    {"\xE2\x85\x96", 2.0 / 5, 0},  {"\xE2\x85\x97", 3.0 / 5, 0},
    {"\xE2\x85\x98", 4.0 / 5, 0},  {"\xE2\x85\x99", 1.0 / 6, 0},
    {"\xE2\x85\x9A", 5.0 / 6, 0},  {"\xE2\x85\x90", 1.0 / 7, 0},
    {"\xE2\x85\x9B", 1.0 / 8, 0},  {"\xE2\x85\x9C", 3.0 / 8, 0},
    {"\xE2\x85\x9D", 5.0 / 8, 0},  {"\xE2\x85\x9E", 7.0 / 8, 0},
    {"\xE2\x85\x91", 1.0 / 9, 0},  {"\xE2\x85\x92", 1.0 / 10, 0},
    {NULL, 0, 0}};

/* minus signs before digits, as written: hyphen-minus, U+2212 */
static const Word minussigns[] = {
    {"-", 0, 0}, {"\xE2\x88\x92", 0, 0}, {NULL, 0, 0}};

/* The other words that an expression can begin with: a reader that
** compares the first piece with a word by is() needs it here. ("and",
** "point" and "halves" are items of a number, but never its first.) */
static const Word startwords[] = {
    {"a", 0, 0},        {"an", 0, 0},      {"between", 0, 0},
    {"from", 0, 0},     {"tens", 0, 0},    {"hundreds", 0, 0},
    {"scores", 0, 0},   {"several", 0, 0}, {"minus", 0, 0},
    {"negative", 0, 0}, {NULL, 0, 0}};

/* and those it can begin with after a space: ".5" (and minussigns) */
static const Word spacedstarts[] = {{".", 0, 0}, {NULL, 0, 0}};

/* clang-format on */

/* ------------------------------------------------------------------ */
/* the lexicon */

/*
** Most pieces are ordinary words that no list holds, and each reader
** would look them up in its lists only to find nothing. So each piece
** learns once, from a hash table of the words of every list, which lists
** may hold it (Piece.lex, a bit per list). A clear bit is certain: the
** piece is not a word of that list (nor the first word of one of its
** phrases); a set bit only says "look". And as an expression begins at
** digits or at a word of some lists, most pieces are passed over at once.
*/

/* the lists, one bit each in Piece.lex */
enum {
  LX_CARD,        /* cardwords */
  LX_CARDS,       /* cardwords with an "s": hundreds, dozens */
  LX_ORD,         /* ordwords */
  LX_ORDS,        /* ordwords with an "s": fifths */
  LX_SUFFIX,      /* suffixes */
  LX_COMPARATOR,  /* first words of comparators */
  LX_POSTCOMP,    /* first words of postcomparators */
  LX_CURSIGN,     /* cursigns */
  LX_DOLLARKIND,  /* dollarkinds */
  LX_CURCODE,     /* curcodes */
  LX_CURWORD,     /* curwords */
  LX_DOLLARADJ,   /* dollaradjs */
  LX_MONTH,       /* months */
  LX_ZONE,        /* zones */
  LX_MERIDIAN,    /* meridians */
  LX_ORDSUFFIX,   /* ordsuffixes */
  LX_DETERMINER,  /* determiners */
  LX_TIMEUNIT,    /* timeunits */
  LX_VULGAR,      /* vulgars */
  LX_MINUS,       /* minussigns */
  LX_STARTWORD,   /* startwords */
  LX_SPACEDSTART, /* spacedstarts */
  NLX
};

#define LXBIT(lx) ((uint32_t)1 << (lx))
#define LXALL UINT32_MAX /* a piece not looked up: any list */

/* the lists whose words an expression can begin with; and those whose
** words begin one only after a space */
#define STARTS                                                                \
  (LXBIT(LX_CARD) | LXBIT(LX_CARDS) | LXBIT(LX_ORD) | LXBIT(LX_ORDS) |        \
   LXBIT(LX_COMPARATOR) | LXBIT(LX_CURSIGN) | LXBIT(LX_DOLLARKIND) |          \
   LXBIT(LX_CURCODE) | LXBIT(LX_MONTH) | LXBIT(LX_VULGAR) |                   \
   LXBIT(LX_STARTWORD))
#define SPACEDSTARTS (LXBIT(LX_MINUS) | LXBIT(LX_SPACEDSTART))

/* how a list's words are keys: whole, with an "s", or the first word */
enum { K_WHOLE, K_PLURAL, K_FIRST };

/* how a list is compared with a piece: by its fold, as written */
#define BYFOLD 1
#define BYTEXT 2

static const struct List {
  const Word *tab;
  unsigned char key; /* K_* */
  unsigned char by;  /* BYFOLD, BYTEXT or both */
} lists[NLX] = {[LX_CARD] = {cardwords, K_WHOLE, BYFOLD},
                [LX_CARDS] = {cardwords, K_PLURAL, BYFOLD},
                [LX_ORD] = {ordwords, K_WHOLE, BYFOLD},
                [LX_ORDS] = {ordwords, K_PLURAL, BYFOLD},
                [LX_SUFFIX] = {suffixes, K_WHOLE, BYFOLD | BYTEXT},
                [LX_COMPARATOR] = {comparators, K_FIRST, BYFOLD},
                [LX_POSTCOMP] = {postcomparators, K_FIRST, BYFOLD},
                [LX_CURSIGN] = {cursigns, K_WHOLE, BYTEXT},
                [LX_DOLLARKIND] = {dollarkinds, K_WHOLE, BYTEXT},
                [LX_CURCODE] = {curcodes, K_WHOLE, BYTEXT},
                [LX_CURWORD] = {curwords, K_WHOLE, BYFOLD},
                [LX_DOLLARADJ] = {dollaradjs, K_WHOLE, BYFOLD},
                [LX_MONTH] = {months, K_WHOLE, BYFOLD},
                [LX_ZONE] = {zones, K_WHOLE, BYFOLD},
                [LX_MERIDIAN] = {meridians, K_WHOLE, BYFOLD},
                [LX_ORDSUFFIX] = {ordsuffixes, K_WHOLE, BYFOLD},
                [LX_DETERMINER] = {determiners, K_WHOLE, BYFOLD},
                [LX_TIMEUNIT] = {timeunits, K_WHOLE, BYFOLD},
                [LX_VULGAR] = {vulgars, K_WHOLE, BYTEXT},
                [LX_MINUS] = {minussigns, K_WHOLE, BYTEXT},
                [LX_STARTWORD] = {startwords, K_WHOLE, BYFOLD},
                [LX_SPACEDSTART] = {spacedstarts, K_WHOLE, BYFOLD}};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))
#define MAXKEY 16 /* longest key; a longer piece is LXALL */
#define LEXBITS 10
#define LEXSIZE (1 << LEXBITS) /* slots */
#define MINLEX 16              /* pieces: see build() */

/* the most keys the lists make */
#define NKEYS                                                                 \
  (2 * COUNT(cardwords) + 2 * COUNT(ordwords) + COUNT(suffixes) +             \
   COUNT(comparators) + COUNT(postcomparators) + COUNT(cursigns) +            \
   COUNT(dollarkinds) + COUNT(curcodes) + COUNT(curwords) +                   \
   COUNT(dollaradjs) + COUNT(months) + COUNT(zones) + COUNT(meridians) +      \
   COUNT(ordsuffixes) + COUNT(determiners) + COUNT(timeunits) +               \
   COUNT(vulgars) + COUNT(minussigns) + COUNT(startwords) +                   \
   COUNT(spacedstarts))

_Static_assert(NLX <= 32, "a bit for each list in Piece.lex");
/* at most half the slots taken, so that a miss ends soon */
_Static_assert(2 * NKEYS <= LEXSIZE, "the lexicon is too small");

/* A word of up to MAXKEY bytes packed into two integers, which are
** hashed and compared at once instead of a byte at a time; in the
** lexicon, with the lists it is in. */
typedef struct Key {
  uint64_t lo, hi; /* bytes 0..7 and 8..15 by pack(), zeros after the
                      word */
  uint32_t len;
  uint32_t lists; /* LXBIT()s; 0 in a free slot */
} Key;

/* the words of every list, in an open-addressing hash table */
typedef struct Lexicon {
  Key key[LEXSIZE];
  size_t maxtext; /* the longest word of a list compared as written */
} Lexicon;

/* the machine stores the low byte of an integer first */
static int littleendian(void) {
  const uint32_t one = 1;
  unsigned char first;
  memcpy(&first, &one, 1);
  return first == 1;
}

/* The first n (<= 8) bytes of s as an integer, the first byte lowest:
** on a little-endian machine by one load of 8 bytes and a mask when the
** buffer, which ends at end, has them. */
static uint64_t pack(const char *s, size_t n, const char *end) {
  uint64_t w = 0;
  size_t k;
  if (littleendian() && end - s >= 8) {
    memcpy(&w, s, 8);
    return n < 8 ? w & (((uint64_t)1 << (8 * n)) - 1) : w;
  }
  for (k = 0; k < n; k++)
    w |= (uint64_t)(unsigned char)s[k] << (8 * k);
  return w;
}

/* the key of s[0..n), n <= MAXKEY, in a buffer that ends at end */
static Key keyof(const char *s, size_t n, const char *end) {
  Key k;
  k.lo = pack(s, n < 8 ? n : 8, end);
  k.hi = n > 8 ? pack(s + 8, n - 8, end) : 0;
  k.len = (uint32_t)n;
  k.lists = 0;
  return k;
}

static int samekey(const Key *a, const Key *b) {
  return a->lo == b->lo && a->hi == b->hi && a->len == b->len;
}

/* The slot of k in the lexicon: its own, or the free one where it
** would go. Multiplying mixes every byte into the top bits, which choose
** the slot. */
static size_t slotof(const Lexicon *x, const Key *k) {
  uint64_t h =
      (k->lo ^ ((k->hi ^ k->len) * 0x9E3779B97F4A7C15u)) * 0xD6E8FEB86659FD93u;
  size_t i = (size_t)(h >> (64 - LEXBITS));
  while (x->key[i].lists != 0 && !samekey(&x->key[i], k))
    i = (i + 1) & (LEXSIZE - 1);
  return i;
}

static void addkey(Lexicon *x, const char *s, size_t n, int lx) {
  Key k, *slot;
  if (n == 0 || n > MAXKEY) return; /* pieces that long are LXALL */
  k = keyof(s, n, s + n);
  slot = &x->key[slotof(x, &k)];
  slot->lo = k.lo; /* field by field, which is quicker than *slot = k */
  slot->hi = k.hi;
  slot->len = k.len;
  slot->lists |= LXBIT(lx);
}

/* fill x, zeroed, with the words of every list */
static void lexicon(Lexicon *x) {
  char buf[MAXKEY];
  const Word *w;
  size_t n;
  int lx;
  for (lx = 0; lx < NLX; lx++) {
    for (w = lists[lx].tab; w->w != NULL; w++) {
      n = strlen(w->w);
      if ((lists[lx].by & BYTEXT) && n > x->maxtext) x->maxtext = n;
      if (lists[lx].key == K_FIRST) {
        const char *sp = strchr(w->w, ' ');
        if (sp != NULL) n = (size_t)(sp - w->w);
        addkey(x, w->w, n, lx);
      } else if (lists[lx].key == K_PLURAL) {
        if (n >= MAXKEY) continue;
        memcpy(buf, w->w, n);
        buf[n] = 's';
        addkey(x, buf, n + 1, lx);
      } else
        addkey(x, w->w, n, lx);
    }
  }
}

/* the entry of tab whose word is s[0..n), or NULL */
static const Word *lookup(const Word *tab, const char *s, size_t n) {
  if (n == 0) return NULL;
  for (; tab->w != NULL; tab++)
    if (tab->w[0] == s[0] && strlen(tab->w) == n && memcmp(tab->w, s, n) == 0)
      return tab;
  return NULL;
}

/* ------------------------------------------------------------------ */
/* the digits of a NUMBER token */

/* shapes of a NUMBER piece (Piece.shape) */
enum {
  NT_NONE,    /* not read: other digits than ASCII, or too long */
  NT_PLAIN,   /* digits only: 2022 */
  NT_GROUPED, /* thousands separators: 50,000 1.234.567 12,34,567.89 */
  NT_DECIMAL, /* one decimal point or comma: 1.5 4,5 */
  NT_DATE,    /* 24.02.2022 */
  NT_LIST     /* anything else (192.168.1.2), split into pieces */
};

#define isdig(c) ((c) >= '0' && (c) <= '9')

/* the digits of s[0..n) as a number, the decimal point at dp (n if
** none), other separators skipped */
static double digval(const char *s, size_t n, size_t dp) {
  double ip = 0, fp = 0, sc = 1;
  size_t k;
  for (k = 0; k < dp && k < n; k++)
    if (isdig(s[k])) ip = ip * 10 + (s[k] - '0');
  for (k = dp + 1; k < n; k++)
    if (isdig(s[k]) && sc < 1e17) {
      fp = fp * 10 + (s[k] - '0');
      sc *= 10;
    }
  if (ip * sc + fp < 9007199254740992.0) /* exact: one rounding only */
    return (ip * sc + fp) / sc;
  return ip + fp / sc;
}

/* s[0..m) is digits in groups: d{1,3}(sep ddd)+, or with ',' the Indian
** d{1,2}(,dd)+,ddd */
static int grouped(const char *s, size_t m, char sep) {
  size_t k, len = 0, first = 0, nsep = 0;
  int all3 = 1, all2 = 1; /* the groups between two separators */
  for (k = 0; k < m; k++) {
    if (isdig(s[k])) {
      len++;
      continue;
    }
    if (s[k] != sep || len == 0) return 0;
    if (nsep++ == 0)
      first = len;
    else {
      all3 &= len == 3;
      all2 &= len == 2;
    }
    len = 0;
  }
  if (nsep == 0 || len != 3) return 0;
  if (first >= 1 && first <= 3 && all3) return 1;
  return sep == ',' && nsep >= 2 && first <= 2 && all2;
}

/* a day.month.year (or month.day.year) date: 24.02.2022 */
static int dotdate(const char *s, size_t n) {
  size_t k, g = 0, len[3] = {0, 0, 0};
  int v[2] = {0, 0};
  for (k = 0; k < n; k++) {
    if (s[k] == '.') {
      if (++g > 2) return 0;
    } else {
      if (g < 2 && len[g] < 2) v[g] = v[g] * 10 + (s[k] - '0');
      len[g]++;
    }
  }
  if (g != 2 || len[0] < 1 || len[0] > 2 || len[1] < 1 || len[1] > 2) return 0;
  if (len[2] != 2 && len[2] != 4) return 0;
  return v[0] >= 1 && v[1] >= 1 && v[0] <= 31 && v[1] <= 31 &&
         (v[0] <= 12 || v[1] <= 12);
}

/* The shape (NT_*) of the NUMBER token s[0..n), and its value in *v. A
** single "." or "," is a decimal point unless three digits follow a
** comma; "50.000" is 50, "1.234.567" a million. */
static int numshape(const char *s, size_t n, double *v) {
  size_t k, nc = 0, nd = 0, last = 0, tail;
  if (n > 300) return NT_NONE;
  for (k = 0; k < n; k++) {
    if (s[k] == ',' || s[k] == '.') {
      if (s[k] == ',')
        nc++;
      else
        nd++;
      last = k;
    } else if (!isdig(s[k]))
      return NT_NONE;
  }
  if (nc + nd == 0) {
    *v = digval(s, n, n);
    return NT_PLAIN;
  }
  tail = n - last - 1;
  if (grouped(s, n, ',') || (nd >= 2 && grouped(s, n, '.'))) {
    *v = digval(s, n, n);
    return NT_GROUPED;
  }
  if (s[last] == '.' && nd == 1 && (nc == 0 || grouped(s, last, ','))) {
    *v = digval(s, n, last);
    return nc == 0 ? NT_DECIMAL : NT_GROUPED;
  }
  if (s[last] == ',' && nc == 1 && tail != 3 &&
      (nd == 0 || grouped(s, last, '.'))) {
    *v = digval(s, n, last);
    return nd == 0 ? NT_DECIMAL : NT_GROUPED;
  }
  return dotdate(s, n) ? NT_DATE : NT_LIST;
}

/* ------------------------------------------------------------------ */
/* pieces */

typedef struct Piece {
  uint32_t start, end; /* byte span in the text */
  uint32_t tok;        /* the token it is, or is part of */
  uint32_t fold, flen; /* its folded form in the folds */
  uint32_t lex;        /* LXBIT()s of the lists it may be in */
  uint16_t flags;      /* TRAWL_F_*; only a token's first piece has SPACE */
  uint8_t kind;        /* trawl_kind; a hyphen inside a word is a PUNCT */
  uint8_t shape;       /* NT_* of a NUMBER */
} Piece;

typedef struct Scan {
  const trawl_tokens *t;
  Piece *p;
  size_t n;
  void *mem; /* the block that holds p, after the lexicon if any */
} Scan;

/* the flags a piece inside a token does not take from it */
#define FIRSTONLY                                                             \
  (TRAWL_F_SPACE | TRAWL_F_NEWLINE | TRAWL_F_SENT | TRAWL_F_PARA | TRAWL_F_CAP)

/* length of the word-joining hyphen (- U+2010 U+2011) at s[k], or 0 */
static size_t hyphenat(const char *s, size_t k, size_t n) {
  const unsigned char *u = (const unsigned char *)s + k;
  if (u[0] == '-') return 1;
  if (k + 3 <= n && u[0] == 0xE2 && u[1] == 0x80 &&
      (u[2] == 0x90 || u[2] == 0x91))
    return 3;
  return 0;
}

/* an initial against digits, "10M." at a sentence end: the tokenizer
** took the period as the initial's */
static int initial(const trawl_tokens *t, size_t k) {
  const trawl_token *tk = &t->tok[k];
  return (tk->flags & TRAWL_F_ABBREV) && !(tk->flags & TRAWL_F_SPACE) &&
         k > 0 && tk->end - tk->start == 2 &&
         t->tok[k - 1].kind == TRAWL_NUMBER;
}

/* is token k split, and into how many pieces */
static size_t npieces(const trawl_tokens *t, size_t k, int *shape) {
  const trawl_token *tk = &t->tok[k];
  const char *s = t->text + tk->start;
  size_t n = tk->end - tk->start, i, c = 1;
  double v;
  *shape = NT_NONE;
  if (tk->kind == TRAWL_WORD &&
      !(tk->flags & (TRAWL_F_HYPHEN | TRAWL_F_ABBREV)))
    return 1; /* most are */
  if (initial(t, k)) return 2;
  if (tk->kind == TRAWL_NUMBER) {
    *shape = numshape(s, n, &v);
    if (*shape == NT_LIST)
      for (i = 0; i < n; i++)
        c += (s[i] == ',' || s[i] == '.') ? 2 : 0;
  } else if (tk->kind == TRAWL_WORD && (tk->flags & TRAWL_F_HYPHEN) &&
             !(tk->flags & TRAWL_F_DIGIT)) {
    for (i = 0; i < n; i++)
      c += hyphenat(s, i, n) ? 2 : 0;
  }
  return c;
}

static void setpiece(Piece *p, const trawl_token *tk, size_t k, size_t start,
                     size_t end, size_t fold, size_t flen) {
  p->start = (uint32_t)start;
  p->end = (uint32_t)end;
  p->tok = (uint32_t)k;
  p->fold = (uint32_t)fold;
  p->flen = (uint32_t)flen;
  p->lex = 0;
  p->flags = start == tk->start ? tk->flags : (tk->flags & ~FIRSTONLY);
  p->kind = tk->kind;
  p->shape = NT_NONE;
}

/* split a NUMBER list at its separators: 192 . 168 . 1 . 2 */
static Piece *splitlist(const trawl_token *tk, size_t k, const char *text,
                        Piece *p) {
  size_t a = tk->start, b;
  while (a < tk->end) {
    b = a;
    while (b < tk->end && isdig(text[b]))
      b++;
    if (b == a) b = a + 1; /* a separator */
    setpiece(p, tk, k, a, b, tk->fold + (a - tk->start), b - a);
    if (b - a == 1 && !isdig(text[a])) {
      p->kind = TRAWL_PUNCT;
    } else
      p->shape = NT_PLAIN;
    p++;
    a = b;
  }
  return p;
}

/* split a hyphenated word at its hyphens, walking the text and the fold
** together: the fold has a '-' for each hyphen */
static Piece *splitword(const trawl_tokens *t, size_t k, Piece *p) {
  const trawl_token *tk = &t->tok[k];
  const char *s = t->text, *f = t->folds + tk->fold;
  size_t a = tk->start, b = a, fa = 0, fb = 0, h;
  for (;;) {
    h = b < tk->end ? hyphenat(s, b, tk->end) : 0;
    if (b < tk->end && h == 0) {
      b++;
      continue;
    }
    while (fb < tk->foldlen && f[fb] != '-')
      fb++;
    setpiece(p++, tk, k, a, b, tk->fold + fa, fb - fa);
    if (b >= tk->end) return p;
    h = b + h; /* the hyphen is [b, h) */
    setpiece(p, tk, k, b, h, tk->fold + fb, fb < tk->foldlen);
    p->kind = TRAWL_PUNCT;
    p->flags = TRAWL_F_DASH;
    p++;
    a = b = h;
    fa = fb = fb < tk->foldlen ? fb + 1 : fb;
  }
}

/* The lists piece p may be in: by its fold, and as written when not
** longer than the longest word compared so. A piece too long to be a key
** may be a word too long for the lexicon: any list. */
static uint32_t lexof(const Lexicon *x, const trawl_tokens *t,
                      const Piece *p) {
  size_t n = p->end - p->start;
  Key f, s;
  uint32_t lx;
  if (p->flen > MAXKEY || (n > MAXKEY && n <= x->maxtext)) return LXALL;
  f = keyof(t->folds + p->fold, p->flen, t->folds + t->foldsize);
  lx = x->key[slotof(x, &f)].lists;
  if (n <= x->maxtext) {
    s = keyof(t->text + p->start, n, t->text + t->len);
    if (!samekey(&s, &f)) lx |= x->key[slotof(x, &s)].lists;
  }
  return lx;
}

/* The pieces of a document, in one block (S->mem) after the lexicon;
** 0 on allocation failure. A text of fewer than MINLEX pieces goes
** without a lexicon, which costs more to build than it would save: each
** of its pieces may be in any list. */
static int build(const trawl_tokens *t, Scan *S) {
  size_t k, total = 0, c, head;
  int shape;
  Piece *p, *q;
  Lexicon *x = NULL;
  for (k = 0; k < t->n; k++)
    total += npieces(t, k, &shape);
  S->t = t;
  S->n = total;
  head = total >= MINLEX ? sizeof(Lexicon) : 0;
  if (total > (SIZE_MAX - head) / sizeof(Piece)) return 0;
  S->mem = malloc(head + (total ? total : 1) * sizeof(Piece));
  if (S->mem == NULL) return 0;
  S->p = (Piece *)(void *)((char *)S->mem + head);
  if (head > 0) {
    x = S->mem;
    memset(x, 0, sizeof *x);
    lexicon(x);
  }
  for (k = 0, p = S->p; k < t->n; k++) {
    const trawl_token *tk = &t->tok[k];
    q = p;
    c = npieces(t, k, &shape);
    if (initial(t, k)) {
      setpiece(p++, tk, k, tk->start, tk->start + 1, tk->fold, 1);
      setpiece(p, tk, k, tk->start + 1, tk->end, tk->fold + 1, 1);
      p->kind = TRAWL_PUNCT;
      p->flags = 0;
      p++;
    } else if (c > 1 && tk->kind == TRAWL_NUMBER)
      p = splitlist(tk, k, t->text, p);
    else if (c > 1)
      p = splitword(t, k, p);
    else {
      setpiece(p, tk, k, tk->start, tk->end, tk->fold, tk->foldlen);
      p->shape = (uint8_t)shape;
      if (tk->kind == TRAWL_NUMBER && shape == NT_NONE) p->kind = TRAWL_OTHER;
      p++;
    }
    for (; q < p; q++)
      q->lex = x != NULL ? lexof(x, t, q) : LXALL;
  }
  return 1;
}

/* ------------------------------------------------------------------ */
/* looking at pieces */

static const char *foldof(const Scan *S, size_t i, size_t *len) {
  *len = S->p[i].flen;
  return S->t->folds + S->p[i].fold;
}

/* piece i may be in list lx */
static int mayin(const Scan *S, size_t i, int lx) {
  return (S->p[i].lex & LXBIT(lx)) != 0;
}

/* piece i's entry in list lx, by its fold */
static const Word *wordat(const Scan *S, size_t i, int lx) {
  size_t len;
  const char *s;
  if (i >= S->n || S->p[i].kind != TRAWL_WORD || !mayin(S, i, lx)) return NULL;
  s = foldof(S, i, &len);
  return lookup(lists[lx].tab, s, len);
}

/* piece i's entry in list lx, as written */
static const Word *asis(const Scan *S, size_t i, int lx) {
  if (i >= S->n || !mayin(S, i, lx)) return NULL;
  return lookup(lists[lx].tab, S->t->text + S->p[i].start,
                S->p[i].end - S->p[i].start);
}

/* piece i's fold is w; compared a byte at a time, as the first byte
** mostly decides */
static int is(const Scan *S, size_t i, const char *w) {
  size_t len, k;
  const char *s;
  if (i >= S->n) return 0;
  s = foldof(S, i, &len);
  for (k = 0; k < len; k++)
    if (w[k] == '\0' || w[k] != s[k]) return 0;
  return w[len] == '\0';
}

static int kindat(const Scan *S, size_t i) {
  return i < S->n ? S->p[i].kind : -1;
}

/* white space (or the text start) before piece i */
static int spaced(const Scan *S, size_t i) {
  return i < S->n && (S->p[i].flags & TRAWL_F_SPACE);
}

/* piece i touches the piece before it */
static int glued(const Scan *S, size_t i) {
  return i < S->n && !(S->p[i].flags & TRAWL_F_SPACE);
}

/* a hyphen or en dash: "10,000-12,000", "seventy-five" */
static int isdash(const Scan *S, size_t i) {
  return kindat(S, i) == TRAWL_PUNCT && is(S, i, "-");
}

static int isword(const Scan *S, size_t i) {
  return kindat(S, i) == TRAWL_WORD;
}

/* the value of NUMBER piece i */
static double numval(const Scan *S, size_t i) {
  const Piece *p = &S->p[i];
  double v = NAN;
  if (p->shape == NT_PLAIN) /* digits only: what numshape() would do */
    return digval(S->t->text + p->start, p->end - p->start, p->end - p->start);
  numshape(S->t->text + p->start, p->end - p->start, &v);
  return v;
}

/* piece i is a plain run of digits; its value and length */
static int plain(const Scan *S, size_t i, double *v, size_t *nd) {
  if (kindat(S, i) != TRAWL_NUMBER || S->p[i].shape != NT_PLAIN) return 0;
  *nd = S->p[i].end - S->p[i].start;
  *v = numval(S, i);
  return 1;
}

/* piece i is a plain number from lo to hi with at most maxd digits */
static int plainin(const Scan *S, size_t i, double lo, double hi,
                   size_t maxd) {
  double v;
  size_t nd;
  return plain(S, i, &v, &nd) && nd <= maxd && v >= lo && v <= hi;
}

/* piece i is a year: four plain digits from 1800 to 2100 */
static int yearat(const Scan *S, size_t i) {
  double v;
  size_t nd;
  return plain(S, i, &v, &nd) && nd == 4 && v >= 1800 && v <= 2100;
}

/* piece i is a capitalised month name; its number */
static int monthat(const Scan *S, size_t i) {
  const Word *w = wordat(S, i, LX_MONTH);
  return w != NULL && (S->p[i].flags & TRAWL_F_CAP) ? w->t : 0;
}

/* the cardinal word at i (plural with an "s" for hundreds, scales and
** dozens) */
static const Word *cardat(const Scan *S, size_t i, int *plural) {
  size_t len;
  const char *s;
  const Word *w;
  *plural = 0;
  if (!isword(S, i)) return NULL;
  s = foldof(S, i, &len);
  if (mayin(S, i, LX_CARD) && (w = lookup(cardwords, s, len)) != NULL)
    return w;
  if (!mayin(S, i, LX_CARDS) || len < 3 || s[len - 1] != 's') return NULL;
  w = lookup(cardwords, s, len - 1);
  if (w == NULL || (w->t != I_HUNDRED && w->t != I_SCALE && w->t != I_DOZEN))
    return NULL;
  *plural = 1;
  return w;
}

/* the ordinal or fraction word at i, plural "fifths" and "halves" too */
static const Word *ordat(const Scan *S, size_t i, int *plural) {
  size_t len;
  const char *s;
  const Word *w;
  *plural = 0;
  if (!isword(S, i)) return NULL;
  s = foldof(S, i, &len);
  if (mayin(S, i, LX_ORD) && (w = lookup(ordwords, s, len)) != NULL) return w;
  *plural = 1;
  if (is(S, i, "halves")) return lookup(ordwords, "half", 4);
  if (!mayin(S, i, LX_ORDS) || len < 4 || s[len - 1] != 's') return NULL;
  return lookup(ordwords, s, len - 1);
}

/* ------------------------------------------------------------------ */
/* digits */

#define V_DIGITS 0x01u /* begins with digits */
#define V_WORDS 0x02u  /* has number words */
#define V_PLAIN 0x04u  /* one plain run of digits: may be a year */
#define V_INT 0x08u    /* written as a whole number */
#define V_FRAC 0x10u   /* has a fraction: "and a half", "2 1/4" */
#define V_SCALED 0x20u /* multiplied by a scale word, suffix or dozen */
#define V_CHAIN 0x40u  /* one number of a list: 1-222-2222 */

/* a value read from digits or words */
typedef struct Val {
  double v;
  size_t end;   /* the piece after it */
  unsigned f;   /* V_* */
  double scale; /* the multiplier it ends with: 1e3 for "two thousand" */
  int last;     /* class (I_*) of its last item */
} Val;

/* exactly one space between pieces j - 1 and j: plain, no-break (U+00A0),
** figure (U+2007), thin (U+2009) or narrow no-break (U+202F) */
static int groupspace(const Scan *S, size_t j) {
  const unsigned char *s = (const unsigned char *)S->t->text + S->p[j - 1].end;
  size_t n = S->p[j].start - S->p[j - 1].end;
  if (n == 1) return s[0] == ' ';
  if (n == 2) return s[0] == 0xC2 && s[1] == 0xA0;
  return n == 3 && s[0] == 0xE2 && s[1] == 0x80 &&
         (s[2] == 0x87 || s[2] == 0x89 || s[2] == 0xAF);
}

/* "1 234 567", "40 000": groups of three digits after one space each,
** the last perhaps with decimals; returns the piece after them */
static size_t spacegroups(const Scan *S, size_t j, Val *a) {
  while (j < S->n && S->p[j].kind == TRAWL_NUMBER && groupspace(S, j) &&
         !(isword(S, j + 1) && glued(S, j + 1))) {
    const char *s = S->t->text + S->p[j].start;
    size_t len = S->p[j].end - S->p[j].start;
    if (S->p[j].shape == NT_PLAIN && len == 3) {
      a->v = a->v * 1000 + numval(S, j++);
      a->f &= ~V_PLAIN;
    } else if (S->p[j].shape == NT_DECIMAL && len > 4 && s[3] == '.') {
      a->v = a->v * 1000 + numval(S, j);
      a->f &= ~(V_PLAIN | V_INT);
      return j + 1;
    } else
      break;
  }
  return j;
}

/* A power written against digits that end at byte e: 1e10, 12.32e+14,
** 1.1^23, 2.5^-1, 1.3x10^6. Applies it to *v and returns the byte after
** it, or e when there is none. */
static size_t power(const char *s, size_t len, size_t e, double *v) {
  size_t q = e, d, k;
  int neg = 0, hat = 0;
  double x = 0, r;
  if (q < len && (s[q] == 'e' || s[q] == 'E'))
    q++;
  else if (q < len && s[q] == '^') {
    hat = 1;
    q++;
  } else if (q + 3 < len && (s[q] == 'x' || s[q] == 'X') && s[q + 1] == '1' &&
             s[q + 2] == '0' && s[q + 3] == '^')
    q += 4;
  else
    return e;
  for (k = 0; k < 2 && q < len && (s[q] == '+' || s[q] == '-'); k++, q++)
    neg ^= s[q] == '-';
  for (d = 0; q < len && isdig(s[q]); d++, q++)
    x = x * 10 + (s[q] - '0');
  if (d == 0 || d > 3) return e;
  if (q < len &&
      (isdig(s[q]) || ((s[q] | 0x20) >= 'a' && (s[q] | 0x20) <= 'z')))
    return e;
  r = hat ? pow(*v, neg ? -x : x) : *v * pow(10, neg ? -x : x);
  if (!isfinite(r)) return e;
  *v = r;
  return q;
}

/* the piece after the one that ends at byte q, searching from j; 0 if
** q falls inside a piece */
static size_t pieceend(const Scan *S, size_t j, size_t q) {
  for (; j < S->n && S->p[j].start < q; j++)
    if (S->p[j].end == q) return j + 1;
  return 0;
}

/* "2 1/4": a fraction under 1 after a whole number; the piece after it */
static size_t mixed(const Scan *S, size_t j, double *v) {
  double a, b;
  size_t na, nb;
  if (!spaced(S, j) || !plain(S, j, &a, &na) || !is(S, j + 1, "/") ||
      !glued(S, j + 1) || !glued(S, j + 2) || !plain(S, j + 2, &b, &nb))
    return 0;
  if (b == 0 || a >= b) return 0;
  if (glued(S, j + 3) && (is(S, j + 3, "/") || isdash(S, j + 3))) return 0;
  *v += a / b;
  return j + 3;
}

/* the abbreviated scale at piece j: 40bn, 10k, 2.33 k, US$1MM */
static const Word *suffixat(const Scan *S, size_t j, int money) {
  const Word *w;
  const char *f, *s;
  size_t flen, slen;
  if (!isword(S, j) || !mayin(S, j, LX_SUFFIX)) return NULL;
  f = foldof(S, j, &flen);
  s = S->t->text + S->p[j].start;
  slen = S->p[j].end - S->p[j].start;
  for (w = suffixes; w->w != NULL; w++) {
    int exact = (w->t & X_EXACT) != 0;
    size_t n = strlen(w->w);
    if (!(w->t & (glued(S, j) ? X_GLUE : X_SPACE))) continue;
    if ((w->t & X_MONEY) && !money) continue;
    if (n == (exact ? slen : flen) && memcmp(w->w, exact ? s : f, n) == 0)
      return w;
  }
  return NULL;
}

/* what may follow digits: a power, a vulgar fraction, "1/4", a suffix */
static size_t afterdigits(const Scan *S, size_t j, int money, Val *a) {
  const Word *w;
  double v = a->v;
  size_t e = S->p[j - 1].end, q, k;
  q = power(S->t->text, S->t->len, e, &v);
  if (q != e && (k = pieceend(S, j, q)) != 0) {
    a->v = v;
    a->f &= ~(V_PLAIN | V_INT);
    return k;
  }
  if (kindat(S, j) == TRAWL_OTHER && glued(S, j) &&
      (w = asis(S, j, LX_VULGAR)) != NULL) {
    a->v += w->v;
    a->f = (a->f & ~(V_PLAIN | V_INT)) | V_FRAC;
    return j + 1;
  }
  if ((a->f & V_PLAIN) && a->v < 1000 && (k = mixed(S, j, &a->v)) != 0) {
    a->f = (a->f & ~(V_PLAIN | V_INT)) | V_FRAC;
    return k;
  }
  if ((w = suffixat(S, j, money)) != NULL) {
    a->v *= w->v;
    a->scale = w->v;
    a->f = (a->f & ~(V_PLAIN | V_INT)) | V_SCALED;
    return j + 1;
  }
  return j;
}

/* a leading decimal point: ".08" */
static int leadingdot(const Scan *S, size_t i) {
  return kindat(S, i) == TRAWL_PUNCT && is(S, i, ".") && spaced(S, i) &&
         glued(S, i + 1) && kindat(S, i + 1) == TRAWL_NUMBER &&
         S->p[i + 1].shape == NT_PLAIN;
}

/* a number in digits at piece i, with what may follow it */
static int digatom(const Scan *S, size_t i, int money, Val *a) {
  const Word *w;
  size_t j, nd = 0;
  int shape = i < S->n ? S->p[i].shape : NT_NONE;
  a->f = V_DIGITS;
  a->scale = 0;
  if (kindat(S, i) == TRAWL_OTHER && (w = asis(S, i, LX_VULGAR)) != NULL) {
    a->v = w->v;
    a->f |= V_FRAC;
    a->end = i + 1;
    return 1;
  }
  if (leadingdot(S, i)) {
    plain(S, i + 1, &a->v, &nd);
    a->v /= pow(10, (double)nd);
    j = i + 2;
  } else if (kindat(S, i) == TRAWL_NUMBER && shape >= NT_PLAIN &&
             shape <= NT_DECIMAL) {
    a->v = numval(S, i);
    j = i + 1;
    if (shape == NT_PLAIN) {
      a->f |= V_PLAIN | V_INT;
      if (S->p[i].end - S->p[i].start <= 3) j = spacegroups(S, j, a);
    } else if (shape == NT_GROUPED && a->v == floor(a->v))
      a->f |= V_INT;
  } else
    return 0;
  a->end = afterdigits(S, j, money, a);
  return 1;
}

/* ------------------------------------------------------------------ */
/* cardinals in words and digits */

typedef struct Item {
  int t;        /* I_* */
  int plural;   /* hundreds, fifths */
  unsigned f;   /* V_* of digits; O_FRAC of an ordinal */
  double v;     /* value */
  double scale; /* suffix scale of digits */
  size_t end;   /* the piece after it */
} Item;

/* the item at piece i: a number word, digits, a, and, point, ordinal */
static int item(const Scan *S, size_t i, int money, Item *it) {
  const Word *w, *u;
  Val a;
  int pl;
  it->plural = 0;
  it->f = 0;
  it->scale = 0;
  it->end = i + 1;
  if (i >= S->n) return 0;
  if (S->p[i].kind != TRAWL_WORD) {
    if (!digatom(S, i, money, &a)) return 0;
    it->t = I_DIGITS;
    it->v = a.v;
    it->f = a.f;
    it->scale = a.scale;
    it->end = a.end;
    return 1;
  }
  it->v = 1;
  if (is(S, i, "a") || is(S, i, "an")) return it->t = I_A, 1;
  if (is(S, i, "and")) return it->t = I_AND, 1;
  if (is(S, i, "point")) return it->t = I_POINT, 1;
  if ((w = cardat(S, i, &pl)) != NULL) {
    it->t = w->t;
    it->v = w->v;
    it->plural = pl;
    if (w->t == I_TENS && isdash(S, i + 1) &&
        (u = cardat(S, i + 2, &pl)) != NULL && u->t == I_UNIT) {
      it->t = I_TU; /* seventy-five, fifty - two */
      it->v += u->v;
      it->end = i + 3;
    }
    return 1;
  }
  if ((w = ordat(S, i, &pl)) == NULL) return 0;
  it->t = I_ORD;
  it->v = w->v;
  it->f = (unsigned)w->t;
  it->plural = pl;
  return 1;
}

/* the state of cardinal() */
typedef struct Card {
  double total, hund, sub; /* finished scales, hundreds, the rest */
  double lastscale;        /* the last (smallest) scale taken */
  double scale;            /* suffix scale of digits */
  int last;                /* class of the last item taken */
  int nitems;
  size_t end; /* the piece after the last item taken */
  unsigned f; /* V_* */
} Card;

/* a place for tens and units: at the start or after a multiplier */
static int freeslot(int last) {
  return last == I_NONE || last == I_HUNDRED || last == I_SCALE;
}

/* something that "hundred" or "thousand" can multiply */
static int hasnum(int last) {
  return last == I_UNIT || last == I_TEEN || last == I_TENS || last == I_TU ||
         last == I_DIGITS || last == I_A;
}

/* a multiplier (not plural) at piece j, smaller than below */
static int multat(const Scan *S, size_t j, int money, double below) {
  Item it;
  if (!item(S, j, money, &it) || it.plural) return 0;
  return it.t == I_HUNDRED || it.t == I_DOZEN ||
         (it.t == I_SCALE && it.v < below);
}

/* the ordinal denominator at i: "fifths", "half", "twenty-first" (not
** "first" or "second" alone) */
static int denomat(const Scan *S, size_t i, double *d, int *plural,
                   size_t *e) {
  const Word *w, *t;
  size_t k;
  int pl;
  if (isdash(S, i)) i++; /* one-half, three-quarters */
  if ((w = ordat(S, i, plural)) != NULL) {
    if (w->v <= 2 && !(w->t & O_FRAC)) return 0;
    *d = w->v;
    *e = i + 1;
    return 1;
  }
  if ((t = cardat(S, i, &pl)) == NULL || t->t != I_TENS) return 0;
  k = isdash(S, i + 1) ? i + 2 : i + 1;
  if ((w = ordat(S, k, plural)) == NULL || w->v >= 10 || (w->t & O_FRAC))
    return 0;
  *d = t->v + w->v;
  *e = k + 1;
  return 1;
}

/* a proper fraction in words at i: "a half", "three quarters" */
static int smallfrac(const Scan *S, size_t i, double *fv, size_t *e) {
  Item it;
  double d;
  int pl;
  if (!item(S, i, 0, &it)) return 0;
  if (it.t == I_A || (it.t == I_UNIT && it.v == 1)) {
    if (!denomat(S, it.end, &d, &pl, e) || (pl && it.t == I_A)) return 0;
    *fv = 1 / d;
    return 1;
  }
  if (it.t != I_UNIT && it.t != I_TEEN && it.t != I_TENS && it.t != I_TU)
    return 0;
  if (!denomat(S, it.end, &d, &pl, e) || !pl) return 0;
  *fv = it.v / d;
  return *fv < 1;
}

/* "and a half" after a number, times the scale before it ("3 million and
** a half") or after it ("five and a half million", "one billion and a
** quarter million") */
static int andfrac(const Scan *S, Card *c, size_t i, int money) {
  double fv, base = c->total + c->hund + c->sub;
  size_t e;
  Item it;
  if (!smallfrac(S, i, &fv, &e)) return 0;
  c->f |= V_FRAC | V_WORDS;
  if (item(S, e, money, &it) && it.t == I_SCALE && !it.plural &&
      (c->lastscale == INFINITY ||
       (c->last == I_SCALE && it.v < c->lastscale))) {
    c->total =
        c->lastscale == INFINITY ? (base + fv) * it.v : base + fv * it.v;
    c->lastscale = it.v;
    c->last = I_SCALE;
    c->f |= V_SCALED;
    e = it.end;
  } else {
    c->total = c->last == I_SCALE ? base + fv * c->lastscale : base + fv;
    c->last = I_ORD;
  }
  c->hund = c->sub = 0;
  c->end = e;
  return 1;
}

/* "point five", "point zero three", "point seventy-one" after a number
** in words, and a scale after them: "one point five million" */
static void pointfrac(const Scan *S, Card *c, size_t i, int money) {
  double frac = 0, sc = 1;
  size_t j = i;
  Item it;
  if (c->lastscale != INFINITY || (c->f & V_DIGITS) ||
      !(c->last == I_ZERO || c->last == I_HUNDRED || hasnum(c->last)))
    return;
  while (item(S, j, 0, &it) && (it.t == I_ZERO || it.t == I_UNIT) &&
         sc < 1e15) {
    frac = frac * 10 + it.v;
    sc *= 10;
    j = it.end;
  }
  if (j == i && item(S, j, 0, &it) &&
      (it.t == I_TEEN || it.t == I_TENS || it.t == I_TU)) {
    frac = it.v;
    sc = 100;
    j = it.end;
  }
  if (j == i) return;
  c->total = c->hund + c->sub + frac / sc;
  c->hund = c->sub = 0;
  c->end = j;
  c->last = I_POINT;
  if (item(S, j, money, &it) && it.t == I_SCALE && !it.plural) {
    c->total *= it.v;
    c->lastscale = it.v;
    c->last = I_SCALE;
    c->end = it.end;
    c->f |= V_SCALED;
  }
}

enum { TAKE, STOP, BACK }; /* what step() does with an item */

/* Take item it into the cardinal c, or stop before it. BACK: it breaks
** the "and" before it ("3 hundred and 2 hundred"), so the number ends
** before that "and". */
static int step(const Scan *S, Card *c, const Item *it, int andlast,
                int money) {
  int fail = andlast != I_NONE ? BACK : STOP;
  switch (it->t) {
  case I_DIGITS:
    if (c->last == I_NONE) {
      c->sub = it->v;
      c->scale = it->scale;
      c->f |= it->f;
      return TAKE;
    }
    if ((c->last == I_HUNDRED || c->last == I_SCALE) && (it->f & V_INT) &&
        it->v > 0 && it->v < (c->last == I_HUNDRED ? 100 : c->lastscale) &&
        (andlast != I_NONE || multat(S, it->end, money, c->lastscale))) {
      c->sub = it->v;
      return TAKE;
    }
    return STOP;
  case I_ZERO:
    if (c->last != I_NONE) return STOP;
    c->f |= V_WORDS;
    return TAKE;
  case I_UNIT:
    if (c->last == I_TENS) {
      c->sub += it->v; /* fifty two */
      return TAKE;
    }
    /* fall through */
  case I_TEEN:
  case I_TENS:
  case I_TU:
    if (!freeslot(c->last)) return STOP;
    c->sub += it->v;
    c->f |= V_WORDS;
    return TAKE;
  case I_A:
    if (c->last != I_NONE || !multat(S, it->end, money, INFINITY)) return STOP;
    c->sub = 1;
    c->f |= V_WORDS;
    return TAKE;
  case I_HUNDRED:
    if (!hasnum(c->last) || c->hund != 0 || andlast == I_HUNDRED) return fail;
    c->hund = c->sub * 100;
    c->sub = 0;
    c->f |= V_WORDS;
    return TAKE;
  case I_SCALE:
    if (c->last == I_SCALE && andlast == I_NONE && !it->plural &&
        it->v > c->lastscale) {
      c->total *= it->v; /* lakh crore */
      c->lastscale = it->v;
      return TAKE;
    }
    if (!(hasnum(c->last) || c->last == I_HUNDRED || c->last == I_DOZEN) ||
        it->v >= c->lastscale)
      return fail;
    c->total += (c->hund + c->sub) * it->v;
    c->hund = c->sub = 0;
    c->lastscale = it->v;
    c->f |= V_WORDS | V_SCALED;
    return TAKE;
  case I_DOZEN:
    if (!hasnum(c->last) || c->sub == 0) return STOP;
    c->sub *= 12;
    c->f |= V_WORDS | V_SCALED;
    return TAKE;
  default: return STOP;
  }
}

/* the last multiplier of a cardinal, for ranges: "two to three thousand" */
static double endscale(const Card *c) {
  switch (c->last) {
  case I_SCALE: return c->lastscale;
  case I_HUNDRED: return 100;
  case I_DOZEN: return 12;
  case I_DIGITS: return c->scale;
  default: return 0;
  }
}

/* A cardinal at i: "two hundred and two thousand", "4 thousand 3 hundred
** and 21", "3 million and a half", "two point five", "50,000", "10k". */
static int cardinal(const Scan *S, size_t i, int money, Val *out) {
  Card c, snap;
  Item it;
  int andlast = I_NONE, afterand = 0, r;
  size_t j = i;
  memset(&c, 0, sizeof c);
  c.lastscale = INFINITY;
  c.end = i;
  snap = c;
  while (item(S, j, money, &it)) {
    if (it.t == I_AND) {
      if (c.last != I_NONE && c.last != I_ZERO && !afterand &&
          andfrac(S, &c, it.end, money))
        break;
      if (afterand || (c.last != I_HUNDRED && c.last != I_SCALE)) break;
      snap = c;
      andlast = c.last;
      afterand = 1;
      j = it.end;
      continue;
    }
    if (it.t == I_POINT) {
      if (!afterand) pointfrac(S, &c, it.end, money);
      break;
    }
    if (afterand && it.t != I_UNIT && it.t != I_TEEN && it.t != I_TENS &&
        it.t != I_TU && it.t != I_DIGITS)
      break;
    r = step(S, &c, &it, andlast, money);
    if (r == BACK) c = snap;
    if (r != TAKE) break;
    if (it.t == I_SCALE) andlast = I_NONE;
    c.last = it.t;
    c.end = j = it.end;
    c.nitems++;
    afterand = 0;
    if (it.t == I_DIGITS && (it.f & (V_SCALED | V_FRAC))) break;
  }
  if (c.end == i) return 0;
  out->v = c.total + c.hund + c.sub;
  out->end = c.end;
  out->f = c.f;
  if (c.nitems > 1) out->f &= ~(V_PLAIN | V_INT);
  out->scale = endscale(&c);
  out->last = c.last;
  return 1;
}

/* ------------------------------------------------------------------ */
/* fractions */

/* a word of a fraction in words, as Recognizers-Text reads them */
typedef struct FW {
  double v;  /* its value: 1 for "a", the ordinal's number for the last */
  int isand; /* the word "and" */
} FW;

/* words added up leniently: "one hundred and thirty" 130 */
static double sumwords(const FW *w, size_t n) {
  double total = 0, cur = 0;
  size_t k;
  for (k = 0; k < n; k++) {
    if (w[k].isand) continue;
    if (w[k].v >= 1000) {
      total += (cur != 0 ? cur : 1) * w[k].v;
      cur = 0;
    } else if (w[k].v == 100)
      cur = (cur != 0 ? cur : 1) * 100;
    else
      cur += w[k].v;
  }
  return total + cur;
}

/* can big take small after it in one number: thirty five, hundred one */
static int composable(double big, double small) {
  double base = small > 10 ? 100 : 10;
  return fmod(big, base) == 0 && big / base >= 1;
}

/* Where the denominator of w[0..n) begins; the last word is the ordinal.
** This is Recognizers-Text's rule: "one hundred thirty fifths" is 100/35,
** "one hundred and thirty fifths" 130/5, "twenty twenty fifths" 20/25. */
static size_t splitat(const FW *w, size_t n) {
  double cv = w[n - 1].v, pv, rnd = 1;
  size_t s;
  long k;
  for (k = (long)n - 2; k >= 0; k--) {
    if (w[k].isand) continue;
    pv = cv;
    cv = w[k].v;
    if (!((pv >= 100 && pv > cv) || (pv < 100 && composable(cv, pv))))
      return (size_t)k + 1;
    if (pv < 100 && cv >= rnd)
      rnd = cv;
    else if (pv < 100)
      return (size_t)k + 1;
    if (k == 0) {
      for (s = 1; s + 1 < n; s++)
        if (w[s].v >= 100 && !w[s + 1].isand && w[s + 1].v < 100) return s + 1;
      return s;
    }
  }
  return 0;
}

/* a singular ordinal fraction ("a third") is one only before "of", a
** scale, a conjunction or no word: "a third battalion" is an ordinal */
static int fracnext(const Scan *S, size_t e) {
  int pl;
  const Word *w;
  if (!isword(S, e)) return 1;
  if (is(S, e, "of") || is(S, e, "and") || is(S, e, "or")) return 1;
  w = cardat(S, e, &pl);
  return w != NULL && w->t >= I_HUNDRED && w->t <= I_DOZEN;
}

/* "of a million", "a million", "million" after a fraction: the scale */
static int fractail(const Scan *S, size_t j, double *sc, size_t *e) {
  const Word *w;
  int pl;
  if (is(S, j, "of") && (is(S, j + 1, "a") || is(S, j + 1, "an")))
    j += 2;
  else if (is(S, j, "a") || is(S, j, "an"))
    j++;
  w = cardat(S, j, &pl);
  if (w == NULL || pl || w->t < I_HUNDRED || w->t > I_DOZEN) return 0;
  *sc = w->v;
  *e = j + 1;
  return 1;
}

/* the value of fraction words w[0..n) split at s; 0 when none */
static int fracvalue(const FW *w, size_t n, size_t s, int plural, double *v) {
  double den = sumwords(w + s, n - s), num = 0, intv;
  long m = -1, k;
  for (k = (long)s - 2; k >= 0; k--)
    if (w[k].isand) {
      m = k;
      break;
    }
  if (m >= 0) {
    num = sumwords(w + m + 1, s - (size_t)m - 1);
    intv = sumwords(w, (size_t)m);
  } else
    intv = sumwords(w, s);
  if (den == 0) return 0;
  if (!plural && (m >= 0 ? num : intv) != 1) return 0; /* two millionth */
  *v = (m >= 0 && num < den) ? intv + num / den : (intv + num) / den;
  return 1;
}

/* the words of a fraction in words from i, up to its ordinal; their
** number, 0 if there is no ordinal */
static size_t fracwords(const Scan *S, size_t i, FW *w, Item *ord) {
  size_t n = 0, j = i;
  Item it;
  for (;;) {
    int hyph = n > 0 && isdash(S, j) && !w[n - 1].isand &&
               item(S, j + 1, 0, &it) && it.t == I_ORD;
    j += (size_t)hyph; /* one-eighth, thirty-fifths, hundred-fifths */
    if (n == MAXFW || !item(S, j, 0, &it)) return 0;
    if (it.t == I_ORD) {
      it.f |= hyph ? O_HYPH : 0;
      break;
    }
    switch (it.t) {
    case I_UNIT:
    case I_TEEN:
    case I_TENS:
    case I_TU: break;
    case I_HUNDRED:
    case I_SCALE:
      if (n == 0 || it.plural) return 0;
      break;
    case I_A:
      if (n > 0 && !w[n - 1].isand) return 0;
      break;
    case I_AND:
      if (n == 0 || w[n - 1].isand) return 0;
      break;
    default: return 0;
    }
    w[n].v = it.t == I_AND ? 0 : it.v;
    w[n++].isand = it.t == I_AND;
    j = it.end;
  }
  w[n].v = it.v;
  w[n++].isand = 0;
  *ord = it;
  return n;
}

/* A fraction with an ordinal denominator: "two thirds", "a half", "one
** hundred and three quarters", "a trillionth", "half", and a scale after
** it: "half a million", "two thirds of a million". */
static int nounfrac(const Scan *S, size_t i, Val *out) {
  FW w[MAXFW];
  Item ord;
  size_t n, s, e;
  double v, sc;
  int half, tail;
  if (!isword(S, i)) return 0; /* as item() would be digits */
  if ((n = fracwords(S, i, w, &ord)) == 0) return 0;
  half = (ord.f & O_FRAC) && !ord.plural;
  if (n == 1 && !half) return 0;
  if (n == 1)
    v = 1 / ord.v; /* half, and quarter with a scale */
  else {
    s = splitat(w, n);
    if (s == 0 || s >= n) return 0;
    if (s == n - 1 && ord.v <= 2 && !(ord.f & O_FRAC)) return 0;
    if (!fracvalue(w, n, s, ord.plural, &v)) return 0;
    if (!ord.plural && !(ord.f & O_HYPH) && !fracnext(S, ord.end)) return 0;
  }
  tail = v <= 1 && fractail(S, ord.end, &sc, &e);
  if (n == 1 && ord.v == 4 && !tail) return 0; /* quarter */
  out->f = V_WORDS | V_FRAC;
  out->scale = 0;
  out->last = I_ORD;
  out->v = v;
  out->end = ord.end;
  if (tail) {
    out->v *= sc;
    out->f |= V_SCALED;
    out->scale = sc;
    out->end = e;
  }
  return 1;
}

/* a whole number read by cardinal() */
static int whole(const Val *a) {
  return a->v == floor(a->v) && !(a->f & V_FRAC);
}

/* a unit of time at i: "in 10 minutes" */
static int timeunit(const Scan *S, size_t i) {
  return wordat(S, i, LX_TIMEUNIT) != NULL;
}

/* "one over three", "2 out of 5", "1 in 4" after the cardinal x (read
** with money 0): "over" only at the end of a phrase, "in" and "out of"
** only for less than one */
static int prepfrac(const Scan *S, const Val *x, Val *out) {
  Val y;
  size_t j;
  int sep;
  if (!whole(x)) return 0;
  j = x->end;
  if (is(S, j, "over"))
    sep = 1, j++;
  else if (is(S, j, "out") && is(S, j + 1, "of"))
    sep = 2, j += 2;
  else if (is(S, j, "in"))
    sep = 3, j++;
  else
    return 0;
  if (!cardinal(S, j, 0, &y) || !whole(&y) || y.v <= 0) return 0;
  if (sep == 1 && isword(S, y.end)) return 0;
  if (sep != 1 && x->v >= y.v) return 0;
  if (sep == 3 &&
      (timeunit(S, y.end) || ((y.f & V_PLAIN) && y.v >= 1800 && y.v <= 2100)))
    return 0;
  out->v = x->v / y.v;
  out->end = y.end;
  out->f = (x->f & (V_DIGITS | V_WORDS)) | V_FRAC;
  out->scale = 0;
  out->last = I_ORD;
  return 1;
}

/* ------------------------------------------------------------------ */
/* number expressions */

typedef struct Num {
  int kind, qual;
  double value, min, max;
  int cur;         /* currency: index in isocodes, or -1 */
  size_t p0, p1;   /* pieces [p0, p1) */
  size_t np;       /* first piece of the number proper */
  uint32_t numoff; /* its byte offset when inside a piece, else NOOFF */
  unsigned f;      /* V_* */
  double scale;    /* the multiplier it ends with */
} Num;

static int setnum(Num *n, int kind, double v, size_t p0, size_t p1) {
  n->kind = kind;
  n->qual = TRAWL_Q_NONE;
  n->value = v;
  n->min = n->max = NAN;
  n->cur = -1;
  n->p0 = n->np = p0;
  n->p1 = p1;
  n->numoff = NOOFF;
  n->f = 0;
  n->scale = 0;
  return 1;
}

/* a year as a value */
static int yearly(double v) {
  return v >= 1800 && v <= 2100 && v == floor(v);
}

/* a time zone in capitals after a time; the piece after it */
static size_t zone(const Scan *S, size_t j) {
  if (spaced(S, j) && (S->p[j].flags & TRAWL_F_ALLCAPS) &&
      wordat(S, j, LX_ZONE) != NULL)
    return j + 1;
  return j;
}

/* the separator between two numbers of a list: 1-222-2222/2222 */
static int listsep(const Scan *S, size_t j) {
  return glued(S, j) && (isdash(S, j) || is(S, j, "/")) && glued(S, j + 1) &&
         kindat(S, j + 1) == TRAWL_NUMBER;
}

/* numbers in the list that NUMBER piece i is part of, up to 3 */
static int chaincount(const Scan *S, size_t i, int *first) {
  int c = 1;
  size_t k = i;
  while (c < 3 && k >= 2 && kindat(S, k - 2) == TRAWL_NUMBER &&
         listsep(S, k - 1))
    k -= 2, c++;
  *first = k == i;
  for (k = i; c < 3 && listsep(S, k + 1); k += 2)
    c++;
  return c;
}

/* a date of three numbers: 5/17/2018, 24-02-2022, 2022-02-24 */
static int datelist(const Scan *S, size_t i) {
  double a, b, c;
  size_t na, nb, nc;
  if (!plain(S, i, &a, &na) || !plain(S, i + 2, &b, &nb) ||
      !plain(S, i + 4, &c, &nc) || !is(S, i + 1, "/") != !is(S, i + 3, "/"))
    return 0;
  if (na == 4 && yearly(a)) return b >= 1 && b <= 12 && c >= 1 && c <= 31;
  if ((nc != 4 || !yearly(c)) && nc != 2) return 0;
  return na <= 2 && nb <= 2 && a >= 1 && b >= 1 && a <= 31 && b <= 31 &&
         (a <= 12 || b <= 12);
}

/* a number of a list of three or more is read alone, or the list is a
** date */
static int listnum(const Scan *S, size_t i, int first, Num *n) {
  if (first && datelist(S, i)) return setnum(n, TRAWL_NUM_DATE, NAN, i, i + 5);
  if (S->p[i].shape < NT_PLAIN || S->p[i].shape > NT_DECIMAL) return 0;
  setnum(n, TRAWL_NUM_CARDINAL, numval(S, i), i, i + 1);
  n->f = V_DIGITS | V_CHAIN | (S->p[i].shape == NT_PLAIN ? V_PLAIN : 0);
  return 1;
}

/* "3.30pm", "15.00 GMT": a British time, a decimal with two places and
** a meridian or time zone; the piece after it in *e */
static int dottime(const Scan *S, size_t i, size_t *e) {
  const char *s;
  size_t len, j;
  double h;
  if (kindat(S, i) != TRAWL_NUMBER || S->p[i].shape != NT_DECIMAL) return 0;
  s = S->t->text + S->p[i].start;
  len = S->p[i].end - S->p[i].start;
  if (len < 4 || len > 5 || s[len - 3] != '.' || s[len - 2] > '5') return 0;
  h = s[0] - '0';
  if (len == 5) h = h * 10 + (s[1] - '0');
  if (wordat(S, i + 1, LX_MERIDIAN) != NULL && h >= 1 && h <= 12)
    j = i + 2;
  else if (h <= 24 && zone(S, i + 1) > i + 1)
    j = i + 1;
  else
    return 0;
  *e = zone(S, j);
  return 1;
}

/* times: 10:30, 15:00 GMT, 3 p.m., 3pm, 3.30pm, 0300 GMT, 3 o'clock */
static int timeat(const Scan *S, size_t i, Num *n) {
  double v;
  size_t nd, j;
  if (plainin(S, i, 0, 24, 2) && is(S, i + 1, ":") && glued(S, i + 1) &&
      glued(S, i + 2) && plain(S, i + 2, &v, &nd) && nd == 2 && v < 60) {
    j = i + 3;
    if (is(S, j, ":") && glued(S, j) && glued(S, j + 1) &&
        plainin(S, j + 1, 0, 59, 2))
      j += 2;
    if (wordat(S, j, LX_MERIDIAN) != NULL) j++;
    return setnum(n, TRAWL_NUM_TIME, NAN, i, zone(S, j));
  }
  if (plainin(S, i, 1, 12, 2) && wordat(S, i + 1, LX_MERIDIAN) != NULL)
    return setnum(n, TRAWL_NUM_TIME, NAN, i, zone(S, i + 2));
  if (dottime(S, i, &j)) return setnum(n, TRAWL_NUM_TIME, NAN, i, j);
  if (plainin(S, i, 1, 12, 2) && is(S, i + 1, "o'clock"))
    return setnum(n, TRAWL_NUM_TIME, NAN, i, i + 2);
  if (plain(S, i, &v, &nd) && nd == 4 && v <= 2359 && fmod(v, 100) < 60 &&
      zone(S, i + 1) > i + 1)
    return setnum(n, TRAWL_NUM_TIME, NAN, i, i + 2);
  return 0;
}

/* a day of the month at i, with "st", "th"; the piece after it */
static size_t dayat(const Scan *S, size_t i) {
  if (!plainin(S, i, 1, 31, 2)) return 0;
  if (glued(S, i + 1) && wordat(S, i + 1, LX_ORDSUFFIX) != NULL) return i + 2;
  return i + 1;
}

/* the year after a date that ends before j: "March 24, 2022" */
static size_t dateyear(const Scan *S, size_t j) {
  if (is(S, j, ",") && yearat(S, j + 1)) return j + 2;
  return yearat(S, j) ? j + 1 : j;
}

/* "24 March", "24-25 March 2022", "4th of July" */
static int daymonth(const Scan *S, size_t i, Num *n) {
  size_t j = dayat(S, i), k;
  if (j == 0) return 0;
  if (isdash(S, j) && (k = dayat(S, j + 1)) != 0) j = k;
  if (is(S, j, "of") && j == i + 2) j++; /* only after 4th */
  if (!monthat(S, j)) return 0;
  return setnum(n, TRAWL_NUM_DATE, NAN, i, dateyear(S, j + 1));
}

/* "March 24", "March 24, 2022", "Sept. 1", "May 4th", "March 2022" */
static int monthdate(const Scan *S, size_t i, Num *n) {
  size_t j = i + 1, k;
  if (!monthat(S, i)) return 0;
  if ((k = dayat(S, j)) != 0) {
    j = k;
    if (isdash(S, j) && (k = dayat(S, j + 1)) != 0) j = k;
    j = dateyear(S, j);
  } else if (yearat(S, j))
    j++;
  else
    return 0;
  return setnum(n, TRAWL_NUM_DATE, NAN, i, j);
}

/* is the word glued to digits a scale, power or time, not a unit */
static int notunit(const Scan *S, size_t num, size_t w) {
  const Word *c;
  double v = 1;
  int pl;
  size_t e = S->p[num].end;
  if (suffixat(S, w, 0) != NULL || power(S->t->text, S->t->len, e, &v) != e)
    return 1;
  c = cardat(S, w, &pl);
  return c != NULL && c->t >= I_HUNDRED && c->t <= I_DOZEN;
}

/* "155mm", "29km", "2S19", ".25ml": a number with letters against it is
** a unit or a model name; value the last digits */
static int unitmodel(const Scan *S, size_t i0, size_t i, Num *n) {
  size_t w = i + 1, a, b;
  const char *s;
  Val x;
  if (!isword(S, w) || !glued(S, w) || notunit(S, i, w)) return 0;
  if (!digatom(S, i0, 0, &x)) return 0;
  s = S->t->text + S->p[w].start;
  setnum(n, TRAWL_NUM_MODEL, x.v, i0, w + 1);
  b = S->p[w].end - S->p[w].start;
  while (b > 0 && !isdig(s[b - 1]))
    b--;
  for (a = b; a > 0 && isdig(s[a - 1]); a--)
    ;
  if (a < b && b - a <= 300) {
    n->value = digval(s + a, b - a, b - a);
    n->numoff = S->p[w].start + (uint32_t)a;
  }
  return 1;
}

/* a word against digits: 3rd (ordinal), 1990s (year), 3pm (time) */
static int gluedword(const Scan *S, size_t i, Num *n) {
  double v;
  size_t nd, w = i + 1;
  if (!isword(S, w) || !glued(S, w) || !plain(S, i, &v, &nd)) return 0;
  if (wordat(S, w, LX_ORDSUFFIX) != NULL)
    return setnum(n, TRAWL_NUM_ORDINAL, v, i, w + 1);
  if (is(S, w, "s") &&
      ((nd == 4 && yearly(v)) || (nd == 2 && fmod(v, 10) == 0)))
    return setnum(n, TRAWL_NUM_YEAR, v, i, w + 1);
  return 0;
}

/* "1995-01", "2022-11": a year and a month, when not a range of years */
static int yearmonth(const Scan *S, size_t i, Num *n) {
  double a, b;
  size_t na, nb;
  if (!plain(S, i, &a, &na) || na != 4 || !yearly(a) || !listsep(S, i + 1) ||
      !isdash(S, i + 1) || !plain(S, i + 2, &b, &nb) || nb != 2 || b < 1 ||
      b > 12)
    return 0;
  if (S->t->text[S->p[i + 2].start] != '0' && floor(a / 100) * 100 + b > a)
    return 0; /* 2010-12 */
  return setnum(n, TRAWL_NUM_DATE, NAN, i, i + 3);
}

/* "3/4" a fraction, "2022/23" a year */
static int slashed(const Scan *S, size_t i, Num *n) {
  double a, b;
  size_t na, nb;
  if (!plain(S, i, &a, &na) || !is(S, i + 1, "/") || !glued(S, i + 1) ||
      !glued(S, i + 2) || !plain(S, i + 2, &b, &nb))
    return 0;
  if (na == 4 && yearly(a) && (nb == 2 || (nb == 4 && yearly(b))))
    return setnum(n, TRAWL_NUM_YEAR, a, i, i + 3);
  if (b == 0) return 0;
  setnum(n, TRAWL_NUM_FRACTION, a / b, i, i + 3);
  n->f = V_DIGITS | V_FRAC;
  return 1;
}

/* what digits at i are when not a quantity: a list, a date, a time, an
** ordinal, a year, a unit or model name */
static int special(const Scan *S, size_t i, Num *n) {
  int first;
  if (leadingdot(S, i)) return unitmodel(S, i, i + 1, n);
  if (kindat(S, i) != TRAWL_NUMBER) return 0;
  if (S->p[i].shape == NT_DATE)
    return setnum(n, TRAWL_NUM_DATE, NAN, i, i + 1);
  if (chaincount(S, i, &first) >= 3) return listnum(S, i, first, n);
  return timeat(S, i, n) || daymonth(S, i, n) || gluedword(S, i, n) ||
         unitmodel(S, i, i, n) || slashed(S, i, n) || yearmonth(S, i, n);
}

/* "twenty-first" is an ordinal, not twenty */
static int tensord(const Scan *S, size_t i) {
  const Word *t, *w;
  int pl;
  if ((t = cardat(S, i, &pl)) == NULL || t->t != I_TENS || !isdash(S, i + 1))
    return 0;
  w = ordat(S, i + 2, &pl);
  return w != NULL && !pl && !(w->t & O_FRAC) && w->v < 10;
}

/* "one" as a pronoun: "the one you mentioned", "one another" */
static int pronoun(const Scan *S, size_t i, const Val *a) {
  if (a->end != i + 1 || !is(S, i, "one")) return 0;
  return (i > 0 && wordat(S, i - 1, LX_DETERMINER) != NULL) ||
         is(S, i + 1, "another");
}

/* "one hundred twenty fifth", "three hundred twenty-second": a cardinal
** in words that an ordinal word completes; the value, or 0 */
static double ordtail(const Scan *S, const Val *a, size_t *e) {
  const Word *w;
  size_t j = a->end;
  int pl;
  if (!(a->f & V_WORDS) || (a->f & (V_DIGITS | V_FRAC))) return 0;
  if (a->last == I_TENS && isdash(S, j) && glued(S, j) && glued(S, j + 1)) j++;
  if ((w = ordat(S, j, &pl)) == NULL || pl || (w->t & O_FRAC)) return 0;
  if (!(a->last == I_TENS && w->v < 10) &&
      !((a->last == I_HUNDRED || a->last == I_SCALE) && w->v < 100))
    return 0;
  *e = j + 1;
  return a->v + w->v;
}

/* the longest number at i: a cardinal, a fraction in words, or "X over
** Y"; after a currency sign only a cardinal */
static int core(const Scan *S, size_t i, int money, Num *n) {
  Val a, b, c, *best = NULL;
  double v;
  size_t e;
  int card;
  if (!money && special(S, i, n)) return 1;
  if (tensord(S, i)) return 0;
  if ((card = cardinal(S, i, money, &a)) != 0) best = &a;
  if (!money && nounfrac(S, i, &b) && (best == NULL || b.end > best->end))
    best = &b;
  if (!money && card && prepfrac(S, &a, &c) &&
      (best == NULL || c.end > best->end))
    best = &c;
  if (best == NULL || pronoun(S, i, best)) return 0;
  if (best == &a && (v = ordtail(S, &a, &e)) > 0)
    return setnum(n, TRAWL_NUM_ORDINAL, v, i, e);
  setnum(n,
         (best->f & V_FRAC) && !(best->f & V_SCALED) ? TRAWL_NUM_FRACTION
                                                     : TRAWL_NUM_CARDINAL,
         best->v, i, best->end);
  n->f = best->f;
  n->scale = best->scale;
  return 1;
}

/* a minus sign: "-" or U+2212 after a space, against digits */
static int minussign(const Scan *S, size_t i) {
  if (kindat(S, i) != TRAWL_PUNCT || !spaced(S, i) || !glued(S, i + 1))
    return 0;
  if (kindat(S, i + 1) != TRAWL_NUMBER && !leadingdot(S, i + 1)) return 0;
  return asis(S, i, LX_MINUS) != NULL;
}

/* a number at i, with "minus", "negative" or a minus sign before it */
static int number(const Scan *S, size_t i, int money, Num *n) {
  size_t j = i;
  if (is(S, i, "minus") || is(S, i, "negative") || minussign(S, i)) j++;
  if (!core(S, j, money, n)) return 0;
  if (j == i) return 1;
  if (n->kind != TRAWL_NUM_CARDINAL && n->kind != TRAWL_NUM_FRACTION) return 0;
  n->value = -n->value;
  n->p0 = n->np = i;
  n->f &= ~V_PLAIN;
  return 1;
}

/* a currency sign or code before digits at i: $, US$, €, USD; its index
** in isocodes and the piece of the digits, or -1 */
static int curprefix(const Scan *S, size_t i, size_t *j) {
  const Word *w;
  if (kindat(S, i) == TRAWL_SYMBOL && (w = asis(S, i, LX_CURSIGN)) != NULL)
    *j = i + 1;
  else if (isword(S, i) && (w = asis(S, i, LX_DOLLARKIND)) != NULL &&
           is(S, i + 1, "$") && glued(S, i + 1))
    *j = i + 2;
  else if (isword(S, i) && (w = asis(S, i, LX_CURCODE)) != NULL &&
           spaced(S, i + 1))
    *j = i + 1;
  else
    return -1;
  if (kindat(S, *j) != TRAWL_NUMBER && !leadingdot(S, *j)) return -1;
  return w->t;
}

/* "20%", "20 percent", "20 per cent", "2 percentage points" */
static int percent(const Scan *S, Num *n) {
  size_t j = n->p1;
  if (kindat(S, j) == TRAWL_SYMBOL &&
      (is(S, j, "%") || is(S, j, "\xEF\xBC\x85")))
    j++;
  else if (is(S, j, "percent") || is(S, j, "pct"))
    j++;
  else if (is(S, j, "per") && is(S, j + 1, "cent"))
    j += 2;
  else if (is(S, j, "percentage") &&
           (is(S, j + 1, "point") || is(S, j + 1, "points")))
    j += 2;
  else
    return 0;
  n->kind = TRAWL_NUM_PERCENT;
  n->p1 = j;
  n->f &= ~V_PLAIN;
  return 1;
}

/* a currency word after a number: "40 billion dollars", "US dollars",
** "pounds sterling"; not "pounds of explosives" */
static int curword(const Scan *S, Num *n) {
  size_t j = n->p1;
  const Word *w = wordat(S, j, LX_DOLLARADJ);
  if (!spaced(S, j)) return 0;
  if (w != NULL && (is(S, j + 1, "dollars") || is(S, j + 1, "dollar"))) {
    n->cur = w->t;
    n->p1 = j + 2;
  } else if (is(S, j, "pound") && is(S, j + 1, "sterling")) {
    n->cur = GBP;
    n->p1 = j + 2;
  } else if ((w = wordat(S, j, LX_CURWORD)) != NULL &&
             !(w->t == GBP && is(S, j + 1, "of"))) {
    n->cur = w->t;
    n->p1 = is(S, j + 1, "sterling") ? j + 2 : j + 1;
  } else
    return 0;
  n->f &= ~V_PLAIN;
  return 1;
}

/* a quantity: a number with a currency sign, percent or currency word */
static int quantity1(const Scan *S, size_t i, Num *n) {
  size_t j = i;
  int cur = curprefix(S, i, &j);
  if (!number(S, j, cur >= 0, n)) return 0;
  if (cur >= 0) {
    if (n->kind != TRAWL_NUM_CARDINAL) return 0;
    n->cur = cur;
    n->p0 = i;
    n->f &= ~V_PLAIN;
    if (cur == JPY && (is(S, n->p1, "yuan") || is(S, n->p1, "renminbi"))) {
      n->cur = CNY;
      n->p1++;
    }
  } else if ((n->kind == TRAWL_NUM_CARDINAL ||
              n->kind == TRAWL_NUM_FRACTION) &&
             !percent(S, n))
    curword(S, n);
  return 1;
}

/* Make x the range from x to y: "10,000-12,000", "two to three
** thousand" (the scale goes to both), "2014-2022" (years), "10-20%". */
static int merge(Num *x, const Num *y, int tight) {
  double lo = x->value, hi = y->value;
  int kind = TRAWL_NUM_RANGE;
  if ((y->kind != TRAWL_NUM_CARDINAL && y->kind != TRAWL_NUM_PERCENT) ||
      (x->kind == TRAWL_NUM_PERCENT && y->kind != TRAWL_NUM_PERCENT))
    return 0;
  if (x->cur >= 0 && y->cur >= 0 && x->cur != y->cur) return 0;
  if (y->kind == TRAWL_NUM_PERCENT) kind = TRAWL_NUM_PERCENT;
  if ((x->f & V_PLAIN) && (y->f & V_PLAIN) && yearly(lo) &&
      (yearly(hi) || (tight && hi < 100))) {
    kind = TRAWL_NUM_YEAR;
    if (hi < 100) hi += floor(lo / 100) * 100; /* 2022-23 */
  } else if (x->scale == 0 && y->scale > 1 && lo * y->scale < hi)
    lo *= y->scale;
  if (!(lo < hi)) return 0;
  x->kind = kind;
  x->value = NAN;
  x->min = lo;
  x->max = hi;
  x->p1 = y->p1;
  if (x->cur < 0) x->cur = y->cur;
  x->f &= ~V_PLAIN;
  return 1;
}

/* a range after the quantity x: "-12,000", "to 12,000" */
static void rangetail(const Scan *S, Num *x) {
  size_t j = x->p1;
  int dash = isdash(S, j) || is(S, j, "~");
  Num y;
  if (!dash && !is(S, j, "to") && !is(S, j, "through") && !is(S, j, "thru"))
    return;
  if (dash && !(x->f & V_DIGITS)) return;
  if (!quantity1(S, j + 1, &y) || (dash && !(y.f & V_DIGITS))) return;
  merge(x, &y, dash && glued(S, j) && glued(S, j + 1));
}

/* "between 3,000 and 5,000", "from 10,000 to 12,000" */
static int between(const Scan *S, size_t i, Num *n) {
  const char *link;
  Num y;
  if (is(S, i, "between"))
    link = "and";
  else if (is(S, i, "from"))
    link = "to";
  else
    return 0;
  if (!quantity1(S, i + 1, n) || (n->f & V_CHAIN) ||
      (n->kind != TRAWL_NUM_CARDINAL && n->kind != TRAWL_NUM_PERCENT))
    return 0;
  if (!is(S, n->p1, link) || !quantity1(S, n->p1 + 1, &y) || !merge(n, &y, 0))
    return 0;
  n->p0 = i;
  return 1;
}

/* a plural scale word (not after a number): hundreds, thousands, dozens */
static const Word *pluralscale(const Scan *S, size_t i) {
  int pl;
  const Word *w = cardat(S, i, &pl);
  return w != NULL && pl ? w : NULL;
}

/* "several hundred", "a few thousand", "several hundred thousand": the
** scales after a vague word; the lower bound, NAN if none */
static double vaguescale(const Scan *S, size_t *j) {
  int pl;
  const Word *w = cardat(S, *j, &pl), *x;
  if (w == NULL || pl || w->t < I_HUNDRED || w->t > I_DOZEN) return NAN;
  (*j)++;
  if (w->t == I_HUNDRED && (x = cardat(S, *j, &pl)) != NULL && !pl &&
      x->t == I_SCALE) {
    (*j)++;
    return 2 * w->v * x->v;
  }
  return 2 * w->v;
}

/* Vague quantities: "hundreds of", "tens of thousands of", "dozens",
** "scores of", "several", "a few", "a handful of", with "of" and a
** currency ("billions of dollars"); and "a couple of", "a pair of" (2). */
static int vague(const Scan *S, size_t i, Num *n) {
  const Word *w, *c;
  double min = NAN;
  size_t j;
  int kind = TRAWL_NUM_VAGUE;
  if ((is(S, i, "tens") || is(S, i, "hundreds")) && is(S, i + 1, "of") &&
      (w = pluralscale(S, i + 2)) != NULL && w->t == I_SCALE) {
    min = (is(S, i, "tens") ? 20 : 200) * w->v;
    j = i + 3;
  } else if ((w = pluralscale(S, i)) != NULL) {
    min = 2 * w->v;
    j = i + 1;
  } else if (is(S, i, "scores") && is(S, i + 1, "of")) {
    min = 40;
    j = i + 1;
  } else if (is(S, i, "several") || (is(S, i, "a") && is(S, i + 1, "few"))) {
    j = is(S, i, "a") ? i + 2 : i + 1;
    min = vaguescale(S, &j);
  } else if (is(S, i, "a") && is(S, i + 1, "handful")) {
    j = i + 2;
  } else if (is(S, i, "a") &&
             (is(S, i + 1, "couple") || is(S, i + 1, "pair"))) {
    kind = TRAWL_NUM_CARDINAL;
    j = i + 2;
    if (is(S, j, "of")) j++;
    min = vaguescale(S, &j);
    min = isnan(min) ? 2 : min; /* "a couple of hundred": 200 */
  } else
    return 0;
  if (kind == TRAWL_NUM_CARDINAL) return setnum(n, kind, min, i, j);
  setnum(n, kind, NAN, i, j);
  n->min = min;
  if (is(S, j, "of")) {
    n->p1 = ++j;
    if ((c = wordat(S, j, LX_CURWORD)) != NULL && c->t != GBP) {
      n->cur = c->t;
      n->p1++;
    }
  }
  return 1;
}

/* a quantity at i, a range of them, a vague one, or digits that are a
** date, time, year ... */
static int quantity(const Scan *S, size_t i, Num *n) {
  if (vague(S, i, n)) return 1;
  if (!quantity1(S, i, n)) return 0;
  if ((n->kind == TRAWL_NUM_CARDINAL || n->kind == TRAWL_NUM_PERCENT) &&
      !(n->f & V_CHAIN))
    rangetail(S, n);
  if (n->kind == TRAWL_NUM_CARDINAL && (n->f & V_PLAIN) && n->cur < 0 &&
      yearly(n->value))
    n->kind = TRAWL_NUM_YEAR;
  return 1;
}

/* the word of a phrase at p, up to a space or the end, is f[0..n) */
static int phraseword(const char *p, const char *f, size_t n) {
  size_t k;
  for (k = 0; k < n; k++)
    if (p[k] == '\0' || p[k] == ' ' || p[k] != f[k]) return 0;
  return p[n] == '\0' || p[n] == ' ';
}

/* the longest phrase of list lx at i ("more than"); the piece after it,
** or 0; its t in *q */
static size_t phrase(const Scan *S, size_t i, int lx, int *q) {
  const Word *w;
  size_t best = 0, j, flen;
  const char *p, *f;
  char first;
  if (i >= S->n || !mayin(S, i, lx)) return 0;
  f = foldof(S, i, &flen);
  if (flen == 0) return 0;
  first = f[0];
  for (w = lists[lx].tab; w->w != NULL; w++) {
    if (w->w[0] != first) continue; /* the quick test */
    for (j = i, p = w->w; j < S->n; j++, p += flen + 1) {
      f = foldof(S, j, &flen);
      if (!phraseword(p, f, flen)) break;
      if (p[flen] == '\0') {
        if (j + 1 > best) best = j + 1, *q = w->t;
        break;
      }
    }
  }
  return best;
}

/* can a comparator qualify n; "some" only a number */
static int qualifies(const Scan *S, size_t i, Num *n) {
  if (n->kind == TRAWL_NUM_YEAR && isnan(n->min) && (n->f & V_PLAIN))
    n->kind = TRAWL_NUM_CARDINAL; /* "more than 2000" */
  if (is(S, i, "some") && n->kind == TRAWL_NUM_VAGUE) return 0;
  return n->kind == TRAWL_NUM_CARDINAL || n->kind == TRAWL_NUM_RANGE ||
         n->kind == TRAWL_NUM_VAGUE || n->kind == TRAWL_NUM_FRACTION ||
         n->kind == TRAWL_NUM_PERCENT;
}

/* "50 or more", "about 500 or less": the comparator after a number */
static void postqual(const Scan *S, Num *n) {
  int q;
  size_t j;
  if (n->kind != TRAWL_NUM_CARDINAL && n->kind != TRAWL_NUM_PERCENT) return;
  if (n->qual != TRAWL_Q_NONE && n->qual != TRAWL_Q_APPROX) return;
  if ((j = phrase(S, n->p1, LX_POSTCOMP, &q)) == 0) return;
  if (is(S, j, "than") || is(S, j, "to") || kindat(S, j) == TRAWL_NUMBER)
    return; /* "200 or more than 190" */
  n->qual = q;
  n->p1 = j;
}

/* "third", "twenty-first" */
static int ordword(const Scan *S, size_t i, Num *n) {
  const Word *w, *t;
  int pl;
  if (tensord(S, i)) {
    t = cardat(S, i, &pl);
    w = ordat(S, i + 2, &pl);
    return setnum(n, TRAWL_NUM_ORDINAL, t->v + w->v, i, i + 3);
  }
  if ((w = ordat(S, i, &pl)) == NULL || pl || (w->t & O_FRAC)) return 0;
  return setnum(n, TRAWL_NUM_ORDINAL, w->v, i, i + 1);
}

/* a word with digits: a model name (Hwasong-17, F-16, M777, G7), value
** its last digits; "mid-2022" is a year */
static int modelword(const Scan *S, size_t i, Num *n) {
  const Piece *p;
  const char *s, *f;
  size_t a, b, flen;
  if (!isword(S, i) || !(S->p[i].flags & TRAWL_F_DIGIT)) return 0;
  p = &S->p[i];
  s = S->t->text + p->start;
  b = p->end - p->start;
  while (b > 0 && !isdig(s[b - 1]))
    b--;
  for (a = b; a > 0 && isdig(s[a - 1]); a--)
    ;
  if (a == b || b - a > 300) return 0;
  setnum(n, TRAWL_NUM_MODEL, digval(s + a, b - a, b - a), i, i + 1);
  n->numoff = p->start + (uint32_t)a;
  f = foldof(S, i, &flen);
  if (b == p->end - p->start && b - a == 4 && yearly(n->value) && flen == b &&
      lookup(yearprefixes, f, a) != NULL)
    n->kind = TRAWL_NUM_YEAR;
  return 1;
}

enum { NOSTART, COMPSTART, START }; /* what startat() says */

/* Can an expression start at piece i: NOSTART, START, or COMPSTART
** when only as the first word of a comparator ("in", "at")? Each reader
** starts at digits, at a word with digits, or at a word of the STARTS
** lists, or of the SPACEDSTARTS lists after a space; so most pieces are
** turned away here without asking each reader. */
static int startat(const Scan *S, size_t i) {
  const Piece *p = &S->p[i];
  if (p->kind == TRAWL_NUMBER || (p->flags & TRAWL_F_DIGIT) ||
      ((p->lex & SPACEDSTARTS) && (p->flags & TRAWL_F_SPACE)))
    return START;
  if ((p->lex & STARTS) == 0) return NOSTART;
  return (p->lex & STARTS) == LXBIT(LX_COMPARATOR) ? COMPSTART : START;
}

/* the number expression at piece i, if one starts there */
static int readat(const Scan *S, size_t i, Num *n) {
  size_t j;
  int q = TRAWL_Q_NONE, start = startat(S, i);
  if (start == NOSTART) return 0;
  if (monthdate(S, i, n)) return 1;
  if ((j = phrase(S, i, LX_COMPARATOR, &q)) != 0 && j < S->n &&
      startat(S, j) != NOSTART && quantity(S, j, n) && qualifies(S, i, n)) {
    n->qual = q;
    n->p0 = i;
  } else if (start == COMPSTART)
    return 0;
  else if (!between(S, i, n) && !quantity(S, i, n))
    return ordword(S, i, n) || modelword(S, i, n);
  postqual(S, n);
  return 1;
}

/* ------------------------------------------------------------------ */
/* the API */

static void fill(const Scan *S, const Num *n, trawl_number *out) {
  const Piece *a = &S->p[n->p0], *b = &S->p[n->p1 - 1], *c = &S->p[n->np];
  out->kind = n->kind;
  out->qual = n->qual;
  out->value = n->value;
  out->min = n->min;
  out->max = n->max;
  memset(out->currency, 0, sizeof out->currency);
  if (n->cur >= 0) memcpy(out->currency, isocodes[n->cur], 3);
  out->tok_start = a->tok;
  out->tok_end = b->tok + 1;
  out->start = a->start;
  out->end = b->end;
  out->num_tok_start = c->tok;
  out->num_start = n->numoff != NOOFF ? n->numoff : c->start;
}

/* The piece after the web address that piece i starts (a run without
** white space holding "://" or starting "www."), or i: the numbers of
** "http://x.org/a?q=%2022" are not read. */
static size_t skipurl(const Scan *S, size_t i) {
  const char *s = S->t->text;
  size_t b = S->p[i].start, e = b, len = S->t->len;
  int url = len - b >= 4 && memcmp(s + b, "www.", 4) == 0;
  for (;
       e < len && s[e] != ' ' && s[e] != '\t' && s[e] != '\n' && s[e] != '\r';
       e++)
    url |= s[e] == ':' && e + 2 < len && s[e + 1] == '/' && s[e + 2] == '/';
  if (!url) return i;
  while (i < S->n && S->p[i].start < e)
    i++;
  return i;
}

/* a byte that ends a run between pieces i - 1 and i: then no web
** address from before piece i reaches it */
static int runends(const Scan *S, size_t i) {
  const char *s = S->t->text;
  size_t b = S->p[i - 1].end;
  for (; b < S->p[i].start; b++)
    if (s[b] == ' ' || s[b] == '\t' || s[b] == '\n' || s[b] == '\r') return 1;
  return 0;
}

/*
** Each spaced piece may start a web address, to be skipped; but finding
** where its run ends reads every byte, so the test is put off (pending)
** until a piece that can start an expression shows that the answer
** matters. A spaced piece in the same run (after a no-break space, say)
** settles the pending test first, as the address may begin before it.
*/
int trawl_number_scan(const trawl_tokens *t, trawl_number_cb cb, void *ud) {
  Scan S;
  Num n;
  trawl_number out;
  size_t i = 0, k, pending = SIZE_MAX;
  int r = 0;
  if (t == NULL || cb == NULL) return TRAWL_EARG;
  if (!build(t, &S)) return TRAWL_ENOMEM;
  while (i < S.n && r == 0) {
    if (spaced(&S, i)) {
      if (pending != SIZE_MAX && !runends(&S, i) &&
          (k = skipurl(&S, pending)) > i) {
        i = k;
        pending = SIZE_MAX;
        continue;
      }
      pending = i;
    }
    if (startat(&S, i) == NOSTART) {
      i++;
      continue;
    }
    if (pending != SIZE_MAX) {
      k = skipurl(&S, pending);
      pending = SIZE_MAX;
      if (k > i) {
        i = k;
        continue;
      }
    }
    if (readat(&S, i, &n) && n.p1 > i) {
      fill(&S, &n, &out);
      r = cb(&out, ud);
      i = n.p1;
    } else
      i++;
  }
  free(S.mem);
  return r;
}

int trawl_number_parse(const char *s, size_t len, trawl_number *out) {
  trawl_tokens *t;
  Scan S;
  Num n;
  int ok = 0;
  if (s == NULL || out == NULL) return 0;
  if ((t = trawl_tokenize(s, len, NULL)) == NULL) return 0;
  if (build(t, &S)) {
    ok = S.n > 0 && readat(&S, 0, &n) && n.p1 == S.n;
    if (ok) fill(&S, &n, out);
    free(S.mem);
  }
  trawl_tokens_free(t);
  return ok;
}

const char *trawl_numkind_name(int kind) {
  static const char *const names[TRAWL_NUM_NKINDS] = {
      "cardinal", "range", "vague",   "ordinal",  "year",
      "date",     "time",  "percent", "fraction", "model"};
  return (kind >= 0 && kind < TRAWL_NUM_NKINDS) ? names[kind] : "?";
}
