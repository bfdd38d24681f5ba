// File names are the client's, the file system's paths are not (issue 7; OWASP File Upload): a
// content is stored under its SHA-256 and a name only in the database. Names with `../`, slashes,
// backslashes, NUL, control characters, CR LF and Windows' reserved names arrive every way a name
// can (a multipart part's filename, a raw body's Content-Disposition, a new text file's title, a
// rename); each answer is a 201 with a title the file system could never take for a path, or a
// 400, and afterwards the data directory holds the database and contents named by their hash and
// nothing else, and nothing appeared beside it.
#include "files_test_support.h"

#include <unistd.h>

#include <regex>
#include <set>

namespace projectd::test {
namespace {

namespace fs = std::filesystem;

// Unique per run, so a file that escaped the data directory cannot be an older run's.
const std::string kMarker = "escaped-" + std::to_string(::getpid());

std::vector<std::string> hostile_names() {
  return {
      "../../" + kMarker + "-1.txt",
      "..\\..\\" + kMarker + "-2.txt",
      "/tmp/" + kMarker + "-3.txt",
      "a/../../../" + kMarker + "-4.txt",
      "..",
      ".",
      kMarker + "\x01\x1f\x7f-5.txt",
      kMarker + std::string("\0-6.txt", 7),
      kMarker + "\r\nX-Injected: yes\r\n-7.txt",
      "CON",
      "NUL.txt",
      "aux",
      "LPT1.doc",
  };
}

// What a data directory may hold: SQLite's files and contents named by their SHA-256, with the
// spool directory of each node (blob_store.h), empty once uploads are done.
bool is_expected_path(const fs::directory_entry& entry, const std::string& relative) {
  static const std::regex allowed(
      "projectd\\.db(-wal|-shm|-journal|-generation)?|blobs|blobs/tmp|blobs/upload-sessions|blobs/"
      "[0-9a-f]{2}|"
      "blobs/[0-9a-f]{2}/[0-9a-f]{64}|blobs/bulk-downloads|blobs/bulk-downloads/tmp");
  static const std::regex node_spool("blobs/tmp/[^/]+|blobs/bulk-downloads/tmp/[^/]+");
  return std::regex_match(relative, allowed) ||
         (entry.is_directory() && std::regex_match(relative, node_spool));
}

bool names_a_path_or_controls(const std::string& title) {
  for (unsigned char c : title)
    if (c == '/' || c == '\\' || c < 0x20 || c == 0x7f) return true;
  return title == "." || title == "..";
}

class HostileFileNamesTest : public FilesSuite {
 protected:
  // A 201 answer must carry a harmless title and download with a header that says just that; any
  // other answer must be a 400 envelope. Returns the new file's id, or 0.
  static std::int64_t check_answer(const HttpResponse& res, const std::string& how,
                                   const std::string& name) {
    SCOPED_TRACE(how + " " + boost::json::serialize(boost::json::value(name)));
    if (res.status != 201 && res.status != 200) {
      EXPECT_EQ(res.status, 400) << res.body;
      return 0;
    }
    const auto file = res.json().at("response");
    const std::string title(file.at("title").as_string());
    EXPECT_FALSE(names_a_path_or_controls(title)) << title;
    const std::int64_t id = file.at("id").as_int64();
    const auto got = download(id, admin());
    EXPECT_EQ(got.status, 200);
    EXPECT_EQ(got.header("x-injected"), "");
    const std::string disposition = got.header("content-disposition");
    EXPECT_FALSE(names_a_path_or_controls(disposition.substr(0, disposition.find("filename*"))))
        << disposition;
    return id;
  }
};

TEST_F(HostileFileNamesTest, NeverBecomePathsWhicheverWayTheyArrive) {
  const std::string folder = std::to_string(project_folder(make_project({}, "Hostile names")));
  std::size_t made = 0;
  for (const std::string& name : hostile_names()) {
    const std::string bytes = "content of " + name;
    made +=
        check_answer(upload(folder, {Part{"file", name, bytes}}, admin()), "multipart", name) != 0;
    made += check_answer(post_raw(folder + "/upload", bytes, raw_upload_headers(admin(), name)),
                         "raw", name) != 0;
    made += check_answer(files_call("POST", folder + "/text",
                                    {{"title", name}, {"content", "text"}}, admin()),
                         "text", name) != 0;
    const std::int64_t plain = create_text_id(folder, "plain.txt", "plain", admin());
    const auto renamed =
        files_call("PUT", "file/" + std::to_string(plain), {{"title", name}}, admin());
    check_answer(renamed, "rename", name);
  }
  EXPECT_GT(made, hostile_names().size());  // most names are taken, sanitised, not refused

  EXPECT_TRUE(eventually([&] { return spooled_files(data_dir()) == 0; }));
  std::set<std::string> unexpected;
  std::size_t contents_seen = 0;
  static const std::regex content("blobs/[0-9a-f]{2}/[0-9a-f]{64}");
  for (const auto& entry : fs::recursive_directory_iterator(data_dir())) {
    const std::string relative = fs::relative(entry.path(), data_dir()).generic_string();
    contents_seen += std::regex_match(relative, content);
    if (!is_expected_path(entry, relative)) unexpected.insert(relative);
  }
  EXPECT_TRUE(unexpected.empty()) << *unexpected.begin();
  // The walk saw the contents where the blob store really keeps them.
  EXPECT_GT(contents_seen, 0u);
  EXPECT_EQ(contents_seen, stored_contents(data_dir()));
  // "../.." from anywhere inside the data directory reaches at most its grandparents.
  for (fs::path dir = fs::path(data_dir()); dir.has_relative_path(); dir = dir.parent_path()) {
    for (const auto& entry : fs::directory_iterator(dir)) {
      EXPECT_EQ(entry.path().filename().string().find(kMarker), std::string::npos) << entry.path();
    }
  }
}

}  // namespace
}  // namespace projectd::test
