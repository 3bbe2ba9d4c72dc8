#include "clean/chrome_lexicon.h"

#include <re2/re2.h>
#include <re2/set.h>

#include <algorithm>

namespace ceasewatch {

const char* ChromeKindName(ChromeKind kind) {
  switch (kind) {
    case ChromeKind::kNone:
      return "content";
    case ChromeKind::kCommentPrompt:
      return "comment prompt";
    case ChromeKind::kNewsletter:
      return "newsletter or channel promotion";
    case ChromeKind::kFollow:
      return "follow-us line";
    case ChromeKind::kShare:
      return "share bar";
    case ChromeKind::kNavigation:
      return "navigation";
    case ChromeKind::kForum:
      return "forum furniture";
    case ChromeKind::kLabel:
      return "metadata label";
    case ChromeKind::kLegal:
      return "legal or cookie notice";
    case ChromeKind::kReadingTime:
      return "reading-time line";
  }
  return "unknown";
}

bool EndsArticle(ChromeKind kind) {
  return kind == ChromeKind::kCommentPrompt ||
         kind == ChromeKind::kNewsletter || kind == ChromeKind::kFollow;
}

const std::vector<ChromePattern>& DefaultChromePatterns() {
  using K = ChromeKind;
  static const auto* patterns = new std::vector<ChromePattern>{
      // Comment sections.
      {K::kCommentPrompt,
       R"((leave|post|add|write|submit) (a|your) (reply|comment|review|response)\W*)"},
      {K::kCommentPrompt, R"(your email address will not be published.*)"},
      {K::kCommentPrompt, R"(this site uses akismet.*)"},
      {K::kCommentPrompt, R"(you must be logged in to (post a )?comment.*)"},
      {K::kCommentPrompt, R"((log ?in|sign ?in|register) to (comment|reply).*)"},
      {K::kCommentPrompt, R"(\d+ (comments?|responses?|replies))"},
      {K::kCommentPrompt, R"(((show|view|load|hide|read) (all )?)?comments?( \(\d+\))?)"},
      {K::kCommentPrompt, R"(join the (conversation|discussion))"},
      // Newsletters and channel promotion.
      {K::kNewsletter, R"(newsletter( sign ?-?up| subscription)?\W*)"},
      {K::kNewsletter, R"(.{0,80}\bsubscribe (to|for) (our|the) (newsletter|channel|telegram|youtube|mailing list|updates|podcast)\b.*)"},
      {K::kNewsletter, R"(sign up (for|to) (our|the) newsletter.*)"},
      {K::kNewsletter, R"((subscribe|sign up)( now| here| today)?\W*)"},
      // Follow and share.
      {K::kFollow, R"(follow us( on .{0,60})?\W*)"},
      {K::kFollow, R"((like|follow|find|join) us on (facebook|twitter|telegram|instagram|youtube|x|social networks|social media).*)"},
      {K::kShare, R"(share( this( article| story| post| page)?)?( on \w+)?( via \w+)?\W*)"},
      {K::kShare, R"(((share|tweet|e-?mail|print|facebook|twitter|whatsapp|telegram|linkedin|reddit|vk|pinterest|copy link|messenger)\W*){2,})"},
      // Navigation.
      {K::kNavigation, R"((home|menu|search|skip to (main )?content|back to top( button)?|top|bottom|top bottom|go to top))"},
      {K::kNavigation, R"((read|see|load|show|view) (more|all|also)\W*)"},
      {K::kNavigation, R"((read also|also read|see also|read more|related|recommended|more on this|watch)\s*:.{0,200})"},
      {K::kNavigation, R"((latest|latest news|latest see more|more news|more stories|news ?line|news feed|what's new|what’s new|breaking news|top stories|editor's picks))"},
      {K::kNavigation, R"((next|previous|prev) (article|post|story)\W*.{0,120})"},
      {K::kNavigation, R"((related|recommended|popular)( articles| news| posts| stories| content)?\W*)"},
      {K::kNavigation, R"((you may also like|you might also like|also read|more from .{1,40}|most (read|popular|viewed|shared)|trending( now)?)\W*)"},
      {K::kNavigation, R"((advertisement|sponsored( content)?|ad|ads by .*))"},
      // Forums.
      {K::kForum, R"(users who are viewing this (thread|page).*)"},
      {K::kForum, R"(last edited( by .{1,60})?( on .{1,40})?:?)"},
      {K::kForum, R"((click to expand|click to shrink)\W*)"},
      {K::kForum, R"((reply|quote|report|like|likes|reactions?|thread starter|#\d+))"},
      {K::kForum, R"((joined|messages|reaction score|points|threads|posts):? [\d,. ]+)"},
      {K::kForum, R"(members? online.*|forum statistics.*|share this page)"},
      // Labels that introduce metadata on the next line.
      {K::kLabel, R"((author( of the article)?|authors?|publishing date|publication date|published( on| at)?|updated( on| at)?|last (updated|modified)( on)?|posted( on| by| at)?|written by|date|source|tags|topics?|photo( credit)?|image( credit)?|credit|editor|reporter|categor(y|ies))\s*:)"},
      // Legal notices.
      {K::kLegal, R"(.{0,120}\b(we use cookies|cookie policy|accept (all )?cookies|privacy policy|terms of (use|service)|all rights reserved)\b.{0,120})"},
      {K::kLegal, R"((©|\(c\)|copyright)\s*(\d{4})?.{0,150})"},
      {K::kReadingTime, R"(\d+ min(ute)?s? read)"},
  };
  return *patterns;
}

struct ChromeLexicon::Impl {
  Impl() : set(Options(), RE2::ANCHOR_BOTH) {}
  static RE2::Options Options() {
    RE2::Options o;
    o.set_case_sensitive(false);
    o.set_log_errors(false);
    return o;
  }
  RE2::Set set;
  std::vector<ChromeKind> kinds;
};

ChromeLexicon::ChromeLexicon(const std::vector<ChromePattern>& extra)
    : impl_(std::make_unique<Impl>()) {
  std::vector<ChromePattern> all = DefaultChromePatterns();
  all.insert(all.end(), extra.begin(), extra.end());
  for (const ChromePattern& p : all) {
    std::string err;
    if (impl_->set.Add(p.regex, &err) < 0) {
      error_ = "bad chrome pattern '" + p.regex + "': " + err;
      return;
    }
    impl_->kinds.push_back(p.kind);
  }
  if (!impl_->set.Compile()) error_ = "chrome patterns did not compile";
}

ChromeLexicon::~ChromeLexicon() = default;

ChromeKind ChromeLexicon::Classify(std::string_view line) const {
  if (!ok() || line.size() > 300) return ChromeKind::kNone;
  std::vector<int> hits;
  if (!impl_->set.Match(line, &hits) || hits.empty()) return ChromeKind::kNone;
  return impl_->kinds[*std::min_element(hits.begin(), hits.end())];
}

}  // namespace ceasewatch
