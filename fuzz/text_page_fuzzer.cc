// Fuzzes the plain-text page path: extraction, cleaning (lexicon, datelines,
// repetition, tail cut) and splitting into articles with dates. Checks the
// span contract: every paragraph span lies inside the page body.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "clean/cleaner.h"
#include "extract/text_extract.h"
#include "split/article_splitter.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const ceasewatch::ChromeLexicon* lexicon =
      new ceasewatch::ChromeLexicon();
  ceasewatch::Cleaner cleaner(*lexicon);
  ceasewatch::Page page = ceasewatch::ExtractText(
      std::string(reinterpret_cast<const char*>(data), size));
  page.single_article = size > 0 && data[0] == '{';
  cleaner.Clean(&page, nullptr);
  for (const ceasewatch::Article& a : ceasewatch::SplitArticles(page)) {
    for (const ceasewatch::Paragraph& p : a.paragraphs) {
      if (p.raw_begin > p.raw_end || p.raw_end > page.body.size()) abort();
    }
  }
  return 0;
}
