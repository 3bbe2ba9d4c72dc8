#include "lang/language.h"

#include <cld2/public/compact_lang_det.h>
#include <cld2/public/encodings.h>

#include <cstddef>
#include <cstring>
#include <string>

namespace ceasewatch {
namespace {

// How much text CLD2 is shown. Language is settled within a few KB, and
// CLD2's cost grows with the input.
constexpr size_t kMaxExamined = 4 * 1024;

// Cuts `text` to at most `max` bytes without splitting a UTF-8 sequence.
std::string_view CutAtUtf8Boundary(std::string_view text, size_t max) {
  if (text.size() <= max) return text;
  size_t end = max;
  // Step back over continuation bytes (10xxxxxx) to the lead byte, then
  // drop that lead byte: its sequence would straddle the cut.
  size_t back = 0;
  while (end > 0 && back < 4 &&
         (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) {
    --end;
    ++back;
  }
  return text.substr(0, end);
}

// CLD2 code -> ISO 639-1 where CLD2 keeps an older or Google-specific form
// ("iw", "zh-Hant", "xxx"). Codes without a two-letter form stay as CLD2
// gives them (e.g. "haw", "chr").
std::string NormalizeCode(const char* cld_code) {
  if (cld_code == nullptr || *cld_code == '\0') return "un";
  std::string_view code(cld_code);
  // Region / script subtags ("zh-Hant", "sr-ME", "pt-BR").
  if (size_t dash = code.find_first_of("-_"); dash != std::string_view::npos) {
    code = code.substr(0, dash);
  }
  if (code == "un" || code == "xx" || code == "xxx" || code.empty()) {
    return "un";
  }
  if (code == "iw") return "he";
  if (code == "jw") return "jv";
  if (code == "in") return "id";
  if (code == "ji") return "yi";
  if (code == "mo") return "ro";
  std::string out(code);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// "en-US", "ru_RU", " AZ " -> "en", "ru", "az"; "" when not a plain
// two- or three-letter code.
std::string HintCode(std::string_view hint) {
  while (!hint.empty() && (hint.front() == ' ' || hint.front() == '\t')) {
    hint.remove_prefix(1);
  }
  std::string out;
  for (char c : hint) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c < 'a' || c > 'z') break;
    out.push_back(c);
    if (out.size() > 3) return {};
  }
  if (out.size() < 2) return {};
  return out;
}

CLD2::Language Detect(std::string_view text, const CLD2::CLDHints* hints,
                      bool* reliable, int* valid_prefix) {
  CLD2::Language language3[3];
  int percent3[3];
  double normalized_score3[3];
  int text_bytes = 0;
  *reliable = false;
  *valid_prefix = 0;
  return CLD2::ExtDetectLanguageSummaryCheckUTF8(
      text.data(), static_cast<int>(text.size()), /*is_plain_text=*/true, hints,
      /*flags=*/0, language3, percent3, normalized_score3,
      /*resultchunkvector=*/nullptr, &text_bytes, reliable, valid_prefix);
}

}  // namespace

LanguageGuess DetectLanguage(std::string_view utf8_text,
                             std::string_view hint) {
  LanguageGuess guess{"un", false};
  std::string_view text = CutAtUtf8Boundary(utf8_text, kMaxExamined);
  if (text.empty()) return guess;

  std::string hint_code = HintCode(hint);
  CLD2::CLDHints hints{nullptr, nullptr, CLD2::UNKNOWN_ENCODING,
                       CLD2::UNKNOWN_LANGUAGE};
  if (!hint_code.empty()) {
    hints.content_language_hint = hint_code.c_str();
    hints.language_hint = CLD2::GetLanguageFromName(hint_code.c_str());
  }

  bool reliable = false;
  int valid_prefix = 0;
  CLD2::Language lang = Detect(text, &hints, &reliable, &valid_prefix);
  if (valid_prefix >= 0 && static_cast<size_t>(valid_prefix) < text.size()) {
    // Invalid UTF-8: CLD2 refuses the whole buffer. Judge the valid prefix.
    text = text.substr(0, static_cast<size_t>(valid_prefix));
    if (text.empty()) return guess;
    lang = Detect(text, &hints, &reliable, &valid_prefix);
  }
  if (lang == CLD2::UNKNOWN_LANGUAGE) return guess;
  guess.code = NormalizeCode(CLD2::LanguageCode(lang));
  guess.reliable = reliable && guess.code != "un";
  return guess;
}

}  // namespace ceasewatch
