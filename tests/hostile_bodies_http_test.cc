// Bodies built to make binding allocate (issue 21 item 1), text that is not UTF-8 (item 12) and a
// Transfer-Encoding that would smuggle a second request (item 13). The rules are in
// docs/security.md: binding budget, authentication before the body, text is UTF-8, one way to
// delimit a body.
#include "process_memory.h"
#include "project_test_support.h"
#include "raw_socket.h"

#include <atomic>
#include <cstdlib>
#include <thread>

namespace projectd::test {
namespace {

using std::chrono::milliseconds;
using std::chrono::seconds;

// `{"<key_size × A>":[1,1,…]}`: every item of the array is bound under the array's full name.
std::string json_array_bomb(std::size_t key_size, std::size_t items) {
  std::string body = "{\"" + std::string(key_size, 'A') + "\":[";
  body.reserve(body.size() + 2 * items + 2);
  for (std::size_t i = 0; i < items; ++i)
    body += i == 0 ? "1" : ",1";
  return body + "]}";
}

// The same in XML: every child is bound as `<long name>[a]`.
std::string xml_child_bomb(std::size_t name_size, std::size_t items) {
  const std::string name(name_size, 'A');
  std::string body = "<r><" + name + ">";
  for (std::size_t i = 0; i < items; ++i)
    body += "<a>1</a>";
  return body + "</" + name + "></r>";
}

HttpResponse post(unsigned short port, const std::string& target, const std::string& body,
                  const std::string& content_type, Headers headers = {}) {
  headers.emplace_back("Content-Type", content_type);
  return HttpClient(port).request("POST", target, body, headers);
}

class HostileBodies : public ProjectSuite {
 protected:
  // Under AddressSanitizer freed memory sits in a quarantine (256 MiB by default) instead of
  // being reused, which would show the churn of every request as growth; a small quarantine keeps
  // the resident size about what the server holds.
  static void SetUpTestSuite() {
    const char* asan = std::getenv("ASAN_OPTIONS");
    if (asan != nullptr) {
      const std::string options = std::string(asan) + ":quarantine_size_mb=1";
      setenv("ASAN_OPTIONS", options.c_str(), 1);
    }
    start_server();
  }

  int project_count() {
    return static_cast<int>(get_ok("/api/2.0/project", admin()).as_array().size());
  }
};

// Item 1: the bodies of the review, anonymous and signed in, JSON and XML. Each is a 4xx; the
// server's peak resident size stays within a few MiB of its level before them (it grew past 2 GiB
// and was killed), and a signed-in client is served throughout.
TEST_F(HostileBodies, BindingBombsAre4xxAndMemoryStaysFlat) {
  const std::string big_bomb = json_array_bomb(524000, 262000);  // just under 1 MiB
  ASSERT_LT(big_bomb.size(), 1024u * 1024);
  const std::string small_bomb = json_array_bomb(30000, 15000);  // 60 KB: sign-in takes 64 KiB
  std::string many_values = "{\"a\":[1";
  while (many_values.size() < 1000 * 1000)
    many_values += ",1";
  many_values += "]}";
  std::string many_fields = "a=1";
  while (many_fields.size() < 1000 * 1000)
    many_fields += "&a=1";
  const int projects_before = project_count();

  // Warm the paths the bombs take, so what is measured is the bombs, not first use.
  for (int i = 0; i < 3; ++i) {
    post(port(), "/api/2.0/project", "{\"title\":\"\"}", "application/json", admin());
    post(port(), "/api/2.0/authentication", "{\"userName\":\"x\"}", "application/json");
  }
  const ProcessMemory before = ProcessMemory::of(server_->pid());

  std::atomic<bool> bombing{true};
  std::atomic<int> served{0}, refused{0};
  std::thread reader([&] {
    HttpClient client(port());
    // A fixed number of reads at most: ASan's quarantine keeps what each read frees, so a reader
    // looping for as long as a slow (loaded) machine takes would raise the peak by itself.
    for (int reads = 0; bombing && reads < 50; ++reads) {
      (client.get("/api/2.0/project/@self", admin()).status == 200 ? served : refused)++;
      std::this_thread::sleep_for(milliseconds(20));
    }
  });

  // Anonymous: refused on the head, the body never parsed.
  EXPECT_EQ(post(port(), "/api/2.0/project", big_bomb, "application/json").status, 401);
  // Signed in: the body is parsed, and the first item's name is refused.
  const auto signed_in = post(port(), "/api/2.0/project", big_bomb, "application/json", admin());
  EXPECT_EQ(signed_in.status, 400) << signed_in.body;
  EXPECT_NE(error_message(signed_in).find("longer than"), std::string::npos) << signed_in.body;
  // Sign-in parses its body before anyone is known: the budget holds it.
  EXPECT_EQ(post(port(), "/api/2.0/authentication", small_bomb, "application/json").status, 400);
  EXPECT_EQ(post(port(), "/api/2.0/authentication", xml_child_bomb(20000, 2500), "text/xml").status,
            400);
  // Many small values: within the name limit, refused by the budget.
  const auto values = post(port(), "/api/2.0/project", many_values, "application/json", admin());
  EXPECT_EQ(values.status, 413) << values.body;
  EXPECT_EQ(
      post(port(), "/api/2.0/project", many_fields, "application/x-www-form-urlencoded", admin())
          .status,
      413);

  bombing = false;
  reader.join();
  const ProcessMemory after = ProcessMemory::of(server_->pid());
  EXPECT_LT(after.peak_kib, before.resident_kib + 24 * 1024)
      << "peak " << after.peak_kib << " KiB, before the bombs " << before.resident_kib << " KiB";
  EXPECT_GT(served.load(), 0);
  EXPECT_EQ(refused.load(), 0);
  EXPECT_EQ(project_count(), projects_before);
}

// A form body may still carry the token as asc_auth_key (the original reads it there): it is
// found without binding the body, and the body is bound after.
TEST_F(HostileBodies, AFormBodysTokenStillSignsIn) {
  const std::string token = admin()[0].second;
  const auto res = post(port(), "/api/2.0/project",
                        "asc_auth_key=" + token + "&title=Form%20signed&private=false",
                        "application/x-www-form-urlencoded");
  ASSERT_EQ(res.status, 201) << res.body;
  EXPECT_EQ(response_of(res, 201).at("title").as_string(), "Form signed");
}

// Item 12: text that is not UTF-8 is refused, whichever way it comes, and nothing is stored.
TEST_F(HostileBodies, TextThatIsNotUtf8Is400AndStoresNothing) {
  const int projects_before = project_count();
  const auto form = post(port(), "/api/2.0/project", "title=bad%FF%FE",
                         "application/x-www-form-urlencoded", admin());
  EXPECT_EQ(form.status, 400) << form.body;
  EXPECT_NE(error_message(form).find("'title' is not valid UTF-8"), std::string::npos) << form.body;
  const auto json =
      post(port(), "/api/2.0/project", "{\"title\":\"bad\xFF\xFE\"}", "application/json", admin());
  EXPECT_EQ(json.status, 400) << json.body;
  const auto xml = post(port(), "/api/2.0/project", "<r><title>bad\xFF\xFE</title></r>",
                        "application/xml", admin());
  EXPECT_EQ(xml.status, 400) << xml.body;
  const auto query = HttpClient(port()).get("/api/2.0/project/filter?tag=%C0%AF", admin());
  EXPECT_EQ(query.status, 400) << query.body;
  EXPECT_EQ(HttpClient(port()).get("/api/2.0/project/%FF", admin()).status, 400);
  EXPECT_EQ(project_count(), projects_before);
  // Every answer above is itself valid JSON (json() throws otherwise).
  for (const auto* res : {&form, &json, &xml, &query})
    EXPECT_NO_THROW(res->json());
}

// Item 13: a Transfer-Encoding other than chunked cannot delimit a body, so the bytes after the
// head must not run as a second request: 400, and the connection is closed.
TEST_F(HostileBodies, ATransferEncodingOtherThanChunkedIs400AndCloses) {
  for (const std::string coding : {"gzip", "gzip, chunked, identity", "identity"}) {
    RawSocket socket(port());
    socket.send("POST /api/2.0/authentication HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: " + coding +
                "\r\n\r\nGET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
    const std::string answer = socket.receive(seconds(5));
    EXPECT_EQ(answer.rfind("HTTP/1.1 400", 0), 0u) << coding << ": " << answer;
    EXPECT_EQ(answer.find("HTTP/1.1", 1), std::string::npos) << "a second answer: " << answer;
  }
  RawSocket chunked(port());
  chunked.send(
      "POST /api/2.0/authentication HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
      "Transfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n");
  EXPECT_EQ(chunked.receive_status(seconds(5)), 400);  // read, and refused for what it says
}

}  // namespace
}  // namespace projectd::test
