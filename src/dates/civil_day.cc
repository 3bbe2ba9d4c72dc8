#include "dates/civil_day.h"

#include <chrono>
#include <cstdio>

namespace ceasewatch {

int DaysInMonth(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30,
                                  31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return kDays[month - 1] + (month == 2 && leap ? 1 : 0);
}

bool CivilDay::valid() const {
  return year >= 1 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 &&
         day <= DaysInMonth(year, month);
}

int64_t CivilDay::ToDays() const {
  using namespace std::chrono;
  sys_days d = year_month_day{std::chrono::year{year},
                              std::chrono::month{static_cast<unsigned>(month)},
                              std::chrono::day{static_cast<unsigned>(day)}};
  return d.time_since_epoch().count();
}

CivilDay CivilDay::FromDays(int64_t days) {
  using namespace std::chrono;
  year_month_day ymd{sys_days{std::chrono::days{days}}};
  return CivilDay{static_cast<int>(ymd.year()),
                  static_cast<int>(static_cast<unsigned>(ymd.month())),
                  static_cast<int>(static_cast<unsigned>(ymd.day()))};
}

int CivilDay::Weekday() const {
  // 1970-01-01 was a Thursday (3 when Monday is 0).
  int64_t w = (ToDays() + 3) % 7;
  return static_cast<int>(w < 0 ? w + 7 : w);
}

std::string CivilDay::Iso() const {
  // Written by hand: the extractor formats days for every report, and
  // snprintf costs some 1,600 instructions a call.
  if (year < 0 || year > 9999 || month < 0 || month > 99 || day < 0 ||
      day > 99) {
    char buf[40];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
    return buf;
  }
  std::string out(10, '-');
  auto put = [&](size_t at, int v, int width) {
    for (int k = width - 1; k >= 0; --k, v /= 10)
      out[at + k] = static_cast<char>('0' + v % 10);
  };
  put(0, year, 4);
  put(5, month, 2);
  put(8, day, 2);
  return out;
}

bool CivilDay::ParseIso(std::string_view s, CivilDay* out) {
  if (s.size() < 10 || s[4] != '-' || s[7] != '-') return false;
  auto digits = [&](size_t from, size_t n, int* v) {
    *v = 0;
    for (size_t i = from; i < from + n; ++i) {
      if (s[i] < '0' || s[i] > '9') return false;
      *v = *v * 10 + (s[i] - '0');
    }
    return true;
  };
  CivilDay d;
  if (!digits(0, 4, &d.year) || !digits(5, 2, &d.month) ||
      !digits(8, 2, &d.day) || !d.valid())
    return false;
  *out = d;
  return true;
}

}  // namespace ceasewatch
