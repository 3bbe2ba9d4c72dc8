#include "export/countries.h"

namespace ceasewatch {
namespace {

struct Country {
  const char* iso2;
  const char* iso3;
  const char* name;
};

constexpr Country kCountries[] = {
    {"AM", "ARM", "Armenia"}, {"AZ", "AZE", "Azerbaijan"},
    {"GE", "GEO", "Georgia"}, {"RU", "RUS", "Russia"},
    {"TR", "TUR", "Turkey"},  {"IR", "IRN", "Iran"},
};

const Country* Find(const std::string& iso2) {
  for (const Country& c : kCountries)
    if (iso2 == c.iso2) return &c;
  return nullptr;
}

}  // namespace

std::string CountryName(const std::string& iso2) {
  const Country* c = Find(iso2);
  return c ? c->name : iso2;
}

std::string CountryIso3(const std::string& iso2) {
  const Country* c = Find(iso2);
  return c ? c->iso3 : "";
}

std::string StateCountryOfSide(const std::string& side) {
  if (side == "AZ" || side == "AM" || side == "RU" || side == "TR") return side;
  return "";
}

}  // namespace ceasewatch
