// Calendar days in the proleptic Gregorian calendar, with day arithmetic.
#ifndef CEASEWATCH_DATES_CIVIL_DAY_H_
#define CEASEWATCH_DATES_CIVIL_DAY_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace ceasewatch {

struct CivilDay {
  int year = 0;
  int month = 0;  // 1..12
  int day = 0;    // 1..31

  bool valid() const;
  // Days since 1970-01-01 (negative before). REQUIRES: valid().
  int64_t ToDays() const;
  static CivilDay FromDays(int64_t days);
  // 0 = Monday .. 6 = Sunday. REQUIRES: valid().
  int Weekday() const;
  // "YYYY-MM-DD".
  std::string Iso() const;
  // Parses the leading "YYYY-MM-DD" of `s` (a date-time is fine).
  static bool ParseIso(std::string_view s, CivilDay* out);

  friend bool operator==(const CivilDay&, const CivilDay&) = default;
  friend auto operator<=>(const CivilDay&, const CivilDay&) = default;
};

int DaysInMonth(int year, int month);

}  // namespace ceasewatch

#endif  // CEASEWATCH_DATES_CIVIL_DAY_H_
