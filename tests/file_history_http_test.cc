// PUT files/file/{id}/history (issue 16; docs/wire-compatibility.md, "Version history"): a version
// ends its version group, or the group after it joins it, as the original's CompleteVersionFile;
// ending the current version's group stores its content again as a new version. Each test checks
// the answer, then what GET history reads back afterwards.
#include "files_test_support.h"

#include <gmock/gmock.h>

namespace projectd::test {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
namespace json = boost::json;

class FileHistoryTest : public FilesSuite {
 protected:
  // A file in the person's @my with `versions` versions: "v1", "v2"... each a new group.
  static std::int64_t file_with_versions(int versions, const Headers& auth) {
    const std::int64_t id = upload_id("@my", "history.txt", "v1", auth);
    for (int v = 2; v <= versions; ++v) {
      const HttpResponse res = upload("@my", {{"file", "history.txt", "v" + std::to_string(v)}},
                                      auth, "?createNewIfExist=false");
      EXPECT_EQ(res.status, 201) << res.body;
    }
    return id;
  }
  static HttpResponse change(std::int64_t file, const json::value& body, const Headers& auth) {
    return files_call("PUT", "file/" + std::to_string(file) + "/history", body, auth);
  }
  // (version, versionGroup) of each entry of a history answer, newest first.
  static std::vector<std::pair<std::int64_t, std::int64_t>> groups(const json::value& history) {
    std::vector<std::pair<std::int64_t, std::int64_t>> out;
    for (const json::value& entry : history.as_array())
      out.emplace_back(entry.at("version").as_int64(), entry.at("versionGroup").as_int64());
    return out;
  }
  static std::vector<std::pair<std::int64_t, std::int64_t>> stored_groups(std::int64_t file,
                                                                          const Headers& auth) {
    return groups(get_ok(files_path("file/" + std::to_string(file) + "/history"), auth));
  }
  using Groups = std::vector<std::pair<std::int64_t, std::int64_t>>;
};

TEST_F(FileHistoryTest, ContinuingAndCompletingMoveTheGroupsAsTheOriginal) {
  const Person person = add_person();
  const std::int64_t file = file_with_versions(3, person.auth());
  EXPECT_EQ(stored_groups(file, person.auth()), (Groups{{3, 3}, {2, 2}, {1, 1}}));

  // Version 3 becomes a revision of version 2.
  auto answer =
      response_of(change(file, {{"version", 2}, {"continueVersion", true}}, person.auth()), 200);
  EXPECT_EQ(groups(answer), (Groups{{3, 2}, {2, 2}, {1, 1}}));
  EXPECT_TRUE(answer.at(0).at("fileExst").is_string());  // FileWrappers
  EXPECT_EQ(stored_groups(file, person.auth()), (Groups{{3, 2}, {2, 2}, {1, 1}}));
  EXPECT_EQ(file_info(file, person.auth()).at("versionGroup").as_int64(), 2);

  // Numbers sent as strings too; version 2's group (2 and 3) joins version 1's.
  answer = response_of(change(file, {{"version", "1"}, {"continueVersion", "true"}}, person.auth()),
                       200);
  EXPECT_EQ(groups(answer), (Groups{{3, 1}, {2, 1}, {1, 1}}));

  // Once every version is in group 1 there is nothing to continue.
  answer =
      response_of(change(file, {{"version", 1}, {"continueVersion", true}}, person.auth()), 200);
  EXPECT_EQ(groups(answer), (Groups{{3, 1}, {2, 1}, {1, 1}}));

  // Completing version 1 (not the current one) starts a new group after it.
  answer =
      response_of(change(file, {{"version", 1}, {"continueVersion", false}}, person.auth()), 200);
  EXPECT_EQ(groups(answer), (Groups{{3, 2}, {2, 2}, {1, 1}}));
  EXPECT_EQ(stored_groups(file, person.auth()), (Groups{{3, 2}, {2, 2}, {1, 1}}));
}

TEST_F(FileHistoryTest, CompletingTheCurrentVersionStoresItAgainInAGroupOfItsOwn) {
  const Person person = add_person();
  const std::int64_t file = file_with_versions(2, person.auth());
  response_of(change(file, {{"version", 1}, {"continueVersion", true}}, person.auth()), 200);

  // No version named: the current one (2).
  const auto answer = response_of(change(file, json::object(), person.auth()), 200);
  EXPECT_EQ(groups(answer), (Groups{{3, 2}, {2, 1}, {1, 1}}));
  EXPECT_EQ(answer.at(0).at("comment").as_string(), "Restored from version 2");
  EXPECT_EQ(downloaded(file, person.auth()), "v2");
  EXPECT_EQ(file_info(file, person.auth()).at("version").as_int64(), 3);
  EXPECT_EQ(stored_groups(file, person.auth()), (Groups{{3, 2}, {2, 1}, {1, 1}}));

  // The next upload is a version of its own again.
  ASSERT_EQ(upload("@my", {{"file", "history.txt", "v4"}}, person.auth(), "?createNewIfExist=false")
                .status,
            201);
  EXPECT_EQ(stored_groups(file, person.auth()), (Groups{{4, 3}, {3, 2}, {2, 1}, {1, 1}}));
}

TEST_F(FileHistoryTest, RefusalsAndBadInputChangeNothing) {
  const Person owner = add_person();
  const Person other = add_person();
  const std::int64_t file = file_with_versions(2, owner.auth());
  const Groups before{{2, 2}, {1, 1}};

  // Another person's @my file is hidden: 404, like a file that does not exist.
  EXPECT_EQ(change(file, {{"version", 1}}, other.auth()).status, 404);
  EXPECT_EQ(change(999999999, {{"version", 1}}, owner.auth()).status, 404);
  // A version the file does not have.
  const HttpResponse missing = change(file, {{"version", 7}}, owner.auth());
  EXPECT_EQ(missing.status, 404);
  EXPECT_THAT(error_message(missing), HasSubstr("no version 7"));
  // Not numbers.
  const HttpResponse bad = change(file, {{"version", "two"}}, owner.auth());
  EXPECT_EQ(bad.status, 400) << bad.body;
  EXPECT_THAT(error_message(bad), HasSubstr("version"));
  EXPECT_EQ(change(file, {{"version", -1}}, owner.auth()).status, 400);
  EXPECT_EQ(change(file, {{"version", 1}, {"continueVersion", "perhaps"}}, owner.auth()).status,
            400);
  EXPECT_EQ(stored_groups(file, owner.auth()), before);

  // A file of @common: everyone reads it, only admins change it.
  const std::int64_t common = create_text_id("@common", "Shared history", "c", admin());
  EXPECT_EQ(change(common, {{"version", 1}}, other.auth()).status, 403);
  EXPECT_EQ(stored_groups(common, other.auth()), (Groups{{1, 1}}));
  // Signed out.
  EXPECT_EQ(change(file, {{"version", 1}}, Headers{}).status, 401);
}

TEST_F(FileHistoryTest, AnswersInXml) {
  const Person person = add_person();
  const std::int64_t file = file_with_versions(2, person.auth());
  const HttpResponse xml = files_call("PUT", "file/" + std::to_string(file) + "/history.xml",
                                      {{"version", 1}, {"continueVersion", true}}, person.auth());
  ASSERT_EQ(xml.status, 200) << xml.body;
  EXPECT_THAT(xml.body, HasSubstr("<versionGroup>1</versionGroup>"));
  EXPECT_EQ(stored_groups(file, person.auth()), (Groups{{2, 1}, {1, 1}}));
}

}  // namespace
}  // namespace projectd::test
