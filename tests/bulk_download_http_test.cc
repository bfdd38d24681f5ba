// Bulk downloads (docs/wire-compatibility.md, "Bulk download"): PUT files/fileops/bulkdownload
// answers a running Download operation at once; GET files/fileops shows it finish with its url;
// the url (filehandler.ashx?action=bulk) sends a zip that `unzip -t` accepts and that unpacks to
// the selected names and bytes (nested and empty folders, duplicate, unsafe and Unicode names),
// for its owner only, with Range and HEAD. Refusals record nothing; terminate ends a running one
// and removes its spool; a restart ends an interrupted one and sweeps archives whose operation
// is gone; a 1 GiB selection keeps the server's memory flat.
#include "files_test_support.h"
#include "process_memory.h"
#include "store_sql.h"

#include <sys/wait.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>

namespace projectd::test {
namespace {

namespace fs = std::filesystem;

// The target (path and query) of an absolute url.
std::string bulk_target_of(const std::string& url) {
  const auto at = url.find("/Products/");
  return at == std::string::npos ? url : url.substr(at);
}

int bulk_shell(const std::string& command) {
  const int status = std::system(command.c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

// Every regular file under `dir` by its path relative to it, with its bytes; directories too
// (their relative path and a trailing '/', no bytes).
std::map<std::string, std::string> bulk_tree_of(const fs::path& dir) {
  std::map<std::string, std::string> out;
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    const std::string relative = fs::relative(entry.path(), dir).string();
    if (entry.is_directory()) {
      out[relative + "/"] = "";
      continue;
    }
    std::ifstream in(entry.path(), std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    out[relative] = bytes.str();
  }
  return out;
}

// A central directory entry of a zip: its name and general purpose flags.
struct BulkCentralEntry {
  std::string name;
  unsigned flags = 0;
};

// The central directory of a small zip (no Zip64), read independently of libzip.
std::vector<BulkCentralEntry> bulk_central_directory(const std::string& zip) {
  auto u16 = [&](std::size_t at) {
    return static_cast<unsigned>(static_cast<unsigned char>(zip[at])) |
           static_cast<unsigned>(static_cast<unsigned char>(zip[at + 1])) << 8;
  };
  std::vector<BulkCentralEntry> out;
  for (std::size_t at = zip.find("PK\x01\x02"); at != std::string::npos && at + 46 <= zip.size();
       at = zip.find("PK\x01\x02", at + 4))
    out.push_back(BulkCentralEntry{zip.substr(at + 46, u16(at + 28)), u16(at + 8)});
  return out;
}

// Writes `zip` into `dir`/download.zip, checks it with `unzip -t` and unpacks it into `dir`/out.
fs::path bulk_unpacked(const std::string& zip, const fs::path& dir) {
  const fs::path file = dir / "download.zip";
  std::ofstream(file, std::ios::binary) << zip;
  EXPECT_EQ(bulk_shell("unzip -tqq '" + file.string() + "' >/dev/null"), 0);
  const fs::path out = dir / "out";
  EXPECT_EQ(bulk_shell("unzip -qq '" + file.string() + "' -d '" + out.string() + "'"), 0);
  return out;
}

class BulkDownloadTest : public FilesSuite {
 protected:
  static std::int64_t bulk_folder(const std::string& parent, const std::string& title,
                                  const Headers& auth) {
    const auto folder =
        response_of(files_call("POST", "folder/" + parent, {{"title", title}}, auth), 201);
    return folder.is_object() ? folder.at("id").as_int64() : 0;
  }
  static HttpResponse start_bulk(const boost::json::value& body, const Headers& auth,
                                 const std::string& suffix = "") {
    return files_call("PUT", "fileops/bulkdownload" + suffix, body, auth);
  }
  // The operation `id` of GET fileops once it finished (fails the test after 60 s).
  static boost::json::object finished_bulk(const std::string& id, const Headers& auth) {
    boost::json::object found;
    const bool done = eventually(
        [&] {
          const auto list = get_ok(files_path("fileops"), auth);
          for (const auto& o : list.as_array())
            if (o.at("id") == id.c_str() && o.at("finished") == true) {
              found = o.as_object();
              return true;
            }
          return false;
        },
        std::chrono::seconds(60));
    EXPECT_TRUE(done) << id;
    return found;
  }
  // Starts a bulk download that must be accepted; answers its operation id.
  static std::string started_bulk(const boost::json::value& body, const Headers& auth) {
    const auto answer = response_of(start_bulk(body, auth), 200);
    if (!answer.is_array() || answer.as_array().size() != 1) {
      ADD_FAILURE() << answer;
      return "";
    }
    return std::string(answer.at(0).at("id").as_string());
  }
  static std::int64_t stored_operations() {
    auto db = connect_store(server_->store_url());
    return std::stoll(first_column(*db, "SELECT COUNT(*) FROM file_operations")[0]);
  }
  static fs::path bulk_dir() { return fs::path(data_dir()) / "blobs" / "bulk-downloads"; }
};

TEST_F(BulkDownloadTest, ZipsFoldersDuplicatesUnsafeAndUnicodeNamesAndServesThemWithRange) {
  const Person person = add_person();
  const Headers& auth = person.auth();
  const std::int64_t my = my_folder(auth);
  const std::string my_id = std::to_string(my);
  const std::int64_t top = bulk_folder(my_id, "Reports", auth);
  const std::int64_t sub = bulk_folder(std::to_string(top), "2026", auth);
  bulk_folder(std::to_string(top), "Empty", auth);
  upload_id(std::to_string(top), "a.txt", "top level", auth);
  upload_id(std::to_string(sub), "b.txt", "nested", auth);
  const std::int64_t same1 = upload_id(my_id, "same.txt", "first", auth);
  const std::int64_t same2 = upload_id(std::to_string(sub), "same.txt", "second", auth);
  const std::int64_t unsafe = upload_id(my_id, "q: a*b?.txt", "unsafe", auth);
  const std::int64_t unicode = upload_id(my_id, "Überblick résumé 報告.txt", "unicode", auth);
  const std::string unsafe_title(file_info(unsafe, auth).at("title").as_string());

  const auto answer = response_of(
      start_bulk({{"fileIds", {same1, same2, unsafe, unicode}}, {"folderIds", {top}}}, auth), 200);
  ASSERT_TRUE(answer.is_array()) << answer;
  ASSERT_EQ(answer.as_array().size(), 1u);
  const auto& started = answer.at(0).as_object();
  EXPECT_EQ(keys_of(started),
            std::vector<std::string>({"id", "operation", "progress", "error", "processed",
                                      "finished", "url", "files", "folders"}));
  EXPECT_EQ(started.at("operation"), 3);
  EXPECT_EQ(started.at("progress"), 0);
  EXPECT_EQ(started.at("finished"), false);
  EXPECT_TRUE(started.at("error").is_null());
  EXPECT_TRUE(started.at("url").is_null());
  EXPECT_EQ(started.at("files").as_array().size(), 4u);
  EXPECT_EQ(started.at("folders").as_array().size(), 1u);
  const std::string id(started.at("id").as_string());

  const auto done = finished_bulk(id, auth);
  ASSERT_FALSE(done.empty());
  EXPECT_TRUE(done.at("error").is_null()) << done;
  EXPECT_EQ(done.at("progress"), 100);
  EXPECT_EQ(done.at("processed"), "10");  // 7 files and 3 folders
  ASSERT_TRUE(done.at("url").is_string()) << done;
  const std::string url(done.at("url").as_string());
  EXPECT_NE(url.find("filehandler.ashx?action=bulk"), std::string::npos) << url;
  EXPECT_TRUE(url.starts_with("http")) << url;
  EXPECT_TRUE(fs::exists(bulk_dir() / (id + ".zip")));

  const std::string target = bulk_target_of(url);
  const HttpResponse zip = HttpClient(port()).get(target, auth);
  ASSERT_EQ(zip.status, 200) << zip.body;
  EXPECT_EQ(zip.header("content-type"), "application/zip");
  EXPECT_NE(zip.header("content-disposition").find("download.zip"), std::string::npos);
  TempDir scratch;
  const auto tree = bulk_tree_of(bulk_unpacked(zip.body, scratch.path()));
  std::string safe_unsafe = unsafe_title;
  for (char& c : safe_unsafe)
    if (std::string_view(R"(\/:*?"<>|)").find(c) != std::string_view::npos) c = '_';
  const std::map<std::string, std::string> expected{{"same.txt", "first"},
                                                    {"same (1).txt", "second"},
                                                    {safe_unsafe, "unsafe"},
                                                    {"Überblick résumé 報告.txt", "unicode"},
                                                    {"Reports/", ""},
                                                    {"Reports/a.txt", "top level"},
                                                    {"Reports/2026/", ""},
                                                    {"Reports/2026/b.txt", "nested"},
                                                    {"Reports/2026/same.txt", "second"},
                                                    {"Reports/Empty/", ""}};
  EXPECT_EQ(tree, expected);
  // Every non-ASCII name is flagged as UTF-8 (general purpose bit 11); no name climbs or is
  // absolute.
  const auto central = bulk_central_directory(zip.body);
  EXPECT_EQ(central.size(), expected.size());
  for (const BulkCentralEntry& e : central) {
    const bool ascii = std::all_of(e.name.begin(), e.name.end(),
                                   [](char c) { return static_cast<unsigned char>(c) < 0x80; });
    EXPECT_TRUE(ascii || (e.flags & 0x800) != 0) << e.name;
    EXPECT_FALSE(e.name.starts_with("/") || e.name.find("..") != std::string::npos) << e.name;
  }

  // Range and HEAD, as for any download.
  Headers ranged = auth;
  ranged.emplace_back("Range", "bytes=10-109");
  const HttpResponse part = HttpClient(port()).get(target, ranged);
  EXPECT_EQ(part.status, 206);
  EXPECT_EQ(part.body, zip.body.substr(10, 100));
  const HttpResponse head = HttpClient(port()).request("HEAD", target, "", auth);
  EXPECT_EQ(head.status, 200);
  EXPECT_EQ(head.header("content-length"), std::to_string(zip.body.size()));
  // action=bulk alone: the caller's newest archive, as the original addresses it.
  const HttpResponse plain =
      HttpClient(port()).get("/Products/Files/HttpHandlers/filehandler.ashx?action=bulk", auth);
  EXPECT_EQ(plain.status, 200);
  EXPECT_EQ(plain.body, zip.body);

  // Only its owner gets it; even an admin does not.
  const Person other = add_person();
  EXPECT_EQ(HttpClient(port()).get(target, other.auth()).status, 404);
  EXPECT_EQ(HttpClient(port()).get(target, admin()).status, 404);
  EXPECT_EQ(HttpClient(port()).get(target).status, 401);
  EXPECT_EQ(HttpClient(port())
                .get("/Products/Files/HttpHandlers/filehandler.ashx?action=bulk", other.auth())
                .status,
            404);

  // Stored: a finished Download operation with its url.
  auto db = connect_store(server_->store_url());
  EXPECT_EQ(first_column(*db,
                         "SELECT type || ':' || finished || ':' || progress FROM "
                         "file_operations WHERE id = '" +
                             id + "'"),
            std::vector<std::string>({"3:1:100"}));
}

TEST_F(BulkDownloadTest, RefusesEmptySelectionsHiddenItemsAndRecordsNothing) {
  const Person person = add_person();
  const Person other = add_person();
  const std::int64_t theirs =
      upload_id(std::to_string(my_folder(other.auth())), "t.txt", "t", other.auth());
  const std::int64_t their_folder =
      bulk_folder(std::to_string(my_folder(other.auth())), "Theirs", other.auth());
  const std::int64_t before = stored_operations();

  const HttpResponse empty = start_bulk(boost::json::object{}, person.auth());
  EXPECT_EQ(empty.status, 400);
  EXPECT_NE(error_message(empty).find("fileIds"), std::string::npos) << empty.body;
  EXPECT_EQ(start_bulk({{"fileIds", boost::json::array{}}}, person.auth()).status, 400);
  EXPECT_EQ(start_bulk({{"fileIds", {theirs}}}, person.auth()).status, 404);
  EXPECT_EQ(start_bulk({{"folderIds", {their_folder}}}, person.auth()).status, 404);
  EXPECT_EQ(start_bulk({{"fileIds", {99999999}}}, person.auth()).status, 404);
  EXPECT_EQ(start_bulk({{"fileIds", "x"}}, person.auth()).status, 400);
  EXPECT_EQ(start_bulk({{"fileIds", {theirs}}}, {}).status, 401);
  EXPECT_EQ(stored_operations(), before);
  // An archive that does not exist, or no action the handler serves.
  EXPECT_EQ(HttpClient(port())
                .get("/Products/Files/HttpHandlers/filehandler.ashx?action=bulk&operationid=nope",
                     person.auth())
                .status,
            404);
}

TEST_F(BulkDownloadTest, AnswersXmlAndTakesFormBodiesAndFileConvertIds) {
  const Person person = add_person();
  const std::int64_t file =
      upload_id(std::to_string(my_folder(person.auth())), "x.txt", "xml", person.auth());
  Headers form = person.auth();
  form.emplace_back("Content-Type", "application/x-www-form-urlencoded");
  const HttpResponse xml = files_request(
      port(), "PUT", "fileops/bulkdownload.xml",
      "fileConvertIds[0][key]=" + std::to_string(file) + "&fileConvertIds[0][value]=.pdf", form);
  EXPECT_EQ(xml.status, 200) << xml.body;
  EXPECT_NE(xml.body.find("<operation>3</operation>"), std::string::npos) << xml.body;
  EXPECT_NE(xml.body.find("<finished>false</finished>"), std::string::npos) << xml.body;
  const auto start = xml.body.find("<id>");
  ASSERT_NE(start, std::string::npos);
  const std::string id = xml.body.substr(start + 4, 36);
  const auto done = finished_bulk(id, person.auth());
  ASSERT_TRUE(done.contains("url")) << done;
  const HttpResponse zip = HttpClient(port()).get(
      bulk_target_of(std::string(done.at("url").as_string())), person.auth());
  TempDir scratch;
  // The file comes as it is: there is no converter.
  EXPECT_EQ(bulk_tree_of(bulk_unpacked(zip.body, scratch.path())),
            (std::map<std::string, std::string>{{"x.txt", "xml"}}));
}

TEST_F(BulkDownloadTest, TerminateEndsRunningDownloadsAndRemovesTheirSpool) {
  const Person person = add_person();
  const std::int64_t big = upload_id(std::to_string(my_folder(person.auth())), "big.bin",
                                     std::string(48u << 20, 'b'), person.auth());
  // Three in a row: the worker makes one at a time, so the last is still waiting or running when
  // terminate comes.
  std::vector<std::string> ids;
  for (int i = 0; i < 3; ++i)
    ids.push_back(started_bulk({{"fileIds", {big}}}, person.auth()));
  const auto terminated =
      response_of(files_call("PUT", "fileops/terminate", nullptr, person.auth()), 200);
  ASSERT_TRUE(terminated.is_array());
  const auto last = finished_bulk(ids.back(), person.auth());
  EXPECT_EQ(last.at("error"), "The operation was terminated") << last;
  EXPECT_TRUE(last.at("url").is_null());
  for (const std::string& id : ids) {
    const auto o = finished_bulk(id, person.auth());
    if (!o.at("error").is_null()) {
      // Terminated between the archive's rename and its "finished" record: the worker removes it
      // right after (bulk_download_worker.cc), so its absence is awaited, not sampled.
      EXPECT_TRUE(eventually([&] { return !fs::exists(bulk_dir() / (id + ".zip")); })) << id;
    }
  }
  // The spool of the one that was running is removed.
  EXPECT_TRUE(eventually([&] {
    std::size_t n = 0;
    for (const auto& e : fs::recursive_directory_iterator(bulk_dir() / "tmp"))
      n += e.is_regular_file() ? 1 : 0;
    return n == 0;
  }));
}

// A restart ends what was running with an error saying so, and removes archives whose operation
// was pruned.
TEST(BulkDownloadRestartTest, ARestartEndsInterruptedDownloadsAndSweepsPrunedArchives) {
  TempDir data;
  std::string small_id, big_id;
  fs::path small_zip;
  {
    TestServer first({}, data.path());
    const Headers auth = HttpClient::auth(sign_in(first.port(), kAdminEmail, kAdminPassword));
    auto upload = [&](const std::string& title, const std::string& bytes) {
      const HttpResponse res =
          files_request(first.port(), "POST", "@my/upload", bytes, raw_upload_headers(auth, title));
      EXPECT_EQ(res.status, 201) << res.body;
      return res.json().at("response").at("id").as_int64();
    };
    auto start = [&](std::int64_t file) {
      const HttpResponse res =
          HttpClient(first.port())
              .put_json(files_path("fileops/bulkdownload"), {{"fileIds", {file}}}, auth);
      EXPECT_EQ(res.status, 200) << res.body;
      return std::string(res.json().at("response").at(0).at("id").as_string());
    };
    small_id = start(upload("small.txt", "small"));
    small_zip = fs::path(data.path()) / "blobs" / "bulk-downloads" / (small_id + ".zip");
    ASSERT_TRUE(eventually([&] { return fs::exists(small_zip); }, std::chrono::seconds(30)));
    const std::int64_t big = upload("big.bin", std::string(96u << 20, 'x'));
    big_id = start(big);
    first.kill_hard();
  }
  {
    // As if the small one's operation had been pruned: finished long ago.
    auto db = connect_store(test_store_url(data.path()));
    db->prepare("UPDATE file_operations SET finished_at = 0 WHERE id = '" + small_id + "'").run();
  }
  TestServer second({}, data.path());
  const Headers auth = HttpClient::auth(sign_in(second.port(), kAdminEmail, kAdminPassword));
  EXPECT_TRUE(eventually([&] { return !fs::exists(small_zip); }));
  const auto list = HttpClient(second.port()).get(files_path("fileops"), auth).json();
  bool seen = false;
  for (const auto& o : list.at("response").as_array()) {
    if (o.at("id") != big_id.c_str()) continue;
    seen = true;
    EXPECT_EQ(o.at("finished"), true);
    EXPECT_EQ(o.at("error"),
              "The server restarted while the archive was being made; start the download again")
        << o;
  }
  EXPECT_TRUE(seen) << list;
  std::size_t spooled = 0;
  for (const auto& e :
       fs::recursive_directory_iterator(fs::path(data.path()) / "blobs" / "bulk-downloads" / "tmp"))
    spooled += e.is_regular_file() ? 1 : 0;
  EXPECT_EQ(spooled, 0u);
  EXPECT_EQ(second.stop(), 0) << second.output();
}

// 1 GiB: in Release builds, or anywhere with PROJECTD_TEST_LARGE=1 (minutes under the
// sanitizers). The file is made on disk and uploaded and downloaded by curl, so neither side holds
// it in memory; the server's peak RSS may grow by at most 64 MiB while it zips and sends it.
TEST(BulkDownloadLargeTest, A1GiBSelectionKeepsMemoryFlatAndUnzipsToTheSameBytes) {
#ifndef NDEBUG
  if (std::getenv("PROJECTD_TEST_LARGE") == nullptr)
    GTEST_SKIP() << "1 GiB: Release builds, or PROJECTD_TEST_LARGE=1";
#endif
  TempDir scratch;
  const fs::path source = fs::path(scratch.path()) / "big.bin";
  ASSERT_EQ(bulk_shell("head -c 1073741824 /dev/urandom > '" + source.string() + "'"), 0);
  OwnServer server({"--max-upload-mb", "2048"});
  const std::string base = "http://127.0.0.1:" + std::to_string(server.port());
  const std::string token = server.admin().at(0).second;
  const std::string curl = "curl -sf -H 'Authorization: " + token + "' ";
  ASSERT_EQ(
      bulk_shell(curl +
                 "-H 'Content-Type: application/octet-stream' -H "
                 "'Content-Disposition: attachment; filename=\"big.bin\"' "
                 "-X POST -T '" +  // -T streams the file; --data-binary would load it
                 source.string() +
                 "' " + base + "/api/2.0/files/@my/upload -o '" + scratch.path() + "/upload.json'"),
      0);
  std::ifstream upload_answer(fs::path(scratch.path()) / "upload.json");
  std::ostringstream upload_json;
  upload_json << upload_answer.rdbuf();
  const std::int64_t file =
      boost::json::parse(upload_json.str()).at("response").at("id").as_int64();

  const long before = ProcessMemory::of(server.pid()).peak_kib;
  const HttpResponse started =
      HttpClient(server.port())
          .put_json(files_path("fileops/bulkdownload"), {{"fileIds", {file}}}, server.admin());
  ASSERT_EQ(started.status, 200) << started.body;
  const std::string id(started.json().at("response").at(0).at("id").as_string());
  std::string url;
  ASSERT_TRUE(eventually(
      [&] {
        const auto list =
            HttpClient(server.port()).get(files_path("fileops"), server.admin()).json();
        for (const auto& o : list.at("response").as_array())
          if (o.at("id") == id.c_str() && o.at("finished") == true && o.at("url").is_string()) {
            url = std::string(o.at("url").as_string());
            return true;
          }
        return false;
      },
      std::chrono::minutes(10)));
  const fs::path zip = fs::path(scratch.path()) / "download.zip";
  ASSERT_EQ(bulk_shell(curl + "'" + base + bulk_target_of(url) + "' -o '" + zip.string() + "'"), 0);
  const long after = ProcessMemory::of(server.pid()).peak_kib;
  EXPECT_LT(after - before, 64 * 1024)
      << "peak RSS grew from " << before << " to " << after << " KiB";
  EXPECT_EQ(bulk_shell("unzip -tqq '" + zip.string() + "' >/dev/null"), 0);
  EXPECT_EQ(
      bulk_shell("unzip -p '" + zip.string() + "' big.bin | cmp -s - '" + source.string() + "'"),
      0);
}

}  // namespace
}  // namespace projectd::test
