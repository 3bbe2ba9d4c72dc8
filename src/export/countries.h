// Country names and ISO 3166-1 alpha-3 codes for the alpha-2 codes the
// theatre packs give places, as ACLED spells them.
#ifndef CEASEWATCH_EXPORT_COUNTRIES_H_
#define CEASEWATCH_EXPORT_COUNTRIES_H_

#include <string>

namespace ceasewatch {

// "Armenia" for "AM"; the code itself when unknown, "" for "".
std::string CountryName(const std::string& iso2);
// "ARM" for "AM"; "" when unknown.
std::string CountryIso3(const std::string& iso2);
// The country a party side is the state of ("AZ" -> "AZ"); "" for sides
// that are not one state's (NK, INTL, OTHER).
std::string StateCountryOfSide(const std::string& side);

}  // namespace ceasewatch

#endif  // CEASEWATCH_EXPORT_COUNTRIES_H_
