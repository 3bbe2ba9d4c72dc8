#include "input/warc_reader.h"

#include <utility>
#include <vector>

#include "util/ascii.h"
#include "input/content_type.h"
#include "input/format_detect.h"
#include "input/gzip.h"
#include "input/header_fields.h"
#include "input/http_chunked.h"

namespace ceasewatch {
namespace {

// Parses a decimal Content-Length; false if it is not one.
bool ParseLength(std::string_view s, size_t* out) {
  s = TrimAscii(s);
  if (s.empty() || s.size() > 18) return false;
  size_t v = 0;
  for (char c : s) {
    if (!IsAsciiDigit(c)) return false;
    v = v * 10 + static_cast<size_t>(c - '0');
  }
  *out = v;
  return true;
}

// "HTTP/1.1 200 OK" -> 200; -1 when the line is not an HTTP status line.
int ParseStatusLine(std::string_view line) {
  if (!line.starts_with("HTTP/")) return -1;
  const size_t sp = line.find(' ');
  if (sp == line.npos || line.size() < sp + 4) return -1;
  int code = 0;
  for (size_t i = sp + 1; i < sp + 4; ++i) {
    if (!IsAsciiDigit(line[i])) return -1;
    code = code * 10 + (line[i] - '0');
  }
  if (line.size() > sp + 4 && line[sp + 4] != ' ') return -1;
  return code;
}

std::string StripAngles(std::string_view uri) {
  uri = TrimAscii(uri);
  if (uri.size() >= 2 && uri.front() == '<' && uri.back() == '>') {
    uri = uri.substr(1, uri.size() - 2);
  }
  return std::string(uri);
}

}  // namespace

WarcReader::WarcReader(std::string_view data, std::string path,
                       size_t max_body_bytes)
    : data_(data), path_(std::move(path)), max_body_bytes_(max_body_bytes) {}

Status WarcReader::RecordError(Status::Code code,
                               const std::string& what) const {
  std::string msg = "record " + std::to_string(record_) + " at byte " +
                    std::to_string(record_start_) + ": " + what;
  switch (code) {
    case Status::Code::kUnsupported:
      return Status::Unsupported(std::move(msg));
    case Status::Code::kTooLarge:
      return Status::TooLarge(std::move(msg));
    default:
      return Status::InvalidInput(std::move(msg));
  }
}

bool WarcReader::Next(RawDocument* doc, Status* error) {
  auto fatal = [&](const std::string& what) {
    done_ = true;
    *error = RecordError(Status::Code::kInvalidInput, what);
    return true;
  };
  std::vector<HeaderField> fields;
  while (!done_) {
    // Records are separated by CRLF CRLF; be lenient about how many.
    while (pos_ < data_.size() &&
           (data_[pos_] == '\r' || data_[pos_] == '\n')) {
      ++pos_;
    }
    if (pos_ >= data_.size()) {
      done_ = true;
      break;
    }
    ++record_;
    record_start_ = pos_;
    locator_ = "record " + std::to_string(record_);

    const std::string_view rest = data_.substr(pos_);
    const size_t eol = rest.find('\n');
    std::string_view version = rest.substr(
        0, eol == rest.npos ? std::min<size_t>(rest.size(), 16) : eol);
    if (version.ends_with('\r')) version.remove_suffix(1);
    if (!version.starts_with("WARC/1.")) {
      return fatal(
          "not a WARC record (expected a \"WARC/1.0\" or "
          "\"WARC/1.1\" line)");
    }
    if (eol == rest.npos) return fatal("truncated in the WARC headers");
    size_t header_end = 0;
    const std::string_view after_version = rest.substr(eol + 1);
    switch (ParseHeaderFields(after_version, &fields, &header_end)) {
      case HeaderParse::kOk:
        break;
      case HeaderParse::kTruncated:
        return fatal("truncated in the WARC headers");
      case HeaderParse::kMalformed:
        return fatal("malformed WARC header line at byte " +
                     std::to_string(pos_ + eol + 1 + header_end));
    }
    const size_t block_offset = eol + 1 + header_end;  // within `rest`
    const std::string* length_field = FindHeader(fields, "Content-Length");
    size_t length = 0;
    if (length_field == nullptr) return fatal("no Content-Length");
    if (!ParseLength(*length_field, &length)) {
      return fatal("bad Content-Length \"" + length_field->substr(0, 40) +
                   "\"");
    }
    const size_t available = rest.size() - block_offset;
    if (length > available) {
      return fatal("truncated: Content-Length is " + std::to_string(length) +
                   " but only " + std::to_string(available) + " bytes remain");
    }
    const std::string_view warc_headers = rest.substr(0, block_offset);
    const std::string_view block = rest.substr(block_offset, length);
    pos_ += block_offset + length;

    const std::string* type = FindHeader(fields, "WARC-Type");
    if (type == nullptr || !EqualsIgnoreCase(*type, "response")) continue;
    const std::string* uri = FindHeader(fields, "WARC-Target-URI");
    const std::string* date = FindHeader(fields, "WARC-Date");
    const std::string* content_type = FindHeader(fields, "Content-Type");
    if (!block.starts_with("HTTP/")) {
      // dns: and other non-HTTP responses are not pages.
      if (content_type != nullptr &&
          FindIgnoreCase(*content_type, "application/http") !=
              std::string::npos) {
        *error = RecordError(Status::Code::kInvalidInput,
                             "HTTP response has no status line");
        return true;
      }
      continue;
    }
    switch (ReadResponse(warc_headers, block,
                         uri ? StripAngles(*uri) : std::string(),
                         date ? *date : std::string(), doc, error)) {
      case Outcome::kDocument:
        *error = Status::Ok();
        return true;
      case Outcome::kError:
        return true;
      case Outcome::kSkip:
        continue;
    }
  }
  return false;
}

WarcReader::Outcome WarcReader::ReadResponse(std::string_view warc_headers,
                                             std::string_view block,
                                             const std::string& url,
                                             const std::string& date,
                                             RawDocument* doc,
                                             Status* error) const {
  auto fail = [&](Status::Code code, const std::string& what) {
    *error = RecordError(code, what);
    return Outcome::kError;
  };
  const size_t eol = block.find('\n');
  if (eol == block.npos)
    return fail(Status::Code::kInvalidInput, "truncated in the HTTP headers");
  std::string_view status_line = block.substr(0, eol);
  if (status_line.ends_with('\r')) status_line.remove_suffix(1);
  const int status = ParseStatusLine(status_line);
  if (status < 0) {
    return fail(Status::Code::kInvalidInput,
                "malformed HTTP status line \"" +
                    std::string(status_line.substr(0, 60)) + "\"");
  }
  std::vector<HeaderField> http;
  size_t header_end = 0;
  switch (ParseHeaderFields(block.substr(eol + 1), &http, &header_end)) {
    case HeaderParse::kOk:
      break;
    case HeaderParse::kTruncated:
      return fail(Status::Code::kInvalidInput, "truncated in the HTTP headers");
    case HeaderParse::kMalformed:
      return fail(Status::Code::kInvalidInput,
                  "malformed HTTP header line at block byte " +
                      std::to_string(eol + 1 + header_end));
  }
  if (status < 200 || status > 299) return Outcome::kSkip;

  const std::string* ct_field = FindHeader(http, "Content-Type");
  const ContentType ct = ct_field ? ParseContentType(*ct_field) : ContentType{};
  InputFormat format = InputFormat::kUnknown;
  if (ct.media_type == "text/html" ||
      ct.media_type == "application/xhtml+xml") {
    format = InputFormat::kHtml;
  } else if (ct.media_type == "text/plain") {
    format = InputFormat::kText;
  } else if (!ct.media_type.empty()) {
    return Outcome::kSkip;  // images, scripts, PDFs ...
  }

  const size_t body_offset = eol + 1 + header_end;
  std::string_view body = block.substr(body_offset);
  std::string decoded;
  const std::string* te = FindHeader(http, "Transfer-Encoding");
  if (te != nullptr && FindIgnoreCase(*te, "chunked") != std::string::npos) {
    Status st = DecodeChunked(body, &decoded);
    if (!st.ok()) return fail(st.code(), "HTTP body: " + st.message());
    body = decoded;
  }
  const std::string* ce = FindHeader(http, "Content-Encoding");
  if (ce != nullptr) {
    const std::string coding = AsciiLowercase(TrimAscii(*ce));
    std::string inflated;
    Status st;
    if (coding == "gzip" || coding == "x-gzip") {
      st = Gunzip(body, max_body_bytes_, &inflated);
    } else if (coding == "deflate") {
      st = InflateDeflate(body, max_body_bytes_, &inflated);
    } else if (coding.empty() || coding == "identity") {
      inflated.assign(body);
    } else {
      return fail(
          Status::Code::kUnsupported,
          "Content-Encoding \"" + coding.substr(0, 40) + "\" is not supported");
    }
    if (!st.ok()) return fail(st.code(), "HTTP body: " + st.message());
    decoded = std::move(inflated);
    body = decoded;
  }
  if (body.size() > max_body_bytes_) {
    return fail(Status::Code::kTooLarge, "HTTP body is " +
                                             std::to_string(body.size()) +
                                             " bytes, over the limit of " +
                                             std::to_string(max_body_bytes_));
  }
  if (body.empty()) return Outcome::kSkip;
  if (format == InputFormat::kUnknown) {
    if (LooksBinary(body)) return Outcome::kSkip;
    format = LooksLikeHtml(body) ? InputFormat::kHtml : InputFormat::kText;
  }

  *doc = RawDocument();
  doc->path = path_;
  doc->locator = locator_;
  doc->format = format;
  if (decoded.empty()) {
    doc->bytes.assign(body);
  } else {
    doc->bytes = std::move(decoded);
  }
  doc->envelope.reserve(warc_headers.size() + body_offset);
  doc->envelope.assign(warc_headers);
  doc->envelope.append(block.substr(0, body_offset));
  doc->url = url;
  doc->fetched_at = date;
  doc->declared_charset = ct.charset;
  return Outcome::kDocument;
}

}  // namespace ceasewatch
