#include "input/charset.h"

#include <unicode/ucnv.h>
#include <unicode/ucnv_cb.h>
#include <unicode/ucnv_err.h>

#include <cstdint>
#include <cstring>
#include <memory>

#include "util/ascii.h"
#include "input/meta_charset.h"

namespace ceasewatch {
namespace {

constexpr char kUtf8[] = "UTF-8";

struct Bom {
  const char* charset = nullptr;  // null: no BOM
  size_t size = 0;
};

Bom SniffBom(std::string_view b) {
  if (b.starts_with("\xEF\xBB\xBF")) return {kUtf8, 3};
  if (b.starts_with("\xFF\xFE")) return {"UTF-16LE", 2};
  if (b.starts_with("\xFE\xFF")) return {"UTF-16BE", 2};
  return {};
}

// Label -> the charset browsers actually use for it (WHATWG Encoding), for
// the labels where ICU's reading differs or ICU lacks the name.
struct LabelAlias {
  const char* label;
  const char* charset;
};
constexpr LabelAlias kAliases[] = {
    {"utf-8", kUtf8},
    {"utf8", kUtf8},
    {"unicode-1-1-utf-8", kUtf8},
    {"x-unicode20utf8", kUtf8},
    {"us-ascii", "windows-1252"},
    {"ascii", "windows-1252"},
    {"ansi_x3.4-1968", "windows-1252"},
    {"iso-8859-1", "windows-1252"},
    {"iso8859-1", "windows-1252"},
    {"iso_8859-1", "windows-1252"},
    {"iso_8859-1:1987", "windows-1252"},
    {"iso88591", "windows-1252"},
    {"latin1", "windows-1252"},
    {"l1", "windows-1252"},
    {"cp819", "windows-1252"},
    {"ibm819", "windows-1252"},
    {"iso-ir-100", "windows-1252"},
    {"csisolatin1", "windows-1252"},
    {"x-cp1252", "windows-1252"},
    {"iso-8859-9", "windows-1254"},
    {"iso8859-9", "windows-1254"},
    {"latin5", "windows-1254"},
    {"l5", "windows-1254"},
    {"iso-8859-11", "windows-874"},
    {"tis-620", "windows-874"},
    {"gb2312", "GBK"},
    {"gb_2312", "GBK"},
    {"gb_2312-80", "GBK"},
    {"x-gbk", "GBK"},
    {"chinese", "GBK"},
    {"euc-kr", "windows-949"},
    {"ks_c_5601-1987", "windows-949"},
    {"korean", "windows-949"},
    {"big5", "Big5-HKSCS"},
    {"x-x-big5", "Big5-HKSCS"},
    {"sjis", "windows-31j"},
    {"shift_jis", "windows-31j"},
    {"x-sjis", "windows-31j"},
    {"ms_kanji", "windows-31j"},
    {"utf-16", "UTF-16LE"},
    {"unicode", "UTF-16LE"},
};

// A label as written ("Windows-1251", "\"utf-8\"") -> a name for ICU, or
// "" when the label is not a plausible charset name.
std::string NormalizeLabel(std::string_view label) {
  label = TrimAscii(label);
  while (!label.empty() && (label.front() == '"' || label.front() == '\'')) {
    label.remove_prefix(1);
  }
  while (!label.empty() && (label.back() == '"' || label.back() == '\'')) {
    label.remove_suffix(1);
  }
  label = TrimAscii(label);
  if (label.empty() || label.size() > 40) return "";
  for (char c : label) {
    // ICU reads ',' as an option separator; allow name characters only.
    if (!IsAsciiAlpha(c) && !IsAsciiDigit(c) && c != '-' && c != '_' &&
        c != '.' && c != ':') {
      return "";
    }
  }
  std::string lower = AsciiLowercase(label);
  for (const LabelAlias& a : kAliases) {
    if (lower == a.label) return a.charset;
  }
  return lower;
}

// `label` quoted for a message: printable ASCII only, at most 40 bytes.
std::string QuoteLabel(std::string_view label) {
  std::string out = "\"";
  for (size_t i = 0; i < label.size() && i < 40; ++i) {
    const char c = label[i];
    out += (c >= 0x20 && c < 0x7f) ? c : '?';
  }
  if (label.size() > 40) out += "...";
  return out + "\"";
}

std::string InvalidAt(const std::string& charset, size_t offset) {
  return "invalid " + charset + " at byte " + std::to_string(offset);
}

// ICU to-Unicode callback: a well-formed but unassigned sequence becomes
// U+FFFD; an illegal or irregular one stops the conversion (the error
// stays set).
void StopOnIllegal(const void* /*context*/, UConverterToUnicodeArgs* args,
                   const char* /*code_units*/, int32_t /*length*/,
                   UConverterCallbackReason reason, UErrorCode* err) {
  if (reason != UCNV_UNASSIGNED) return;
  static const UChar kReplacement = 0xFFFD;
  *err = U_ZERO_ERROR;
  ucnv_cbToUWriteUChars(args, &kReplacement, 1, 0, err);
}

void AppendUtf8(uint32_t cp, std::string* out) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

// Appends UTF-16 units as UTF-8. A lead surrogate at the end of `units` is
// kept in *pending for the next call; an unpaired one becomes U+FFFD.
void AppendUtf16(const UChar* units, size_t n, UChar* pending,
                 std::string* out) {
  for (size_t i = 0; i < n; ++i) {
    const UChar u = units[i];
    if (*pending != 0) {
      if (u >= 0xDC00 && u <= 0xDFFF) {
        AppendUtf8(
            0x10000 + ((uint32_t{*pending} - 0xD800) << 10) + (u - 0xDC00),
            out);
        *pending = 0;
        continue;
      }
      AppendUtf8(0xFFFD, out);
      *pending = 0;
    }
    if (u >= 0xD800 && u <= 0xDBFF) {
      *pending = u;
    } else if (u >= 0xDC00 && u <= 0xDFFF) {
      AppendUtf8(0xFFFD, out);
    } else {
      AppendUtf8(u, out);
    }
  }
}

struct ConverterCloser {
  void operator()(UConverter* c) const { ucnv_close(c); }
};

// Converts bytes[skip..] from `charset` with ICU. `label` is the charset as
// the document named it, for messages.
Result<std::string> ConvertWithIcu(std::string_view bytes, size_t skip,
                                   const std::string& charset,
                                   std::string_view label) {
  UErrorCode err = U_ZERO_ERROR;
  std::unique_ptr<UConverter, ConverterCloser> conv(
      ucnv_open(charset.c_str(), &err));
  if (U_FAILURE(err) || conv == nullptr) {
    return Status::Unsupported("unknown charset " + QuoteLabel(label));
  }
  ucnv_setToUCallBack(conv.get(), StopOnIllegal, nullptr, nullptr, nullptr,
                      &err);
  if (U_FAILURE(err)) return Status::Internal("ucnv_setToUCallBack failed");

  std::string out;
  out.reserve(bytes.size() + bytes.size() / 2);
  const char* const begin = bytes.data();
  const char* src = begin + skip;
  const char* const limit = begin + bytes.size();
  UChar buf[8192];
  UChar pending = 0;
  for (;;) {
    UChar* target = buf;
    err = U_ZERO_ERROR;
    ucnv_toUnicode(conv.get(), &target, buf + std::size(buf), &src, limit,
                   nullptr, /*flush=*/true, &err);
    AppendUtf16(buf, static_cast<size_t>(target - buf), &pending, &out);
    if (err == U_BUFFER_OVERFLOW_ERROR) continue;
    if (U_FAILURE(err)) {
      char invalid[32];
      int8_t len = sizeof(invalid);
      UErrorCode ignored = U_ZERO_ERROR;
      ucnv_getInvalidChars(conv.get(), invalid, &len, &ignored);
      if (U_FAILURE(ignored)) len = 0;
      size_t offset = static_cast<size_t>(src - begin);
      offset = offset >= static_cast<size_t>(len) ? offset - len : 0;
      const std::string what(label);
      if (err == U_TRUNCATED_CHAR_FOUND) {
        return Status::InvalidInput("truncated " + what + " sequence at byte " +
                                    std::to_string(offset));
      }
      return Status::InvalidInput(InvalidAt(what, offset));
    }
    break;
  }
  if (pending != 0) AppendUtf8(0xFFFD, &out);
  return out;
}

}  // namespace

bool IsValidUtf8(std::string_view s, size_t* bad_offset) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  size_t i = 0;
  while (i < n) {
    if (p[i] < 0x80) {
      // ASCII fast path, 8 bytes at a time.
      while (i + 8 <= n) {
        uint64_t word;
        std::memcpy(&word, p + i, 8);
        if ((word & 0x8080808080808080ULL) != 0) break;
        i += 8;
      }
      while (i < n && p[i] < 0x80) ++i;
      if (i == n) break;
    }
    const unsigned c = p[i];
    size_t len;
    unsigned lo = 0x80, hi = 0xBF;  // allowed range of the second byte
    if (c < 0xC2) {
      len = 0;  // a continuation byte, or an overlong 2-byte lead
    } else if (c < 0xE0) {
      len = 2;
    } else if (c < 0xF0) {
      len = 3;
      if (c == 0xE0) lo = 0xA0;  // overlong
      if (c == 0xED) hi = 0x9F;  // surrogates
    } else if (c < 0xF5) {
      len = 4;
      if (c == 0xF0) lo = 0x90;  // overlong
      if (c == 0xF4) hi = 0x8F;  // above U+10FFFF
    } else {
      len = 0;
    }
    bool ok = len != 0 && i + len <= n && p[i + 1] >= lo && p[i + 1] <= hi;
    for (size_t k = 2; ok && k < len; ++k) ok = (p[i + k] & 0xC0) == 0x80;
    if (!ok) {
      if (bad_offset != nullptr) *bad_offset = i;
      return false;
    }
    i += len;
  }
  return true;
}

Result<std::string> DecodeToUtf8(std::string_view bytes,
                                 std::string_view declared_charset,
                                 InputFormat format) {
  const Bom bom = SniffBom(bytes);
  std::string sniffed;
  std::string_view label;  // the charset as the document names it
  std::string charset;     // the name handed to ICU
  if (bom.charset != nullptr) {
    label = bom.charset;
    charset = bom.charset;
  } else {
    label = TrimAscii(declared_charset);
    bool from_markup = false;
    if (label.empty() && format == InputFormat::kHtml) {
      sniffed = SniffHtmlCharset(bytes);
      label = sniffed;
      from_markup = true;
    }
    if (label.empty()) {
      charset = kUtf8;
    } else {
      charset = NormalizeLabel(label);
      // A page whose markup could be read as ASCII is not UTF-16.
      if (from_markup && AsciiLowercase(charset).starts_with("utf-16")) {
        charset = kUtf8;
      }
    }
  }

  if (charset == kUtf8) {
    const std::string_view body = bytes.substr(bom.size);
    size_t bad = 0;
    if (!IsValidUtf8(body, &bad)) {
      return Status::InvalidInput(InvalidAt(kUtf8, bom.size + bad));
    }
    return std::string(body);
  }

  Result<std::string> converted =
      charset.empty() ? Result<std::string>(Status::Unsupported(
                            "unknown charset " + QuoteLabel(label)))
                      : ConvertWithIcu(bytes, bom.size, charset, label);
  if (converted.status().code() == Status::Code::kUnsupported &&
      IsValidUtf8(bytes, nullptr)) {
    // An unknown label on what is plainly UTF-8 (or ASCII): keep it.
    return std::string(bytes);
  }
  return converted;
}

}  // namespace ceasewatch
