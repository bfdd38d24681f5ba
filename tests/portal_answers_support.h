// The portal `projectd copy`'s test and the backup tests seed through the API, every GET it can be
// asked, and a comparison of two servers' answers: a portal moved (copy) or restored (backup)
// must answer every request as the original did, as every user.
#pragma once

#include "files_test_support.h"

#include <atomic>
#include <map>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace projectd::test {

// Absolute URLs (viewUrl, webUrl) must not depend on the port each server happens to get.
inline const std::vector<std::string> kPublicUrl = {"--public-url", "http://portal.example"};

// The portal: people of every kind, public and private projects with teams and tags, milestones,
// tasks with responsibles, subtasks, links, a custom status and a closed one, comments with a
// reply, a discussion with a comment and a file, uploads attached to tasks and detached again, a
// subfolder, a reminder, a follower, a failed sign-in, time entries (one billed), and a deleted
// task (the last one made, so its id is the tasks' high-water mark).
struct Portal {
  Person member, other, guest;
  std::int64_t review = 0, open_project = 0, private_project = 0, milestone = 0, message = 0;
  std::vector<std::int64_t> tasks;
  std::int64_t deleted_task = 0;
  std::int64_t billed_time = 0;
  std::vector<std::int64_t> files;
  std::int64_t subfolder = 0;
  std::string comment;
  std::string group;
  std::int64_t webhook = 0;  // disabled: its answers never change
  std::string upload;        // a chunked upload's location (path and query), half sent
  std::string link;          // the shared link's key of files[3] (migration 0014)
};

struct Answer {
  int status = 0;
  std::string body;
};

// (user, path) -> what GET path answers that user (downloads are kept as bytes).
using Answers = std::map<std::pair<std::string, std::string>, Answer>;
// (user name for messages, their credentials)
using Users = std::vector<std::pair<std::string, Headers>>;

// Tests that start the servers they need (no suite server), seed a Portal and compare answers.
class PortalAnswersSuite : public FilesSuite {
 protected:
  static void SetUpTestSuite() {}
  static void TearDownTestSuite() {}

  // Seeds the running server's portal through the API.
  static Portal seed();
  // Every list and single-object GET of the portal.
  static std::vector<std::string> paths(const Portal& p);
  static Answers ask_all(const std::vector<std::string>& paths, const Users& users);

  // A write load on the running server, from a thread of its own until stop(): tasks in
  // `project` and uploads into its folder (each a content of its own), as the admin. The backup
  // tests back up while it runs.
  class WriteLoad {
   public:
    explicit WriteLoad(std::int64_t project);
    ~WriteLoad() { stop(); }
    WriteLoad(const WriteLoad&) = delete;
    WriteLoad& operator=(const WriteLoad&) = delete;
    // Ends the load and waits for its last request.
    void stop();
    int written() const { return written_; }
    int failed() const { return failed_; }

   private:
    std::atomic<bool> stop_{false};
    std::atomic<int> written_{0}, failed_{0};
    std::thread thread_;
  };
};

// A body as JSON, or as a JSON string when it is not JSON (downloads).
boost::json::value parsed_or_text(const std::string& body);
// Every answer of `before` is in `after` with the same status and body (JSON compared as values).
void expect_same_answers(const Answers& before, const Answers& after);

}  // namespace projectd::test
