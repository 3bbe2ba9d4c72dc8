#include <cstdio>
#include <iostream>

#include "cli/commands.h"
#include "store/store.h"

namespace ceasewatch::cli {
namespace {

// Cuts `s` to at most `width` bytes without splitting a UTF-8 character.
std::string Clip(const std::string& s, size_t width) {
  if (s.size() <= width) return s;
  size_t n = width - 3;
  while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
  return s.substr(0, n) + "...";
}

std::string BaseName(const std::string& path) {
  size_t slash = path.find_last_of('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

}  // namespace

CLI::App* AddArticles(CLI::App& app, ArticlesArgs* args) {
  CLI::App* cmd = app.add_subcommand(
      "articles", "List stored articles: id, date, language, copy-of, title.");
  cmd->add_option("--db", args->db, "SQLite store")->required();
  cmd->add_option("--limit", args->limit, "at most this many (default 50)")
      ->check(CLI::PositiveNumber);
  return cmd;
}

int RunArticles(const ArticlesArgs& args) {
  std::unique_ptr<Store> store = OpenForReading(args.db);
  if (!store) return kExitStoreFailed;
  std::printf("%5s  %-10s  %-4s  %-5s  %-6s  %s\n", "id", "published", "lang",
              "copy", "words", "title  [file]");
  int shown = 0;
  Status st = store->ForEachArticle([&](const ArticleRow& r) {
    if (shown++ >= args.limit) return Status::NotFound("limit");
    int words = 0;
    bool in_word = false;
    for (char c : r.text) {
      bool space = c == ' ' || c == '\n';
      if (!space && !in_word) ++words;
      in_word = !space;
    }
    std::string copy = r.duplicate_of ? std::to_string(*r.duplicate_of) : "-";
    std::printf("%5lld  %-10s  %-4s  %-5s  %6d  %s  [%s]\n",
                static_cast<long long>(r.id),
                r.published.empty() ? "?" : r.published.c_str(),
                r.language.c_str(), copy.c_str(), words,
                Clip(r.title.empty() ? "(no title)" : r.title, 70).c_str(),
                BaseName(r.path).c_str());
    return Status::Ok();
  });
  if (!st.ok() && st.code() != Status::Code::kNotFound) {
    std::cerr << "ceasewatch: " << st.message() << "\n";
    return kExitStoreFailed;
  }
  return kExitOk;
}

}  // namespace ceasewatch::cli
