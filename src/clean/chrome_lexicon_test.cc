#include "clean/chrome_lexicon.h"

#include <gtest/gtest.h>

namespace ceasewatch {
namespace {

TEST(ChromeLexiconTest, BuiltInPatternsCompile) {
  ChromeLexicon lexicon;
  EXPECT_TRUE(lexicon.ok()) << lexicon.error();
}

TEST(ChromeLexiconTest, ABadExtraPatternIsReportedNotIgnored) {
  ChromeLexicon lexicon({{ChromeKind::kNavigation, "(unclosed"}});
  EXPECT_FALSE(lexicon.ok());
  EXPECT_NE(lexicon.error().find("(unclosed"), std::string::npos);
}

struct Case {
  const char* line;
  ChromeKind want;
};

TEST(ChromeLexiconTest, ClassifiesWholeLines) {
  const Case cases[] = {
      {"Leave a Reply", ChromeKind::kCommentPrompt},
      {"Leave a Comment", ChromeKind::kCommentPrompt},
      {"Leave a review", ChromeKind::kCommentPrompt},
      {"Your email address will not be published.",
       ChromeKind::kCommentPrompt},
      {"This site uses Akismet to reduce spam. Learn how your comment data "
       "is processed.",
       ChromeKind::kCommentPrompt},
      {"Newsletter Signup", ChromeKind::kNewsletter},
      {"Subscribe to our newsletter below and never miss the latest product "
       "or an exclusive offer.",
       ChromeKind::kNewsletter},
      {"News from Example.net in Telegram. Subscribe to our channel "
       "https://t.me/example",
       ChromeKind::kNewsletter},
      {"Follow us on social networks", ChromeKind::kFollow},
      {"Follow us on Twitter @SomeOutlet", ChromeKind::kFollow},
      {"Share on Facebook", ChromeKind::kShare},
      {"Facebook Twitter WhatsApp Telegram", ChromeKind::kShare},
      {"Back to top button", ChromeKind::kNavigation},
      {"Top Bottom", ChromeKind::kNavigation},
      {"Read more", ChromeKind::kNavigation},
      {"Latest See more", ChromeKind::kNavigation},
      {"What's new", ChromeKind::kNavigation},
      {"News Line", ChromeKind::kNavigation},
      {"Users Who Are Viewing This Thread (Total: 1, Members: 0, Guests: 1)",
       ChromeKind::kForum},
      {"Last edited:", ChromeKind::kForum},
      {"Author of the article:", ChromeKind::kLabel},
      {"Publishing date:", ChromeKind::kLabel},
      {"\xC2\xA9 2024 Some Outlet. All rights reserved.", ChromeKind::kLegal},
      {"3 min read", ChromeKind::kReadingTime},
      {"Read also: Ceasefire under strain after a night of shelling",
       ChromeKind::kNavigation},
      // Content stays content.
      {"Point 1:", ChromeKind::kNone},
      {"Azerbaijan denies troops pullout from peacekeepers' zone",
       ChromeKind::kNone},
      {"The ministry said it would leave a reply to the letter later this "
       "week.",
       ChromeKind::kNone},
      {"Readers were asked to subscribe to the new charter.",
       ChromeKind::kNone},
  };
  ChromeLexicon lexicon;
  for (const Case& c : cases)
    EXPECT_EQ(ChromeKindName(lexicon.Classify(c.line)), ChromeKindName(c.want))
        << c.line;
}

}  // namespace
}  // namespace ceasewatch
