// Sharing of Documents (docs/wire-compatibility.md, "Sharing"): GET/PUT
// files/file|folder/{id}/share, DELETE files/share and PUT files/{id}/sharedlink, and what a share
// grants on every files route (download included): Read and its kin read, ReadWrite changes,
// Restrict denies (even in
// @common), a folder's share covers its subtree, the nearest share wins, a person's over a group's.
// A shared link downloads without signing in while its access reads, and opens nothing else.
#include "files_test_support.h"
#include "store_sql.h"

#include <gmock/gmock.h>

#include <algorithm>

namespace projectd::test {
namespace {

using ::testing::HasSubstr;

constexpr const char* kEveryone = "c5cc67d1-c3e8-43c0-a3ad-3928ae3e5b5e";
constexpr const char* kLinkId = "11111111-1111-1111-1111-111111111111";

class FileSharingTest : public FilesSuite {
 protected:
  static boost::json::object share_body(const std::string& share_to, boost::json::value access) {
    boost::json::object change{{"shareTo", share_to}, {"access", std::move(access)}};
    return boost::json::object{{"share", boost::json::array{change}}, {"notify", false}};
  }
  // PUT <entry>/share with one change: the answer.
  static HttpResponse share(const std::string& entry, const std::string& share_to,
                            boost::json::value access, const Headers& auth) {
    return files_call("PUT", entry + "/share", share_body(share_to, std::move(access)), auth);
  }
  static std::string file_entry(std::int64_t id) { return "file/" + std::to_string(id); }
  static std::string folder_entry(std::int64_t id) { return "folder/" + std::to_string(id); }
  // The FileShareWrapper of `subject` in a sharing answer (an empty object when absent).
  static boost::json::object line_of(const boost::json::value& list, const std::string& subject) {
    for (const auto& line : list.as_array())
      if (line.at("sharedTo").at("id") == subject.c_str()) return line.as_object();
    return {};
  }
  static std::vector<std::string> stored(const std::string& sql) {
    return first_column(*connect_store(server_->store_url()), sql);
  }
  static std::int64_t make_folder(const std::string& parent, const std::string& title,
                                  const Headers& auth) {
    return response_of(files_call("POST", "folder/" + parent, {{"title", title}}, auth), 201)
        .at("id")
        .as_int64();
  }
  static int status_of(const std::string& method, const std::string& path, const Headers& auth,
                       const boost::json::value& body = nullptr) {
    return files_call(method, path, body, auth).status;
  }
};

TEST_F(FileSharingTest, ReadShareLetsThePersonReadAndNothingMore) {
  const Person owner = add_person();
  const Person reader = add_person();
  const Person stranger = add_person();
  const std::int64_t file = upload_id("@my", "plan.txt", "the plan", owner.auth());
  EXPECT_EQ(file_status(file, reader.auth()), 404);

  const auto answer = response_of(share(file_entry(file), reader.id, "Read", owner.auth()), 200);
  const auto reader_line = line_of(answer, reader.id);
  ASSERT_FALSE(reader_line.empty()) << answer;
  EXPECT_EQ(reader_line.at("access"), 2);
  EXPECT_EQ(reader_line.at("isLocked"), false);
  EXPECT_EQ(reader_line.at("isOwner"), false);
  EXPECT_EQ(reader_line.at("sharedTo").at("displayName").is_string(), true);
  const auto owner_line = line_of(answer, owner.id);
  EXPECT_EQ(owner_line.at("access"), 1);
  EXPECT_EQ(owner_line.at("isOwner"), true);
  EXPECT_EQ(owner_line.at("isLocked"), true);
  EXPECT_EQ(answer.as_array().front().as_object().begin()->key(), "access");
  EXPECT_EQ(stored("SELECT access FROM file_shares WHERE file_id = " + std::to_string(file)),
            std::vector<std::string>{"2"});

  const auto seen = file_info(file, reader.auth());
  EXPECT_EQ(seen.at("access"), 2);
  EXPECT_EQ(seen.at("shared"), true);
  EXPECT_EQ(file_info(file, owner.auth()).at("shared"), true);
  EXPECT_EQ(downloaded(file, reader.auth()), "the plan");
  EXPECT_EQ(status_of("GET", file_entry(file) + "/history", reader.auth()), 200);
  EXPECT_EQ(status_of("PUT", file_entry(file), reader.auth(), {{"title", "mine"}}), 403);
  EXPECT_EQ(status_of("DELETE", file_entry(file), reader.auth()), 403);
  EXPECT_EQ(status_of("GET", file_entry(file) + "/share", reader.auth()), 403);
  EXPECT_EQ(
      status_of("PUT", file_entry(file) + "/share", reader.auth(), share_body(stranger.id, "Read")),
      403);
  // The others still see nothing, and @share lists the file for the reader only.
  EXPECT_EQ(file_status(file, stranger.auth()), 404);
  EXPECT_EQ(download(file, stranger.auth()).status, 404);
  const auto shared = folder_content("@share", reader.auth());
  EXPECT_EQ(shared.at("total"), 1);
  EXPECT_EQ(shared.at("files").at(0).at("id"), file);
  EXPECT_EQ(shared.at("files").at(0).at("access"), 2);
  EXPECT_EQ(folder_content("@share", stranger.auth()).at("total"), 0);

  // None removes the share.
  response_of(share(file_entry(file), reader.id, 0, owner.auth()), 200);
  EXPECT_EQ(file_status(file, reader.auth()), 404);
  EXPECT_TRUE(
      stored("SELECT access FROM file_shares WHERE file_id = " + std::to_string(file)).empty());
}

TEST_F(FileSharingTest, ReadWriteOnAFolderCoversItsSubtree) {
  const Person owner = add_person();
  const Person writer = add_person();
  const Person stranger = add_person();
  const std::int64_t folder = make_folder("@my", "Team", owner.auth());
  const std::int64_t inner = make_folder(std::to_string(folder), "Inner", owner.auth());
  const std::int64_t file = upload_id(std::to_string(inner), "deep.txt", "deep", owner.auth());
  response_of(share(folder_entry(folder), writer.id, 1, owner.auth()), 200);

  EXPECT_EQ(folder_content(std::to_string(inner), writer.auth()).at("total"), 1);
  EXPECT_EQ(file_info(file, writer.auth()).at("access"), 1);
  EXPECT_EQ(upload(std::to_string(inner), {{"file", "added.txt", "added"}}, writer.auth()).status,
            201);
  EXPECT_EQ(status_of("PUT", file_entry(file), writer.auth(), {{"title", "renamed"}}), 200);
  EXPECT_EQ(file_info(file, owner.auth()).at("title"), "renamed.txt");
  // A sharee with full access may share further, as in the original.
  EXPECT_EQ(status_of("GET", folder_entry(folder) + "/share", writer.auth()), 200);
  // @share lists the shared folder, not what is inside it.
  const auto shared = folder_content("@share", writer.auth());
  EXPECT_EQ(shared.at("total"), 1);
  EXPECT_EQ(shared.at("folders").at(0).at("id"), folder);
  EXPECT_EQ(shared.at("folders").at(0).at("shared"), true);
  // Changing is not taking away: the owner's entries stay where they are (the original's "can't
  // delete in My other people's files"), what the sharee made they may delete.
  const HttpResponse taken = files_call("DELETE", file_entry(file), nullptr, writer.auth());
  EXPECT_EQ(taken.status, 403);
  EXPECT_THAT(error_message(taken), HasSubstr("Only the owner"));
  EXPECT_EQ(status_of("DELETE", folder_entry(inner), writer.auth()), 403);
  EXPECT_EQ(status_of("PUT", "fileops/move", writer.auth(),
                      {{"destFolderId", "@my"}, {"fileIds", boost::json::array{file}}}),
            403);
  EXPECT_EQ(file_info(file, owner.auth()).at("folderId"), inner);
  const std::int64_t added =
      folder_content(std::to_string(inner), owner.auth()).at("files").at(0).at("id").as_int64();
  EXPECT_EQ(status_of("DELETE", file_entry(added), writer.auth()), 200);
  EXPECT_EQ(folder_content(std::to_string(inner), owner.auth()).at("total"), 1);
  // Nothing of it for anyone else.
  EXPECT_EQ(file_status(file, stranger.auth()), 404);
  EXPECT_EQ(upload(std::to_string(inner), {{"file", "x.txt", "x"}}, stranger.auth()).status, 404);
}

TEST_F(FileSharingTest, TheNearestShareWinsAndAPersonsOverTheirGroups) {
  const Person owner = add_person();
  const Person member = add_person();
  const auto group = response_of(
      json_request(port(), "POST", "/api/2.0/group",
                   {{"groupName", "Readers"}, {"members", boost::json::array{member.id.c_str()}}},
                   admin()),
      201);
  const std::string group_id(group.at("id").as_string());
  const std::int64_t folder = make_folder("@my", "Shared", owner.auth());
  const std::int64_t open = upload_id(std::to_string(folder), "open.txt", "o", owner.auth());
  const std::int64_t closed = upload_id(std::to_string(folder), "closed.txt", "c", owner.auth());

  // The group reads the folder; the person's own ReadWrite at the same depth wins.
  response_of(share(folder_entry(folder), group_id, "Read", owner.auth()), 200);
  EXPECT_EQ(file_info(open, member.auth()).at("access"), 2);
  response_of(share(folder_entry(folder), member.id, "ReadWrite", owner.auth()), 200);
  EXPECT_EQ(file_info(open, member.auth()).at("access"), 1);
  // Everyone restricted on one file: nearer than the person's folder share.
  response_of(share(file_entry(closed), kEveryone, "Restrict", owner.auth()), 200);
  EXPECT_EQ(file_status(closed, member.auth()), 404);
  EXPECT_EQ(download(closed, member.auth()).status, 404);
  EXPECT_EQ(file_info(open, member.auth()).at("access"), 1);
  const auto everyone = line_of(
      response_of(files_call("GET", file_entry(closed) + "/share", nullptr, owner.auth()), 200),
      kEveryone);
  EXPECT_EQ(everyone.at("access"), 3);
  EXPECT_EQ(everyone.at("sharedTo").at("name"), "Everyone");
  const auto readers = line_of(
      response_of(files_call("GET", folder_entry(folder) + "/share", nullptr, owner.auth()), 200),
      group_id);
  EXPECT_EQ(readers.at("sharedTo").at("name"), "Readers");

  // A deleted group takes its shares along.
  EXPECT_EQ(json_request(port(), "DELETE", "/api/2.0/group/" + group_id, nullptr, admin()).status,
            200);
  EXPECT_TRUE(stored("SELECT id FROM file_shares WHERE subject = '" + group_id + "'").empty());
}

TEST_F(FileSharingTest, RestrictDeniesCommonAndOnlyAdminsShareIt) {
  const Person denied = add_person();
  const Person other = add_person();
  const std::int64_t file = create_text_id("@common", "memo", "for all", admin());
  EXPECT_EQ(status_of("PUT", file_entry(file) + "/share", other.auth(),
                      share_body(denied.id, "Restrict")),
            403);
  EXPECT_EQ(file_status(file, denied.auth()), 200);
  const auto answer = response_of(share(file_entry(file), denied.id, "restrict", admin()), 200);
  EXPECT_EQ(line_of(answer, denied.id).at("access"), 3);
  // @common lists the admins and everyone as the original does.
  EXPECT_EQ(line_of(answer, kEveryone).at("access"), 2);
  EXPECT_EQ(line_of(answer, "cd84e66b-b803-40fc-99f9-b2969a54a1de").at("access"), 1);
  EXPECT_EQ(file_status(file, denied.auth()), 404);
  EXPECT_EQ(download(file, denied.auth()).status, 404);
  EXPECT_EQ(file_status(file, other.auth()), 200);
  EXPECT_EQ(folder_content("@common", denied.auth()).at("files").as_array().size(),
            folder_content("@common", other.auth()).at("files").as_array().size() - 1);
  // A ReadWrite share lets a person change a @common file.
  response_of(share(file_entry(file), other.id, "ReadWrite", admin()), 200);
  EXPECT_EQ(status_of("PUT", file_entry(file), other.auth(), {{"title", "memo2"}}), 200);
}

TEST_F(FileSharingTest, ProjectDocumentsCannotBeShared) {
  const Person person = add_person();
  const std::int64_t project = make_project();
  const std::int64_t folder = project_folder(project);
  const std::int64_t file = upload_id(std::to_string(folder), "spec.txt", "s", admin());
  for (const std::string& entry : {file_entry(file), folder_entry(folder)}) {
    const HttpResponse res = share(entry, person.id, "Read", admin());
    EXPECT_EQ(res.status, 403) << entry;
    EXPECT_THAT(error_message(res), HasSubstr("Project documents cannot be shared"));
    EXPECT_EQ(status_of("GET", entry + "/share", admin()), 403);
  }
  EXPECT_EQ(status_of("PUT", std::to_string(file) + "/sharedlink", admin(), {{"share", "Read"}}),
            403);
  EXPECT_TRUE(stored("SELECT id FROM file_shares WHERE file_id = " + std::to_string(file)).empty());
  EXPECT_TRUE(
      stored("SELECT token FROM file_share_links WHERE file_id = " + std::to_string(file)).empty());
}

TEST_F(FileSharingTest, BadInputIsRefusedAndChangesNothing) {
  const Person owner = add_person();
  const Person person = add_person();
  const std::int64_t file = upload_id("@my", "a.txt", "a", owner.auth());
  const std::string entry = file_entry(file);
  const std::string count = "SELECT id FROM file_shares WHERE file_id = " + std::to_string(file);

  HttpResponse res = share(entry, person.id, "Sometimes", owner.auth());
  EXPECT_EQ(res.status, 400);
  EXPECT_THAT(error_message(res), HasSubstr("share[0][access]"));
  res = share(entry, "0f0f0f0f-0000-4000-8000-000000000000", "Read", owner.auth());
  EXPECT_EQ(res.status, 400);
  EXPECT_THAT(error_message(res), HasSubstr("neither a person, a group nor everyone"));
  EXPECT_EQ(share(entry, "not-a-guid", "Read", owner.auth()).status, 400);
  EXPECT_EQ(share(entry, person.id, "Varies", owner.auth()).status, 400);
  EXPECT_EQ(status_of("PUT", entry + "/share", owner.auth(),
                      {{"share", boost::json::array{boost::json::object{{"shareTo", person.id}}}}}),
            400);
  // A valid change before a bad one is not kept either.
  boost::json::array two{boost::json::object{{"shareTo", person.id}, {"access", "Read"}},
                         boost::json::object{{"shareTo", person.id}, {"access", 99}}};
  EXPECT_EQ(status_of("PUT", entry + "/share", owner.auth(), {{"share", two}}), 400);
  EXPECT_EQ(status_of("PUT", folder_entry(my_folder(owner.auth())) + "/share", owner.auth(),
                      share_body(kLinkId, "Read")),
            400);
  EXPECT_EQ(status_of("PUT", std::to_string(file) + "/sharedlink", owner.auth(), {{"x", 1}}), 400);
  EXPECT_EQ(status_of("PUT", std::to_string(file) + "/sharedlink", owner.auth(),
                      {{"share", "Everything"}}),
            400);
  EXPECT_TRUE(stored(count).empty());
  // Hidden entries are 404; unknown ones too; anonymous callers 401.
  EXPECT_EQ(status_of("GET", entry + "/share", person.auth()), 404);
  EXPECT_EQ(share(entry, person.id, "Read", person.auth()).status, 404);
  EXPECT_EQ(status_of("GET", "file/999999999/share", owner.auth()), 404);
  EXPECT_EQ(status_of("GET", "folder/999999999/share", owner.auth()), 404);
  EXPECT_EQ(status_of("GET", entry + "/share", {}), 401);
  EXPECT_EQ(status_of("DELETE", "share", {}), 401);
  EXPECT_TRUE(stored(count).empty());
}

TEST_F(FileSharingTest, ASharedLinkDownloadsWithoutSigningInUntilRevoked) {
  const Person owner = add_person();
  const std::int64_t file = upload_id("@my", "public.txt", "for anyone", owner.auth());
  const std::int64_t other = upload_id("@my", "private.txt", "not this", owner.auth());
  const std::string link_path = std::to_string(file) + "/sharedlink";
  EXPECT_EQ(status_of("PUT", link_path, add_person().auth(), {{"share", "Read"}}), 404);

  const auto url =
      response_of(files_call("PUT", link_path, {{"share", "Read"}}, owner.auth()), 200);
  ASSERT_TRUE(url.is_string());
  const std::string link(url.as_string());
  const std::string key = link.substr(link.find("&doc=") + 5);
  EXPECT_THAT(link, HasSubstr("/Products/Files/HttpHandlers/filehandler.ashx?action=download&"
                              "fileid=" +
                              std::to_string(file) + "&doc="));
  EXPECT_GE(key.size(), 32u);  // at least 128 bits
  EXPECT_EQ(stored("SELECT token FROM file_share_links WHERE file_id = " + std::to_string(file)),
            std::vector<std::string>{key});

  const HttpResponse anonymous = download(file, {}, "&doc=" + key);
  EXPECT_EQ(anonymous.status, 200);
  EXPECT_EQ(anonymous.body, "for anyone");
  EXPECT_EQ(download(file, {}).status, 401);                  // no link: sign in
  EXPECT_EQ(download(other, {}, "&doc=" + key).status, 404);  // only its own file
  EXPECT_EQ(download(file, {}, "&doc=" + key + "x").status, 404);
  EXPECT_EQ(download(file, {}, "&doc=").status, 404);
  // The link is listed in the file's sharing, as the original lists it.
  const auto listed = line_of(
      response_of(files_call("GET", file_entry(file) + "/share", nullptr, owner.auth()), 200),
      kLinkId);
  EXPECT_EQ(listed.at("access"), 2);
  EXPECT_EQ(listed.at("sharedTo").at("shareLink"), link.c_str());
  EXPECT_EQ(file_info(file, owner.auth()).at("shared"), true);

  // Revoked (Restrict, or None): the same URL opens nothing; given again, it works again.
  EXPECT_EQ(response_of(files_call("PUT", link_path, {{"share", 3}}, owner.auth()), 200), url);
  EXPECT_EQ(download(file, {}, "&doc=" + key).status, 404);
  EXPECT_EQ(file_info(file, owner.auth()).at("shared"), false);
  response_of(files_call("PUT", link_path, {{"share", "None"}}, owner.auth()), 200);
  EXPECT_EQ(download(file, {}, "&doc=" + key).status, 404);
  response_of(files_call("PUT", link_path, {{"share", "Review"}}, owner.auth()), 200);
  EXPECT_EQ(download(file, {}, "&doc=" + key).body, "for anyone");
  // The share list sets it too.
  response_of(share(file_entry(file), kLinkId, "Restrict", owner.auth()), 200);
  EXPECT_EQ(download(file, {}, "&doc=" + key).status, 404);
  // A link stops while its file is in the trash, opens again when it is restored, and dies with
  // the file.
  response_of(files_call("PUT", link_path, {{"share", "Read"}}, owner.auth()), 200);
  EXPECT_EQ(status_of("DELETE", file_entry(file), owner.auth()), 200);
  EXPECT_EQ(download(file, {}, "&doc=" + key).status, 404);
  EXPECT_EQ(status_of("PUT", "fileops/move", owner.auth(),
                      {{"destFolderId", "@my"}, {"fileIds", boost::json::array{file}}}),
            200);
  EXPECT_EQ(download(file, {}, "&doc=" + key).body, "for anyone");
  EXPECT_EQ(status_of("DELETE", file_entry(file) + "?immediately=true", owner.auth()), 200);
  EXPECT_EQ(download(file, {}, "&doc=" + key).status, 404);
  EXPECT_TRUE(
      stored("SELECT token FROM file_share_links WHERE file_id = " + std::to_string(file)).empty());
}

TEST_F(FileSharingTest, DeleteShareHidesWhatWasSharedWithTheCaller) {
  const Person owner = add_person();
  const Person reader = add_person();
  const std::int64_t file = upload_id("@my", "note.txt", "n", owner.auth());
  const std::int64_t folder = make_folder("@my", "Box", owner.auth());
  response_of(share(file_entry(file), reader.id, "Read", owner.auth()), 200);
  response_of(share(folder_entry(folder), kEveryone, "Read", owner.auth()), 200);
  EXPECT_EQ(folder_content("@share", reader.auth()).at("total"), 2);

  const auto hidden = response_of(files_call("DELETE", "share",
                                             {{"fileIds", boost::json::array{file}},
                                              {"folderIds", boost::json::array{folder, 999999999}}},
                                             reader.auth()),
                                  200);
  EXPECT_EQ(hidden, true);
  EXPECT_EQ(folder_content("@share", reader.auth()).at("total"), 0);
  EXPECT_EQ(file_status(file, reader.auth()), 404);
  EXPECT_EQ(
      stored("SELECT access FROM file_shares WHERE subject = '" + reader.id + "' ORDER BY id"),
      (std::vector<std::string>{"3", "3"}));
  // The owner's own entries are not touched by their DELETE.
  EXPECT_EQ(status_of("DELETE", "share", owner.auth(), {{"fileIds", boost::json::array{file}}}),
            200);
  EXPECT_EQ(file_status(file, owner.auth()), 200);
}

TEST_F(FileSharingTest, SharesGoWithTheirEntryAndTheirPerson) {
  const Person owner = add_person();
  const Person reader = add_person();
  const std::int64_t file = upload_id("@my", "gone.txt", "g", owner.auth());
  const std::int64_t folder = make_folder("@my", "Gone", owner.auth());
  response_of(share(file_entry(file), reader.id, "Read", owner.auth()), 200);
  response_of(share(folder_entry(folder), reader.id, "Read", owner.auth()), 200);
  // In the trash the folder's share grants nothing; deleted for good, it is gone.
  EXPECT_EQ(status_of("DELETE", folder_entry(folder), owner.auth()), 200);
  EXPECT_EQ(status_of("GET", folder_entry(folder), reader.auth()), 404);
  // (Other tests share with everyone: look for this folder and file only.)
  const auto shared = folder_content("@share", reader.auth());
  EXPECT_FALSE(
      std::any_of(shared.at("folders").as_array().begin(), shared.at("folders").as_array().end(),
                  [&](const boost::json::value& f) { return f.at("id").as_int64() == folder; }))
      << shared;
  EXPECT_TRUE(
      std::any_of(shared.at("files").as_array().begin(), shared.at("files").as_array().end(),
                  [&](const boost::json::value& f) { return f.at("id").as_int64() == file; }))
      << shared;
  EXPECT_EQ(status_of("DELETE", folder_entry(folder), owner.auth()), 200);
  EXPECT_EQ(stored("SELECT id FROM file_shares WHERE subject = '" + reader.id + "'").size(), 1u);

  EXPECT_EQ(json_request(port(), "PUT", "/api/2.0/people/status/terminated",
                         {{"userIds", boost::json::array{reader.id.c_str()}}}, admin())
                .status,
            200);
  EXPECT_EQ(json_request(port(), "DELETE", "/api/2.0/people/" + reader.id, nullptr, admin()).status,
            200);
  EXPECT_TRUE(stored("SELECT id FROM file_shares WHERE subject = '" + reader.id + "'").empty());
}

TEST_F(FileSharingTest, SearchFindsWhatIsSharedAndNothingElseOfTheOwner) {
  const Person owner = add_person();
  const Person reader = add_person();
  const std::int64_t folder = make_folder("@my", "Quarterly shared", owner.auth());
  const std::int64_t inside =
      upload_id(std::to_string(folder), "quarterly inside.txt", "i", owner.auth());
  const std::int64_t single = upload_id("@my", "quarterly single.txt", "s", owner.auth());
  upload_id("@my", "quarterly private.txt", "p", owner.auth());
  const std::int64_t common = create_text_id("@common", "quarterly common", "c", admin());
  const std::int64_t hidden = create_text_id("@common", "quarterly hidden", "h", admin());
  response_of(share(folder_entry(folder), reader.id, "Read", owner.auth()), 200);
  response_of(share(file_entry(single), reader.id, "Read", owner.auth()), 200);
  response_of(share(file_entry(hidden), reader.id, "Restrict", admin()), 200);

  const auto found =
      response_of(files_call("GET", "@search/QUARTERLY", nullptr, reader.auth()), 200);
  std::vector<std::int64_t> files;
  std::vector<std::int64_t> folders;
  for (const auto& entry : found.as_array())
    (entry.as_object().contains("fileExst") ? files : folders).push_back(entry.at("id").as_int64());
  std::vector<std::int64_t> expected_files{inside, single, common};
  std::sort(expected_files.begin(), expected_files.end());
  EXPECT_EQ(files, expected_files);
  EXPECT_EQ(folders, std::vector<std::int64_t>{folder});
  // The owner finds everything of theirs, the admin their common files.
  EXPECT_EQ(response_of(files_call("GET", "@search/quarterly", nullptr, owner.auth()), 200)
                .as_array()
                .size(),
            6u);
}

TEST_F(FileSharingTest, SharingAnswersInXml) {
  const Person owner = add_person();
  const Person reader = add_person();
  const std::int64_t file = upload_id("@my", "x.txt", "x", owner.auth());
  const HttpResponse put = files_call("PUT", file_entry(file) + "/share.xml",
                                      share_body(reader.id, "Comment"), owner.auth());
  ASSERT_EQ(put.status, 200) << put.body;
  EXPECT_THAT(put.body, HasSubstr("<access>6</access>"));
  EXPECT_THAT(put.body, HasSubstr("<isOwner>true</isOwner>"));
  const HttpResponse link = files_call("PUT", std::to_string(file) + "/sharedlink.xml",
                                       {{"share", "Read"}}, owner.auth());
  ASSERT_EQ(link.status, 200) << link.body;
  EXPECT_THAT(link.body, HasSubstr("filehandler.ashx?action=download&amp;fileid="));
  const HttpResponse bad = files_call("PUT", file_entry(file) + "/share.xml",
                                      share_body(reader.id, "Never"), owner.auth());
  EXPECT_EQ(bad.status, 400);
  EXPECT_THAT(bad.body, HasSubstr("<statusCode>400</statusCode>"));
  // Comment reads (read-only here).
  EXPECT_EQ(downloaded(file, reader.auth()), "x");
  EXPECT_EQ(status_of("PUT", file_entry(file), reader.auth(), {{"title", "y"}}), 403);
}

}  // namespace
}  // namespace projectd::test
