#include "input/directory_lister.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "input/input_test_util.h"

namespace ceasewatch {
namespace {

namespace fs = std::filesystem;

TEST(DirectoryListerTest, SortedRecursiveSkippingHidden) {
  const fs::path dir = testing_util::FreshDir("lister");
  testing_util::WriteFile(dir / "b.html", "b");
  testing_util::WriteFile(dir / "a" / "z.txt", "z");
  testing_util::WriteFile(dir / "a" / "y" / "x.html", "x");
  testing_util::WriteFile(dir / "a.txt", "a");
  testing_util::WriteFile(dir / ".hidden.html", "h");
  testing_util::WriteFile(dir / ".git" / "config", "c");
  testing_util::WriteFile(dir / "a" / ".cache" / "p.html", "p");

  const std::string root = dir.generic_string() + "/";
  DirectoryListing got = ListFiles(root);
  EXPECT_TRUE(got.errors.empty());
  const std::vector<std::string> want = {root + "a.txt", root + "a/y/x.html",
                                         root + "a/z.txt", root + "b.html"};
  EXPECT_EQ(got.files, want);
}

TEST(DirectoryListerTest, SymlinkLoopEnds) {
  const fs::path dir = testing_util::FreshDir("lister_loop");
  testing_util::WriteFile(dir / "sub" / "page.html", "p");
  std::error_code ec;
  fs::create_directory_symlink(dir, dir / "sub" / "loop", ec);
  ASSERT_FALSE(ec) << ec.message();
  fs::create_directory_symlink(dir / "sub", dir / "again", ec);
  ASSERT_FALSE(ec) << ec.message();
  fs::create_symlink(dir / "missing", dir / "dangling.html", ec);
  ASSERT_FALSE(ec) << ec.message();

  DirectoryListing got = ListFiles(dir.string());
  // sub/ is reached twice (directly and as again/); it is listed once.
  ASSERT_EQ(got.files.size(), 1u);
  EXPECT_NE(got.files[0].find("page.html"), std::string::npos);
  ASSERT_EQ(got.errors.size(), 1u);
  EXPECT_NE(got.errors[0].first.find("dangling.html"), std::string::npos);
  EXPECT_EQ(got.errors[0].second.code(), Status::Code::kIOError);
}

TEST(DirectoryListerTest, MissingFolder) {
  DirectoryListing got = ListFiles("/nonexistent/cw/folder");
  EXPECT_TRUE(got.files.empty());
  ASSERT_EQ(got.errors.size(), 1u);
  EXPECT_EQ(got.errors[0].second.code(), Status::Code::kIOError);
}

}  // namespace
}  // namespace ceasewatch
