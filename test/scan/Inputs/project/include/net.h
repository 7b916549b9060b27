// A header included by two translation units: its finding must be reported
// (and fixed) once.
#ifndef NET_H
#define NET_H
#include <utility>

inline int *default_buffer() {
  int *p = 0;
  return p;
}
#endif
