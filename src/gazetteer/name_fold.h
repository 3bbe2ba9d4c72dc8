// Folding of place and actor names, and of running text, to one comparable
// form: lower case, Latin diacritics removed, punctuation turned into word
// breaks. The same folding is applied to the names of a theatre pack and to
// the text searched for them, so that "Xankəndi", "XANKƏNDI" and
// "Xankandi" all compare equal.
//
// Rules (FoldName and FoldWithOffsets):
//   - letters are case-folded (Unicode full case folding): Latin, Greek,
//     Cyrillic, Armenian, Georgian. Non-Latin scripts are never
//     transliterated.
//   - combining marks are removed after canonical decomposition, so Latin
//     (and Greek, Cyrillic) letters lose their diacritics: "Şuşa" -> "susa",
//     "ё" -> "е", "й" -> "и".
//   - Azerbaijani ə/Ə (and ǝ, Ǝ) and ä/Ä fold to "a" (the commoner English
//     rendering; the name matcher also indexes the "e" spelling), dotless
//     ı -> "i", İ -> "i", ß -> "ss", æ -> "ae", œ -> "oe", ø -> "o",
//     đ -> "d", ł -> "l", ħ -> "h", þ -> "th", ð -> "d", ŋ -> "n".
//   - apostrophes (' ` ´ ‘ ’ ‛ ′ ʹ ʻ ʼ ʾ ʿ ՚) are removed: "Kar’yagino" ->
//     "karyagino".
//   - every other character that is not a letter, digit or mark (spaces,
//     hyphens and dashes, punctuation, symbols, controls, invalid UTF-8
//     bytes) is a word break; runs of breaks become one ASCII space, and
//     there is no leading or trailing space.
//   - format characters (soft hyphen, zero-width space/joiners, BOM) are
//     removed.
//
// FoldForMatching is the variant the name matcher scans (see its comment).
//
// Folding is idempotent: FoldName(FoldName(x)) == FoldName(x).
//
// All functions are table driven (the table is built once, on first use,
// from ICU character data) and need no locale; they accept any bytes.
#ifndef CEASEWATCH_GAZETTEER_NAME_FOLD_H_
#define CEASEWATCH_GAZETTEER_NAME_FOLD_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace ceasewatch {

// A folded text and the way back to the original bytes.
struct FoldedText {
  std::string text;
  // offsets[i] is the byte offset, in the original, of the character that
  // folded byte i came from (all bytes produced by one character, or by one
  // run of breaks, share its offset). offsets.size() == text.size() + 1 and
  // offsets.back() is the size of the original.
  std::vector<uint32_t> offsets;

  // Byte offset in `original` (the text this was folded from) just past
  // the character that produced folded byte `folded_end - 1`: the original
  // end of the folded range [b, folded_end). REQUIRES: 0 < folded_end <=
  // text.size().
  size_t OriginalEnd(std::string_view original, size_t folded_end) const;
};

// The folded form of a name (or of any text), as described above.
std::string FoldName(std::string_view name);

// The folded form of `text` with offsets back to it. `text` must be shorter
// than 4 GiB (offsets are 32-bit).
FoldedText FoldWithOffsets(std::string_view text);

// The form the name matcher scans. It differs from FoldWithOffsets in three
// ways, each so that a folded name " name " is found only on word
// boundaries and never across a sentence:
//   - the output starts and ends with a space;
//   - apostrophes are word breaks, not removed ("Karabakh’s" ->
//     " karabakh s "); the matcher indexes names containing apostrophes in
//     both forms;
//   - a hard break is written as " | ": sentence and clause punctuation
//     (. , ; : ! ? brackets, quotes, slashes, bullets ...) and blank lines.
//     A period is a hard break only when followed by a space or the end
//     and preceded by a word of 3 or more characters, so "St. Petersburg",
//     "U.S." and "6.5" stay soft.
FoldedText FoldForMatching(std::string_view text);
// The same into `out`, reusing its storage (its previous contents are
// replaced): for callers folding many texts in turn.
void FoldForMatching(std::string_view text, FoldedText* out);

namespace name_fold_internal {
// FoldForMatching without the 16-byte fast path: the reference the tests
// hold the fast path to.
FoldedText FoldForMatchingByteByByte(std::string_view text);
}  // namespace name_fold_internal

// Length in bytes of the character starting at `pos`, as the folding
// decoder reads it: 1 for an ASCII byte or an invalid byte, else 2-4.
// REQUIRES: pos < s.size().
size_t Utf8CharLength(std::string_view s, size_t pos);

// Whether the character at `pos` is a lower-case letter (so a mention that
// starts there is not capitalised). REQUIRES: pos < s.size().
bool IsLowercaseAt(std::string_view s, size_t pos);

// Whether `s` contains a lower-case letter.
bool HasLowercase(std::string_view s);

// Number of characters (code points; invalid bytes count one each).
size_t Utf8Length(std::string_view s);

// Whether code point `cp` is one of the apostrophes listed above.
bool IsApostropheChar(uint32_t cp);

}  // namespace ceasewatch

#endif  // CEASEWATCH_GAZETTEER_NAME_FOLD_H_
