#include "input/file_reader.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdio>
#include <string>

#include "input/input_test_util.h"

namespace ceasewatch {
namespace {

using ::testing::HasSubstr;

TEST(FileReaderTest, ReadsWholeFile) {
  const auto dir = testing_util::FreshDir("file_reader");
  const std::string body(200000, 'x');
  testing_util::WriteFile(dir / "a.txt", body);
  std::string out;
  ASSERT_TRUE(ReadFileLimited((dir / "a.txt").string(), 200000, &out).ok());
  EXPECT_EQ(out, body);
}

TEST(FileReaderTest, TooLargeIsRejectedUnread) {
  const auto dir = testing_util::FreshDir("file_reader_large");
  testing_util::WriteFile(dir / "big.html", std::string(101, 'x'));
  std::string out;
  Status st = ReadFileLimited((dir / "big.html").string(), 100, &out);
  EXPECT_EQ(st.code(), Status::Code::kTooLarge);
  EXPECT_EQ(st.message(),
            "file is 101 bytes, over the limit of 100 (--max-bytes)");
  EXPECT_TRUE(out.empty());
}

TEST(FileReaderTest, MissingAndFolder) {
  const auto dir = testing_util::FreshDir("file_reader_missing");
  std::string out;
  const std::string missing = (dir / "nope.html").string();
  Status st = ReadFileLimited(missing, 100, &out);
  EXPECT_EQ(st.code(), Status::Code::kIOError);
  EXPECT_THAT(st.message(), HasSubstr(missing));
  EXPECT_THAT(st.message(), HasSubstr("No such file"));

  st = ReadFileLimited(dir.string(), 100, &out);
  EXPECT_EQ(st.code(), Status::Code::kIOError);
  EXPECT_THAT(st.message(), HasSubstr("is a directory"));
}

TEST(FileReaderTest, StreamLimit) {
  std::FILE* f = std::tmpfile();
  ASSERT_NE(f, nullptr);
  const std::string body(70000, 'y');
  std::fwrite(body.data(), 1, body.size(), f);
  std::rewind(f);
  std::string out;
  EXPECT_TRUE(ReadStreamLimited(f, "stdin", 70000, &out).ok());
  EXPECT_EQ(out.size(), 70000u);
  std::rewind(f);
  Status st = ReadStreamLimited(f, "stdin", 69999, &out);
  EXPECT_EQ(st.code(), Status::Code::kTooLarge);
  EXPECT_THAT(st.message(), HasSubstr("stdin is over the limit of 69999"));
  std::fclose(f);
}

}  // namespace
}  // namespace ceasewatch
