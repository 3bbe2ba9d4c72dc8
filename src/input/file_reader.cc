#include "input/file_reader.h"

#include <sys/stat.h>

#include <cerrno>
#include <cstring>
#include <memory>

namespace ceasewatch {
namespace {

std::string TooLargeMessage(size_t size, size_t max_bytes) {
  return "file is " + std::to_string(size) + " bytes, over the limit of " +
         std::to_string(max_bytes) + " (--max-bytes)";
}

struct FileCloser {
  void operator()(std::FILE* f) const { std::fclose(f); }
};

}  // namespace

Status ReadStreamLimited(std::FILE* stream, const std::string& name,
                         size_t max_bytes, std::string* out) {
  out->clear();
  char buf[65536];
  for (;;) {
    const size_t n = std::fread(buf, 1, sizeof(buf), stream);
    if (n > 0) {
      if (n > max_bytes - out->size()) {
        const size_t seen = out->size() + n;
        out->clear();
        return Status::TooLarge(name + " is over the limit of " +
                                std::to_string(max_bytes) + " bytes (read " +
                                std::to_string(seen) + ") (--max-bytes)");
      }
      out->append(buf, n);
    }
    if (n < sizeof(buf)) {
      if (std::ferror(stream)) {
        return Status::IOError("cannot read " + name + ": " +
                               std::strerror(errno));
      }
      if (std::feof(stream)) return Status::Ok();
    }
  }
}

Status ReadFileLimited(const std::string& path, size_t max_bytes,
                       std::string* out) {
  out->clear();
  std::unique_ptr<std::FILE, FileCloser> f(std::fopen(path.c_str(), "rb"));
  if (f == nullptr) {
    return Status::IOError("cannot open " + path + ": " + std::strerror(errno));
  }
  struct stat st;
  if (fstat(fileno(f.get()), &st) != 0) {
    return Status::IOError("cannot stat " + path + ": " + std::strerror(errno));
  }
  if (S_ISDIR(st.st_mode)) {
    return Status::IOError("cannot read " + path + ": is a directory");
  }
  if (S_ISREG(st.st_mode)) {
    const auto size = static_cast<size_t>(st.st_size);
    if (size > max_bytes) {
      return Status::TooLarge(TooLargeMessage(size, max_bytes));
    }
    out->reserve(size);
  }
  return ReadStreamLimited(f.get(), path, max_bytes, out);
}

}  // namespace ceasewatch
