#include "http/download_headers.h"

#include <gtest/gtest.h>

namespace projectd {
namespace {

namespace http = boost::beast::http;

std::string header_of(const DownloadAnswer& answer, std::string_view name) {
  for (const auto& [key, value] : answer.headers)
    if (key == name) return value;
  return "<absent>";
}

FileResponse report(std::uint64_t size = 100) {
  FileResponse file;
  file.path = "/blobs/ab/abc";
  file.size = size;
  file.etag = "abc123";
  file.content_type = "text/plain";
  file.filename = "report.txt";
  file.headers = {{"X-Extra", "1"}};
  return file;
}

TEST(AttachmentDisposition, CyrillicNameHasAnAsciiFallbackAndUtf8Name) {
  EXPECT_EQ(attachment_disposition("Отчёт 2026.txt"),
            "attachment; filename=\"_____ 2026.txt\"; "
            "filename*=UTF-8''%D0%9E%D1%82%D1%87%D1%91%D1%82%202026.txt");
}

TEST(AttachmentDisposition, QuotesAndBackslashesCannotBreakOut) {
  EXPECT_EQ(attachment_disposition("say \"hi\"\\.txt"),
            "attachment; filename=\"say _hi__.txt\"; filename*=UTF-8''say%20%22hi%22%5C.txt");
  EXPECT_EQ(attachment_disposition("a\r\nb;c.txt"),
            "attachment; filename=\"a__b;c.txt\"; filename*=UTF-8''a%0D%0Ab%3Bc.txt");
}

TEST(AttachmentDisposition, PlainNamesStayReadable) {
  EXPECT_EQ(attachment_disposition("plan-v2_final.docx"),
            "attachment; filename=\"plan-v2_final.docx\"; filename*=UTF-8''plan-v2_final.docx");
  EXPECT_EQ(attachment_disposition(""), "attachment");
}

TEST(IfNoneMatch, Lists) {
  EXPECT_TRUE(if_none_match_matches("\"abc\"", "abc"));
  EXPECT_TRUE(if_none_match_matches("\"x\", \"abc\"", "abc"));
  EXPECT_TRUE(if_none_match_matches("\"x\",\"y\" ,  W/\"abc\"", "abc"));
  EXPECT_TRUE(if_none_match_matches("*", "abc"));
  EXPECT_TRUE(if_none_match_matches("abc", "abc"));  // unquoted, as some clients send it
  EXPECT_FALSE(if_none_match_matches("\"abcd\", \"ab\"", "abc"));
  EXPECT_FALSE(if_none_match_matches("", "abc"));
  EXPECT_FALSE(if_none_match_matches(" , ", "abc"));
  EXPECT_FALSE(if_none_match_matches("\"ab,c\"", "abc"));
}

TEST(IfRange, OnlyTheSameStrongTagMatches) {
  EXPECT_TRUE(if_range_matches("\"abc\"", "abc"));
  EXPECT_TRUE(if_range_matches(" \"abc\" ", "abc"));
  EXPECT_FALSE(if_range_matches("W/\"abc\"", "abc"));
  EXPECT_FALSE(if_range_matches("\"other\"", "abc"));
  EXPECT_FALSE(if_range_matches("Sat, 28 Nov 2026 02:21:30 GMT", "abc"));
  EXPECT_FALSE(if_range_matches("\"abc\", \"abc\"", "abc"));
}

TEST(AnswerDownload, FullFileHeaders) {
  const DownloadAnswer answer = answer_download(report(), http::verb::get, {});
  EXPECT_EQ(answer.status, 200);
  ASSERT_TRUE(answer.slice);
  EXPECT_EQ(answer.slice->offset, 0u);
  EXPECT_EQ(answer.slice->length, 100u);
  EXPECT_EQ(header_of(answer, "Content-Type"), "text/plain");
  EXPECT_EQ(header_of(answer, "ETag"), "\"abc123\"");
  EXPECT_EQ(header_of(answer, "Accept-Ranges"), "bytes");
  EXPECT_EQ(header_of(answer, "Cache-Control"), "private, no-cache");
  EXPECT_EQ(header_of(answer, "X-Content-Type-Options"), "nosniff");
  EXPECT_EQ(header_of(answer, "Content-Disposition"),
            "attachment; filename=\"report.txt\"; filename*=UTF-8''report.txt");
  EXPECT_EQ(header_of(answer, "X-Extra"), "1");
  EXPECT_EQ(header_of(answer, "Content-Range"), "<absent>");
}

TEST(AnswerDownload, MatchingIfNoneMatchIsNotModified) {
  const DownloadAnswer answer =
      answer_download(report(), http::verb::get, {{"if-none-match", "\"zzz\", W/\"abc123\""}});
  EXPECT_EQ(answer.status, 304);
  EXPECT_FALSE(answer.slice);
  EXPECT_EQ(header_of(answer, "ETag"), "\"abc123\"");
  EXPECT_EQ(header_of(answer, "Content-Disposition"), "<absent>");
  // If-None-Match wins over Range.
  EXPECT_EQ(
      answer_download(report(), http::verb::get, {{"if-none-match", "*"}, {"range", "bytes=0-1"}})
          .status,
      304);
  EXPECT_EQ(answer_download(report(), http::verb::head, {{"if-none-match", "*"}}).status, 304);
  EXPECT_EQ(answer_download(report(), http::verb::get, {{"if-none-match", "\"other\""}}).status,
            200);
}

TEST(AnswerDownload, RangeGivesPartialContent) {
  const DownloadAnswer answer =
      answer_download(report(), http::verb::get, {{"range", "bytes=10-19"}});
  EXPECT_EQ(answer.status, 206);
  ASSERT_TRUE(answer.slice);
  EXPECT_EQ(answer.slice->offset, 10u);
  EXPECT_EQ(answer.slice->length, 10u);
  EXPECT_EQ(header_of(answer, "Content-Range"), "bytes 10-19/100");
  EXPECT_EQ(header_of(answer, "ETag"), "\"abc123\"");
  const DownloadAnswer suffix = answer_download(report(), http::verb::get, {{"range", "bytes=-5"}});
  EXPECT_EQ(header_of(suffix, "Content-Range"), "bytes 95-99/100");
}

TEST(AnswerDownload, UnsatisfiableRange) {
  const DownloadAnswer answer =
      answer_download(report(), http::verb::get, {{"range", "bytes=100-"}});
  EXPECT_EQ(answer.status, 416);
  EXPECT_FALSE(answer.slice);
  EXPECT_EQ(header_of(answer, "Content-Range"), "bytes */100");
  EXPECT_EQ(answer_download(report(0), http::verb::get, {{"range", "bytes=0-"}}).status, 416);
}

TEST(AnswerDownload, EmptyFileIsAnEmptyFullAnswer) {
  const DownloadAnswer answer = answer_download(report(0), http::verb::get, {});
  EXPECT_EQ(answer.status, 200);
  ASSERT_TRUE(answer.slice);
  EXPECT_EQ(answer.slice->length, 0u);
}

TEST(AnswerDownload, IfRangeWithAnotherTagSendsEverything) {
  EXPECT_EQ(
      answer_download(report(), http::verb::get, {{"range", "bytes=0-1"}, {"if-range", "\"old\""}})
          .status,
      200);
  EXPECT_EQ(answer_download(report(), http::verb::get,
                            {{"range", "bytes=0-1"}, {"if-range", "\"abc123\""}})
                .status,
            206);
}

TEST(AnswerDownload, RangeOnlyForGet) {
  EXPECT_EQ(answer_download(report(), http::verb::head, {{"range", "bytes=0-1"}}).status, 200);
  EXPECT_EQ(answer_download(report(), http::verb::post, {{"if-none-match", "*"}}).status, 200);
}

TEST(AnswerDownload, MissingContentTypeIsOctetStream) {
  FileResponse file = report();
  file.content_type.clear();
  EXPECT_EQ(header_of(answer_download(file, http::verb::get, {}), "Content-Type"),
            "application/octet-stream");
}

}  // namespace
}  // namespace projectd
