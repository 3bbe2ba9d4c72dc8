// Language identification of article text (CLD2).
#ifndef CEASEWATCH_LANG_LANGUAGE_H_
#define CEASEWATCH_LANG_LANGUAGE_H_

#include <string>
#include <string_view>

namespace ceasewatch {

struct LanguageGuess {
  std::string code;  // ISO 639-1 ("en", "ru", "az", "hy"), "un" if unknown
  bool reliable = false;
};

// Thread-safe; CLD2 keeps no mutable state. `hint` is a language code
// stated by the page (<html lang>), or empty.
LanguageGuess DetectLanguage(std::string_view utf8_text,
                             std::string_view hint = {});

}  // namespace ceasewatch

#endif  // CEASEWATCH_LANG_LANGUAGE_H_
