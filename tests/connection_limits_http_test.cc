// The edge's caps as an abusive client meets them (issue 21 items 2, 6, 7): uploads are
// authenticated on their head before anything is spooled or promised, spool space in flight is
// capped per client address, a trickling body meets a minimum rate, connections are capped per
// address and below the open-files limit, and running out of descriptors never makes the accept
// loop spin. The rules are in docs/security.md.
#include "files_test_support.h"
#include "process_memory.h"
#include "project_test_support.h"
#include "raw_socket.h"

#include <sys/resource.h>

#include <filesystem>
#include <memory>
#include <set>
#include <thread>

namespace projectd::test {
namespace {

using std::chrono::milliseconds;
using std::chrono::seconds;
namespace fs = std::filesystem;

constexpr const char* kUpload = "/api/2.0/files/@my/upload";

std::string upload_head(std::size_t length, const std::string& auth, bool expect_continue) {
  std::string head = "POST " + std::string(kUpload) +
                     " HTTP/1.1\r\nHost: x\r\nContent-Type: application/octet-stream\r\n"
                     "Content-Disposition: attachment; filename=\"a.bin\"\r\nContent-Length: " +
                     std::to_string(length) + "\r\n";
  if (!auth.empty()) head += "Authorization: " + auth + "\r\n";
  if (expect_continue) head += "Expect: 100-continue\r\n";
  return head + "\r\n";
}

std::string token_of(const TestServer& server) {
  return sign_in(server.port(), kAdminEmail, kAdminPassword);
}

// Item 2: an anonymous upload is answered 401 on its head: no 100 Continue, no byte spooled, so
// 70 connections announcing a megabyte each leave the disk as it was.
TEST(UploadEdge, AnonymousUploadsAre401BeforeAnyByteIsSpooledOrContinued) {
  TestServer server;
  RawSocket expecting(server.port());
  expecting.send(upload_head(1024 * 1024 - 1, "", true));
  const std::string answer = expecting.receive(seconds(5));
  EXPECT_EQ(answer.rfind("HTTP/1.1 401", 0), 0u) << answer;
  EXPECT_EQ(answer.find("100 Continue"), std::string::npos) << answer;

  std::vector<std::unique_ptr<RawSocket>> anonymous;
  for (int i = 0; i < 70; ++i) {
    anonymous.push_back(std::make_unique<RawSocket>(server.port()));
    anonymous.back()->send(upload_head(1024 * 1024 - 1, "", false) + std::string(4096, 'x'));
  }
  for (auto& socket : anonymous)
    EXPECT_EQ(socket->receive_status(seconds(10)), 401);
  EXPECT_EQ(spooled_files(server.data_dir()), 0);
  // A wrong token is refused the same way.
  RawSocket wrong(server.port());
  wrong.send(upload_head(1000, "not-a-token", true));
  EXPECT_EQ(wrong.receive_status(seconds(5)), 401);

  const std::string token = token_of(server);
  const auto signed_in = HttpClient(server.port())
                             .request("POST", kUpload, std::string(1000, 'y'),
                                      {{"Authorization", token},
                                       {"Content-Type", "application/octet-stream"},
                                       {"Content-Disposition", "attachment; filename=\"y.bin\""}});
  EXPECT_EQ(signed_in.status, 201) << signed_in.body;
  EXPECT_EQ(spooled_files(server.data_dir()), 0);  // adopted into the blob store
}

// Item 2: spool space in flight is capped per client address; another address is not affected,
// and the space is free again once an upload has been answered.
TEST(UploadEdge, SpoolSpaceInFlightIsCappedPerAddress) {
  TestServer server({"--max-upload-mb", "1", "--max-upload-in-flight-mb", "2"});
  const std::string token = token_of(server);
  const std::size_t size = 1024 * 1024 - 1;
  std::vector<std::unique_ptr<RawSocket>> holding;
  for (int i = 0; i < 2; ++i) {
    holding.push_back(std::make_unique<RawSocket>(server.port()));
    holding.back()->send(upload_head(size, token, true));
    // 100 Continue comes once the space is reserved.
    EXPECT_EQ(holding.back()->receive_status(seconds(5)), 100);
  }
  RawSocket third(server.port());
  third.send(upload_head(size, token, true));
  const std::string refused = third.receive(seconds(5));
  EXPECT_EQ(refused.rfind("HTTP/1.1 429", 0), 0u) << refused;
  EXPECT_NE(refused.find("Retry-After"), std::string::npos) << refused;

  RawSocket other(server.port(), "127.0.0.2");
  other.send(upload_head(size, token, true));
  EXPECT_EQ(other.receive_status(seconds(5)), 100);
  other.send(std::string(size, 'o'));
  EXPECT_EQ(other.receive_status(seconds(10)), 201);

  holding[0]->send(std::string(size, 'h'));
  EXPECT_EQ(holding[0]->receive_status(seconds(10)), 201);
  RawSocket fourth(server.port());
  fourth.send(upload_head(size, token, true));
  EXPECT_EQ(fourth.receive_status(seconds(5)), 100);  // the answered upload freed its space
}

// Item 2: a body trickled a byte at a time never goes idle, but falls under the minimum rate once
// its grace (here the 2 s body timeout) has passed: 408. Without a minimum it would hold on.
TEST(UploadEdge, ATrickledUploadMeetsTheMinimumRate) {
  for (const bool with_minimum : {true, false}) {
    TestServer server(
        {"--body-timeout-ms", "2000", "--min-body-rate", with_minimum ? "1000" : "0"});
    RawSocket socket(server.port());
    socket.send(upload_head(1000, token_of(server), false));
    const auto start = std::chrono::steady_clock::now();
    int status = 0;
    while (status == 0 && std::chrono::steady_clock::now() - start < seconds(4)) {
      socket.send("x");
      status = socket.receive_status(milliseconds(300));
    }
    if (with_minimum) {
      EXPECT_EQ(status, 408);
    } else {
      EXPECT_EQ(status, 0) << "the control was cut off: the idle timeout fired";
    }
  }
}

// Item 7: one address cannot take every connection: past the per-address cap its connections are
// answered 429 at once, while another address is served; closing frees the slots.
TEST(ConnectionCaps, OneAddressCannotTakeEveryConnection) {
  TestServer server({"--max-connections-per-address", "20"});
  std::vector<std::unique_ptr<RawSocket>> idle;
  for (int i = 0; i < 20; ++i) {
    idle.push_back(std::make_unique<RawSocket>(server.port()));
    idle.back()->send("G");  // started, so accepted and counted
  }
  std::this_thread::sleep_for(milliseconds(300));
  RawSocket refused(server.port());
  const std::string answer = refused.receive(seconds(5));
  EXPECT_EQ(answer.rfind("HTTP/1.1 429", 0), 0u) << answer;
  EXPECT_NE(answer.find("\"statusCode\":429"), std::string::npos) << answer;

  RawSocket other(server.port(), "127.0.0.3");
  other.send("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
  EXPECT_EQ(other.receive_status(seconds(5)), 200);

  idle.resize(10);  // closes ten
  std::this_thread::sleep_for(milliseconds(300));
  RawSocket again(server.port());
  again.send("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
  EXPECT_EQ(again.receive_status(seconds(5)), 200);
}

// The soft limit only, so it can be raised again without privileges.
void set_open_files_limit(pid_t pid, rlim_t limit) {
  struct rlimit value {};
  ASSERT_EQ(::prlimit(pid, RLIMIT_NOFILE, nullptr, &value), 0);
  value.rlim_cur = std::min(limit, value.rlim_max);
  ASSERT_EQ(::prlimit(pid, RLIMIT_NOFILE, &value, nullptr), 0);
}

// The descriptor a new file of the process would get: the lowest number not open. A limit of
// exactly that makes its next open or accept fail with EMFILE.
int lowest_free_descriptor(pid_t pid) {
  std::set<int> open;
  for (const auto& entry : fs::directory_iterator("/proc/" + std::to_string(pid) + "/fd"))
    open.insert(std::stoi(entry.path().filename().string()));
  int free = 0;
  while (open.count(free))
    ++free;
  return free;
}

// Item 6: the soft open-files limit is raised to the hard one at start; connections are capped
// below the limit in force (answered 503, not left unaccepted); and with no descriptor left the
// accept loop pauses and says so instead of spinning, and serves again once descriptors free up.
TEST(ConnectionCaps, OpenFilesLimitIsRaisedRespectedAndNeverSpunOn) {
  struct rlimit mine {};
  ASSERT_EQ(::getrlimit(RLIMIT_NOFILE, &mine), 0);
  struct rlimit lowered = mine;
  lowered.rlim_cur = std::min<rlim_t>(mine.rlim_max, 512);
  ASSERT_EQ(::setrlimit(RLIMIT_NOFILE, &lowered), 0);
  TestServer server;  // inherits the lowered soft limit
  ASSERT_EQ(::setrlimit(RLIMIT_NOFILE, &mine), 0);
  struct rlimit theirs {};
  ASSERT_EQ(::prlimit(server.pid(), RLIMIT_NOFILE, nullptr, &theirs), 0);
  EXPECT_EQ(theirs.rlim_cur, mine.rlim_max);

  // A limit of 200 leaves room for (200 - 128) / 2 = 36 connections.
  set_open_files_limit(server.pid(), 200);
  std::vector<std::unique_ptr<RawSocket>> held;
  for (int i = 0; i < 36; ++i) {
    held.push_back(std::make_unique<RawSocket>(server.port(), "127.0.1." + std::to_string(i + 1)));
    held.back()->send("G");
  }
  std::this_thread::sleep_for(milliseconds(300));
  RawSocket over(server.port(), "127.0.2.1");
  EXPECT_EQ(over.receive_status(seconds(5)), 503);
  held.clear();

  // No descriptor left at all: accept fails with EMFILE.
  std::this_thread::sleep_for(milliseconds(300));
  set_open_files_limit(server.pid(), static_cast<rlim_t>(lowest_free_descriptor(server.pid())));
  std::vector<std::unique_ptr<RawSocket>> waiting;
  for (int i = 0; i < 5; ++i) {
    waiting.push_back(std::make_unique<RawSocket>(server.port()));
    waiting.back()->send("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
  }
  const auto cpu_before = process_cpu_time(server.pid());
  std::this_thread::sleep_for(seconds(2));
  const auto cpu_used = process_cpu_time(server.pid()) - cpu_before;
  EXPECT_LT(cpu_used, milliseconds(500)) << "the accept loop spins";
  EXPECT_NE(server.output().find("cannot accept connections"), std::string::npos);

  set_open_files_limit(server.pid(), mine.rlim_max);
  for (auto& socket : waiting)
    EXPECT_EQ(socket->receive_status(seconds(5)), 200);
}

}  // namespace
}  // namespace projectd::test
