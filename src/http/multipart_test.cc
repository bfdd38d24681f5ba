#include "http/multipart.h"

#include "base/errors.h"
#include "http/bad_request_matcher.h"
#include "http/params.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <functional>
#include <random>
#include <string>
#include <vector>

namespace projectd {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::Pair;

struct Part {
  MultipartPartHead head;
  std::string data;
  bool ended = false;
};

// Records parts and checks that callbacks come as begin, data*, end.
class RecordingSink : public MultipartSink {
 public:
  void on_part_begin(const MultipartPartHead& head) override {
    EXPECT_TRUE(parts.empty() || parts.back().ended) << "begin inside a part";
    parts.push_back(Part{head, {}, false});
  }
  void on_part_data(std::string_view bytes) override {
    ASSERT_FALSE(parts.empty());
    EXPECT_FALSE(parts.back().ended);
    EXPECT_FALSE(bytes.empty()) << "empty data callbacks are noise";
    parts.back().data.append(bytes);
    data_bytes += bytes.size();
  }
  void on_part_end() override {
    ASSERT_FALSE(parts.empty());
    EXPECT_FALSE(parts.back().ended);
    parts.back().ended = true;
  }

  std::vector<Part> parts;
  std::size_t data_bytes = 0;
};

constexpr std::string_view kBoundary = "----WebKitFormBoundary7MA4YWxkTrZu0gW";

std::string part(std::string_view headers, std::string_view data) {
  return "--" + std::string(kBoundary) + "\r\n" + std::string(headers) + "\r\n\r\n" +
         std::string(data) + "\r\n";
}
std::string closing() {
  return "--" + std::string(kBoundary) + "--\r\n";
}

// Binary content with near-delimiters: CRLF-dash runs, the boundary without its CRLF, a prefix of
// the delimiter cut one byte short, NUL bytes and a lone CR.
std::string tricky_binary() {
  std::string data("\x00\x01\xFF", 3);
  data += "\r\n--";
  data += "\r\n-";
  data += "--" + std::string(kBoundary);
  data += "\r\n--" + std::string(kBoundary).substr(0, kBoundary.size() - 1) + "X";
  data += "\r\r\n\r\n";
  data += std::string("\x00\r\n--\x00", 6);
  data +=
      "\r\n";  // ends in CRLF: the CRLF before the delimiter belongs to it, this one to the data
  return data;
}

std::string sample_body() {
  return "This preamble is ignored.\r\n" +
         part("Content-Disposition: form-data; name=\"title\"", "Sample Title") +
         part(
             "content-disposition: form-data; name=\"userfile\"; filename=\"a.bin\"\r\n"
             "CONTENT-TYPE: application/octet-stream",
             tricky_binary()) +
         part("Content-Disposition: form-data; name=\"empty\"", "") + closing() +
         "epilogue, also ignored\r\n--" + std::string(kBoundary) + "\r\n";
}

void expect_sample(const RecordingSink& sink) {
  ASSERT_EQ(sink.parts.size(), 3u);
  EXPECT_EQ(sink.parts[0].head.name, "title");
  EXPECT_EQ(sink.parts[0].head.filename, std::nullopt);
  EXPECT_EQ(sink.parts[0].head.content_type, "text/plain");
  EXPECT_EQ(sink.parts[0].data, "Sample Title");
  EXPECT_EQ(sink.parts[1].head.name, "userfile");
  EXPECT_EQ(sink.parts[1].head.filename, "a.bin");
  EXPECT_EQ(sink.parts[1].head.content_type, "application/octet-stream");
  EXPECT_EQ(sink.parts[1].data, tricky_binary());
  EXPECT_EQ(sink.parts[2].head.name, "empty");
  EXPECT_EQ(sink.parts[2].data, "");
  for (const Part& p : sink.parts)
    EXPECT_TRUE(p.ended);
}

TEST(MultipartParserTest, WholeBody) {
  RecordingSink sink;
  MultipartParser parser(std::string(kBoundary), sink);
  parser.feed(sample_body());
  parser.finish();
  expect_sample(sink);
}

TEST(MultipartParserTest, OneByteAtATime) {
  RecordingSink sink;
  MultipartParser parser(std::string(kBoundary), sink);
  std::string body = sample_body();
  for (char c : body)
    parser.feed(std::string_view(&c, 1));
  parser.finish();
  expect_sample(sink);
}

TEST(MultipartParserTest, RandomSplits) {
  std::string body = sample_body();
  std::mt19937 random(20260102);
  for (int round = 0; round < 300; ++round) {
    RecordingSink sink;
    MultipartParser parser(std::string(kBoundary), sink);
    std::size_t at = 0;
    while (at < body.size()) {
      std::size_t size = std::uniform_int_distribution<std::size_t>(0, 90)(random);
      size = std::min(size, body.size() - at);
      parser.feed(std::string_view(body).substr(at, size));
      at += size;
    }
    parser.finish();
    expect_sample(sink);
    if (HasFailure()) {
      ADD_FAILURE() << "round " << round;
      return;
    }
  }
}

TEST(MultipartParserTest, PartDataStreamsInsteadOfBuffering) {
  RecordingSink sink;
  MultipartParser parser("xyz", sink);
  parser.feed("--xyz\r\nContent-Disposition: form-data; name=\"f\"; filename=\"big\"\r\n\r\n");
  std::string chunk(1000, 'a');
  chunk[999] = '\r';  // a possible delimiter start at every chunk's end
  std::size_t fed = 0;
  for (int i = 0; i < 200; ++i) {
    parser.feed(chunk);
    fed += chunk.size();
    // Everything but the possible delimiter start has been handed over.
    EXPECT_EQ(sink.data_bytes, fed - 1);
  }
  parser.feed("\n--xyz--");
  parser.finish();
  ASSERT_EQ(sink.parts.size(), 1u);
  // The last chunk's CR turned out to start the delimiter.
  EXPECT_EQ(sink.parts[0].data.size(), fed - 1);
}

TEST(MultipartParserTest, BoundaryOnTheFirstLineAndTransportPadding) {
  RecordingSink sink;
  MultipartParser parser("b", sink);
  parser.feed(
      "--b \t\r\nContent-Disposition: form-data; name=a\r\n\r\n1\r\n--b\t\r\n\r\n2\r\n--b--");
  parser.finish();
  ASSERT_EQ(sink.parts.size(), 2u);
  EXPECT_EQ(sink.parts[0].head.name, "a");
  EXPECT_EQ(sink.parts[0].data, "1");
  // No headers at all: an unnamed text part.
  EXPECT_EQ(sink.parts[1].head.name, "");
  EXPECT_EQ(sink.parts[1].head.content_type, "text/plain");
  EXPECT_EQ(sink.parts[1].data, "2");
}

TEST(MultipartParserTest, CrlfInsideDataIsKept) {
  RecordingSink sink;
  MultipartParser parser("b", sink);
  parser.feed("--b\r\n\r\n\r\nline1\r\nline2\r\n\r\n\r\n--b--\r\n");
  parser.finish();
  ASSERT_EQ(sink.parts.size(), 1u);
  EXPECT_EQ(sink.parts[0].data, "\r\nline1\r\nline2\r\n\r\n");
}

TEST(MultipartParserTest, NoPartsAtAll) {
  RecordingSink sink;
  MultipartParser parser("b", sink);
  parser.feed("--b--");
  parser.finish();
  EXPECT_THAT(sink.parts, IsEmpty());
}

TEST(MultipartParserTest, HeadersAnyCaseFoldedLinesJoinedMissingNameIsEmpty) {
  RecordingSink sink;
  MultipartParser parser("b", sink);
  parser.feed(
      "--b\r\ncOnTeNt-DiSpOsItIoN: form-data;\r\n\tname=\"folded\"\r\nX-Other: y\r\n\r\nv\r\n"
      "--b\r\nContent-Disposition: form-data\r\nContent-Type: image/png\r\n\r\n\x89PNG\r\n"
      "--b\r\nContent-Disposition: form-data; name=\"lf\"\nContent-Type: text/csv\r\n\r\n1\r\n"
      "--b--");
  parser.finish();
  ASSERT_EQ(sink.parts.size(), 3u);
  EXPECT_EQ(sink.parts[0].head.name, "folded");
  EXPECT_EQ(sink.parts[0].data, "v");
  EXPECT_EQ(sink.parts[1].head.name, "");
  EXPECT_EQ(sink.parts[1].head.content_type, "image/png");
  EXPECT_EQ(sink.parts[2].head.name, "lf");
  EXPECT_EQ(sink.parts[2].head.content_type, "text/csv");
}

TEST(MultipartParserTest, MalformedInput) {
  auto run = [](std::string_view body) {
    RecordingSink sink;
    MultipartParser parser("b", sink);
    parser.feed(body);
    parser.finish();
  };
  EXPECT_EQ(bad_request_message([&] { run("--b\r\nno colon here\r\n\r\nx\r\n--b--"); }),
            "The multipart body is malformed: a part has a header line that is not `Name: value`");
  EXPECT_EQ(bad_request_message([&] { run("--b\r\n continued\r\n\r\nx\r\n--b--"); }),
            "The multipart body is malformed: a part's headers start with a continuation line");
  EXPECT_EQ(bad_request_message([&] { run("--bx\r\n\r\nx\r\n--b--"); }),
            "The multipart body is malformed: a boundary is not followed by a line break");
  EXPECT_EQ(bad_request_message([&] { run("--b\r\n\r\ntruncated"); }),
            "The multipart body is malformed: it ended before the closing boundary");
  EXPECT_EQ(bad_request_message([&] { run("--b\r\nContent-Type: text/plain"); }),
            "The multipart body is malformed: it ended before the closing boundary");
  EXPECT_EQ(bad_request_message([&] { run("no boundary anywhere"); }),
            "The multipart body is malformed: it ended before the closing boundary");
  EXPECT_EQ(bad_request_message([&] { run(""); }),
            "The multipart body is malformed: it ended before the closing boundary");
  EXPECT_EQ(bad_request_message([&] { run("--b" + std::string(300, ' ')); }),
            "The multipart body is malformed: a boundary line is too long");
}

TEST(MultipartParserTest, PartCountLimit) {
  std::string body;
  for (int i = 0; i < 4; ++i)
    body += "--b\r\nContent-Disposition: form-data; name=x\r\n\r\n1\r\n";
  body += "--b--";
  RecordingSink sink;
  MultipartParser parser("b", sink, MultipartLimits{3, 1024});
  EXPECT_EQ(bad_request_message([&] { parser.feed(body); }),
            "The multipart body has more than 3 parts");
  EXPECT_EQ(sink.parts.size(), 3u);

  RecordingSink exact;
  MultipartParser ok("b", exact, MultipartLimits{4, 1024});
  ok.feed(body);
  ok.finish();
  EXPECT_EQ(exact.parts.size(), 4u);
}

TEST(MultipartParserTest, HeaderBlockLimit) {
  std::string header = "Content-Disposition: form-data; name=\"" + std::string(80, 'n') + "\"";
  std::string body = "--b\r\n" + header + "\r\n\r\nv\r\n--b--";

  RecordingSink fits;
  MultipartParser exact("b", fits, MultipartLimits{10, header.size()});
  for (char c : body)
    exact.feed(std::string_view(&c, 1));
  exact.finish();
  ASSERT_EQ(fits.parts.size(), 1u);

  // Fed byte by byte, the limit stops a header block that never ends.
  RecordingSink sink;
  MultipartParser parser("b", sink, MultipartLimits{10, header.size() - 1});
  std::string message = bad_request_message([&] {
    for (char c : body)
      parser.feed(std::string_view(&c, 1));
  });
  EXPECT_EQ(message, "A multipart part has more than " + std::to_string(header.size() - 1) +
                         " bytes of headers");
  RecordingSink endless;
  MultipartParser unending("b", endless, MultipartLimits{10, 100});
  EXPECT_EQ(bad_request_message([&] {
              unending.feed("--b\r\n");
              for (int i = 0; i < 1000; ++i)
                unending.feed("X-Pad: 1\r\n");
            }),
            "A multipart part has more than 100 bytes of headers");
}

TEST(MultipartParserTest, EmptyBoundaryIsRejected) {
  RecordingSink sink;
  EXPECT_EQ(bad_request_message([&] { MultipartParser parser("", sink); }),
            "The multipart body is malformed: the boundary is empty");
}

// --- Content-Disposition ---

TEST(ContentDispositionTest, FormDataNameAndFilename) {
  auto cd = parse_content_disposition(R"(form-data; name="userfile"; filename="report.docx")");
  ASSERT_TRUE(cd);
  EXPECT_EQ(cd->type, "form-data");
  EXPECT_EQ(cd->name, "userfile");
  EXPECT_EQ(cd->filename, "report.docx");
}

TEST(ContentDispositionTest, TypesAndCase) {
  auto attachment = parse_content_disposition("Attachment; FileName=plain.txt");
  ASSERT_TRUE(attachment);
  EXPECT_EQ(attachment->type, "attachment");
  EXPECT_EQ(attachment->name, std::nullopt);
  EXPECT_EQ(attachment->filename, "plain.txt");

  auto inline_only = parse_content_disposition("INLINE");
  ASSERT_TRUE(inline_only);
  EXPECT_EQ(inline_only->type, "inline");
  EXPECT_EQ(inline_only->filename, std::nullopt);
}

TEST(ContentDispositionTest, ExtendedFilenameWins) {
  auto utf8 = parse_content_disposition(
      R"(attachment; filename="EURO rates.txt"; filename*=UTF-8''%E2%82%AC%20rates.txt)");
  ASSERT_TRUE(utf8);
  EXPECT_EQ(utf8->filename, "\xE2\x82\xAC rates.txt");

  // Order does not matter, charset and names are case-insensitive, a language tag is skipped.
  auto first =
      parse_content_disposition(R"(attachment; FILENAME*=utf-8'en'%C3%A4.txt; filename="a.txt")");
  EXPECT_EQ(first->filename, "\xC3\xA4.txt");

  auto latin1 = parse_content_disposition("attachment; filename*=ISO-8859-1''%E4%FF+x.txt");
  EXPECT_EQ(latin1->filename, "\xC3\xA4\xC3\xBF+x.txt");
}

// Regression (fuzz/regressions/headers): a plain filename of bytes that are not UTF-8 was kept as
// is, so the stored title and the download's `filename*=UTF-8''` carried invalid UTF-8.
TEST(ContentDispositionTest, PlainFilenameThatIsNotUtf8IsReadAsLatin1) {
  auto latin1 = parse_content_disposition("attachment; filename=\"caf\xE9 \xFF.txt\"");
  ASSERT_TRUE(latin1);
  EXPECT_EQ(latin1->filename, "caf\xC3\xA9 \xC3\xBF.txt");

  auto utf8 = parse_content_disposition("form-data; name=f; filename=\"caf\xC3\xA9.txt\"");
  EXPECT_EQ(utf8->filename, "caf\xC3\xA9.txt");
}

TEST(ContentDispositionTest, UnreadableExtendedFilenameFallsBack) {
  for (std::string_view value :
       {R"(attachment; filename="fallback.txt"; filename*=UTF-8''%FF.txt)",
        R"(attachment; filename="fallback.txt"; filename*=UTF-8''%zz.txt)",
        R"(attachment; filename="fallback.txt"; filename*=KOI8-R''%E1.txt)",
        R"(attachment; filename="fallback.txt"; filename*=no-quotes.txt)"}) {
    auto cd = parse_content_disposition(value);
    ASSERT_TRUE(cd) << value;
    EXPECT_EQ(cd->filename, "fallback.txt") << value;
  }
  EXPECT_EQ(parse_content_disposition("attachment; filename*=UTF-8''%FF")->filename, std::nullopt);
}

TEST(ContentDispositionTest, QuotedStringsWithEscapes) {
  auto cd = parse_content_disposition(R"(form-data; name="a;b"; filename="say \"hi\".txt")");
  ASSERT_TRUE(cd);
  EXPECT_EQ(cd->name, "a;b");
  EXPECT_EQ(cd->filename, "say \"hi\".txt");
  EXPECT_EQ(parse_content_disposition(R"(attachment; filename="a\\b.txt")")->filename, "b.txt");
}

TEST(ContentDispositionTest, PathsAreStripped) {
  EXPECT_EQ(parse_content_disposition(R"(form-data; name="f"; filename="C:\Users\me\My Doc.txt")")
                ->filename,
            "My Doc.txt");
  EXPECT_EQ(parse_content_disposition(R"(attachment; filename="../../etc/passwd")")->filename,
            "passwd");
  EXPECT_EQ(parse_content_disposition("attachment; filename*=UTF-8''..%2F..%2Fx.txt")->filename,
            "x.txt");
  EXPECT_EQ(parse_content_disposition(R"(attachment; filename="..")")->filename, "");
  EXPECT_EQ(parse_content_disposition(R"(attachment; filename="dir/")")->filename, "");
}

TEST(ContentDispositionTest, LenientForms) {
  // An empty file input: a file part with an empty name.
  EXPECT_EQ(parse_content_disposition(R"(form-data; name="f"; filename="")")->filename, "");
  // Unquoted value with spaces, stray semicolons, spaces around `=`, a parameter without value.
  auto cd = parse_content_disposition("form-data;; name = field ; bogus; filename=my file.txt;");
  ASSERT_TRUE(cd);
  EXPECT_EQ(cd->name, "field");
  EXPECT_EQ(cd->filename, "my file.txt");
  // The first of a repeated parameter wins.
  EXPECT_EQ(parse_content_disposition("form-data; name=a; name=b")->name, "a");
  // Raw UTF-8 in a quoted filename, as browsers send it.
  EXPECT_EQ(parse_content_disposition("form-data; filename=\"\xC3\xA4.txt\"")->filename,
            "\xC3\xA4.txt");
  // An unterminated quote keeps the rest.
  EXPECT_EQ(parse_content_disposition("form-data; name=\"open")->name, "open");
}

TEST(ContentDispositionTest, NotADisposition) {
  EXPECT_EQ(parse_content_disposition(""), std::nullopt);
  EXPECT_EQ(parse_content_disposition("  ; name=x"), std::nullopt);
  EXPECT_EQ(parse_content_disposition(R"(filename="x.txt")"), std::nullopt);
  EXPECT_EQ(parse_content_disposition("form data; name=x"), std::nullopt);
}

// --- Content-Type boundary ---

TEST(MultipartBoundaryTest, Forms) {
  EXPECT_EQ(multipart_boundary("multipart/form-data; boundary=----WebKitFormBoundary7MA4"),
            "----WebKitFormBoundary7MA4");
  EXPECT_EQ(
      multipart_boundary(R"(Multipart/Form-Data; charset=utf-8; BOUNDARY="a b:c'()+_,-./=?")"),
      "a b:c'()+_,-./=?");
  EXPECT_EQ(multipart_boundary("multipart/mixed;boundary=x"), "x");
  EXPECT_EQ(multipart_boundary("multipart/form-data; boundary=" + std::string(70, 'a')),
            std::string(70, 'a'));
}

TEST(MultipartBoundaryTest, Rejected) {
  EXPECT_EQ(multipart_boundary("application/json"), std::nullopt);
  EXPECT_EQ(multipart_boundary("application/json; boundary=x"), std::nullopt);
  EXPECT_EQ(multipart_boundary("multipart/form-data"), std::nullopt);
  EXPECT_EQ(multipart_boundary("multipart/form-data; boundary="), std::nullopt);
  EXPECT_EQ(multipart_boundary(R"(multipart/form-data; boundary="")"), std::nullopt);
  EXPECT_EQ(multipart_boundary("multipart/form-data; boundary=" + std::string(71, 'a')),
            std::nullopt);
  EXPECT_EQ(multipart_boundary(R"(multipart/form-data; boundary="ends with space ")"),
            std::nullopt);
  EXPECT_EQ(multipart_boundary("multipart/form-data; boundary=a\"b"), std::nullopt);
  EXPECT_EQ(multipart_boundary("multipart/; boundary=x"), std::nullopt);
}

// --- add_multipart_fields ---

std::vector<std::pair<std::string, std::string>> fields(std::string_view body) {
  Params params;
  add_multipart_fields(params, body, kBoundary);
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& [key, value] : params.entries())
    out.emplace_back(key, value.text);
  return out;
}

TEST(MultipartFieldsTest, FieldsBecomeBodyParamsFilesAreSkipped) {
  EXPECT_THAT(fields(sample_body()), ElementsAre(Pair("title", "Sample Title"), Pair("empty", "")));

  Params params;
  params.add("title", "route", ParamSource::kRoute);
  add_multipart_fields(params,
                       part("Content-Disposition: form-data; name=\"files\"", "1") +
                           part("Content-Disposition: form-data; name=\"files\"", "2") +
                           part("Content-Disposition: form-data; name=\"Title\"", "body") +
                           part("Content-Disposition: form-data; name=\"f\"; filename=\"\"", "") +
                           closing(),
                       kBoundary);
  EXPECT_THAT(*params.get_int_list("files"), ElementsAre(1, 2));
  EXPECT_EQ(params.get_string("title"), "route");
  EXPECT_FALSE(params.has("f"));
}

TEST(MultipartFieldsTest, EmptyBodyAddsNothingMalformedAddsNothingAndThrows) {
  EXPECT_THAT(fields(""), IsEmpty());
  EXPECT_THAT(fields("\r\n"), IsEmpty());
  Params params;
  EXPECT_THROW(add_multipart_fields(params, part("Content-Disposition: form-data; name=\"a\"", "1"),
                                    kBoundary),
               ApiError);
  EXPECT_THAT(params.entries(), IsEmpty());
}

}  // namespace
}  // namespace projectd
