// The limits of README "Limits" as a hostile client meets them (issue 7): each oversized or
// endless input gets a bounded 4xx envelope, changes nothing, and leaves the server answering
// everybody else.
#include "files_test_support.h"
#include "raw_socket.h"

#include <atomic>
#include <memory>
#include <thread>

namespace projectd::test {
namespace {

using std::chrono::milliseconds;
using std::chrono::seconds;

void expect_envelope(const HttpResponse& res, int status) {
  EXPECT_EQ(res.status, status) << res.body;
  const auto body = res.json();
  EXPECT_EQ(body.at("statusCode").as_int64(), status);
  EXPECT_FALSE(body.at("error").at("message").as_string().empty());
}

// Slowloris: hundreds of connections each sending its head a byte at a time. Each is answered 408
// when the head deadline passes (a deadline for the whole head, not per byte: 1.5 s here), and the
// server serves others meanwhile.
TEST(SlowClients, HundredsSendingAByteAtATimeAreCutOffAndOthersAreServed) {
  TestServer server({"--header-timeout-ms", "1500"});
  const auto port = [&] { return server.port(); };
  const std::string head = "GET /api/2.0/people/@self HTTP/1.1\r\nHost: x\r\nX-Slow: ";
  std::vector<std::unique_ptr<RawSocket>> slow;
  for (int i = 0; i < 300; ++i)
    slow.push_back(std::make_unique<RawSocket>(port()));
  std::atomic<bool> dripping{true};
  std::thread drip([&] {
    for (std::size_t at = 0; dripping && at < 10 * head.size(); ++at) {
      for (auto& socket : slow) {
        try {
          socket->send(std::string(1, head[at % head.size()]));
        } catch (const std::exception&) {
          // Closed by the server after its 408: what the test expects.
        }
      }
      std::this_thread::sleep_for(milliseconds(100));
    }
  });
  HttpClient client(port());
  for (int i = 0; i < 20; ++i) {
    EXPECT_EQ(client.get("/healthz").status, 200);
    std::this_thread::sleep_for(milliseconds(25));
  }
  int cut_off = 0;
  std::string others;
  for (std::size_t i = 0; i < slow.size(); ++i) {
    const auto start = std::chrono::steady_clock::now();
    const std::string answer = slow[i]->receive(seconds(10), 12);
    if (answer.rfind("HTTP/1.1 408", 0) == 0) {
      ++cut_off;
    } else {
      others += "#" + std::to_string(i) + " got '" + answer + "' after " +
                std::to_string(std::chrono::duration_cast<milliseconds>(
                                   std::chrono::steady_clock::now() - start)
                                   .count()) +
                " ms; ";
    }
  }
  dripping = false;
  drip.join();
  EXPECT_EQ(cut_off, 300) << others;
  const std::string token = sign_in(port(), kAdminEmail, kAdminPassword);
  EXPECT_EQ(HttpClient(port()).get("/api/2.0/people/@self", HttpClient::auth(token)).status, 200);
}

using LimitsTest = FilesSuite;

TEST_F(LimitsTest, AnOverlongPathIs431) {
  RawSocket socket(port());
  socket.send("GET /api/2.0/project/" + std::string(20000, 'a') + " HTTP/1.1\r\nHost: x\r\n\r\n");
  EXPECT_EQ(socket.receive_status(seconds(5)), 431);
}

TEST_F(LimitsTest, AThousandAndOneFilesToAttachAre400AndAttachNothing) {
  const std::int64_t project = make_project({}, "Limits");
  const std::int64_t task = create_task_id(project, {{"title", "Attach target"}}, admin());
  const std::int64_t file =
      upload_id(std::to_string(project_folder(project)), "f.txt", "x", admin());
  boost::json::array files{file};
  for (int i = 0; i < 1000; ++i)
    files.push_back(file + 1 + i);
  const auto res = call("POST", task_path(task, "/files"), {{"files", files}}, admin());
  expect_envelope(res, 400);
  EXPECT_NE(res.body.find("at most 1000"), std::string::npos) << res.body;
  EXPECT_TRUE(attached(task, admin()).empty());
}

TEST_F(LimitsTest, DeeplyNestedJsonIs400) {
  const std::string body = "{\"title\":" + std::string(100, '[') + std::string(100, ']') + "}";
  const auto res = HttpClient(port()).request(
      "POST", "/api/2.0/project", body, {admin().front(), {"Content-Type", "application/json"}});
  expect_envelope(res, 400);
  EXPECT_NE(error_message(res).find("JSON"), std::string::npos) << res.body;
}

TEST_F(LimitsTest, AThousandAndOneMultipartPartsAre400) {
  std::vector<Part> parts;
  for (int i = 0; i < 1001; ++i)
    parts.push_back(Part{"field" + std::to_string(i), "", "x"});
  const auto res = upload("@my", parts, admin());
  expect_envelope(res, 400);
  EXPECT_NE(error_message(res).find("1000 parts"), std::string::npos) << res.body;
}

TEST_F(LimitsTest, AHugePageSizeIsClampedToAThousand) {
  const auto res = HttpClient(port()).get("/api/2.0/project/task/filter?count=100000000", admin());
  ASSERT_EQ(res.status, 200) << res.body;
  EXPECT_LE(res.json().at("response").as_array().size(), 1000u);
}

}  // namespace
}  // namespace projectd::test
