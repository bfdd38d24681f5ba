// Who may read and change Documents (docs/wire-compatibility.md, "Who may change a project's
// files"): @my is its owner's alone (404 for everyone else, admins included), everyone reads
// @common and admins change it, guests have no @my, and a project folder follows the project's
// file rights; a closed project answers 409 to changes and keeps being readable.
// Order: 404 -> 409 -> 403.
#include "files_test_support.h"

#include <map>

namespace projectd::test {
namespace {

using Statuses = std::map<std::string, int>;

// The same keys as `shape`, every one answering `status`.
Statuses uniform(const Statuses& shape, int status) {
  Statuses out;
  for (const auto& [key, ignored] : shape)
    out[key] = status;
  return out;
}

class FileAccessTest : public FilesSuite {
 protected:
  // What `auth` gets reading the folder and the file in it.
  static Statuses read_statuses(const std::string& folder, std::int64_t file, const Headers& auth) {
    const std::string path = "file/" + std::to_string(file);
    return {
        {"folder", files_call("GET", folder, nullptr, auth).status},
        {"file", files_call("GET", path, nullptr, auth).status},
        {"history", files_call("GET", path + "/history", nullptr, auth).status},
        {"download", download(file, auth).status},
    };
  }
  // What `auth` gets trying each change of the folder and the file in it.
  static Statuses change_statuses(const std::string& folder, std::int64_t file,
                                  const Headers& auth) {
    const std::string path = "file/" + std::to_string(file);
    return {
        {"upload", upload(folder, {{"file", "new.txt", "new"}}, auth).status},
        {"text",
         files_call("POST", folder + "/text", {{"title", "t"}, {"content", "c"}}, auth).status},
        {"folder", files_call("POST", "folder/" + folder, {{"title", "Sub"}}, auth).status},
        {"rename", files_call("PUT", path, {{"title", "renamed"}}, auth).status},
        {"delete", files_call("DELETE", path, nullptr, auth).status},
    };
  }
  static std::int64_t total(const std::string& folder) {
    return folder_content(folder, admin()).at("total").as_int64();
  }
};

TEST_F(FileAccessTest, SomeoneElsesMyDocumentsAreInvisibleEvenToAdmins) {
  const Person owner = add_person();
  const Person other = add_person();
  const std::int64_t file = upload_id("@my", "diary.txt", "secret", owner.auth());
  const std::string folder = std::to_string(my_folder(owner.auth()));
  for (const Headers& auth : {other.auth(), admin()}) {
    const Statuses reads = read_statuses(folder, file, auth);
    EXPECT_EQ(reads, uniform(reads, 404));
    const Statuses changes = change_statuses(folder, file, auth);
    EXPECT_EQ(changes, uniform(changes, 404));
  }
  const auto mine = file_info(file, owner.auth());
  EXPECT_EQ(mine.at("title"), "diary.txt");
  EXPECT_EQ(mine.at("access"), 0);
  EXPECT_EQ(downloaded(file, owner.auth()), "secret");
  EXPECT_EQ(folder_content("@my", owner.auth()).at("total"), 1);
}

TEST_F(FileAccessTest, EveryoneReadsCommonAndOnlyAdminsChangeIt) {
  const Person person = add_person();
  const auto notice = create_text("@common", "notice", "read me", admin());
  ASSERT_TRUE(notice.contains("id"));
  const std::int64_t file = notice.at("id").as_int64();
  const Statuses reads = read_statuses("@common", file, person.auth());
  EXPECT_EQ(reads, uniform(reads, 200));
  EXPECT_EQ(file_info(file, person.auth()).at("access"), 2);
  EXPECT_EQ(file_info(file, admin()).at("access"), 0);

  const std::int64_t before = total("@common");
  const Statuses changes = change_statuses("@common", file, person.auth());
  EXPECT_EQ(changes, uniform(changes, 403));
  EXPECT_EQ(total("@common"), before);
  EXPECT_EQ(file_info(file, admin()).at("title"), notice.at("title"));

  EXPECT_EQ(upload("@common", {{"file", "by-admin.txt", "ok"}}, admin()).status, 201);
  EXPECT_EQ(total("@common"), before + 1);
}

TEST_F(FileAccessTest, AGuestHasNoMyDocuments) {
  const Person guest = add_person(true);
  EXPECT_EQ(files_call("GET", "@my", nullptr, guest.auth()).status, 404);
  EXPECT_EQ(upload("@my", {{"file", "g.txt", "g"}}, guest.auth()).status, 404);
  EXPECT_EQ(files_call("POST", "@my/text", {{"title", "g"}, {"content", "g"}}, guest.auth()).status,
            404);
  EXPECT_EQ(files_call("GET", "@common", nullptr, guest.auth()).status, 200);
}

TEST_F(FileAccessTest, ANonMemberReadsAPublicProjectFolderButCannotChangeIt) {
  const Person outsider = add_person();
  const std::int64_t project = make_project({}, "Public");
  const std::string folder = std::to_string(project_folder(project));
  const std::int64_t file = create_text_id(folder, "plan", "p", admin());

  const Statuses reads = read_statuses(folder, file, outsider.auth());
  EXPECT_EQ(reads, uniform(reads, 200));
  EXPECT_EQ(call("GET", std::to_string(project) + "/files", nullptr, outsider.auth()).status, 200);
  EXPECT_EQ(file_info(file, outsider.auth()).at("access"), 2);
  const Statuses changes = change_statuses(folder, file, outsider.auth());
  EXPECT_EQ(changes, uniform(changes, 403));
  EXPECT_EQ(total(folder), 1);
}

TEST_F(FileAccessTest, ATeamMemberChangesTheProjectFiles) {
  const Person member = add_person();
  const std::string folder = std::to_string(project_folder(make_project({member.id}, "Team")));
  const std::int64_t file = upload_id(folder, "work.txt", "w", member.auth());
  EXPECT_EQ(file_info(file, member.auth()).at("access"), 0);
  EXPECT_EQ(
      files_call("PUT", "file/" + std::to_string(file), {{"title", "done"}}, member.auth()).status,
      200);
}

TEST_F(FileAccessTest, AMemberWithFilesDeniedOnAPrivateProjectGets404) {
  const Person member = add_person();
  const std::int64_t project = create_project_id({{"title", "Private files"},
                                                  {"responsibleId", admin_id()},
                                                  {"private", true},
                                                  {"participants", {member.id}}},
                                                 admin());
  const std::string folder = std::to_string(project_folder(project));
  const std::int64_t file = create_text_id(folder, "hidden", "h", admin());
  EXPECT_EQ(files_call("GET", folder, nullptr, member.auth()).status, 200);

  const auto denied =
      call("PUT", std::to_string(project) + "/team/security",
           {{"userId", member.id}, {"security", "Files"}, {"visible", false}}, admin());
  ASSERT_EQ(denied.status, 200) << denied.body;
  const Statuses reads = read_statuses(folder, file, member.auth());
  EXPECT_EQ(reads, uniform(reads, 404));
  EXPECT_EQ(call("GET", std::to_string(project) + "/files", nullptr, member.auth()).status, 404);
  const Statuses changes = change_statuses(folder, file, member.auth());
  EXPECT_EQ(changes, uniform(changes, 404));
  EXPECT_EQ(total(folder), 1);
}

TEST_F(FileAccessTest, AClosedProjectRefusesChangesWith409AndStaysReadable) {
  const Person outsider = add_person();
  const std::int64_t project = make_project({}, "Closed");
  const std::string folder = std::to_string(project_folder(project));
  const std::int64_t file = create_text_id(folder, "final", "f", admin());
  const std::int64_t subfolder =
      response_of(files_call("POST", "folder/" + folder, {{"title", "Archive"}}, admin()), 201)
          .at("id")
          .as_int64();
  set_project_status(project, "closed");

  // 409 before 403: the outsider, who could not change it anyway, also hears that it is closed.
  for (const Headers& auth : {admin(), outsider.auth()}) {
    const Statuses changes = change_statuses(folder, file, auth);
    EXPECT_EQ(changes, uniform(changes, 409));
  }
  const std::string sub = "folder/" + std::to_string(subfolder);
  EXPECT_EQ(files_call("PUT", sub, {{"title", "Renamed"}}, admin()).status, 409);
  EXPECT_EQ(files_call("DELETE", sub, nullptr, admin()).status, 409);

  const Statuses reads = read_statuses(folder, file, admin());
  EXPECT_EQ(reads, uniform(reads, 200));
  EXPECT_EQ(file_info(file, admin()).at("access"), 2);
  EXPECT_EQ(downloaded(file, admin()), "f");
  EXPECT_EQ(total(folder), 2);  // the file and the subfolder
}

}  // namespace
}  // namespace projectd::test
