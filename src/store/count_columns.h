// A CountRange as two nullable REAL columns: both NULL when unknown, the
// high end NULL when open-ended (high < 0). Shared by the events and
// incidents tables.
#ifndef CEASEWATCH_STORE_COUNT_COLUMNS_H_
#define CEASEWATCH_STORE_COUNT_COLUMNS_H_

#include "ceasewatch/events.h"
#include "store/sqlite_handle.h"

namespace ceasewatch {

inline void BindCount(Statement& s, int i, const CountRange& c) {
  if (!c.known) {
    s.BindNull(i).BindNull(i + 1);
    return;
  }
  s.Bind(i, c.low);
  if (c.high < 0)
    s.BindNull(i + 1);
  else
    s.Bind(i + 1, c.high);
}

inline CountRange ReadCount(const Statement& q, int col) {
  CountRange c;
  if (q.IsNull(col)) return c;
  c.known = true;
  c.low = q.Double(col);
  c.high = q.IsNull(col + 1) ? -1 : q.Double(col + 1);
  return c;
}

}  // namespace ceasewatch

#endif  // CEASEWATCH_STORE_COUNT_COLUMNS_H_
