// An internal error never shows its internals (issue 14): the client gets the generic message and
// the request's id, the log gets the detail with the same id (docs/architecture.md, "Errors").
#include "files_test_support.h"
#include "http_client.h"
#include "store_sql.h"
#include "test_server.h"

#include <gtest/gtest.h>

namespace projectd::test {
namespace {

TEST(InternalErrors, AreAnsweredGenericallyAndLoggedWithTheirDetailAndRequestId) {
  TestServer server;
  const std::string token = sign_in(server.port(), kAdminEmail, kAdminPassword);
  HttpClient client(server.port());
  ASSERT_EQ(client.get("/api/2.0/project", HttpClient::auth(token)).status, 200);

  // A table gone behind the server's back: the store's own error text names it.
  connect_store(server.store_url())->execute("ALTER TABLE projects RENAME TO projects_gone");
  const auto res =
      client.get("/api/2.0/project", {{"Authorization", token}, {"X-Request-Id", "report-me-42"}});
  EXPECT_EQ(res.status, 500);
  EXPECT_EQ(res.json().at("error").at("message").as_string(),
            "The server failed to process the request");
  for (const char* internal : {"projects", "sqlite", "SQLSTATE", "relation", "table", "store"})
    EXPECT_EQ(res.body.find(internal), std::string::npos) << internal << " in " << res.body;
  EXPECT_EQ(res.header("x-request-id"), "report-me-42");
  // The server's output reaches the test through a pipe: wait for the line rather than race it.
  const std::string failed = "GET /api/2.0/project from 127.0.0.1 failed (request report-me-42)";
  ASSERT_TRUE(eventually([&] { return server.output().find(failed) != std::string::npos; }))
      << server.output();
  const std::string log = server.output();
  const std::size_t line = log.find(failed);
  EXPECT_NE(log.find("projects", line), std::string::npos) << "the detail is logged: " << log;

  // Answers always carry an id, made by the server when the client sent none (or a bad one).
  const auto made = client.get("/healthz", {{"X-Request-Id", "no spaces please"}});
  EXPECT_FALSE(made.header("x-request-id").empty());
  EXPECT_NE(made.header("x-request-id"), "no spaces please");

  connect_store(server.store_url())->execute("ALTER TABLE projects_gone RENAME TO projects");
  EXPECT_EQ(client.get("/api/2.0/project", HttpClient::auth(token)).status, 200);
}

}  // namespace
}  // namespace projectd::test
