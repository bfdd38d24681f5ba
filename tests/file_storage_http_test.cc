// Where uploads go (docs/wire-compatibility.md, "Uploads"; docs/architecture.md, "Storage and
// durability"; README "Limits"): one size limit, reported by files/settings and enforced before the
// body is read (declared length) or while it streams (chunked), with nothing stored after a
// refusal; contents stored once per SHA-256 under blobs/<aa>/<sha256>; a content nothing uses any
// more removed after the grace period, but never one an acknowledged upload names, whatever the
// grace (issue 21); no spooled upload left behind in blobs/tmp; everything under --data private to
// the service (issue 14).
#include "files_test_support.h"
#include "raw_socket.h"

#include <gmock/gmock.h>
#include <sys/stat.h>

#include <atomic>
#include <fstream>
#include <mutex>
#include <sstream>
#include <thread>

namespace projectd::test {
namespace {

using std::chrono::seconds;

constexpr std::size_t kMiB = 1024 * 1024;

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// The head of a raw upload into @my; `framing` is the Content-Length or Transfer-Encoding line.
std::string upload_head(const Headers& auth, const std::string& framing) {
  std::string head = "POST /api/2.0/files/@my/upload HTTP/1.1\r\nHost: 127.0.0.1\r\n";
  for (const auto& [name, value] : raw_upload_headers(auth, "big.bin"))
    head += name + ": " + value + "\r\n";
  return head + framing + "\r\n\r\n";
}

// Sends `pieces` chunks of 64 KiB, stopping early once the server answers or closes; never sends
// the last chunk, so only a server that counts while the body streams can answer.
void send_chunks(RawSocket& socket, int pieces) {
  const std::string chunk = "10000\r\n" + std::string(64 * 1024, 'c') + "\r\n";
  try {
    for (int i = 0; i < pieces; ++i)
      socket.send(chunk);
  } catch (const std::runtime_error&) {
    // The server refused and closed while the body was still coming: what we want.
  }
}

class UploadLimitTest : public ::testing::Test {
 protected:
  // The refused upload left nothing behind: no file, no content, no spooled body.
  void expect_nothing_stored() {
    EXPECT_EQ(server_.my_total(), 0);
    EXPECT_EQ(stored_contents(server_.data_dir()), 0u);
    EXPECT_TRUE(eventually([&] { return spooled_files(server_.data_dir()) == 0; }))
        << spooled_files(server_.data_dir()) << " spooled files left";
  }
  void expect_413(const std::string& answer) {
    EXPECT_EQ(answer.rfind("HTTP/1.1 413", 0), 0u) << answer.substr(0, 300);
    EXPECT_NE(answer.find("\"statusCode\":413"), std::string::npos) << answer.substr(0, 600);
    EXPECT_NE(answer.find(std::to_string(kMiB)), std::string::npos) << answer.substr(0, 600);
  }

  OwnServer server_{{"--max-upload-mb", "1"}};
};

TEST_F(UploadLimitTest, SettingsReportTheConfiguredLimit) {
  const auto res = files_request(server_.port(), "GET", "settings", "", server_.admin());
  const auto settings = response_of(res, 200);
  ASSERT_TRUE(settings.is_object());
  EXPECT_EQ(settings.at("maxUploadSize"), kMiB);
}

TEST_F(UploadLimitTest, AnUploadUnderTheLimitIsStored) {
  ASSERT_NE(server_.upload_id("half.bin", std::string(kMiB / 2, 'h')), 0);
  EXPECT_EQ(server_.my_total(), 1);
  EXPECT_EQ(stored_contents(server_.data_dir()), 1u);
  EXPECT_TRUE(eventually([&] { return spooled_files(server_.data_dir()) == 0; }));
}

TEST_F(UploadLimitTest, ADeclaredLengthOverTheLimitIs413BeforeTheBodyIsSent) {
  RawSocket socket(server_.port());
  socket.send(upload_head(
      server_.admin(), "Content-Length: " + std::to_string(kMiB + 1) + "\r\nExpect: 100-continue"));
  // No body is ever sent: the answer must come from the head alone, and without a 100 Continue.
  const std::string answer = socket.receive(seconds(10));
  expect_413(answer);
  EXPECT_EQ(answer.find("100 Continue"), std::string::npos);
  expect_nothing_stored();
}

TEST_F(UploadLimitTest, AChunkedBodyPassingTheLimitIs413WhileItStreams) {
  RawSocket socket(server_.port());
  socket.send(upload_head(server_.admin(), "Transfer-Encoding: chunked"));
  send_chunks(socket, 17);  // 1 MiB + 64 KiB, and no final chunk
  expect_413(socket.receive(seconds(10)));
  expect_nothing_stored();
}

TEST_F(UploadLimitTest, AnAnonymousUploadIs401AndLeavesNothing) {
  auto [body, type] = multipart_body({{"file", "a.txt", "anonymous bytes", "text/plain"}});
  const auto res =
      HttpClient(server_.port())
          .request("POST", "/api/2.0/files/@my/upload", body, {{"Content-Type", type}});
  EXPECT_EQ(res.status, 401) << res.body;
  expect_nothing_stored();
}

class ContentStorageTest : public FilesSuite {};

TEST_F(ContentStorageTest, TheSameBytesAreStoredOnce) {
  const Person person = add_person();
  const std::string bytes = "the same bytes for " + person.id;
  const std::string sha = sha256_hex(bytes);
  const std::size_t before = stored_contents(data_dir());

  const std::int64_t one = upload_id("@my", "one.bin", bytes, person.auth());
  const std::int64_t two = upload_id("@my", "two.bin", bytes, person.auth());
  ASSERT_NE(one, two);
  EXPECT_EQ(stored_contents(data_dir()), before + 1);
  const auto path = content_path(data_dir(), sha);
  ASSERT_TRUE(std::filesystem::is_regular_file(path)) << path;
  EXPECT_EQ(read_file(path), bytes);
  for (const std::int64_t id : {one, two})
    EXPECT_EQ(download(id, person.auth()).header("etag"), "\"" + sha + "\"") << id;
  EXPECT_TRUE(eventually([&] { return spooled_files(data_dir()) == 0; }));
}

TEST(ContentRemovalTest, AContentNothingUsesIsRemovedAndOneStillUsedStays) {
  OwnServer server({"--blob-grace-seconds", "0"});
  const std::string alone = "used by one file", shared = "used by two files";
  const std::int64_t only = server.upload_id("only.txt", alone);
  const std::int64_t first = server.upload_id("first.txt", shared);
  const std::int64_t second = server.upload_id("second.txt", shared);
  ASSERT_EQ(stored_contents(server.data_dir()), 2u);

  EXPECT_EQ(server.remove(only).status, 200);
  const auto alone_path = content_path(server.data_dir(), sha256_hex(alone));
  EXPECT_TRUE(eventually([&] { return !std::filesystem::exists(alone_path); })) << alone_path;

  EXPECT_EQ(server.remove(first).status, 200);
  const auto shared_path = content_path(server.data_dir(), sha256_hex(shared));
  EXPECT_TRUE(std::filesystem::is_regular_file(shared_path)) << shared_path;
  EXPECT_EQ(stored_contents(server.data_dir()), 1u);
  const auto res = fetch_file(server.port(), second, server.admin());
  EXPECT_EQ(res.status, 200);
  EXPECT_EQ(res.body, shared);
  EXPECT_EQ(spooled_files(server.data_dir()), 0u);
}

// Issue 21: clients uploading the same bytes, downloading and deleting them at once, with the
// smallest grace there is: a removal that started while no file named the content meets uploads
// that adopt it, and every acknowledged upload must still download with its bytes.
TEST(ContentRemovalTest, IdenticalUploadsDownloadsAndDeletesAtGraceZeroLoseNothing) {
  OwnServer server({"--blob-grace-seconds", "0"});
  constexpr int kClients = 4;
  const std::string contents[] = {"bytes every even client uploads", "bytes of the odd ones"};
  const auto until = std::chrono::steady_clock::now() + seconds(4);
  std::mutex mutex;
  std::vector<std::string> failures;
  std::atomic<int> acknowledged{0};
  auto fail = [&](const std::string& what, const HttpResponse& res) {
    std::lock_guard lock(mutex);
    failures.push_back(what + ": " + std::to_string(res.status) + " " + res.body.substr(0, 200));
  };
  std::vector<std::thread> clients;
  for (int c = 0; c < kClients; ++c) {
    clients.emplace_back([&, c] {
      const std::string& bytes = contents[c % 2];
      for (int n = 0; std::chrono::steady_clock::now() < until; ++n) {
        const std::string name = "client " + std::to_string(c) + " upload " + std::to_string(n);
        const HttpResponse up = server.upload("c.bin", bytes);
        if (up.status != 201) return fail(name, up);
        ++acknowledged;
        const std::int64_t id = up.json().at("response").at("id").as_int64();
        const HttpResponse got = fetch_file(server.port(), id, server.admin());
        if (got.status != 200 || got.body != bytes) fail(name + " downloaded", got);
        const HttpResponse gone = server.remove(id);
        if (gone.status != 200) return fail(name + " deleted", gone);
      }
    });
  }
  for (std::thread& client : clients)
    client.join();
  EXPECT_THAT(failures, testing::IsEmpty());
  EXPECT_GT(acknowledged.load(), 4 * kClients);
  // Neither pins nor quarantined copies stay behind.
  EXPECT_TRUE(eventually([&] { return spooled_files(server.data_dir()) == 0; }));
  EXPECT_LE(stored_contents(server.data_dir()), 2u);
}

// Issue 14: the service makes everything under --data private to its user: no file or directory
// there is group- or world-accessible (the database with its journals, contents, spool).
TEST(DataPrivacyTest, NothingUnderDataIsGroupOrWorldAccessible) {
  TempDir parent;
  const std::string data = parent.path() + "/data";  // made by the server
  std::vector<std::string> open_to_others;
  {
    TestServer server({}, data);
    const Headers admin = HttpClient::auth(sign_in(server.port(), kAdminEmail, kAdminPassword));
    EXPECT_EQ(HttpClient(server.port())
                  .post_json("/api/2.0/project", {{"title", "A write"}}, admin)
                  .status,
              201);
    EXPECT_EQ(files_request(server.port(), "POST", "@my/upload", "private bytes",
                            raw_upload_headers(admin, "private.bin"))
                  .status,
              201);
    auto check = [&](const std::filesystem::path& path) {
      struct stat st {};
      if (::lstat(path.c_str(), &st) == 0 && (st.st_mode & 077) != 0)
        open_to_others.push_back(path.string() + " " + std::to_string(st.st_mode & 0777));
    };
    // While the server runs: SQLite's -wal and -shm exist only then.
    check(data);
    for (const auto& entry : std::filesystem::recursive_directory_iterator(data))
      check(entry.path());
    EXPECT_EQ(server.stop(), 0);
  }
  EXPECT_THAT(open_to_others, testing::IsEmpty());
}

}  // namespace
}  // namespace projectd::test
