// The lexicon of site chrome: whole-line patterns for comment prompts,
// newsletter and follow blocks, share bars, navigation, forum furniture,
// metadata labels and legal notices, in English.
#ifndef CEASEWATCH_CLEAN_CHROME_LEXICON_H_
#define CEASEWATCH_CLEAN_CHROME_LEXICON_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace ceasewatch {

enum class ChromeKind {
  kNone,
  kCommentPrompt,  // "Leave a Reply": the article has ended
  kNewsletter,     // "Subscribe to our newsletter": the article has ended
  kFollow,         // "Follow us on Twitter": the article has ended
  kShare,          // "Share on Facebook"
  kNavigation,     // "Read more", "Back to top", "What's new"
  kForum,          // "Users Who Are Viewing This Thread", "Last edited:"
  kLabel,          // "Author of the article:", "Publishing date:"
  kLegal,          // cookie banners, copyright lines
  kReadingTime,    // "3 min read"
};

const char* ChromeKindName(ChromeKind kind);
// True for the kinds after which a page's article text is over.
bool EndsArticle(ChromeKind kind);

struct ChromePattern {
  ChromeKind kind;
  std::string regex;  // RE2 syntax, matched against the whole line
};

// The built-in English patterns.
const std::vector<ChromePattern>& DefaultChromePatterns();

// Matches whole lines against a set of patterns, case-insensitively.
// Immutable after construction; safe to share between threads.
class ChromeLexicon {
 public:
  // `extra` patterns (from a data pack) are added to the defaults.
  explicit ChromeLexicon(const std::vector<ChromePattern>& extra = {});
  ~ChromeLexicon();
  ChromeLexicon(const ChromeLexicon&) = delete;
  ChromeLexicon& operator=(const ChromeLexicon&) = delete;

  // False when a pattern failed to compile; error() says which.
  bool ok() const { return error_.empty(); }
  const std::string& error() const { return error_; }

  // The kind of the first pattern matching all of `line`, or kNone.
  ChromeKind Classify(std::string_view line) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  std::string error_;
};

}  // namespace ceasewatch

#endif  // CEASEWATCH_CLEAN_CHROME_LEXICON_H_
