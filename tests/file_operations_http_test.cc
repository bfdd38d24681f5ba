// api/2.0/files sections and file operations (docs/wire-compatibility.md, "Folders", "File
// operations"): @root, the section words (never read as folder ids), @projects, @share and @trash,
// folder info and path; GET fileops (the operations of deletes, moves and copies stay listed),
// the move/copy conflict check, move and copy with each conflictResolveType, their refusals and
// bad input, mark as read and terminate, in JSON and XML.
#include "files_test_support.h"
#include "store_sql.h"

#include "store/store.h"

#include <algorithm>

namespace projectd::test {
namespace {

class FileOperationsTest : public FilesSuite {
 protected:
  // PUT fileops/<verb> with a urlencoded form body, as the mobile app sends it.
  static HttpResponse put_form(const std::string& verb, const std::string& form,
                               const Headers& auth) {
    Headers headers = auth;
    headers.emplace_back("Content-Type", "application/x-www-form-urlencoded");
    return files_request(port(), "PUT", "fileops/" + verb, form, headers);
  }
  // The one operation of an answer that must be 200.
  static boost::json::object one_operation(const HttpResponse& res) {
    const auto operations = response_of(res, 200);
    if (!operations.is_array() || operations.as_array().size() != 1) {
      ADD_FAILURE() << res.body;
      return {};
    }
    return operations.at(0).as_object();
  }
  static boost::json::array operations_of(const Headers& auth) {
    const auto list = get_ok(files_path("fileops"), auth);
    return list.is_array() ? list.as_array() : boost::json::array();
  }
  static bool listed(const Headers& auth, const std::string& id) {
    const auto list = operations_of(auth);
    return std::any_of(list.begin(), list.end(),
                       [&](const boost::json::value& o) { return o.at("id") == id.c_str(); });
  }
  static std::int64_t folder_of(std::int64_t file, const Headers& auth) {
    const auto info = file_info(file, auth);
    return info.is_object() ? info.at("folderId").as_int64() : 0;
  }
  // The rows of file_operations for the person, straight from the store.
  static std::vector<std::string> stored_operations(const std::string& user_id) {
    auto db = connect_store(server_->store_url());
    return first_column(
        *db, "SELECT id FROM file_operations WHERE owner_id = '" + user_id + "' ORDER BY seq");
  }
};

void expect_finished(const boost::json::object& operation, int type, const std::string& processed) {
  EXPECT_EQ(keys_of(operation),
            std::vector<std::string>({"id", "operation", "progress", "error", "processed",
                                      "finished", "url", "files", "folders"}));
  EXPECT_TRUE(operation.at("id").is_string());
  EXPECT_EQ(operation.at("operation"), type);
  EXPECT_EQ(operation.at("progress"), 100);
  EXPECT_TRUE(operation.at("error").is_null()) << operation;
  EXPECT_EQ(operation.at("processed"), processed.c_str());
  EXPECT_EQ(operation.at("finished"), true);
  EXPECT_TRUE(operation.at("url").is_null());
  EXPECT_TRUE(operation.at("files").is_array());
  EXPECT_TRUE(operation.at("folders").is_array());
}

TEST_F(FileOperationsTest, SectionWordsAndFileOpsAreNeverReadAsFolderIds) {
  const Person person = add_person();
  for (const std::string word : {"@my", "@common", "@projects", "@share", "@trash"}) {
    const auto content = get_ok(files_path(word), person.auth());
    ASSERT_TRUE(content.is_object()) << word;
    EXPECT_TRUE(content.at("current").is_object()) << word;
  }
  EXPECT_TRUE(get_ok(files_path("@root"), person.auth()).is_array());
  EXPECT_TRUE(get_ok(files_path("fileops"), person.auth()).is_array());
  // The conflict check asks for its destination: 400, not "Item not found" of a folder `move`.
  const auto check = files_call("GET", "fileops/move", nullptr, person.auth());
  EXPECT_EQ(check.status, 400);
  EXPECT_NE(error_message(check).find("destFolderId"), std::string::npos);
  EXPECT_EQ(files_call("PUT", "fileops/terminate", nullptr, person.auth()).status, 200);
  EXPECT_EQ(files_call("PUT", "fileops/markasread", nullptr, person.auth()).status, 200);
}

TEST_F(FileOperationsTest, RootListsTheSectionsInTheOriginalsOrder) {
  const Person person = add_person();
  auto types_of = [](const boost::json::value& roots) {
    std::vector<std::int64_t> types;
    for (const auto& root : roots.as_array())
      types.push_back(root.at("current").at("rootFolderType").as_int64());
    return types;
  };
  const auto roots = get_ok(files_path("@root"), person.auth());
  ASSERT_TRUE(roots.is_array());
  EXPECT_EQ(types_of(roots), std::vector<std::int64_t>({5, 6, 1, 8, 3}));
  EXPECT_EQ(roots.at(0).at("current").at("id"), my_folder(person.auth()));
  // A guest has no @my.
  const Person guest = add_person(true);
  EXPECT_EQ(types_of(get_ok(files_path("@root"), guest.auth())),
            std::vector<std::int64_t>({6, 1, 8, 3}));
  EXPECT_EQ(files_call("GET", "@root", nullptr, {}).status, 401);
}

// @trash is the caller's own stored folder (trash_http_test.cc): empty at first, of type 3.
TEST_F(FileOperationsTest, ShareAndTrashAreEmptySectionsOfTheirOwnType) {
  const Person person = add_person();
  const auto trash = get_ok(files_path("@trash"), person.auth());
  EXPECT_EQ(trash.at("total"), 0);
  EXPECT_EQ(trash.at("current").at("title"), "Recycle Bin");
  EXPECT_EQ(trash.at("current").at("rootFolderType"), 3);
  EXPECT_GT(trash.at("current").at("id").as_int64(), 0);
  struct Expected {
    std::string word, title;
    int type;
  };
  for (const Expected& e : std::vector<Expected>{{"@share", "Shared with Me", 6}}) {
    const auto content = get_ok(files_path(e.word), person.auth());
    ASSERT_TRUE(content.is_object()) << e.word;
    EXPECT_EQ(content.at("total"), 0) << e.word;
    EXPECT_EQ(content.at("files"), boost::json::array()) << e.word;
    EXPECT_EQ(content.at("folders"), boost::json::array()) << e.word;
    EXPECT_EQ(content.at("pathParts"), boost::json::array({0})) << e.word;
    const auto& current = content.at("current");
    EXPECT_EQ(current.at("id"), 0) << e.word;
    EXPECT_EQ(current.at("title"), e.title.c_str());
    EXPECT_EQ(current.at("rootFolderType"), e.type);
    EXPECT_EQ(current.at("access"), 2);
  }
  // Nothing can be stored into a section that holds nothing of its own.
  EXPECT_EQ(
      files_call("POST", "@trash/text", {{"title", "x"}, {"content", "y"}}, person.auth()).status,
      403);
}

TEST_F(FileOperationsTest, ProjectsListsTheFoldersOfReadableProjectsOnly) {
  const Person member = add_person();
  const Person outsider = add_person();
  const std::int64_t open = make_project({}, "Open documents");
  const std::int64_t closed_door = create_project_id({{"title", "Private documents"},
                                                      {"responsibleId", admin_id()},
                                                      {"private", true},
                                                      {"participants", {member.id}}},
                                                     admin());
  auto folders_of = [](const Person& p) {
    const auto content = get_ok(files_path("@projects"), p.auth());
    return content.is_object() ? ids_of(content.at("folders")) : std::vector<std::int64_t>{};
  };
  auto contains = [](const std::vector<std::int64_t>& ids, std::int64_t id) {
    return std::find(ids.begin(), ids.end(), id) != ids.end();
  };
  const auto members = folders_of(member);
  EXPECT_TRUE(contains(members, project_folder(open)));
  EXPECT_TRUE(contains(members, project_folder(closed_door)));
  const auto outsiders = folders_of(outsider);
  EXPECT_TRUE(contains(outsiders, project_folder(open)));
  EXPECT_FALSE(contains(outsiders, project_folder(closed_door)));

  const auto content = get_ok(files_path("@projects"), member.auth());
  EXPECT_EQ(content.at("current").at("rootFolderType"), 8);
  EXPECT_EQ(content.at("current").at("title"), "Projects Documents");
  EXPECT_EQ(content.at("total"), static_cast<std::int64_t>(members.size()));
  for (const auto& folder : content.at("folders").as_array())
    EXPECT_EQ(folder.at("rootFolderType"), 2);
  // Filtered by title and paged like any folder.
  const auto filtered = get_ok(files_path("@projects?filterValue=private%20DOC"), member.auth());
  EXPECT_EQ(ids_of(filtered.at("folders")), std::vector<std::int64_t>{project_folder(closed_door)});
  const auto files_only = get_ok(files_path("@projects?filterType=1"), member.auth());
  EXPECT_EQ(files_only.at("total"), 0);
  const auto page = get_ok(files_path("@projects?count=1"), member.auth());
  EXPECT_EQ(page.at("folders").as_array().size(), 1u);
  EXPECT_EQ(page.at("total"), content.at("total"));

  // The same in XML.
  const auto xml = HttpClient(port()).get(files_path("@projects.xml"), member.auth());
  EXPECT_EQ(xml.status, 200);
  EXPECT_NE(xml.body.find("<rootFolderType>8</rootFolderType>"), std::string::npos) << xml.body;
}

TEST_F(FileOperationsTest, FolderInfoAndPath) {
  const Person person = add_person();
  const std::int64_t my = my_folder(person.auth());
  const std::int64_t a = new_folder("@my", "A", person.auth());
  const std::int64_t b = new_folder(std::to_string(a), "B", person.auth());
  create_text_id(std::to_string(b), "inside", "x", person.auth());

  const auto info = get_ok(files_path("folder/" + std::to_string(b)), person.auth());
  ASSERT_TRUE(info.is_object());
  EXPECT_EQ(info.at("id"), b);
  EXPECT_EQ(info.at("parentId"), a);
  EXPECT_EQ(info.at("title"), "B");
  EXPECT_EQ(info.at("filesCount"), 1);
  EXPECT_EQ(info.at("rootFolderType"), 5);

  const auto path = get_ok(files_path("folder/" + std::to_string(b) + "/path"), person.auth());
  ASSERT_TRUE(path.is_array());
  EXPECT_EQ(ids_of(path), std::vector<std::int64_t>({my, a, b}));
  EXPECT_EQ(path.at(1).at("title"), "A");

  // Another person's folder is hidden; an unknown one too.
  const Person other = add_person();
  for (const std::string& route :
       {"folder/" + std::to_string(b), "folder/" + std::to_string(b) + "/path",
        std::string("folder/999999999")}) {
    const auto res = files_call("GET", route, nullptr, other.auth());
    EXPECT_EQ(res.status, 404) << route;
    EXPECT_EQ(error_message(res), "Item not found");
  }
  const auto xml = HttpClient(port()).get(files_path("folder/" + std::to_string(b) + "/path.xml"),
                                          person.auth());
  EXPECT_EQ(xml.status, 200);
  EXPECT_NE(xml.body.find("<title>A</title>"), std::string::npos) << xml.body;
}

TEST_F(FileOperationsTest, ADeleteIsListedByFileOpsAsTheAppPollsIt) {
  const Person person = add_person();
  const std::int64_t file = upload_id("@my", "gone.txt", "gone", person.auth());
  const auto deleted =
      one_operation(files_call("DELETE", "file/" + std::to_string(file), nullptr, person.auth()));
  expect_finished(deleted, 2, "1");
  const std::string id(deleted.at("id").as_string());

  const auto list = operations_of(person.auth());
  ASSERT_FALSE(list.empty());
  const auto& last = list.back().as_object();
  EXPECT_EQ(last.at("id"), id.c_str());
  expect_finished(last, 2, "1");
  // Polled again: still there (a finished operation stays listed for a while).
  EXPECT_TRUE(listed(person.auth(), id));
  // Stored, and only the owner's.
  EXPECT_EQ(stored_operations(person.id), std::vector<std::string>{id});
  EXPECT_FALSE(listed(add_person().auth(), id));
  EXPECT_EQ(files_call("GET", "fileops", nullptr, {}).status, 401);

  // A batch that refused an id says so in `error`.
  const std::int64_t mine = upload_id("@my", "mine.txt", "m", person.auth());
  const auto batch = one_operation(
      files_call("PUT", "fileops/delete", {{"fileIds", {mine, 999999999}}}, person.auth()));
  EXPECT_EQ(batch.at("error"), "Item not found");
  EXPECT_EQ(batch.at("processed"), "1");

  const auto xml = HttpClient(port()).get(files_path("fileops.xml"), person.auth());
  EXPECT_EQ(xml.status, 200);
  EXPECT_NE(xml.body.find("<finished>true</finished>"), std::string::npos) << xml.body;
  EXPECT_NE(xml.body.find("<operation>2</operation>"), std::string::npos) << xml.body;
}

TEST_F(FileOperationsTest, MoveByFormMovesFilesAndFoldersAndIsListed) {
  const Person person = add_person();
  const std::int64_t target = new_folder("@my", "Target", person.auth());
  const std::int64_t sub = new_folder("@my", "Sub", person.auth());
  const std::int64_t inner = new_folder(std::to_string(sub), "Inner", person.auth());
  const std::int64_t a = upload_id("@my", "a.txt", "alpha", person.auth());
  const std::int64_t b = upload_id("@my", "b.txt", "beta", person.auth());

  const auto res =
      put_form("move",
               "destFolderId=" + std::to_string(target) + "&fileIds=" + std::to_string(a) +
                   "&fileIds=" + std::to_string(b) + "&folderIds=" + std::to_string(sub) +
                   "&conflictResolveType=Skip&deleteAfter=true",
               person.auth());
  const auto operation = one_operation(res);
  expect_finished(operation, 0, "3");
  EXPECT_EQ(ids_of(operation.at("files")), std::vector<std::int64_t>({a, b}));
  EXPECT_EQ(operation.at("files").at(0).at("folderId"), target);
  EXPECT_EQ(ids_of(operation.at("folders")), std::vector<std::int64_t>{sub});
  EXPECT_EQ(operation.at("folders").at(0).at("parentId"), target);

  EXPECT_EQ(folder_of(a, person.auth()), target);
  EXPECT_EQ(folder_of(b, person.auth()), target);
  const auto path = get_ok(files_path("folder/" + std::to_string(inner) + "/path"), person.auth());
  EXPECT_EQ(ids_of(path),
            std::vector<std::int64_t>({my_folder(person.auth()), target, sub, inner}));
  EXPECT_EQ(folder_content("@my", person.auth()).at("total"), 1);  // only Target is left
  EXPECT_TRUE(listed(person.auth(), std::string(operation.at("id").as_string())));
}

TEST_F(FileOperationsTest, ConflictResolveTypesAsTheOriginal) {
  const Person person = add_person();
  const std::int64_t target = new_folder("@my", "Target", person.auth());
  const std::string to = std::to_string(target);
  const std::int64_t in_place = upload_id(to, "report.txt", "old report", person.auth());

  // The conflict check names the arriving file whose title is taken (any ASCII case).
  const std::int64_t skip = upload_id("@my", "REPORT.txt", "skip me", person.auth());
  const std::int64_t free = upload_id("@my", "free.txt", "free", person.auth());
  const auto conflicts =
      get_ok(files_path("fileops/move?destFolderId=" + to + "&fileIds=" + std::to_string(skip) +
                        "," + std::to_string(free)),
             person.auth());
  EXPECT_EQ(ids_of(conflicts), std::vector<std::int64_t>{skip});

  // Skip: the file stays where it was; the free one moves.
  auto op = one_operation(files_call(
      "PUT", "fileops/move",
      {{"destFolderId", target}, {"fileIds", {skip, free}}, {"conflictResolveType", "skip"}},
      person.auth()));
  EXPECT_EQ(ids_of(op.at("files")), std::vector<std::int64_t>{free});
  EXPECT_EQ(op.at("processed"), "2");
  EXPECT_EQ(folder_of(skip, person.auth()), my_folder(person.auth()));

  // Duplicate (by number): arrives as `name (1).ext`.
  op = one_operation(files_call(
      "PUT", "fileops/move",
      {{"destFolderId", target}, {"fileIds", {skip}}, {"conflictResolveType", 2}}, person.auth()));
  ASSERT_EQ(op.at("files").as_array().size(), 1u);
  EXPECT_EQ(op.at("files").at(0).at("title"), "REPORT (1).txt");
  EXPECT_EQ(folder_of(skip, person.auth()), target);

  // Overwrite: the arriving content becomes the next version of the file in place, and the moved
  // file is gone.
  const std::int64_t newer = upload_id("@my", "report.txt", "new report", person.auth());
  op = one_operation(files_call(
      "PUT", "fileops/move",
      {{"destFolderId", target}, {"fileIds", {newer}}, {"conflictResolveType", "Overwrite"}},
      person.auth()));
  EXPECT_EQ(ids_of(op.at("files")), std::vector<std::int64_t>{in_place});
  EXPECT_EQ(op.at("files").at(0).at("version"), 2);
  EXPECT_EQ(downloaded(in_place, person.auth()), "new report");
  EXPECT_EQ(downloaded(in_place, person.auth(), "&version=1"), "old report");
  EXPECT_EQ(file_status(newer, person.auth()), 404);
}

TEST_F(FileOperationsTest, CopySharesContentsAndCopiesFolderTrees) {
  const Person person = add_person();
  const std::int64_t target = new_folder("@my", "Target", person.auth());
  const std::int64_t tree = new_folder("@my", "Tree", person.auth());
  const std::int64_t leaf = new_folder(std::to_string(tree), "Leaf", person.auth());
  upload_id(std::to_string(leaf), "deep.txt", "deep content of the copy test", person.auth());
  const std::int64_t file = upload_id("@my", "copy.txt", "copied content", person.auth());
  const std::size_t contents = stored_contents(data_dir());

  const auto op = one_operation(files_call(
      "PUT", "fileops/copy", {{"destFolderId", target}, {"fileIds", {file}}, {"folderIds", {tree}}},
      person.auth()));
  expect_finished(op, 1, "2");
  ASSERT_EQ(op.at("files").as_array().size(), 1u);
  const std::int64_t copy = op.at("files").at(0).at("id").as_int64();
  EXPECT_NE(copy, file);
  EXPECT_EQ(op.at("files").at(0).at("version"), 1);
  EXPECT_EQ(downloaded(copy, person.auth()), "copied content");
  EXPECT_EQ(folder_of(file, person.auth()), my_folder(person.auth()));  // the original stays
  // Copying stores no new content: the versions name the same ones.
  EXPECT_EQ(stored_contents(data_dir()), contents);

  ASSERT_EQ(op.at("folders").as_array().size(), 1u);
  const std::int64_t tree_copy = op.at("folders").at(0).at("id").as_int64();
  EXPECT_NE(tree_copy, tree);
  const auto copied = folder_content(std::to_string(tree_copy), person.auth());
  ASSERT_EQ(copied.at("folders").as_array().size(), 1u);
  EXPECT_EQ(copied.at("folders").at(0).at("title"), "Leaf");
  const auto deep =
      folder_content(std::to_string(copied.at("folders").at(0).at("id").as_int64()), person.auth());
  ASSERT_EQ(deep.at("files").as_array().size(), 1u);
  EXPECT_EQ(downloaded(deep.at("files").at(0).at("id").as_int64(), person.auth()),
            "deep content of the copy test");

  // Deleting the original keeps the copy's content (reference-counted).
  EXPECT_EQ(files_call("DELETE", "file/" + std::to_string(file), nullptr, person.auth()).status,
            200);
  EXPECT_EQ(downloaded(copy, person.auth()), "copied content");
}

TEST_F(FileOperationsTest, RefusalsChangeNothing) {
  const Person person = add_person();
  const Person other = add_person();
  const std::int64_t mine = upload_id("@my", "mine.txt", "m", person.auth());
  const std::int64_t theirs = upload_id("@my", "theirs.txt", "t", other.auth());
  const std::int64_t target = new_folder("@my", "Target", person.auth());
  const std::int64_t common =
      folder_content("@common", person.auth()).at("current").at("id").as_int64();
  const std::size_t before = stored_operations(person.id).size();
  struct Refusal {
    std::string verb;
    boost::json::object body;
    int status;
  };
  const std::vector<Refusal> refusals = {
      // A hidden source: 404, and the visible one is not moved either (all or none).
      {"move", {{"destFolderId", target}, {"fileIds", {mine, theirs}}}, 404},
      {"copy", {{"destFolderId", target}, {"fileIds", {theirs}}}, 404},
      // A hidden destination.
      {"move", {{"destFolderId", my_folder(other.auth())}, {"fileIds", {mine}}}, 404},
      // A destination the caller may read but not change.
      {"move", {{"destFolderId", common}, {"fileIds", {mine}}}, 403},
      {"copy", {{"destFolderId", "@common"}, {"fileIds", {mine}}}, 403},
      {"move", {{"destFolderId", "@trash"}, {"fileIds", {mine}}}, 403},
      // A section root cannot move.
      {"move", {{"destFolderId", target}, {"folderIds", {my_folder(person.auth())}}}, 403},
  };
  for (const Refusal& r : refusals) {
    const auto res = files_call("PUT", "fileops/" + r.verb, r.body, person.auth());
    EXPECT_EQ(res.status, r.status) << r.verb << " " << boost::json::serialize(r.body);
  }
  EXPECT_EQ(folder_of(mine, person.auth()), my_folder(person.auth()));
  EXPECT_EQ(folder_content(std::to_string(target), person.auth()).at("total"), 0);
  EXPECT_EQ(stored_operations(person.id).size(), before);
}

TEST_F(FileOperationsTest, BadInputAnswers400) {
  const Person person = add_person();
  const std::int64_t file = upload_id("@my", "file.txt", "f", person.auth());
  const std::int64_t parent = new_folder("@my", "Parent", person.auth());
  const std::int64_t child = new_folder(std::to_string(parent), "Child", person.auth());
  struct Bad {
    boost::json::object body;
    std::string says;
  };
  const std::vector<Bad> bad = {
      {{{"fileIds", {file}}}, "destFolderId"},
      {{{"destFolderId", "somewhere"}, {"fileIds", {file}}}, "destFolderId"},
      {{{"destFolderId", parent}, {"fileIds", {file}}, {"conflictResolveType", "merge"}},
       "conflictResolveType"},
      {{{"destFolderId", parent}}, "Nothing to move"},
      {{{"destFolderId", parent}, {"fileIds", boost::json::array()}}, "Nothing to move"},
      {{{"destFolderId", parent}, {"fileIds", "x"}}, "fileIds"},
      {{{"destFolderId", child}, {"folderIds", {parent}}}, "into itself"},
      {{{"destFolderId", parent}, {"folderIds", {parent}}}, "into itself"},
  };
  for (const std::string verb : {"move", "copy"}) {
    for (const Bad& b : bad) {
      const auto res = files_call("PUT", "fileops/" + verb, b.body, person.auth());
      EXPECT_EQ(res.status, 400) << verb << " " << boost::json::serialize(b.body) << res.body;
      EXPECT_NE(error_message(res).find(b.says), std::string::npos) << error_message(res);
    }
  }
  // A destination that is a file the caller can see (and no folder they can see): 400 saying so.
  std::int64_t not_a_folder = file;
  while (
      files_call("GET", "folder/" + std::to_string(not_a_folder), nullptr, person.auth()).status !=
      404)
    not_a_folder = upload_id("@my", "another.txt", "a", person.auth());
  const auto file_as_folder =
      files_call("PUT", "fileops/move", {{"destFolderId", not_a_folder}, {"folderIds", {child}}},
                 person.auth());
  EXPECT_EQ(file_as_folder.status, 400) << file_as_folder.body;
  EXPECT_NE(error_message(file_as_folder).find("is a file"), std::string::npos);
  EXPECT_EQ(folder_of(file, person.auth()), my_folder(person.auth()));
  const auto path = get_ok(files_path("folder/" + std::to_string(child) + "/path"), person.auth());
  EXPECT_EQ(ids_of(path), std::vector<std::int64_t>({my_folder(person.auth()), parent, child}));
}

TEST_F(FileOperationsTest, MovingAFileOutOfItsProjectDetachesItAndHidesItFromTheTeam) {
  const Person member = add_person();
  const std::int64_t project = make_project({member.id}, "Moving files");
  const std::int64_t task = create_task_id(project, {{"title", "T"}}, admin());
  const std::int64_t file =
      create_text_id(std::to_string(project_folder(project)), "plan", "p", admin());
  ASSERT_EQ(call("POST", task_path(task, "/files"), {{"files", {file}}}, admin()).status, 201);
  EXPECT_EQ(file_status(file, member.auth()), 200);

  const auto op = one_operation(
      files_call("PUT", "fileops/move", {{"destFolderId", "@my"}, {"fileIds", {file}}}, admin()));
  EXPECT_EQ(ids_of(op.at("files")), std::vector<std::int64_t>{file});
  EXPECT_EQ(file_status(file, member.auth()), 404);  // the admin's @my is the admin's alone
  EXPECT_TRUE(attached(task, admin()).empty());
  const auto history = get_ok("/api/2.0/project/" + task_path(task, "/files/history"), admin());
  ASSERT_TRUE(history.is_array());
  ASSERT_FALSE(history.as_array().empty());
  EXPECT_EQ(history.as_array().back().at("action"), "detach");
  EXPECT_EQ(history.as_array().back().at("reason"), "file moved out of the project");

  // Moving it into a project makes it the team's.
  one_operation(files_call("PUT", "fileops/move",
                           {{"destFolderId", project_folder(project)}, {"fileIds", {file}}},
                           admin()));
  EXPECT_EQ(file_status(file, member.auth()), 200);
}

TEST_F(FileOperationsTest, MarkAsReadAndTerminate) {
  const Person person = add_person();
  const std::int64_t file = upload_id("@my", "read.txt", "r", person.auth());
  const std::int64_t folder = new_folder("@my", "Read", person.auth());
  const auto op = one_operation(put_form(
      "markasread", "fileIds=" + std::to_string(file) + "&folderIds=" + std::to_string(folder),
      person.auth()));
  expect_finished(op, 4, "2");
  EXPECT_EQ(ids_of(op.at("files")), std::vector<std::int64_t>{file});
  EXPECT_EQ(ids_of(op.at("folders")), std::vector<std::int64_t>{folder});
  EXPECT_EQ(
      files_call("PUT", "fileops/markasread", {{"fileIds", {file}}}, add_person().auth()).status,
      404);

  const auto terminated =
      response_of(files_call("PUT", "fileops/terminate", nullptr, person.auth()), 200);
  ASSERT_TRUE(terminated.is_array());
  EXPECT_EQ(terminated, boost::json::value(operations_of(person.auth())));
  EXPECT_EQ(terminated.as_array().back().at("id"), op.at("id"));
}

TEST_F(FileOperationsTest, AMoveOfManyFilesIsOneOperation) {
  const Person person = add_person();
  const std::int64_t target = new_folder("@my", "Many", person.auth());
  std::vector<std::int64_t> ids;
  for (int i = 0; i < 60; ++i)
    ids.push_back(create_text_id("@my", "f" + std::to_string(i), "same", person.auth()));
  boost::json::array list(ids.begin(), ids.end());
  const auto op = one_operation(files_call(
      "PUT", "fileops/move", {{"destFolderId", target}, {"fileIds", list}}, person.auth()));
  EXPECT_EQ(op.at("processed"), "60");
  EXPECT_EQ(folder_content(std::to_string(target), person.auth()).at("total"), 60);
  EXPECT_EQ(folder_content("@my", person.auth()).at("total"), 1);
}

}  // namespace
}  // namespace projectd::test
