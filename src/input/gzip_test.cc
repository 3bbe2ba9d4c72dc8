#include "input/gzip.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "input/input_test_util.h"

namespace ceasewatch {
namespace {

using ::testing::HasSubstr;
using testing_util::Deflate;
using testing_util::GzipMember;

std::string Repeat(std::string_view s, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += s;
  return out;
}

TEST(GzipTest, IsGzip) {
  EXPECT_TRUE(IsGzip(GzipMember("x")));
  EXPECT_FALSE(IsGzip("\x1f"));
  EXPECT_FALSE(IsGzip("<html>"));
  EXPECT_FALSE(IsGzip(""));
}

TEST(GzipTest, RoundTrip) {
  const std::string text = Repeat("ceasefire talks resumed. ", 5000);
  std::string out;
  ASSERT_TRUE(Gunzip(GzipMember(text), 1 << 20, &out).ok());
  EXPECT_EQ(out, text);
}

TEST(GzipTest, EmptyMember) {
  std::string out = "junk";
  ASSERT_TRUE(Gunzip(GzipMember(""), 100, &out).ok());
  EXPECT_EQ(out, "");
}

TEST(GzipTest, ConcatenatedMembers) {
  const std::string in =
      GzipMember("first record\n") + GzipMember("") + GzipMember("second\n");
  std::string out;
  ASSERT_TRUE(Gunzip(in, 1000, &out).ok());
  EXPECT_EQ(out, "first record\nsecond\n");
}

TEST(GzipTest, NulPaddingAfterLastMemberIsIgnored) {
  std::string out;
  EXPECT_TRUE(
      Gunzip(GzipMember("abc") + std::string(16, '\0'), 1000, &out).ok());
  EXPECT_EQ(out, "abc");
}

TEST(GzipTest, TrailingGarbageIsCorrupt) {
  const std::string first = GzipMember("abc");
  std::string out;
  Status st = Gunzip(first + "garbage", 1000, &out);
  EXPECT_EQ(st.code(), Status::Code::kInvalidInput);
  EXPECT_THAT(st.message(),
              HasSubstr("at compressed byte " + std::to_string(first.size())));
  EXPECT_EQ(out, "abc");
}

TEST(GzipTest, TruncatedKeepsEarlierMembers) {
  const std::string first = GzipMember(Repeat("record one. ", 100));
  const std::string second = GzipMember(Repeat("record two! ", 1000));
  const std::string in = first + second.substr(0, second.size() / 2);
  std::string out;
  Status st = Gunzip(in, 1 << 20, &out);
  EXPECT_EQ(st.code(), Status::Code::kInvalidInput);
  EXPECT_EQ(st.message(), "truncated gzip stream at compressed byte " +
                              std::to_string(in.size()));
  ASSERT_GE(out.size(), 1200u);
  EXPECT_EQ(out.substr(0, 1200), Repeat("record one. ", 100));
}

TEST(GzipTest, TruncatedTable) {
  const std::string whole = GzipMember("hello world");
  // Every strict prefix is truncated (the 8-byte trailer included).
  for (size_t n = 0; n < whole.size(); ++n) {
    std::string out;
    Status st = Gunzip(whole.substr(0, n), 100, &out);
    EXPECT_EQ(st.code(), Status::Code::kInvalidInput) << n;
    EXPECT_THAT(st.message(), HasSubstr("truncated")) << n;
  }
}

TEST(GzipTest, CorruptData) {
  std::string in = GzipMember(Repeat("abcdefgh", 100));
  in[3] = '\xff';  // reserved flag bits set
  std::string out;
  Status st = Gunzip(in, 10000, &out);
  EXPECT_EQ(st.code(), Status::Code::kInvalidInput);
  EXPECT_THAT(st.message(), HasSubstr("corrupt gzip stream at compressed"));
}

TEST(GzipTest, BadCrc) {
  std::string in = GzipMember("payload");
  in[in.size() - 8] ^= 0x55;
  std::string out;
  Status st = Gunzip(in, 10000, &out);
  EXPECT_EQ(st.code(), Status::Code::kInvalidInput);
  EXPECT_THAT(st.message(), HasSubstr("corrupt"));
}

TEST(GzipTest, OutputLimit) {
  const std::string text(10000, 'a');
  std::string out;
  Status st = Gunzip(GzipMember(text), 9999, &out);
  EXPECT_EQ(st.code(), Status::Code::kTooLarge);
  EXPECT_EQ(out.size(), 9999u);
  EXPECT_TRUE(Gunzip(GzipMember(text), 10000, &out).ok());
  EXPECT_EQ(out.size(), 10000u);
}

TEST(GzipTest, InflateZlibAndRaw) {
  const std::string text = Repeat("deflate body ", 50);
  for (bool raw : {false, true}) {
    std::string out;
    ASSERT_TRUE(InflateDeflate(Deflate(text, raw), 1 << 20, &out).ok()) << raw;
    EXPECT_EQ(out, text);
  }
  std::string out;
  const std::string d = Deflate(text, false);
  EXPECT_EQ(InflateDeflate(d.substr(0, d.size() / 2), 1 << 20, &out).code(),
            Status::Code::kInvalidInput);
}

}  // namespace
}  // namespace ceasewatch
