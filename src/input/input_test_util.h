// Helpers for the input stage's tests only (header-only, not in the
// library): gzip compression, temp files and tiny WARC builders.
#ifndef CEASEWATCH_INPUT_INPUT_TEST_UTIL_H_
#define CEASEWATCH_INPUT_INPUT_TEST_UTIL_H_

#include <gtest/gtest.h>
#include <zlib.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace ceasewatch {
namespace testing_util {

// One gzip member holding `data`.
inline std::string GzipMember(std::string_view data) {
  z_stream zs{};
  EXPECT_EQ(deflateInit2(&zs, Z_BEST_COMPRESSION, Z_DEFLATED, 16 + MAX_WBITS, 8,
                         Z_DEFAULT_STRATEGY),
            Z_OK);
  std::string out(deflateBound(&zs, data.size()) + 64, '\0');
  zs.next_in = reinterpret_cast<unsigned char*>(const_cast<char*>(data.data()));
  zs.avail_in = static_cast<uInt>(data.size());
  zs.next_out = reinterpret_cast<unsigned char*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  EXPECT_EQ(deflate(&zs, Z_FINISH), Z_STREAM_END);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  return out;
}

// A zlib-wrapped (raw = false) or raw deflate stream holding `data`.
inline std::string Deflate(std::string_view data, bool raw) {
  z_stream zs{};
  EXPECT_EQ(deflateInit2(&zs, Z_DEFAULT_COMPRESSION, Z_DEFLATED,
                         raw ? -MAX_WBITS : MAX_WBITS, 8, Z_DEFAULT_STRATEGY),
            Z_OK);
  std::string out(deflateBound(&zs, data.size()) + 64, '\0');
  zs.next_in = reinterpret_cast<unsigned char*>(const_cast<char*>(data.data()));
  zs.avail_in = static_cast<uInt>(data.size());
  zs.next_out = reinterpret_cast<unsigned char*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  EXPECT_EQ(deflate(&zs, Z_FINISH), Z_STREAM_END);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  return out;
}

// A fresh empty folder under the test temp dir.
inline std::filesystem::path FreshDir(const std::string& name) {
  std::filesystem::path dir =
      std::filesystem::path(::testing::TempDir()) / ("cw_input_" + name);
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

inline void WriteFile(const std::filesystem::path& path,
                      std::string_view contents) {
  std::filesystem::create_directories(path.parent_path());
  std::ofstream f(path, std::ios::binary | std::ios::trunc);
  f.write(contents.data(), static_cast<std::streamsize>(contents.size()));
  ASSERT_TRUE(f.good()) << path;
}

// An HTTP/1.1 response: status line, headers (each "Name: value"), body.
inline std::string HttpResponse(const std::string& status_line,
                                const std::vector<std::string>& headers,
                                std::string_view body) {
  std::string out = status_line + "\r\n";
  for (const std::string& h : headers) out += h + "\r\n";
  out += "\r\n";
  out += body;
  return out;
}

// One WARC/1.0 record with the given type, target URI and block, followed
// by the CRLF CRLF separator.
inline std::string WarcRecord(
    const std::string& type, const std::string& uri, std::string_view block,
    const std::string& content_type = "application/http; msgtype=response") {
  std::string out = "WARC/1.0\r\n";
  out += "WARC-Type: " + type + "\r\n";
  out += "WARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-000000000000>\r\n";
  out += "WARC-Date: 2024-03-05T10:11:12Z\r\n";
  if (!uri.empty()) out += "WARC-Target-URI: " + uri + "\r\n";
  if (!content_type.empty()) out += "Content-Type: " + content_type + "\r\n";
  out += "Content-Length: " + std::to_string(block.size()) + "\r\n\r\n";
  out += block;
  out += "\r\n\r\n";
  return out;
}

// A response record holding a 200 text/html page.
inline std::string HtmlResponseRecord(const std::string& uri,
                                      std::string_view html) {
  return WarcRecord(
      "response", uri,
      HttpResponse("HTTP/1.1 200 OK",
                   {"Content-Type: text/html; charset=utf-8"}, html));
}

}  // namespace testing_util
}  // namespace ceasewatch

#endif  // CEASEWATCH_INPUT_INPUT_TEST_UTIL_H_
