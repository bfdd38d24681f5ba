// The trash (domain/files/trash.h; docs/wire-compatibility.md, "Trash"): deletes move into the
// deleter's trash, `files/@trash` lists it for its owner only, deleting what is in it or
// `immediately` deletes for good, restore is a move out (attachments come back where still
// allowed), `fileops/emptytrash` frees only the contents nothing else uses, every other listing
// leaves trashed entries out, and the auto clean-up deletes what a trash held past its gap.
#include "files_test_support.h"
#include "store_sql.h"

#include <gmock/gmock.h>

#include <algorithm>
#include <chrono>
#include <thread>

namespace projectd::test {
namespace {

using ::testing::HasSubstr;

class TrashTest : public FilesSuite {
 protected:
  static HttpResponse delete_file(std::int64_t id, const Headers& auth,
                                  const std::string& query = "") {
    return files_call("DELETE", "file/" + std::to_string(id) + query, nullptr, auth);
  }
  static HttpResponse delete_folder(std::int64_t id, const Headers& auth,
                                    const std::string& query = "") {
    return files_call("DELETE", "folder/" + std::to_string(id) + query, nullptr, auth);
  }
  static std::vector<std::int64_t> ids_of(const boost::json::value& content, const char* key) {
    std::vector<std::int64_t> ids;
    for (const auto& entry : content.at(key).as_array())
      ids.push_back(entry.at("id").as_int64());
    return ids;
  }
  static std::vector<std::int64_t> trash_files(const Headers& auth) {
    return ids_of(folder_content("@trash", auth), "files");
  }
  static std::vector<std::int64_t> trash_folders(const Headers& auth) {
    return ids_of(folder_content("@trash", auth), "folders");
  }
  static std::int64_t trash_id(const Headers& auth) {
    return folder_content("@trash", auth).at("current").at("id").as_int64();
  }
  static HttpResponse move_to(const std::string& dest, const boost::json::array& files,
                              const boost::json::array& folders, const Headers& auth) {
    return files_call("PUT", "fileops/move",
                      {{"destFolderId", dest}, {"fileIds", files}, {"folderIds", folders}}, auth);
  }
  static std::vector<std::string> column(const std::string& sql) {
    auto db = connect_store(server_->store_url());
    return first_column(*db, sql);
  }
  static std::string task_files_path(std::int64_t task) {
    return "task/" + std::to_string(task) + "/files";
  }
  // The reasons of the task's attachment history, oldest first.
  static std::vector<std::string> history_reasons(std::int64_t task) {
    std::vector<std::string> out;
    const auto history = get_ok("/api/2.0/project/" + task_files_path(task) + "/history", admin());
    for (const auto& entry : history.as_array())
      out.push_back(std::string(entry.at("action").as_string()) + ":" +
                    (entry.at("reason").is_null() ? std::string("null")
                                                  : std::string(entry.at("reason").as_string())));
    return out;
  }
};

bool has(const std::vector<std::int64_t>& ids, std::int64_t id) {
  return std::find(ids.begin(), ids.end(), id) != ids.end();
}

TEST_F(TrashTest, DeleteMovesIntoTheDeletersTrashWhichOnlyTheyCanSee) {
  const Person person = add_person();
  const std::int64_t my = my_folder(person.auth());
  const std::int64_t file = upload_id("@my", "draft.txt", "draft bytes", person.auth());
  const std::int64_t folder = new_folder("@my", "Old", person.auth());
  const std::int64_t inner = upload_id(std::to_string(folder), "inner.txt", "inner", person.auth());

  const auto deleted = response_of(delete_file(file, person.auth()), 200);
  EXPECT_EQ(deleted.at(0).at("operation"), 2);
  EXPECT_EQ(deleted.at(0).at("finished"), true);
  EXPECT_EQ(response_of(delete_folder(folder, person.auth()), 200).at(0).at("operation"), 2);

  // Gone from @my (and its counts), listed by @trash with the trash's own id and type.
  const auto mine = folder_content("@my", person.auth());
  EXPECT_EQ(mine.at("total"), 0);
  EXPECT_EQ(mine.at("current").at("filesCount"), 0);
  EXPECT_EQ(mine.at("current").at("foldersCount"), 0);
  const auto listing = folder_content("@trash", person.auth());
  const std::int64_t trash = listing.at("current").at("id").as_int64();
  EXPECT_GT(trash, 0);
  EXPECT_EQ(listing.at("current").at("rootFolderType"), 3);
  EXPECT_EQ(listing.at("current").at("access"), 0);
  EXPECT_EQ(listing.at("pathParts"), boost::json::array({trash}));
  EXPECT_EQ(ids_of(listing, "files"), std::vector<std::int64_t>{file});
  EXPECT_EQ(ids_of(listing, "folders"), std::vector<std::int64_t>{folder});
  EXPECT_EQ(listing.at("files").at(0).at("rootFolderType"), 3);
  EXPECT_EQ(listing.at("files").at(0).at("folderId"), trash);
  EXPECT_EQ(listing.at("total"), 2);
  // @root shows the trash's id last, as the original.
  const auto roots = get_ok(files_path("@root"), person.auth());
  EXPECT_EQ(roots.as_array().back().at("current").at("id"), trash);
  // folder/{id} and its path work inside the trash; its files stay readable by the owner.
  EXPECT_EQ(get_ok(files_path("folder/" + std::to_string(folder)), person.auth()).at("parentId"),
            trash);
  const auto path = get_ok(files_path("folder/" + std::to_string(folder) + "/path"), person.auth());
  ASSERT_EQ(path.as_array().size(), 2u);
  EXPECT_EQ(path.at(0).at("id"), trash);
  EXPECT_EQ(downloaded(inner, person.auth()), "inner");
  EXPECT_EQ(downloaded(file, person.auth()), "draft bytes");

  // Stored: when and from where, on the entries moved only.
  EXPECT_EQ(column("SELECT trashed_from FROM files WHERE id = " + std::to_string(file)),
            std::vector<std::string>{std::to_string(my)});
  EXPECT_EQ(column("SELECT trashed_from FROM folders WHERE id = " + std::to_string(folder)),
            std::vector<std::string>{std::to_string(my)});
  EXPECT_EQ(column("SELECT count(*) FROM files WHERE trashed_at IS NOT NULL AND id = " +
                   std::to_string(inner)),
            std::vector<std::string>{"0"});

  // Hidden from everyone else, the admin included: 404 for the trash, its entries, downloads.
  const Person other = add_person();
  for (const Headers& auth : {other.auth(), admin()}) {
    EXPECT_EQ(file_status(file, auth), 404);
    EXPECT_EQ(download(file, auth).status, 404);
    EXPECT_EQ(files_call("GET", "folder/" + std::to_string(folder), nullptr, auth).status, 404);
    EXPECT_EQ(files_call("GET", std::to_string(trash), nullptr, auth).status, 404);
    EXPECT_EQ(delete_file(file, auth).status, 404);
    EXPECT_EQ(move_to("@my", {file}, {}, auth).status, 404);
    // Their own trash is another, empty one.
    EXPECT_NE(trash_id(auth), trash);
    EXPECT_TRUE(trash_files(auth).empty());
  }
  EXPECT_EQ(files_call("GET", "@trash", nullptr, {}).status, 401);

  const auto xml = HttpClient(port()).get(files_path("@trash.xml"), person.auth());
  EXPECT_EQ(xml.status, 200);
  EXPECT_NE(xml.body.find("<rootFolderType>3</rootFolderType>"), std::string::npos) << xml.body;
  EXPECT_NE(xml.body.find("<title>draft.txt</title>"), std::string::npos) << xml.body;
}

TEST_F(TrashTest, TheDeleterGetsAProjectFileInTheirOwnTrash) {
  const Person member = add_person();
  const std::int64_t project = make_project({member.id});
  const std::int64_t folder = project_folder(project);
  const std::int64_t file = upload_id(std::to_string(folder), "plan.txt", "plan", admin());
  ASSERT_EQ(delete_file(file, member.auth()).status, 200);
  EXPECT_EQ(trash_files(member.auth()), std::vector<std::int64_t>{file});
  EXPECT_FALSE(has(trash_files(admin()), file));
  // Out of the project's documents, for everyone; the admin who uploaded it cannot see it.
  EXPECT_FALSE(has(ids_of(folder_content(std::to_string(folder), admin()), "files"), file));
  EXPECT_EQ(file_status(file, admin()), 404);
}

TEST_F(TrashTest, DeletingFromTheTrashOrImmediatelyDeletesForGood) {
  const Person person = add_person();
  const std::int64_t twice = upload_id("@my", "twice.txt", "twice", person.auth());
  const std::int64_t now = upload_id("@my", "now.txt", "now", person.auth());
  const std::int64_t batch = upload_id("@my", "batch.txt", "batch", person.auth());
  const std::int64_t folder = new_folder("@my", "Now", person.auth());

  ASSERT_EQ(delete_file(twice, person.auth()).status, 200);
  ASSERT_EQ(file_status(twice, person.auth()), 200);
  ASSERT_EQ(delete_file(twice, person.auth()).status, 200);
  EXPECT_EQ(file_status(twice, person.auth()), 404);

  // `deleteAfter` is accepted; `immediately` skips the trash, in any list form the binder takes.
  EXPECT_EQ(delete_file(now, person.auth(), "?immediately=true&deleteAfter=true").status, 200);
  EXPECT_EQ(delete_folder(folder, person.auth(), "?Immediately=True").status, 200);
  EXPECT_EQ(files_call("PUT", "fileops/delete", {{"fileIds", {batch}}, {"immediately", true}},
                       person.auth())
                .status,
            200);
  for (std::int64_t id : {now, batch})
    EXPECT_EQ(file_status(id, person.auth()), 404);
  EXPECT_EQ(files_call("GET", "folder/" + std::to_string(folder), nullptr, person.auth()).status,
            404);
  EXPECT_TRUE(trash_files(person.auth()).empty());
  EXPECT_TRUE(trash_folders(person.auth()).empty());

  // Bad input changes nothing.
  const std::int64_t kept = upload_id("@my", "kept.txt", "kept", person.auth());
  const auto bad = delete_file(kept, person.auth(), "?immediately=perhaps");
  EXPECT_EQ(bad.status, 400);
  EXPECT_NE(error_message(bad).find("immediately"), std::string::npos) << bad.body;
  EXPECT_EQ(files_call("PUT", "fileops/delete", {{"fileIds", {kept}}, {"immediately", "perhaps"}},
                       person.auth())
                .status,
            400);
  EXPECT_EQ(file_status(kept, person.auth()), 200);
  EXPECT_TRUE(trash_files(person.auth()).empty());
}

TEST_F(TrashTest, NothingIsStoredOrMovedIntoTheTrashButByADelete) {
  const Person person = add_person();
  const std::int64_t file = upload_id("@my", "a.txt", "a", person.auth());
  const std::int64_t trash = trash_id(person.auth());
  EXPECT_EQ(move_to("@trash", {file}, {}, person.auth()).status, 403);
  EXPECT_EQ(move_to(std::to_string(trash), {file}, {}, person.auth()).status, 403);
  EXPECT_EQ(files_call("PUT", "fileops/copy", {{"destFolderId", "@trash"}, {"fileIds", {file}}},
                       person.auth())
                .status,
            403);
  EXPECT_EQ(upload("@trash", {{"file", "x.txt", "x"}}, person.auth()).status, 403);
  EXPECT_EQ(files_call("POST", "folder/@trash", {{"title", "T"}}, person.auth()).status, 403);
  // The trash itself is a root: it cannot be deleted, renamed or moved.
  EXPECT_EQ(delete_folder(trash, person.auth()).status, 403);
  EXPECT_EQ(
      files_call("PUT", "folder/" + std::to_string(trash), {{"title", "x"}}, person.auth()).status,
      403);
  EXPECT_TRUE(trash_files(person.auth()).empty());
  EXPECT_EQ(folder_content("@my", person.auth()).at("total"), 1);

  // A trashed file keeps its name and versions until it is restored.
  ASSERT_EQ(delete_file(file, person.auth()).status, 200);
  const std::string path = "file/" + std::to_string(file);
  const HttpResponse rename = files_call("PUT", path, {{"title", "b.txt"}}, person.auth());
  EXPECT_EQ(rename.status, 403);
  EXPECT_THAT(error_message(rename), HasSubstr("restore it first"));
  EXPECT_EQ(files_call("PUT", path + "/history", {{"version", 1}}, person.auth()).status, 403);
  EXPECT_EQ(file_info(file, person.auth()).at("title"), "a.txt");
  EXPECT_EQ(file_info(file, person.auth()).at("version"), 1);
}

TEST_F(TrashTest, RestoreIsAMoveOutAndReattachesWhereStillAllowed) {
  const Person member = add_person();
  const std::int64_t project = make_project({member.id});
  const std::int64_t folder = project_folder(project);
  const std::int64_t task = create_task_id(project, {{"title", "Keeps"}}, admin());
  const std::int64_t gone_task = create_task_id(project, {{"title", "Goes"}}, admin());
  const std::int64_t file = upload_id(std::to_string(folder), "spec.txt", "spec", admin());
  const std::int64_t sub = new_folder(std::to_string(folder), "Sub", admin());
  const std::int64_t nested = upload_id(std::to_string(sub), "nested.txt", "nested", admin());
  for (std::int64_t t : {task, gone_task})
    ASSERT_EQ(call("POST", task_files_path(t), {{"files", {file, nested}}}, admin()).status, 201);

  // Into the trash: attached to nothing, with audit records saying why.
  ASSERT_EQ(delete_file(file, admin()).status, 200);
  ASSERT_EQ(delete_folder(sub, admin()).status, 200);
  EXPECT_TRUE(attached(task, admin()).empty());
  EXPECT_EQ(history_reasons(task), (std::vector<std::string>{"attach:null", "attach:null",
                                                             "detach:file moved to the trash",
                                                             "detach:file moved to the trash"}));
  EXPECT_EQ(column("SELECT count(*) FROM trashed_attachments"), std::vector<std::string>{"4"});
  // The task's files leave out what is in the trash; it cannot be attached either.
  EXPECT_EQ(call("POST", task_files_path(task), {{"files", {file}}}, admin()).status, 400);

  // Someone else cannot restore it (hidden), nor into a folder they may not change.
  EXPECT_EQ(move_to(std::to_string(folder), {file}, {}, member.auth()).status, 404);
  ASSERT_EQ(call("DELETE", "task/" + std::to_string(gone_task), nullptr, admin()).status, 200);

  // Restored by moving out: re-attached to the task that still exists, with audit records.
  const auto restored = response_of(move_to(std::to_string(folder), {file}, {sub}, admin()), 200);
  EXPECT_EQ(restored.at(0).at("operation"), 0);  // Move
  EXPECT_EQ(attached(task, admin()), (std::vector<std::int64_t>{file, nested}));
  const auto reasons = history_reasons(task);
  ASSERT_EQ(reasons.size(), 6u);
  EXPECT_EQ(reasons[4], "attach:restored from the trash");
  EXPECT_EQ(reasons[5], "attach:restored from the trash");
  EXPECT_TRUE(trash_files(admin()).empty());
  EXPECT_TRUE(trash_folders(admin()).empty());
  EXPECT_EQ(column("SELECT count(*) FROM trashed_attachments"), std::vector<std::string>{"0"});
  EXPECT_EQ(column("SELECT count(*) FROM files WHERE trashed_at IS NOT NULL AND id = " +
                   std::to_string(file)),
            std::vector<std::string>{"0"});
  EXPECT_EQ(file_status(file, member.auth()), 200);
  EXPECT_EQ(downloaded(nested, member.auth()), "nested");

  // Restored into @my instead: nothing to re-attach to (a task attaches only project files).
  ASSERT_EQ(delete_file(file, admin()).status, 200);
  ASSERT_EQ(move_to("@my", {file}, {}, admin()).status, 200);
  EXPECT_EQ(attached(task, admin()), std::vector<std::int64_t>{nested});
}

TEST_F(TrashTest, EmptyTrashFreesOnlyWhatNothingElseUses) {
  OwnServer server({"--blob-grace-seconds", "0"});
  const std::string shared = "content a trashed file and a live file share";
  const std::string own = "content only the trashed file has";
  const std::int64_t live = server.upload_id("live.txt", shared);
  const std::int64_t twin = server.upload_id("twin.txt", shared);
  const std::int64_t alone = server.upload_id("alone.txt", own);
  for (std::int64_t id : {twin, alone})
    ASSERT_EQ(
        files_request(server.port(), "DELETE", "file/" + std::to_string(id), "", server.admin())
            .status,
        200);
  // In the trash the contents are still referenced.
  EXPECT_TRUE(std::filesystem::exists(content_path(server.data_dir(), sha256_hex(own))));

  const auto res = files_request(server.port(), "PUT", "fileops/emptytrash", "", server.admin());
  const auto operations = response_of(res, 200);
  ASSERT_EQ(operations.as_array().size(), 1u);
  EXPECT_EQ(operations.at(0).at("operation"), 2);
  EXPECT_EQ(operations.at(0).at("finished"), true);
  EXPECT_TRUE(operations.at(0).at("error").is_null());
  EXPECT_EQ(operations.at(0).at("processed"), "2");
  EXPECT_EQ(files_request(server.port(), "GET", "file/" + std::to_string(twin), "", server.admin())
                .status,
            404);
  EXPECT_EQ(fetch_file(server.port(), live, server.admin()).body, shared);
  EXPECT_TRUE(std::filesystem::exists(content_path(server.data_dir(), sha256_hex(shared))));
  EXPECT_TRUE(eventually(
      [&] { return !std::filesystem::exists(content_path(server.data_dir(), sha256_hex(own))); }));
  EXPECT_EQ(server.my_total(), 1);
}

TEST_F(TrashTest, EmptyTrashEmptiesTheCallersTrashOnly) {
  const Person person = add_person();
  const Person other = add_person();
  const std::int64_t mine = upload_id("@my", "mine.txt", "m", person.auth());
  const std::int64_t folder = new_folder("@my", "F", person.auth());
  const std::int64_t theirs = upload_id("@my", "theirs.txt", "t", other.auth());
  ASSERT_EQ(delete_file(mine, person.auth()).status, 200);
  ASSERT_EQ(delete_folder(folder, person.auth()).status, 200);
  ASSERT_EQ(delete_file(theirs, other.auth()).status, 200);

  const auto xml =
      HttpClient(port()).request("PUT", files_path("fileops/emptytrash.xml"), "", person.auth());
  EXPECT_EQ(xml.status, 200);
  EXPECT_NE(xml.body.find("<operation>2</operation>"), std::string::npos) << xml.body;
  EXPECT_TRUE(trash_files(person.auth()).empty());
  EXPECT_TRUE(trash_folders(person.auth()).empty());
  EXPECT_EQ(file_status(mine, person.auth()), 404);
  EXPECT_EQ(trash_files(other.auth()), std::vector<std::int64_t>{theirs});
  // Listed by fileops like every delete; an empty trash empties to nothing.
  const auto again =
      response_of(files_call("PUT", "fileops/emptytrash", nullptr, person.auth()), 200);
  EXPECT_EQ(again.at(0).at("processed"), "0");
  EXPECT_EQ(files_call("PUT", "fileops/emptytrash", nullptr, {}).status, 401);
  // A guest changes nothing in Documents.
  EXPECT_EQ(files_call("PUT", "fileops/emptytrash", nullptr, add_person(true).auth()).status, 403);
}

TEST_F(TrashTest, ListingsSearchMarksAndCountsLeaveTrashedEntriesOut) {
  const Person person = add_person();
  const std::int64_t folder = new_folder("@my", "Box", person.auth());
  const std::int64_t file =
      upload_id(std::to_string(folder), "zanzibar-report.txt", "z", person.auth());
  const std::int64_t sub = new_folder("@my", "zanzibar-folder", person.auth());
  ASSERT_EQ(
      files_call("POST", "favorites", {{"fileIds", {file}}, {"folderIds", {sub}}}, person.auth())
          .status,
      201);
  ASSERT_EQ(ids_of(folder_content("@favorites", person.auth()), "files"),
            std::vector<std::int64_t>{file});
  ASSERT_TRUE(has(ids_of(folder_content("@recent", person.auth()), "files"), file));
  ASSERT_NE(files_call("GET", "@search/zanzibar", nullptr, person.auth()).body.find("zanzibar"),
            std::string::npos);

  ASSERT_EQ(delete_file(file, person.auth()).status, 200);
  ASSERT_EQ(delete_folder(sub, person.auth()).status, 200);
  const auto favorites = folder_content("@favorites", person.auth());
  EXPECT_TRUE(favorites.at("files").as_array().empty());
  EXPECT_TRUE(favorites.at("folders").as_array().empty());
  EXPECT_FALSE(has(ids_of(folder_content("@recent", person.auth()), "files"), file));
  const auto found = files_call("GET", "@search/zanzibar", nullptr, person.auth());
  EXPECT_EQ(found.status, 200);
  EXPECT_EQ(found.body.find("zanzibar"), std::string::npos) << found.body;
  // The folder it was in counts nothing now.
  const auto mine = folder_content("@my", person.auth());
  ASSERT_EQ(mine.at("folders").as_array().size(), 1u);
  EXPECT_EQ(mine.at("folders").at(0).at("filesCount"), 0);
  EXPECT_EQ(folder_content(std::to_string(folder), person.auth()).at("total"), 0);
}

// One run of a server on `dir` with `flags`, signed in as the admin.
struct TrashRun {
  TestServer server;
  Headers admin;
  TrashRun(const std::string& dir, std::vector<std::string> flags)
      : server(std::move(flags), dir),
        admin(HttpClient::auth(sign_in(server.port(), kAdminEmail, kAdminPassword))) {}
  HttpResponse call(const std::string& method, const std::string& path,
                    const boost::json::value& body) const {
    return json_request(server.port(), method, files_path(path), body, admin);
  }
  std::int64_t upload_id(const std::string& title, const std::string& bytes) const {
    const auto res =
        files_request(server.port(), "POST", "@my/upload", bytes, raw_upload_headers(admin, title));
    EXPECT_EQ(res.status, 201) << res.body;
    return res.status == 201 ? response_of(res, 201).at("id").as_int64() : 0;
  }
  int status_of(std::int64_t file) const {
    return call("GET", "file/" + std::to_string(file), nullptr).status;
  }
  ~TrashRun() {
    EXPECT_EQ(server.stop(), 0) << server.output();
    EXPECT_EQ(server.output().find("Sanitizer"), std::string::npos) << server.output();
  }
};

// Moves the trash marks of these entries `days` into the past, behind the stopped server's back.
void backdate_trashed(const std::string& store_url, const std::string& table, std::int64_t id,
                      int days) {
  auto db = connect_store(store_url);
  const std::int64_t ticks = static_cast<std::int64_t>(days) * 86400 * 10'000'000;
  db->prepare("UPDATE " + table + " SET trashed_at = trashed_at - ?1 WHERE id = ?2")
      .bind_all(ticks, id)
      .run();
}

TEST(TrashCleanUpTest, TheAutoCleanUpDeletesWhatATrashHeldPastItsGap) {
  TempDir dir;
  const std::string own = "bytes of a file the clean-up frees";
  std::int64_t old_file = 0, fresh_file = 0, old_folder = 0, unswept = 0;
  std::string store_url;
  {
    TrashRun run(dir.path(), {});
    ASSERT_EQ(run.call("PUT", "settings/autocleanup", {{"set", true}, {"gap", "OneWeek"}}).status,
              200);
    old_file = run.upload_id("old.txt", own);
    fresh_file = run.upload_id("fresh.txt", "fresh");
    old_folder =
        response_of(run.call("POST", "folder/@my", {{"title", "Old"}}), 201).at("id").as_int64();
    ASSERT_EQ(run.call("POST", std::to_string(old_folder) + "/text",
                       {{"title", "inside"}, {"content", "in"}})
                  .status,
              201);
    for (std::int64_t id : {old_file, fresh_file})
      ASSERT_EQ(run.call("DELETE", "file/" + std::to_string(id), nullptr).status, 200);
    ASSERT_EQ(run.call("DELETE", "folder/" + std::to_string(old_folder), nullptr).status, 200);
    store_url = run.server.store_url();
  }
  backdate_trashed(store_url, "files", old_file, 8);
  backdate_trashed(store_url, "folders", old_folder, 8);
  backdate_trashed(store_url, "files", fresh_file, 6);
  {
    TrashRun run(dir.path(), {"--trash-sweep-seconds", "1", "--blob-grace-seconds", "0"});
    EXPECT_TRUE(eventually([&] { return run.status_of(old_file) == 404; }));
    EXPECT_EQ(run.call("GET", "folder/" + std::to_string(old_folder), nullptr).status, 404);
    EXPECT_EQ(run.status_of(fresh_file), 200);
    const auto trash = response_of(run.call("GET", "@trash", nullptr), 200);
    EXPECT_EQ(trash.at("total"), 1);
    EXPECT_TRUE(eventually([&] {
      return !std::filesystem::exists(content_path(run.server.data_dir(), sha256_hex(own)));
    }));
    // Turned off, nothing goes however old.
    ASSERT_EQ(run.call("PUT", "settings/autocleanup", {{"set", false}}).status, 200);
    unswept = run.upload_id("unswept.txt", "u");
    ASSERT_EQ(run.call("DELETE", "file/" + std::to_string(unswept), nullptr).status, 200);
  }
  backdate_trashed(store_url, "files", unswept, 400);
  {
    TrashRun run(dir.path(), {"--trash-sweep-seconds", "1"});
    std::this_thread::sleep_for(std::chrono::milliseconds(2500));
    EXPECT_EQ(run.status_of(unswept), 200);
    EXPECT_EQ(run.status_of(fresh_file), 200);
  }
}

TEST(TrashCleanUpTest, TheSweepIntervalIsChecked) {
  const ProcessResult result =
      run_projectd({"serve", "--listen", "nonsense", "--trash-sweep-seconds", "0"});
  EXPECT_NE(result.exit_code, 0);
  EXPECT_NE(result.output.find("--trash-sweep-seconds"), std::string::npos) << result.output;
}

}  // namespace
}  // namespace projectd::test
