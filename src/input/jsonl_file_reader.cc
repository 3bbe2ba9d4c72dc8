#include "input/jsonl_file_reader.h"

#include <zlib.h>

#include <utility>

#include "input/format_detect.h"
#include "input/jsonl_reader.h"

namespace ceasewatch {

namespace {
constexpr size_t kReadBytes = 1 << 20;
constexpr size_t kBinaryCheckBytes = 8192;
}  // namespace

struct JsonlFileReader::Impl {
  gzFile file = nullptr;
  std::string path;
  size_t max_line_bytes = 0;
  std::string buffer;  // data read and not yet consumed, from `pos`
  size_t pos = 0;
  std::string head;
  size_t line = 0;
  bool eof = false;
  bool failed = false;  // the read error was reported: nothing more
  Status read_error;    // set when a read failed, reported once
  ~Impl() {
    if (file) gzclose(file);
  }
};

JsonlFileReader::JsonlFileReader(std::unique_ptr<Impl> impl)
    : impl_(std::move(impl)) {}
JsonlFileReader::~JsonlFileReader() = default;

Result<std::unique_ptr<JsonlFileReader>> JsonlFileReader::Open(
    const std::string& path, size_t max_line_bytes, size_t head_bytes) {
  auto impl = std::make_unique<Impl>();
  impl->file = gzopen(path.c_str(), "rb");
  if (!impl->file) return Status::IOError(path + ": cannot open");
  gzbuffer(impl->file, 256 * 1024);
  impl->path = path;
  impl->max_line_bytes = max_line_bytes < 1 ? 1 : max_line_bytes;
  std::unique_ptr<JsonlFileReader> reader(new JsonlFileReader(std::move(impl)));
  while (reader->impl_->buffer.size() < head_bytes && reader->Fill()) {
  }
  Impl& m = *reader->impl_;
  m.head = m.buffer.substr(0, head_bytes);
  if (m.head.starts_with("\xEF\xBB\xBF")) m.pos = 3;
  return reader;
}

std::string_view JsonlFileReader::head() const { return impl_->head; }

bool JsonlFileReader::Fill() {
  Impl& m = *impl_;
  if (m.eof || !m.read_error.ok()) return false;
  if (m.pos > 0 && m.pos >= m.buffer.size() / 2) {
    m.buffer.erase(0, m.pos);
    m.pos = 0;
  }
  const size_t old = m.buffer.size();
  m.buffer.resize(old + kReadBytes);
  const int n =
      gzread(m.file, m.buffer.data() + old, static_cast<unsigned>(kReadBytes));
  m.buffer.resize(old + (n > 0 ? static_cast<size_t>(n) : 0));
  int code = Z_OK;
  const char* why = gzerror(m.file, &code);
  // A truncated stream reads to its end and only then sets Z_BUF_ERROR.
  if (n < 0 || (code != Z_OK && code != Z_STREAM_END)) {
    m.read_error = Status::IOError(
        std::string(code == Z_BUF_ERROR ? "truncated gzip stream"
                    : code == Z_ERRNO   ? "read error"
                                        : "damaged gzip stream") +
        (why && *why ? std::string(" (") + why + ")" : ""));
    return n > 0;
  }
  if (n == 0) m.eof = true;
  return n > 0;
}

bool JsonlFileReader::Next(RawDocument* doc, Status* error) {
  Impl& m = *impl_;
  // Counts the next line and names it in locator_.
  auto start_line = [&] {
    ++m.line;
    locator_ = "line " + std::to_string(m.line);
  };
  auto too_long = [&] {
    *error = Status::TooLarge(locator_ + ": over " +
                              std::to_string(m.max_line_bytes) +
                              " bytes (the --max-bytes limit)");
    return true;
  };
  while (true) {
    // A whole line in the buffer, or the last line of the file.
    size_t nl = m.buffer.find('\n', m.pos);
    while (nl == std::string::npos &&
           m.buffer.size() - m.pos <= m.max_line_bytes && Fill())
      nl = m.buffer.find('\n', m.pos);
    if (nl == std::string::npos && m.buffer.size() - m.pos > m.max_line_bytes) {
      // Over the limit: skip to the line's end without keeping it.
      start_line();
      m.pos = m.buffer.size();
      while (true) {
        m.buffer.clear();
        m.pos = 0;
        if (!Fill()) break;
        nl = m.buffer.find('\n');
        if (nl != std::string::npos) {
          m.pos = nl + 1;
          break;
        }
      }
      return too_long();
    }
    if (nl == std::string::npos && m.pos >= m.buffer.size()) {
      if (!m.read_error.ok() && !m.failed) {
        m.failed = true;
        locator_ = "line " + std::to_string(m.line + 1);
        *error = Status::IOError(locator_ + ": " + m.read_error.message());
        return true;
      }
      return false;  // the end
    }
    if (nl == std::string::npos && !m.read_error.ok()) {
      // The read stopped inside this line: it is cut, not malformed.
      m.pos = m.buffer.size();
      m.failed = true;
      start_line();
      *error = Status::IOError(locator_ + ": " + m.read_error.message() +
                               "; the line is cut short");
      return true;
    }
    const size_t end = nl == std::string::npos ? m.buffer.size() : nl;
    if (end - m.pos > m.max_line_bytes) {  // a whole line, over the limit
      start_line();
      m.pos = nl == std::string::npos ? m.buffer.size() : nl + 1;
      return too_long();
    }
    std::string_view line(m.buffer.data() + m.pos, end - m.pos);
    m.pos = nl == std::string::npos ? m.buffer.size() : nl + 1;
    ++m.line;
    if (ParseJsonLine(line, m.line, m.path, doc, error)) {
      locator_ = "line " + std::to_string(m.line);
      return true;
    }
  }
}

bool LooksLikeJsonLines(std::string_view head, std::string_view name) {
  if (head.empty()) return false;
  if (LooksBinary(head.substr(0, kBinaryCheckBytes))) return false;
  return DetectFormat(head, name) == InputFormat::kJsonLines;
}

}  // namespace ceasewatch
