#include "extract/html_extract.h"

#include <gumbo.h>

#include <algorithm>
#include <climits>
#include <csetjmp>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <new>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "extract/chrome_attrs.h"
#include "extract/json_ld.h"
#include "extract/raw_text_skip.h"
#include "util/ascii.h"

namespace ceasewatch {
namespace {

// ---------------------------------------------------------------------------
// A bump allocator for gumbo. Gumbo allocates every node, vector and string
// separately; serving those from a thread-local arena (freed all at once,
// chunks kept for the next page) removes most of the parse's malloc/free
// cost and makes gumbo_destroy_output (a recursive walk) unnecessary.

class Arena {
 public:
  Arena() = default;
  Arena(const Arena&) = delete;
  Arena& operator=(const Arena&) = delete;
  ~Arena() {
    for (Chunk& c : chunks_) std::free(c.data);
  }

  void* Allocate(size_t n) {
    n = (n + kAlign - 1) & ~(kAlign - 1);
    if (n == 0) n = kAlign;
    allocated_ += n;
    if (allocated_ > budget_ && escape_ != nullptr) {
      // Over budget inside gumbo: leave the parse (see ParseWithinBudget).
      std::jmp_buf* escape = escape_;
      escape_ = nullptr;
      std::longjmp(*escape, 1);
    }
    while (current_ < chunks_.size()) {
      Chunk& c = chunks_[current_];
      if (c.size - used_ >= n) {
        void* p = c.data + used_;
        used_ += n;
        return p;
      }
      ++current_;  // the rest of this chunk is wasted until Reset()
      used_ = 0;
    }
    size_t size = std::max(n, kChunkSize);
    char* data = static_cast<char*>(std::malloc(size));
    if (data == nullptr) std::abort();  // gumbo cannot handle failure
    chunks_.push_back({data, size});
    current_ = chunks_.size() - 1;
    used_ = n;
    return data;
  }

  // Bytes gumbo may allocate before the parse is abandoned, and where to
  // jump then (null: no limit).
  void SetBudget(size_t bytes, std::jmp_buf* escape) {
    budget_ = bytes;
    escape_ = escape;
  }

  // Forgets all allocations. Keeps up to kRetain bytes of chunks.
  void Reset() {
    allocated_ = 0;
    budget_ = SIZE_MAX;
    escape_ = nullptr;
    size_t kept = 0;
    size_t out = 0;
    for (size_t i = 0; i < chunks_.size(); ++i) {
      if (kept + chunks_[i].size <= kRetain) {
        kept += chunks_[i].size;
        chunks_[out++] = chunks_[i];
      } else {
        std::free(chunks_[i].data);
      }
    }
    chunks_.resize(out);
    current_ = 0;
    used_ = 0;
  }

 private:
  struct Chunk {
    char* data;
    size_t size;
  };
  static constexpr size_t kAlign = alignof(std::max_align_t);
  static constexpr size_t kChunkSize = 256 * 1024;
  static constexpr size_t kRetain = 8 * 1024 * 1024;
  std::vector<Chunk> chunks_;
  size_t current_ = 0;
  size_t used_ = 0;
  size_t allocated_ = 0;
  size_t budget_ = SIZE_MAX;
  std::jmp_buf* escape_ = nullptr;
};

void* ArenaAllocate(void* userdata, size_t size) {
  return static_cast<Arena*>(userdata)->Allocate(size);
}
void ArenaFree(void*, void*) {}

// ---------------------------------------------------------------------------
// Tags.

enum TagKind : unsigned {
  kInline = 0,
  kBlock = 1,    // text runs break before and after it
  kSkip = 2,     // never descended into, not even for metadata
  kDropTag = 4,  // its text is dropped (metadata inside is still read)
};

unsigned KindOf(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_MATH:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_EMBED:
    case GUMBO_TAG_APPLET:
    case GUMBO_TAG_CANVAS:
    case GUMBO_TAG_AUDIO:
    case GUMBO_TAG_VIDEO:
    case GUMBO_TAG_MAP:
    case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_SELECT:
    case GUMBO_TAG_DATALIST:
    case GUMBO_TAG_OPTGROUP:
    case GUMBO_TAG_OPTION:
    case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_INPUT:
    case GUMBO_TAG_KEYGEN:
    case GUMBO_TAG_NOEMBED:
    case GUMBO_TAG_NOFRAMES:
    case GUMBO_TAG_FRAMESET:
    case GUMBO_TAG_FRAME:
    case GUMBO_TAG_TITLE:
      return kSkip;
    case GUMBO_TAG_NOSCRIPT:
      return kSkip | kBlock;
    case GUMBO_TAG_HEAD:
      return kDropTag;
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_MENU:
      return kDropTag | kBlock;
    case GUMBO_TAG_HTML:
    case GUMBO_TAG_BODY:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_HGROUP:
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_P:
    case GUMBO_TAG_HR:
    case GUMBO_TAG_BR:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_LISTING:
    case GUMBO_TAG_XMP:
    case GUMBO_TAG_PLAINTEXT:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_DIR:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_CENTER:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_CAPTION:
    case GUMBO_TAG_TBODY:
    case GUMBO_TAG_THEAD:
    case GUMBO_TAG_TFOOT:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_TD:
    case GUMBO_TAG_TH:
    case GUMBO_TAG_FIELDSET:
    case GUMBO_TAG_LEGEND:
    case GUMBO_TAG_DETAILS:
    case GUMBO_TAG_SUMMARY:
    case GUMBO_TAG_MARQUEE:
    case GUMBO_TAG_MULTICOL:
      return kBlock;
    default:
      return kInline;
  }
}

// ---------------------------------------------------------------------------
// Text folding.

inline bool IsSourceSpace(unsigned char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
         c == '\v';
}

// Appends p[0, n) to *out with whitespace folded: runs of ASCII space,
// control characters, NBSP and the Unicode space characters become one
// space, none at the start of *out; zero-width space and BOM are removed.
// *pending says a space is owed before the next visible character (never
// written at the end). Returns true if a visible character was appended.
bool AppendFolded(std::string* out, bool* pending, const char* p, size_t n) {
  bool visible = false;
  size_t i = 0;
  while (i < n) {
    unsigned char c = static_cast<unsigned char>(p[i]);
    if (c < 0x80) {
      if (c <= 0x20 || c == 0x7F) {
        *pending = true;
        ++i;
        continue;
      }
      // Copy a run of visible ASCII at once.
      size_t j = i + 1;
      while (j < n) {
        unsigned char d = static_cast<unsigned char>(p[j]);
        if (d <= 0x20 || d >= 0x7F) break;
        ++j;
      }
      if (*pending && !out->empty()) out->push_back(' ');
      *pending = false;
      out->append(p + i, j - i);
      visible = true;
      i = j;
      continue;
    }
    unsigned char c1 = i + 1 < n ? static_cast<unsigned char>(p[i + 1]) : 0;
    unsigned char c2 = i + 2 < n ? static_cast<unsigned char>(p[i + 2]) : 0;
    if (c == 0xC2 && (c1 == 0xA0 || c1 == 0x85)) {  // NBSP, NEL
      *pending = true;
      i += 2;
      continue;
    }
    if (c == 0xE2 && c1 == 0x80) {
      if ((c2 >= 0x80 && c2 <= 0x8A) || c2 == 0xA8 || c2 == 0xA9 ||
          c2 == 0xAF) {  // U+2000..200A, U+2028, U+2029, U+202F
        *pending = true;
        i += 3;
        continue;
      }
      if (c2 == 0x8B) {  // U+200B zero-width space
        i += 3;
        continue;
      }
    }
    if ((c == 0xE2 && c1 == 0x81 && c2 == 0x9F) ||  // U+205F
        (c == 0xE3 && c1 == 0x80 && c2 == 0x80)) {  // U+3000
      *pending = true;
      i += 3;
      continue;
    }
    if (c == 0xEF && c1 == 0xBB && c2 == 0xBF) {  // U+FEFF
      i += 3;
      continue;
    }
    // Any other non-ASCII byte: copy it (and its continuation bytes).
    size_t j = i + 1;
    while (j < n && (static_cast<unsigned char>(p[j]) & 0xC0) == 0x80) ++j;
    if (*pending && !out->empty()) out->push_back(' ');
    *pending = false;
    out->append(p + i, j - i);
    visible = true;
    i = j;
  }
  return visible;
}

std::string Fold(std::string_view s) {
  std::string out;
  bool pending = false;
  AppendFolded(&out, &pending, s.data(), s.size());
  return out;
}

// ---------------------------------------------------------------------------
// Attributes of one element, looked up in one pass.

struct Attrs {
  std::string_view id, cls, role, itemprop, rel, name, property, content,
      http_equiv, href, datetime, lang, type;
  bool has_id = false, has_cls = false, has_role = false, has_itemprop = false,
       has_content = false;
};

void ReadAttrs(const GumboVector& attributes, Attrs* a) {
  for (unsigned i = 0; i < attributes.length; ++i) {
    const auto* attr = static_cast<const GumboAttribute*>(attributes.data[i]);
    const char* n = attr->name;  // gumbo lower-cases attribute names
    std::string_view v(attr->value);
    switch (n[0]) {
      case 'c':
        if (std::strcmp(n, "class") == 0) {
          a->cls = v;
          a->has_cls = true;
        } else if (std::strcmp(n, "content") == 0) {
          a->content = v;
          a->has_content = true;
        }
        break;
      case 'd':
        if (std::strcmp(n, "datetime") == 0) a->datetime = v;
        break;
      case 'h':
        if (std::strcmp(n, "href") == 0) {
          a->href = v;
        } else if (std::strcmp(n, "http-equiv") == 0) {
          a->http_equiv = v;
        }
        break;
      case 'i':
        if (std::strcmp(n, "id") == 0) {
          a->id = v;
          a->has_id = true;
        } else if (std::strcmp(n, "itemprop") == 0) {
          a->itemprop = v;
          a->has_itemprop = true;
        }
        break;
      case 'l':
        if (std::strcmp(n, "lang") == 0) a->lang = v;
        break;
      case 'n':
        if (std::strcmp(n, "name") == 0) a->name = v;
        break;
      case 'p':
        if (std::strcmp(n, "property") == 0) a->property = v;
        break;
      case 'r':
        if (std::strcmp(n, "role") == 0) {
          a->role = v;
          a->has_role = true;
        } else if (std::strcmp(n, "rel") == 0) {
          a->rel = v;
        }
        break;
      case 't':
        if (std::strcmp(n, "type") == 0) a->type = v;
        break;
      default:
        break;
    }
  }
}

// ---------------------------------------------------------------------------
// Metadata candidates: the lowest rank offered wins.

struct Candidate {
  std::string value;
  int rank = INT_MAX;
  bool Wants(int r) const { return r < rank; }
  void Offer(int r, std::string v) {
    if (r < rank && !v.empty()) {
      value = std::move(v);
      rank = r;
    }
  }
};

// Ranks (lower wins).
enum : int {
  kAuthorMeta = 0,          // <meta name=author>
  kAuthorArticleMeta = 10,  // article:author (when not a URL)
  kAuthorJsonLd = 20,
  kAuthorOtherMeta = 25,  // dc.creator, sailthru.author, ...
  kAuthorRel = 30,        // <a rel=author>, + region
  kAuthorItemprop = 40,   // itemprop=author, + region
  kAuthorClass = 50,      // class="author"/"byline", + region

  kPublishedMeta = 0,       // article:published_time
  kPublishedItemprop = 10,  // itemprop=datePublished
  kPublishedJsonLd = 20,
  kPublishedOtherMeta = 25,  // pubdate, dc.date.issued, ...
  kPublishedTime = 30,       // <time datetime> in the article (+5 in main)
};

// Region of the page a block or candidate sits in.
enum Flags : uint16_t {
  kDropped = 1,    // chrome: text not emitted, only metadata read
  kInArticle = 2,  // <article>, role=article, itemprop=articleBody
  kInMain = 4,     // <main>, role=main
  kInPre = 8,
};

int RegionPenalty(uint16_t flags) {
  if (flags & kInArticle) return 0;
  if (flags & kInMain) return 1;
  return 2;
}

bool LooksLikeUrl(std::string_view v) {
  return v.starts_with("http://") || v.starts_with("https://") ||
         v.starts_with("//") || v.starts_with("www.");
}

// "By Jane Doe" -> "Jane Doe".
std::string StripBy(std::string v) {
  if (v.size() > 3 && (v[0] == 'B' || v[0] == 'b') &&
      (v[1] == 'y' || v[1] == 'Y') && v[2] == ' ') {
    v.erase(0, 3);
  }
  return v;
}

// "en-US" -> "en"; "" unless 2-3 letters.
std::string PrimaryLanguage(std::string_view lang) {
  std::string out;
  size_t i = 0;
  while (i < lang.size() && (lang[i] == ' ' || lang[i] == '\t')) ++i;
  for (; i < lang.size(); ++i) {
    char c = lang[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c < 'a' || c > 'z') break;
    out.push_back(c);
  }
  if (out.size() < 2 || out.size() > 3) return {};
  if (i < lang.size() && lang[i] != '-' && lang[i] != '_' && lang[i] != ' ' &&
      lang[i] != ',' && lang[i] != ';') {
    return {};
  }
  return out;
}

// Title separators between a headline and the site name.
constexpr std::string_view kTitleSeparators[] = {
    "::",     "||",     "|",      "-",      ":",      "/",
    "\u2013", "\u2014", "\u2022", "\u00B7", "\u00BB", "\u00AB",
};

// If `head` ends with " <sep> " (spaces optional after, required before),
// returns the length of what precedes it, else npos.
size_t TitleBeforeSeparator(std::string_view head) {
  size_t e = head.size();
  while (e > 0 && head[e - 1] == ' ') --e;
  for (std::string_view sep : kTitleSeparators) {
    if (e < sep.size() || head.substr(e - sep.size(), sep.size()) != sep) {
      continue;
    }
    size_t t = e - sep.size();
    size_t before = t;
    while (t > 0 && head[t - 1] == ' ') --t;
    if (t == before || t == 0) return std::string_view::npos;
    return t;
  }
  return std::string_view::npos;
}

// If `tail` starts with " <sep> " (space required after), returns the
// offset of what follows it, else npos.
size_t TitleAfterSeparator(std::string_view tail) {
  size_t b = 0;
  while (b < tail.size() && tail[b] == ' ') ++b;
  for (std::string_view sep : kTitleSeparators) {
    if (tail.substr(b, sep.size()) != sep) continue;
    size_t t = b + sep.size();
    size_t after = t;
    while (t < tail.size() && tail[t] == ' ') ++t;
    if (t == after || t >= tail.size()) return std::string_view::npos;
    return t;
  }
  return std::string_view::npos;
}

// Removes " | Site", " - Site" (or the same as a prefix) from a <title>
// when "Site" is the page's stated site name.
std::string StripSiteName(std::string title, std::string_view site) {
  if (site.empty() || title.size() <= site.size()) return title;
  std::string_view t(title);
  if (EqualsIgnoreCase(t.substr(t.size() - site.size()), site)) {
    size_t cut = TitleBeforeSeparator(t.substr(0, t.size() - site.size()));
    if (cut != std::string_view::npos) return std::string(t.substr(0, cut));
  }
  if (EqualsIgnoreCase(t.substr(0, site.size()), site)) {
    size_t from = TitleAfterSeparator(t.substr(site.size()));
    if (from != std::string_view::npos) {
      return std::string(t.substr(site.size() + from));
    }
  }
  return title;
}

// ---------------------------------------------------------------------------
// The walk.

class Extractor {
 public:
  // `parsed` is what gumbo parsed: the body itself, or `compact`'s copy
  // of it (then offsets are mapped back through `compact`).
  Extractor(std::string_view parsed, const CompactHtml* compact,
            size_t body_size, const HtmlOptions& options)
      : body_(parsed),
        compact_(compact),
        body_size_(body_size),
        max_depth_(options.max_depth < 1 ? 1 : options.max_depth) {}

  void Walk(const GumboNode* document);
  void Finish(Page* page);

 private:
  struct Frame {
    const GumboVector* children;
    unsigned next;
    uint16_t flags;
    GumboTag tag;
    BlockHint hint;
    int8_t level;
    bool block;
  };

  void Enter(const GumboNode* node, const Frame& parent);
  void AppendText(const GumboText& text, uint16_t flags, BlockHint hint,
                  int level);
  void ExtendSpan(size_t begin, size_t end);
  void StartRunIfEmpty(uint16_t flags, BlockHint hint, int level);
  void Flush();

  // Where a text node's source sits in body_: [*begin, *end).
  void SourceSpan(const GumboText& text, size_t* begin, size_t* end) const;

  void OnMeta(const Attrs& a, uint16_t flags);
  void OnLink(const Attrs& a);
  void OnScript(const GumboElement& el, const Attrs& a);
  void OnElementMeta(const GumboNode* node, GumboTag tag, const Attrs& a,
                     uint16_t flags);

  // The folded text of a subtree, at most max_bytes (roughly); "" if more.
  std::string SubtreeText(const GumboNode* node, size_t max_bytes) const;

  // Offset in body_ -> offset in the page body.
  size_t ToBody(size_t offset) const {
    if (compact_ != nullptr) offset = compact_->ToOriginal(offset);
    return std::min(offset, body_size_);
  }

  std::string_view body_;
  const CompactHtml* compact_;
  size_t body_size_;
  int max_depth_;
  std::vector<Frame> stack_;

  std::vector<TextBlock> blocks_;
  std::vector<uint16_t> block_flags_;

  // The run being built.
  std::string run_;
  bool pending_space_ = false;
  size_t run_begin_ = SIZE_MAX;
  size_t run_end_ = 0;
  uint16_t run_flags_ = 0;
  BlockHint run_hint_ = BlockHint::kNone;
  int run_level_ = 0;
  bool run_started_ = false;

  // Metadata.
  Candidate title_meta_, outlet_, author_, published_, url_, language_;
  std::string title_tag_;
  bool seen_title_tag_ = false;
};

void Extractor::Walk(const GumboNode* document) {
  stack_.reserve(static_cast<size_t>(std::min(max_depth_, 1024)) + 2);
  const GumboVector* top = &document->v.document.children;
  stack_.push_back(
      {top, 0, 0, GUMBO_TAG_UNKNOWN, BlockHint::kNone, 0, /*block=*/true});
  while (!stack_.empty()) {
    Frame& f = stack_.back();
    if (f.next >= f.children->length) {
      bool flush = f.block && !(f.flags & kDropped);
      stack_.pop_back();
      if (flush) Flush();
      continue;
    }
    const auto* child =
        static_cast<const GumboNode*>(f.children->data[f.next++]);
    switch (child->type) {
      case GUMBO_NODE_TEXT:
      case GUMBO_NODE_CDATA:
      case GUMBO_NODE_WHITESPACE:
        if (!(f.flags & kDropped)) {
          AppendText(child->v.text, f.flags, f.hint, f.level);
        }
        break;
      case GUMBO_NODE_ELEMENT:
      case GUMBO_NODE_TEMPLATE: {
        Frame parent = f;  // Enter may grow stack_ and move `f`
        Enter(child, parent);
        break;
      }
      default:
        break;
    }
  }
  Flush();
}

void Extractor::Enter(const GumboNode* node, const Frame& parent) {
  const GumboElement& el = node->v.element;
  const GumboTag tag = el.tag;
  uint16_t flags = parent.flags;
  const bool dropped = flags & kDropped;

  if (el.tag_namespace != GUMBO_NAMESPACE_HTML) {
    return;  // <svg>, <math> and their contents
  }

  // Elements that only carry metadata.
  switch (tag) {
    case GUMBO_TAG_META: {
      Attrs a;
      ReadAttrs(el.attributes, &a);
      OnMeta(a, flags);
      return;
    }
    case GUMBO_TAG_LINK: {
      Attrs a;
      ReadAttrs(el.attributes, &a);
      OnLink(a);
      return;
    }
    case GUMBO_TAG_SCRIPT: {
      Attrs a;
      ReadAttrs(el.attributes, &a);
      OnScript(el, a);
      return;
    }
    case GUMBO_TAG_TITLE:
      if (!seen_title_tag_ && !(flags & kInArticle) && !(flags & kInMain)) {
        seen_title_tag_ = true;
        title_tag_ = SubtreeText(node, 2048);
      }
      return;
    case GUMBO_TAG_BR:
    case GUMBO_TAG_HR:
      if (!dropped) Flush();
      return;
    case GUMBO_TAG_IMG:
    case GUMBO_TAG_WBR:
      return;
    default:
      break;
  }

  const unsigned kind = KindOf(tag);
  if (kind & kSkip) {
    if ((kind & kBlock) && !dropped) Flush();
    return;
  }

  Attrs a;
  if (el.attributes.length > 0) ReadAttrs(el.attributes, &a);

  if (tag == GUMBO_TAG_HTML && !a.lang.empty()) {
    language_.Offer(0, PrimaryLanguage(a.lang));
  }

  bool block = (kind & kBlock) != 0;
  if (!dropped) {
    const bool article_body =
        a.has_itemprop && HasToken(a.itemprop, "articleBody");
    bool drop = (kind & kDropTag) != 0;
    if (tag == GUMBO_TAG_HEADER && !(flags & (kInArticle | kInMain))) {
      drop = true;  // the site header
    }
    if (tag == GUMBO_TAG_FORM && parent.tag != GUMBO_TAG_BODY) {
      drop = true;  // a form wrapping the whole page (ASP.NET) is kept
    }
    const bool content_root = tag == GUMBO_TAG_HTML || tag == GUMBO_TAG_BODY ||
                              tag == GUMBO_TAG_MAIN || article_body;
    if (!drop && !content_root) {
      drop = (a.has_cls && IsChromeClassOrId(a.cls)) ||
             (a.has_id && IsChromeClassOrId(a.id)) ||
             (a.has_role && IsChromeRole(a.role));
    }
    if (drop) {
      if (block) Flush();
      flags |= kDropped;
    } else {
      if (tag == GUMBO_TAG_ARTICLE || article_body ||
          (a.has_role && HasToken(a.role, "article"))) {
        flags |= kInArticle;
        block = true;
      }
      if (tag == GUMBO_TAG_MAIN || (a.has_role && HasToken(a.role, "main"))) {
        flags |= kInMain;
        block = true;
      }
      OnElementMeta(node, tag, a, flags);
      if (block) Flush();
    }
  }

  if (el.children.length == 0) return;
  if (stack_.size() > static_cast<size_t>(max_depth_)) {
    return;  // too deep: the subtree's text is dropped
  }

  BlockHint hint = parent.hint;
  int level = parent.level;
  switch (tag) {
    case GUMBO_TAG_P:
    case GUMBO_TAG_BLOCKQUOTE:
      hint = BlockHint::kParagraph;
      level = 0;
      break;
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
      hint = BlockHint::kHeading;
      level = 1 + static_cast<int>(tag - GUMBO_TAG_H1);
      break;
    case GUMBO_TAG_LI:
      hint = BlockHint::kListItem;
      level = 0;
      break;
    case GUMBO_TAG_TD:
    case GUMBO_TAG_TH:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_CAPTION:
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_LEGEND:
    case GUMBO_TAG_SUMMARY:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_DL:
      hint = BlockHint::kNone;
      level = 0;
      break;
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_LISTING:
    case GUMBO_TAG_XMP:
    case GUMBO_TAG_PLAINTEXT:
      hint = BlockHint::kNone;
      level = 0;
      flags |= kInPre;
      break;
    default:
      break;  // containers and inline elements inherit
  }
  stack_.push_back(
      {&el.children, 0, flags, tag, hint, static_cast<int8_t>(level), block});
}

void Extractor::SourceSpan(const GumboText& text, size_t* begin,
                           size_t* end) const {
  const char* data = text.original_text.data;
  size_t len = text.original_text.length;
  size_t b;
  if (data != nullptr && data >= body_.data() &&
      data <= body_.data() + body_.size()) {
    b = static_cast<size_t>(data - body_.data());
  } else {
    b = std::min<size_t>(text.start_pos.offset, body_.size());
    len = 0;
  }
  size_t e = b + std::min(len, body_.size() - b);
  // Trim source whitespace so the span starts and ends on text.
  size_t tb = b, te = e;
  while (tb < te && IsSourceSpace(static_cast<unsigned char>(body_[tb]))) ++tb;
  while (te > tb && IsSourceSpace(static_cast<unsigned char>(body_[te - 1]))) {
    --te;
  }
  if (te > tb) {
    b = tb;
    e = te;
  }
  *begin = b;
  *end = e;
}

void Extractor::StartRunIfEmpty(uint16_t flags, BlockHint hint, int level) {
  if (run_started_) return;
  run_started_ = true;
  run_flags_ = flags;
  run_hint_ = hint;
  run_level_ = level;
}

void Extractor::ExtendSpan(size_t begin, size_t end) {
  run_begin_ = std::min(run_begin_, begin);
  run_end_ = std::max(run_end_, end);
}

void Extractor::AppendText(const GumboText& text, uint16_t flags,
                           BlockHint hint, int level) {
  const char* s = text.text;
  if (s == nullptr) return;
  const size_t n = std::strlen(s);
  if (n == 0) return;

  if (flags & kInPre) {
    // Preformatted text: one block per line, when the decoded text is the
    // source byte for byte (no entities, no CR) so lines map to spans.
    size_t b, e;
    const char* data = text.original_text.data;
    if (data != nullptr && text.original_text.length == n &&
        data >= body_.data() && data + n <= body_.data() + body_.size() &&
        std::memcmp(data, s, n) == 0) {
      const size_t base = static_cast<size_t>(data - body_.data());
      size_t line = 0;
      while (line <= n) {
        const void* nl = std::memchr(s + line, '\n', n - line);
        size_t stop =
            nl ? static_cast<size_t>(static_cast<const char*>(nl) - s) : n;
        if (AppendFolded(&run_, &pending_space_, s + line, stop - line)) {
          StartRunIfEmpty(flags, hint, level);
          b = base + line;
          e = base + stop;
          while (b < e && IsSourceSpace(static_cast<unsigned char>(body_[b]))) {
            ++b;
          }
          while (e > b &&
                 IsSourceSpace(static_cast<unsigned char>(body_[e - 1]))) {
            --e;
          }
          ExtendSpan(b, e);
        }
        if (!nl) break;
        Flush();
        line = stop + 1;
      }
      return;
    }
  }

  if (AppendFolded(&run_, &pending_space_, s, n)) {
    StartRunIfEmpty(flags, hint, level);
    size_t b, e;
    SourceSpan(text, &b, &e);
    ExtendSpan(b, e);
  }
}

void Extractor::Flush() {
  pending_space_ = false;
  if (run_.empty()) {
    run_started_ = false;
    run_begin_ = SIZE_MAX;
    run_end_ = 0;
    return;
  }
  TextBlock block;
  block.text.assign(run_);
  if (run_begin_ > run_end_) run_begin_ = run_end_;  // cannot happen; be safe
  block.raw_begin = static_cast<uint32_t>(ToBody(run_begin_));
  block.raw_end = static_cast<uint32_t>(ToBody(run_end_));
  if (block.raw_begin > block.raw_end) block.raw_begin = block.raw_end;
  block.hint = run_hint_;
  block.heading_level = run_hint_ == BlockHint::kHeading ? run_level_ : 0;
  blocks_.push_back(std::move(block));
  block_flags_.push_back(run_flags_);
  run_.clear();
  run_started_ = false;
  run_begin_ = SIZE_MAX;
  run_end_ = 0;
}

std::string Extractor::SubtreeText(const GumboNode* node,
                                   size_t max_bytes) const {
  std::string out;
  bool pending = false;
  // Iterative walk with a small explicit stack; depth-limited.
  struct Pos {
    const GumboVector* children;
    unsigned next;
  };
  std::vector<Pos> stack;
  stack.push_back({&node->v.element.children, 0});
  while (!stack.empty()) {
    Pos& p = stack.back();
    if (p.next >= p.children->length) {
      stack.pop_back();
      continue;
    }
    const auto* c = static_cast<const GumboNode*>(p.children->data[p.next++]);
    if (c->type == GUMBO_NODE_TEXT || c->type == GUMBO_NODE_CDATA ||
        c->type == GUMBO_NODE_WHITESPACE) {
      if (c->v.text.text) {
        AppendFolded(&out, &pending, c->v.text.text,
                     std::strlen(c->v.text.text));
      }
      if (out.size() > max_bytes) return {};
    } else if (c->type == GUMBO_NODE_ELEMENT) {
      GumboTag t = c->v.element.tag;
      if (t == GUMBO_TAG_BR || KindOf(t) & kBlock) pending = true;
      if ((KindOf(t) & kSkip) || stack.size() >= 64) continue;
      stack.push_back({&c->v.element.children, 0});
    }
  }
  return out;
}

void Extractor::OnMeta(const Attrs& a, uint16_t flags) {
  if (!a.has_content) {
    return;
  }
  std::string_view content = a.content;
  auto key_is = [&](std::string_view key) {
    return (!a.property.empty() && EqualsIgnoreCase(a.property, key)) ||
           (!a.name.empty() && EqualsIgnoreCase(a.name, key));
  };
  if (key_is("og:title")) {
    title_meta_.Offer(0, Fold(content));
  } else if (key_is("og:site_name")) {
    outlet_.Offer(0, Fold(content));
  } else if (key_is("og:url")) {
    url_.Offer(1, Fold(content));
  } else if (key_is("author")) {
    if (!LooksLikeUrl(content)) author_.Offer(kAuthorMeta, Fold(content));
  } else if (key_is("article:author")) {
    if (!LooksLikeUrl(content)) {
      author_.Offer(kAuthorArticleMeta, Fold(content));
    }
  } else if (key_is("dc.creator") || key_is("dcterms.creator") ||
             key_is("sailthru.author") || key_is("parsely-author")) {
    if (!LooksLikeUrl(content)) {
      author_.Offer(kAuthorOtherMeta, Fold(content));
    }
  } else if (key_is("article:published_time")) {
    published_.Offer(kPublishedMeta, Fold(content));
  } else if (key_is("og:article:published_time") ||
             key_is("article:published")) {
    published_.Offer(kPublishedMeta + 1, Fold(content));
  } else if (key_is("pubdate") || key_is("publishdate") ||
             key_is("publish-date") || key_is("publish_date") ||
             key_is("dc.date.issued") || key_is("dcterms.issued") ||
             key_is("sailthru.date") || key_is("parsely-pub-date")) {
    published_.Offer(kPublishedOtherMeta, Fold(content));
  } else if (!a.http_equiv.empty() &&
             EqualsIgnoreCase(a.http_equiv, "content-language")) {
    language_.Offer(1, PrimaryLanguage(content));
  }
  // Microdata on <meta itemprop=...> counts only in page content.
  if (a.has_itemprop && !(flags & kDropped)) {
    if (HasToken(a.itemprop, "datePublished")) {
      published_.Offer(kPublishedItemprop, Fold(content));
    } else if (HasToken(a.itemprop, "author") && !LooksLikeUrl(content)) {
      author_.Offer(kAuthorItemprop + RegionPenalty(flags),
                    StripBy(Fold(content)));
    }
  }
}

void Extractor::OnLink(const Attrs& a) {
  if (!a.rel.empty() && !a.href.empty() && HasToken(a.rel, "canonical")) {
    url_.Offer(0, Fold(a.href));
  }
}

void Extractor::OnScript(const GumboElement& el, const Attrs& a) {
  if (FindIgnoreCase(a.type, "ld+json") == std::string_view::npos) return;
  const bool want_date = published_.Wants(kPublishedJsonLd);
  const bool want_author = author_.Wants(kAuthorJsonLd);
  if (!want_date && !want_author) return;
  for (unsigned i = 0; i < el.children.length; ++i) {
    const auto* c = static_cast<const GumboNode*>(el.children.data[i]);
    if (c->type != GUMBO_NODE_TEXT && c->type != GUMBO_NODE_WHITESPACE &&
        c->type != GUMBO_NODE_CDATA) {
      continue;
    }
    std::string_view json(c->v.text.text ? c->v.text.text : "");
    if (want_date) {
      published_.Offer(kPublishedJsonLd, Fold(JsonLdDatePublished(json)));
    }
    if (want_author) {
      author_.Offer(kAuthorJsonLd, Fold(JsonLdAuthor(json)));
    }
  }
}

void Extractor::OnElementMeta(const GumboNode* node, GumboTag tag,
                              const Attrs& a, uint16_t flags) {
  const int region = RegionPenalty(flags);
  if (tag == GUMBO_TAG_TIME && !a.datetime.empty() && region < 2) {
    int rank = kPublishedTime + 5 * region;
    if (published_.Wants(rank)) published_.Offer(rank, Fold(a.datetime));
  }
  if (a.has_itemprop) {
    if (HasToken(a.itemprop, "datePublished") &&
        published_.Wants(kPublishedItemprop)) {
      std::string v = Fold(a.has_content         ? a.content
                           : !a.datetime.empty() ? a.datetime
                                                 : std::string_view());
      if (v.empty()) v = SubtreeText(node, 100);
      published_.Offer(kPublishedItemprop, std::move(v));
    }
    if (HasToken(a.itemprop, "author") &&
        author_.Wants(kAuthorItemprop + region)) {
      std::string v = a.has_content ? Fold(a.content) : SubtreeText(node, 120);
      if (!LooksLikeUrl(v)) author_.Offer(kAuthorItemprop + region, StripBy(v));
    }
  }
  if (tag == GUMBO_TAG_A && !a.rel.empty() &&
      author_.Wants(kAuthorRel + region) && HasToken(a.rel, "author")) {
    author_.Offer(kAuthorRel + region, StripBy(SubtreeText(node, 120)));
  }
  if (a.has_cls && author_.Wants(kAuthorClass + region) &&
      IsAuthorClass(a.cls)) {
    author_.Offer(kAuthorClass + region, StripBy(SubtreeText(node, 120)));
  }
}

void Extractor::Finish(Page* page) {
  // Prefer the article region(s), then <main>, when the page has them and
  // they hold real text; a region of a few words beside a page full of text
  // is a teaser card or a wrapper around the title only.
  size_t total = 0;
  for (const TextBlock& b : blocks_) total += b.text.size();
  uint16_t keep_mask = 0;
  for (uint16_t mask : {uint16_t{kInArticle}, uint16_t{kInMain}}) {
    size_t inside = 0;
    bool any = false;
    for (size_t i = 0; i < blocks_.size(); ++i) {
      if (block_flags_[i] & mask) {
        any = true;
        inside += blocks_[i].text.size();
      }
    }
    if (!any) continue;
    if (inside < 200 && (total - inside) > 5 * inside) continue;
    keep_mask = mask;
    break;
  }

  std::vector<TextBlock>& out = page->blocks;
  out.clear();
  if (keep_mask == 0) {
    out = std::move(blocks_);
  } else {
    bool region_has_h1 = false;
    for (size_t i = 0; i < blocks_.size(); ++i) {
      if ((block_flags_[i] & keep_mask) && blocks_[i].heading_level == 1) {
        region_has_h1 = true;
        break;
      }
    }
    bool added_h1 = region_has_h1;
    out.reserve(blocks_.size());
    for (size_t i = 0; i < blocks_.size(); ++i) {
      if (block_flags_[i] & keep_mask) {
        out.push_back(std::move(blocks_[i]));
      } else if (!added_h1 && blocks_[i].heading_level == 1) {
        added_h1 = true;
        out.push_back(std::move(blocks_[i]));
      }
    }
  }

  PageMeta& m = page->meta;
  m.outlet = std::move(outlet_.value);
  if (!title_meta_.value.empty()) {
    m.title = std::move(title_meta_.value);
  } else {
    for (const TextBlock& b : out) {
      if (b.heading_level == 1) {
        m.title = b.text;
        break;
      }
    }
    if (m.title.empty()) m.title = StripSiteName(title_tag_, m.outlet);
  }
  m.author = std::move(author_.value);
  m.published = std::move(published_.value);
  m.url = std::move(url_.value);
  m.language = std::move(language_.value);
}

// Per-thread parse arena.
Arena& ThreadArena() {
  thread_local Arena arena;
  return arena;
}

// Per-thread buffer for the page without script/style contents.
CompactHtml& ThreadCompact() {
  thread_local CompactHtml compact;
  return compact;
}

// Parses `html` with gumbo, all allocation from `arena`. Returns null when
// the parse needed more than `budget` bytes: some tiny inputs make the HTML5
// tree builder create millions of nodes (e.g. a thousand distinct unclosed
// <b> tags, then thousands of paragraphs, each of which reconstructs all of
// them). Gumbo has no way to fail an allocation, so the allocator jumps
// back here; gumbo holds no resource but arena memory, and no C++ object
// with a destructor lives between this frame and the allocator's.
GumboOutput* ParseWithinBudget(Arena* arena, const GumboOptions* options,
                               std::string_view html, size_t budget) {
  std::jmp_buf escape;
  if (setjmp(escape) != 0) {
    return nullptr;
  }
  arena->SetBudget(budget, &escape);
  GumboOutput* output =
      gumbo_parse_with_options(options, html.data(), html.size());
  arena->SetBudget(SIZE_MAX, nullptr);
  return output;
}

// Cutting script/style contents pays off above this many bytes.
constexpr size_t kMinCut = 512;

// Parse memory allowed: a typical page's tree takes about 11 bytes per
// byte of HTML.
constexpr size_t kBudgetBase = 64u << 20;
constexpr size_t kBudgetPerByte = 64;

}  // namespace

Result<Page> ExtractHtml(std::string body, const HtmlOptions& options) {
  if (body.size() > UINT32_MAX) {
    return Status::TooLarge("HTML body over 4 GiB");
  }
  try {
    Arena& arena = ThreadArena();
    arena.Reset();
    GumboOptions gopts = kGumboDefaultOptions;
    gopts.allocator = &ArenaAllocate;
    gopts.deallocator = &ArenaFree;
    gopts.userdata = &arena;
    gopts.max_errors = 0;  // errors are not used; recording them is costly

    std::string_view parsed = body;
    const CompactHtml* compact = nullptr;
    // Nesting well past max_depth is cut before parsing; the walk drops
    // text deeper than max_depth anyway, and the margin covers the
    // estimate's errors.
    const size_t max_depth =
        static_cast<size_t>(options.max_depth < 1 ? 1 : options.max_depth);
    const size_t depth_cut = std::max<size_t>(4 * max_depth, 1024);
    std::vector<ByteRange> cuts = PlanCuts(body, depth_cut);
    size_t cut_bytes = 0;
    for (const ByteRange& r : cuts) cut_bytes += r.end - r.begin;
    if (cut_bytes >= kMinCut) {  // a depth cut is always over this
      CompactHtml& c = ThreadCompact();
      c.Build(body, cuts);
      parsed = c.text();
      compact = &c;
    }

    const size_t budget = kBudgetBase + kBudgetPerByte * parsed.size();
    GumboOutput* output = ParseWithinBudget(&arena, &gopts, parsed, budget);
    if (output == nullptr) {
      arena.Reset();
      return Status::TooLarge("HTML parse tree over " +
                              std::to_string(budget >> 20) +
                              " MiB (pathological markup)");
    }
    if (output->document == nullptr) {
      arena.Reset();
      return Status::Internal("gumbo returned no document");
    }
    Page page;
    {
      Extractor extractor(parsed, compact, body.size(), options);
      extractor.Walk(output->document);
      extractor.Finish(&page);
    }
    // The tree lives in the arena: nothing to destroy node by node.
    arena.Reset();
    if (compact != nullptr && parsed.size() > (4u << 20)) {
      ThreadCompact() = CompactHtml();  // do not keep a huge buffer
    }
    page.body = std::move(body);
    return page;
  } catch (const std::bad_alloc&) {
    return Status::TooLarge("out of memory extracting HTML");
  } catch (...) {
    return Status::Internal("unexpected exception extracting HTML");
  }
}

}  // namespace ceasewatch
