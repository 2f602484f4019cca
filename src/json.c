/*
** json.c - JSON string quoting that always yields valid UTF-8.
*/
#include "trawl.h"

/* length of the valid UTF-8 sequence at s[0..n), or 0 when invalid;
** rejects overlong forms, surrogates and code points past U+10FFFF */
static size_t utf8_seqlen(const unsigned char *s, size_t n) {
  unsigned c = s[0];
  size_t len, i;
  unsigned long cp;
  if (c < 0x80) return 1;
  if (c < 0xC2) return 0;
  if (c < 0xE0) { len = 2; cp = c & 0x1F; }
  else if (c < 0xF0) { len = 3; cp = c & 0x0F; }
  else if (c < 0xF5) { len = 4; cp = c & 0x07; }
  else return 0;
  if (n < len) return 0;
  for (i = 1; i < len; i++) {
    if ((s[i] & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (s[i] & 0x3F);
  }
  if ((len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) ||
      (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF)
    return 0;
  return len;
}

size_t trawl_json_quote(const char *s, size_t len, char *out) {
  static const char hex[] = "0123456789abcdef";
  const unsigned char *p = (const unsigned char *)s;
  char *o = out;
  size_t i = 0;
  *o++ = '"';
  while (i < len) {
    unsigned c = p[i];
    size_t k;
    if (c == '"' || c == '\\') { *o++ = '\\'; *o++ = (char)c; i++; continue; }
    if (c < 0x20) {
      *o++ = '\\';
      switch (c) {
        case '\n': *o++ = 'n'; break;
        case '\r': *o++ = 'r'; break;
        case '\t': *o++ = 't'; break;
        case '\b': *o++ = 'b'; break;
        case '\f': *o++ = 'f'; break;
        default:
          *o++ = 'u'; *o++ = '0'; *o++ = '0';
          *o++ = hex[c >> 4]; *o++ = hex[c & 15];
      }
      i++;
      continue;
    }
    k = utf8_seqlen(p + i, len - i);
    if (k == 0) {  /* one invalid byte: the replacement character */
      const char *r = "\\ufffd";
      while (*r) *o++ = *r++;
      i++;
      continue;
    }
    while (k--) *o++ = (char)p[i++];
  }
  *o++ = '"';
  return (size_t)(o - out);
}
