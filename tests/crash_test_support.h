// Support of the crash-consistency test: clients that drive a seeded random mix of task and file
// writes against the suite's server until it is killed, each keeping a journal of what the server
// acknowledged and of the one request the kill left unanswered.
#pragma once

#include "files_test_support.h"

#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace projectd::test {

// Whether a write's effect must be there after the restart; kUnknown when the request that would
// have changed it got no answer (it may or may not have committed).
enum class Presence { kAbsent, kPresent, kUnknown };

struct TaskFate {
  std::vector<std::string> titles;  // the last acknowledged title, then one an unanswered PUT sent
  Presence exists = Presence::kPresent;
};

using IdPair = std::pair<std::int64_t, std::int64_t>;

// Every object a client makes or changes is its own, so no other client's request can explain
// a difference: the journal is the whole truth about them.
struct Journal {
  std::map<std::int64_t, TaskFate> tasks;
  std::map<std::int64_t, std::string> files;  // an acknowledged upload -> SHA-256 of its bytes
  std::map<IdPair, Presence> attachments;     // (task, file)
  std::map<IdPair, Presence> links;           // (parent, dependent)
  int acknowledged = 0;
  std::string unanswered;            // the request the kill cut off
  std::vector<std::string> refused;  // answers that were not 2xx: none is expected
};

class CrashSuite : public FilesSuite {
 protected:
  // The server starts in each test, on a data directory that outlives it (persistent_dir()).
  static void SetUpTestSuite() {}
  static void TearDownTestSuite() {}
  void TearDown() override {
    if (server_) stop_server();
  }
  const std::string& persistent_dir() const { return data_.path(); }

  // Makes a project, starts `clients` clients writing into it, SIGKILLs the suite's server after
  // `kill_after`, waits until every client has noticed, and forgets the dead server. Returns the
  // clients' journals.
  static std::vector<Journal> crash_under_load(std::uint32_t seed, int clients,
                                               std::chrono::milliseconds kill_after);

 private:
  class Client;
  TempDir data_;
};

}  // namespace projectd::test
