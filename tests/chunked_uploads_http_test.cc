// Chunked, resumable uploads (docs/wire-compatibility.md, "Chunked uploads"):
// POST files/{folder}/upload/create_session answers the original's session object, whose
// `location` (ChunkedUploader.ashx?uid=...) takes the chunks in order, as a multipart part or the
// raw body; the last byte makes the file as an ordinary upload does. Refusals change nothing; a
// session is its opener's alone; expired sessions go with their staged bytes; and a session
// survives a kill -9 between two chunks and resumes at its last acknowledged byte.
#include "files_test_support.h"

#include <openssl/evp.h>

#include <cstdlib>
#include <filesystem>
#include <memory>

namespace projectd::test {
namespace {

// The target (path and query) of an absolute `location`.
std::string chunk_target_of(const std::string& location) {
  const auto at = location.find("/products/");
  return at == std::string::npos ? location : location.substr(at);
}

// The chunk handler's own answer: {success, data, message}, JSON.
boost::json::object chunked_handler_answer(const HttpResponse& res, int expected_status) {
  EXPECT_EQ(res.status, expected_status) << res.body;
  if (res.status != expected_status) return {};
  const boost::json::object body = res.json().as_object();
  EXPECT_EQ(body.at("success"), true) << res.body;
  EXPECT_EQ(body.at("message"), "") << res.body;
  return body;
}

Headers chunked_with_header(Headers headers, const std::string& name, const std::string& value) {
  headers.emplace_back(name, value);
  return headers;
}

// Staged files of chunked uploads in a data directory.
std::size_t chunked_staged_files(const std::string& data_dir) {
  const std::filesystem::path dir = std::filesystem::path(data_dir) / "blobs" / "upload-sessions";
  if (!std::filesystem::exists(dir)) return 0;
  std::size_t n = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir))
    n += entry.is_regular_file() ? 1 : 0;
  return n;
}

// Deterministic bytes made on the fly: byte i of the file depends only on i, so any chunk can be
// made again without keeping the file.
std::string chunked_test_bytes(std::uint64_t from, std::size_t size) {
  std::string out(size, '\0');
  for (std::size_t i = 0; i < size; i += 8) {
    std::uint64_t x = (from + i) / 8 * 0x9E3779B97F4A7C15ull + 0x632BE59BD9B4E019ull;
    x ^= x >> 31;
    x *= 0xBF58476D1CE4E5B9ull;
    x ^= x >> 27;
    for (std::size_t b = 0; b < 8 && i + b < size; ++b)
      out[i + b] = static_cast<char>(x >> (8 * b));
  }
  return out;
}

// Incremental SHA-256 (OpenSSL), independent of projectd's.
class ChunkedTestSha256 {
 public:
  ChunkedTestSha256() : ctx_(EVP_MD_CTX_new(), EVP_MD_CTX_free) {
    EVP_DigestInit_ex(ctx_.get(), EVP_sha256(), nullptr);
  }
  void update(std::string_view bytes) { EVP_DigestUpdate(ctx_.get(), bytes.data(), bytes.size()); }
  std::string hex() {
    unsigned char digest[32];
    unsigned int size = 0;
    EVP_DigestFinal_ex(ctx_.get(), digest, &size);
    static const char* kHex = "0123456789abcdef";
    std::string out;
    for (unsigned int i = 0; i < size; ++i) {
      out += kHex[digest[i] >> 4];
      out += kHex[digest[i] & 15];
    }
    return out;
  }

 private:
  std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx_;
};

// The SHA-256 of a file on disk, read in pieces.
std::string chunked_sha256_of_file(const std::filesystem::path& path) {
  ChunkedTestSha256 hash;
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) return "";
  std::string block(1 << 20, '\0');
  for (std::size_t n; (n = std::fread(block.data(), 1, block.size(), f)) > 0;)
    hash.update(std::string_view(block.data(), n));
  std::fclose(f);
  return hash.hex();
}

class ChunkedUploadsTest : public FilesSuite {
 protected:
  void SetUp() override { person_ = add_person(); }
  Headers auth() const { return person_.auth(); }

  static HttpResponse open_session(const std::string& folder, const boost::json::object& body,
                                   const Headers& auth) {
    return files_call("POST", folder + "/upload/create_session", body, auth);
  }
  // A session that must open; answers `data`.
  static boost::json::object open(const std::string& folder, const std::string& name,
                                  std::int64_t size, const Headers& auth) {
    const auto response =
        response_of(open_session(folder, {{"fileName", name}, {"fileSize", size}}, auth), 201);
    EXPECT_EQ(response.at("success"), true);
    return response.at("data").as_object();
  }
  static HttpResponse raw_chunk(const boost::json::object& session, const std::string& bytes,
                                const Headers& auth, const std::string& query = "") {
    return HttpClient(port()).request(
        "POST", chunk_target_of(std::string(session.at("location").as_string())) + query, bytes,
        chunked_with_header(auth, "Content-Type", "application/octet-stream"));
  }
  static HttpResponse multipart_chunk(const boost::json::object& session, const std::string& bytes,
                                      const Headers& auth) {
    auto [body, type] = multipart_body({{"file", "blob", bytes}});
    return HttpClient(port()).request(
        "POST", chunk_target_of(std::string(session.at("location").as_string())), body,
        chunked_with_header(auth, "Content-Type", type));
  }
  static HttpResponse status_of(const boost::json::object& session, const Headers& auth) {
    return HttpClient(port()).get(chunk_target_of(std::string(session.at("location").as_string())),
                                  auth);
  }
  static std::int64_t uploaded_so_far(const boost::json::object& session, const Headers& auth) {
    const auto body = chunked_handler_answer(status_of(session, auth), 200);
    return body.empty() ? -1 : body.at("data").at("bytes_uploaded").as_int64();
  }

  Person person_;
};

TEST_F(ChunkedUploadsTest, CreateSessionAnswersTheOriginalsSessionObject) {
  const HttpResponse res =
      open_session("@my", {{"fileName", "big.bin"}, {"fileSize", 3000000}}, auth());
  const auto response = response_of(res, 201);
  ASSERT_TRUE(response.is_object()) << res.body;
  EXPECT_EQ(keys_of(response.as_object()), (std::vector<std::string>{"success", "data"}));
  const boost::json::object& data = response.at("data").as_object();
  EXPECT_EQ(keys_of(data), (std::vector<std::string>{"id", "path", "created", "expired", "location",
                                                     "bytes_uploaded", "bytes_total"}));
  const std::string id(data.at("id").as_string());
  EXPECT_EQ(id.size(), 32u);
  EXPECT_EQ(data.at("path"), boost::json::array({my_folder(auth())}));
  EXPECT_TRUE(data.at("created").is_string());
  EXPECT_GT(data.at("expired").as_string(), data.at("created").as_string());
  const std::string location(data.at("location").as_string());
  EXPECT_TRUE(location.starts_with("http")) << location;
  EXPECT_TRUE(location.ends_with("/products/files/ChunkedUploader.ashx?uid=" + id)) << location;
  EXPECT_EQ(data.at("bytes_uploaded"), 0);
  EXPECT_EQ(data.at("bytes_total"), 3000000);
  // Asked again, it stands where it was made.
  const auto status = chunked_handler_answer(status_of(data, auth()), 200);
  EXPECT_EQ(status.at("data").at("id").as_string(), id);
  EXPECT_EQ(status.at("data").at("bytes_uploaded"), 0);
}

TEST_F(ChunkedUploadsTest, TheXmlFormAnswersTheSessionInXml) {
  Headers headers = chunked_with_header(auth(), "Accept", "application/xml");
  headers.emplace_back("Content-Type", "application/json");
  const auto res = HttpClient(port()).request("POST", files_path("@my/upload/create_session"),
                                              "{\"fileName\":\"x.bin\",\"fileSize\":10}", headers);
  ASSERT_EQ(res.status, 201) << res.body;
  EXPECT_NE(res.header("content-type").find("xml"), std::string::npos);
  EXPECT_NE(res.body.find("<bytes_total>10</bytes_total>"), std::string::npos) << res.body;
  EXPECT_NE(res.body.find("<success>true</success>"), std::string::npos) << res.body;
}

TEST_F(ChunkedUploadsTest, SeveralChunksMakeTheFileWithItsBytesAndSha256) {
  const std::string bytes = chunked_test_bytes(0, 2 * 1024 * 1024 + 12345);
  const auto session = open("@my", "several.bin", static_cast<std::int64_t>(bytes.size()), auth());
  const std::size_t chunk = 1024 * 1024;
  auto first =
      chunked_handler_answer(multipart_chunk(session, bytes.substr(0, chunk), auth()), 200);
  ASSERT_FALSE(first.empty());
  EXPECT_EQ(first.at("data").at("bytes_uploaded"), chunk);
  EXPECT_EQ(first.at("data").at("bytes_total"), bytes.size());
  EXPECT_EQ(first.at("data").at("id"), session.at("id"));
  auto second = chunked_handler_answer(
      raw_chunk(session, bytes.substr(chunk, chunk), auth(), "&chunkNumber=2"), 200);
  EXPECT_EQ(second.at("data").at("bytes_uploaded"), 2 * chunk);
  EXPECT_EQ(uploaded_so_far(session, auth()), static_cast<std::int64_t>(2 * chunk));
  EXPECT_EQ(chunked_staged_files(data_dir()), 1u);

  const auto last = chunked_handler_answer(
      raw_chunk(session, bytes.substr(2 * chunk), auth(), "&offset=" + std::to_string(2 * chunk)),
      201);
  ASSERT_FALSE(last.empty());
  const boost::json::object& file = last.at("data").as_object();
  EXPECT_EQ(keys_of(file), (std::vector<std::string>{"id", "folderId", "version", "title",
                                                     "provider_key", "uploaded"}));
  EXPECT_EQ(file.at("title"), "several.bin");
  EXPECT_EQ(file.at("folderId"), my_folder(auth()));
  EXPECT_EQ(file.at("version"), 1);
  EXPECT_TRUE(file.at("provider_key").is_null());
  EXPECT_EQ(file.at("uploaded"), true);
  const std::int64_t id = file.at("id").as_int64();
  const std::string got = downloaded(id, auth());
  EXPECT_EQ(got.size(), bytes.size());
  EXPECT_EQ(sha256_hex(got), sha256_hex(bytes));
  EXPECT_EQ(file_info(id, auth()).at("pureContentLength"), bytes.size());
  EXPECT_TRUE(std::filesystem::is_regular_file(content_path(data_dir(), sha256_hex(bytes))));
  // The session has ended, with its staged bytes.
  EXPECT_EQ(status_of(session, auth()).status, 404);
  EXPECT_EQ(chunked_staged_files(data_dir()), 0u);
  EXPECT_EQ(raw_chunk(session, "more", auth()).status, 404);
}

TEST_F(ChunkedUploadsTest, TheFileIsNamedAsAnOrdinaryUploadIsAndCanBecomeAVersion) {
  const std::int64_t existing = upload_id("@my", "same.txt", "old", auth());
  auto numbered = open("@my", "same.txt", 3, auth());
  const auto copy = chunked_handler_answer(raw_chunk(numbered, "new", auth()), 201);
  EXPECT_EQ(copy.at("data").at("title"), "same (1).txt");

  const auto versioned = response_of(
      open_session("@my", {{"fileName", "same.txt"}, {"fileSize", 5}, {"createNewIfExist", false}},
                   auth()),
      201);
  const auto version =
      chunked_handler_answer(raw_chunk(versioned.at("data").as_object(), "newer", auth()), 201);
  EXPECT_EQ(version.at("data").at("id"), existing);
  EXPECT_EQ(version.at("data").at("version"), 2);
  EXPECT_EQ(downloaded(existing, auth()), "newer");
}

TEST_F(ChunkedUploadsTest, ARelativePathUploadsIntoSubfoldersMadeWhenMissing) {
  const std::int64_t my = my_folder(auth());
  const std::int64_t docs =
      response_of(files_call("POST", "folder/@my", {{"title", "Docs"}}, auth()), 201)
          .at("id")
          .as_int64();
  const auto response = response_of(
      open_session("@my",
                   {{"fileName", "deep.txt"}, {"fileSize", 4}, {"relativePath", "Docs/2026/"}},
                   auth()),
      201);
  const boost::json::array& path = response.at("data").at("path").as_array();
  ASSERT_EQ(path.size(), 3u) << response;
  EXPECT_EQ(path[0], my);
  EXPECT_EQ(path[1], docs);  // the folder that was there is used, not made again
  const auto done =
      chunked_handler_answer(raw_chunk(response.at("data").as_object(), "deep", auth()), 201);
  EXPECT_EQ(done.at("data").at("folderId"), path[2]);
  const auto made = folder_content(std::to_string(docs), auth());
  ASSERT_EQ(made.at("folders").as_array().size(), 1u);
  EXPECT_EQ(made.at("folders").at(0).at("title"), "2026");
  EXPECT_EQ(
      folder_content(std::to_string(path[2].as_int64()), auth()).at("files").at(0).at("title"),
      "deep.txt");
}

TEST_F(ChunkedUploadsTest, RefusesBadInputAndChangesNothing) {
  auto refused = [&](const boost::json::object& body, int status, const std::string& text) {
    const HttpResponse res = open_session("@my", body, auth());
    EXPECT_EQ(res.status, status) << res.body;
    EXPECT_NE(error_message(res).find(text), std::string::npos) << res.body;
  };
  refused({{"fileSize", 10}}, 400, "fileName");
  refused({{"fileName", "a.bin"}}, 400, "fileSize");
  refused({{"fileName", "a.bin"}, {"fileSize", "ten"}}, 400, "fileSize");
  refused({{"fileName", "a.bin"}, {"fileSize", 0}}, 400, "fileSize");
  refused({{"fileName", "a.bin"}, {"fileSize", std::int64_t{1} << 40}}, 413, "upload limit");

  const auto session = open("@my", "exact.bin", 10, auth());
  const HttpResponse too_long = raw_chunk(session, "eleven byte", auth());
  EXPECT_EQ(too_long.status, 400) << too_long.body;
  EXPECT_NE(error_message(too_long).find("fileSize"), std::string::npos) << too_long.body;
  EXPECT_EQ(raw_chunk(session, "", auth()).status, 400);
  EXPECT_EQ(uploaded_so_far(session, auth()), 0);

  EXPECT_EQ(chunked_handler_answer(raw_chunk(session, "12345", auth()), 200)
                .at("data")
                .at("bytes_uploaded"),
            5);
  const HttpResponse wrong_number = raw_chunk(session, "67890", auth(), "&chunkNumber=1");
  EXPECT_EQ(wrong_number.status, 409) << wrong_number.body;
  EXPECT_NE(error_message(wrong_number).find("send chunk 2 at byte 5"), std::string::npos)
      << wrong_number.body;
  const HttpResponse wrong_offset = raw_chunk(session, "67890", auth(), "&offset=0");
  EXPECT_EQ(wrong_offset.status, 409) << wrong_offset.body;
  EXPECT_EQ(uploaded_so_far(session, auth()), 5);

  const std::string handler = "/products/files/ChunkedUploader.ashx";
  const HttpResponse no_uid = HttpClient(port()).request("POST", handler, "x", auth());
  EXPECT_EQ(no_uid.status, 400) << no_uid.body;
  EXPECT_NE(error_message(no_uid).find("uid"), std::string::npos);
  EXPECT_EQ(
      HttpClient(port()).get(handler + "?uid=0123456789abcdef0123456789abcdef", auth()).status,
      404);
  EXPECT_EQ(HttpClient(port()).get(handler + "?uid=not-a-session", auth()).status, 404);

  // What was refused left the session where it was: the rest finishes the file.
  const auto done =
      chunked_handler_answer(raw_chunk(session, "67890", auth(), "&chunkNumber=2"), 201);
  EXPECT_EQ(downloaded(done.at("data").at("id").as_int64(), auth()), "1234567890");
}

TEST_F(ChunkedUploadsTest, ASessionIsItsOpenersAlone) {
  const auto session = open("@my", "mine.bin", 8, auth());
  const Person other = add_person();
  EXPECT_EQ(status_of(session, other.auth()).status, 404);
  EXPECT_EQ(raw_chunk(session, "abcd", other.auth()).status, 404);
  EXPECT_EQ(raw_chunk(session, "abcd", other.auth(), "&abort=true").status, 404);
  EXPECT_EQ(raw_chunk(session, "abcd", {}).status, 401);
  EXPECT_EQ(status_of(session, {}).status, 401);
  EXPECT_EQ(uploaded_so_far(session, auth()), 0);
  // Nobody opens a session without a caller, or in a folder they may not add files to.
  EXPECT_EQ(open_session("@my", {{"fileName", "a"}, {"fileSize", 1}}, {}).status, 401);
  const std::string others_my = std::to_string(my_folder(other.auth()));
  EXPECT_EQ(open_session(others_my, {{"fileName", "a"}, {"fileSize", 1}}, auth()).status, 404);
  const Person guest = add_person(true);
  EXPECT_EQ(open_session("@common", {{"fileName", "a"}, {"fileSize", 1}}, guest.auth()).status,
            403);
}

TEST_F(ChunkedUploadsTest, AbortEndsTheSessionWithItsBytes) {
  const auto session = open("@my", "dropped.bin", 8, auth());
  chunked_handler_answer(raw_chunk(session, "abcd", auth()), 200);
  EXPECT_EQ(chunked_staged_files(data_dir()), 1u);
  const auto aborted = chunked_handler_answer(raw_chunk(session, "", auth(), "&abort=true"), 200);
  EXPECT_TRUE(aborted.at("data").is_null());
  EXPECT_EQ(status_of(session, auth()).status, 404);
  EXPECT_EQ(chunked_staged_files(data_dir()), 0u);
  EXPECT_EQ(folder_content("@my", auth()).at("total"), 0);
}

TEST(ChunkedUploadExpiryTest, AnExpiredSessionGoesWithItsStagedBytes) {
  OwnServer server({"--upload-session-seconds", "1"});
  const auto response =
      response_of(json_request(server.port(), "POST", files_path("@my/upload/create_session"),
                               boost::json::object{{"fileName", "late.bin"}, {"fileSize", 100}},
                               server.admin()),
                  201);
  const std::string target =
      chunk_target_of(std::string(response.at("data").at("location").as_string()));
  const HttpResponse chunk =
      HttpClient(server.port())
          .request("POST", target, "first",
                   chunked_with_header(server.admin(), "Content-Type", "text/plain"));
  EXPECT_EQ(chunk.status, 200) << chunk.body;
  EXPECT_EQ(chunked_staged_files(server.data_dir()), 1u);
  EXPECT_TRUE(eventually([&] { return chunked_staged_files(server.data_dir()) == 0; },
                         std::chrono::seconds(10)));
  EXPECT_EQ(HttpClient(server.port()).get(target, server.admin()).status, 404);
  EXPECT_EQ(HttpClient(server.port())
                .request("POST", target, "second",
                         chunked_with_header(server.admin(), "Content-Type", "text/plain"))
                .status,
            404);
}

// The brief's crash test: a file sent in chunks, the server killed with SIGKILL between two of
// them and started again on the same data directory; the client asks where the session stands,
// sends the rest, and the file has the right SHA-256. The bytes are made on the fly.
class ChunkedUploadCrashTest : public ::testing::Test {
 protected:
  void start() {
    server_ = std::make_unique<TestServer>(std::vector<std::string>{"--max-upload-mb", "1100"},
                                           data_.path() + "/data");
    auth_ = HttpClient::auth(sign_in(server_->port(), kAdminEmail, kAdminPassword));
  }

  void upload_with_a_kill(std::uint64_t size, std::size_t chunk, std::uint64_t kill_after) {
    start();
    const auto response =
        response_of(json_request(server_->port(), "POST", files_path("@my/upload/create_session"),
                                 boost::json::object{{"fileName", "large.bin"},
                                                     {"fileSize", static_cast<std::int64_t>(size)}},
                                 auth_),
                    201);
    const std::string target =
        chunk_target_of(std::string(response.at("data").at("location").as_string()));
    ChunkedTestSha256 expected;
    std::uint64_t sent = 0;
    std::int64_t file = 0;
    std::unique_ptr<HttpClient> client = std::make_unique<HttpClient>(server_->port());
    bool killed = false;
    while (sent < size) {
      if (!killed && sent >= kill_after) {
        server_->kill_hard();
        server_.reset();
        start();
        client = std::make_unique<HttpClient>(server_->port());
        killed = true;
        // Where it stands: every acknowledged byte, nothing more.
        const HttpResponse status = client->get(target, auth_);
        ASSERT_EQ(status.status, 200) << status.body;
        ASSERT_EQ(status.json().at("data").at("bytes_uploaded").as_int64(),
                  static_cast<std::int64_t>(sent));
      }
      const std::size_t n = static_cast<std::size_t>(std::min<std::uint64_t>(chunk, size - sent));
      const std::string bytes = chunked_test_bytes(sent, n);
      expected.update(bytes);
      const HttpResponse res =
          client->request("POST", target, bytes,
                          chunked_with_header(auth_, "Content-Type", "application/octet-stream"));
      sent += n;
      const int want = sent == size ? 201 : 200;
      ASSERT_EQ(res.status, want) << res.body;
      if (sent == size) file = res.json().at("data").at("id").as_int64();
    }
    ASSERT_TRUE(killed);
    const std::string sha = expected.hex();
    // The server's own account of the content (the download's ETag is its SHA-256) and the bytes
    // the blob store holds, hashed from disk without holding them in memory.
    const HttpResponse head =
        client->request("HEAD",
                        "/Products/Files/HttpHandlers/filehandler.ashx?action=download&fileid=" +
                            std::to_string(file),
                        "", auth_);
    EXPECT_EQ(head.status, 200);
    EXPECT_EQ(head.header("content-length"), std::to_string(size));
    EXPECT_NE(head.header("etag").find(sha), std::string::npos) << head.header("etag");
    EXPECT_EQ(chunked_sha256_of_file(content_path(server_->data_dir(), sha)), sha);
    if (size <= 64u << 20) {
      const HttpResponse got = fetch_file(server_->port(), file, auth_);
      EXPECT_EQ(got.status, 200);
      EXPECT_EQ(sha256_hex(got.body), sha);
    }
    EXPECT_EQ(chunked_staged_files(server_->data_dir()), 0u);
    EXPECT_EQ(server_->stop(), 0) << server_->output();
  }

  TempDir data_;
  std::unique_ptr<TestServer> server_;
  Headers auth_;
};

TEST_F(ChunkedUploadCrashTest, A64MiBUploadResumesAfterKill9BetweenTwoChunks) {
  upload_with_a_kill(64u << 20, 10u << 20, 30u << 20);
}

// 1 GiB in 10 MiB chunks: in Release builds, or anywhere with PROJECTD_TEST_LARGE=1 (it takes
// minutes under the sanitizers).
TEST_F(ChunkedUploadCrashTest, A1GiBUploadIn10MiBChunksResumesAfterKill9) {
#ifndef NDEBUG
  if (std::getenv("PROJECTD_TEST_LARGE") == nullptr)
    GTEST_SKIP() << "1 GiB: Release builds, or PROJECTD_TEST_LARGE=1";
#endif
  upload_with_a_kill(1u << 30, 10u << 20, 500u << 20);
}

}  // namespace
}  // namespace projectd::test
