// For tests that need a live PostgreSQL: the server named by PROJECTD_TEST_POSTGRES (a libpq URL;
// tests skip when it is unset), and a fixture that gives each test its own schema, so test runs in
// parallel never meet, and drops it afterwards.
//
// Thread safety: none; one test thread.
#pragma once

#include "store/postgres/postgres_connection.h"
#include "store/postgres/postgres_store.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <functional>
#include <memory>
#include <random>
#include <string>
#include <vector>

namespace projectd::testing {

class PostgresTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const char* url = std::getenv("PROJECTD_TEST_POSTGRES");
    if (url == nullptr || *url == '\0') {
      GTEST_SKIP() << "set PROJECTD_TEST_POSTGRES to a PostgreSQL URL to run this test";
    }
    url_ = url;
    std::random_device random;
    schema_ = "t_" + std::to_string(random()) + "_" + std::to_string(random());
    connection_ = std::make_unique<PostgresConnection>(url_);
    connection_->execute_script("CREATE SCHEMA " + schema_);
    use_schema(*connection_);
  }

  void TearDown() override {
    if (schema_.empty()) return;
    // A connection of its own: the test's may be broken or inside an aborted transaction.
    PostgresConnection admin(url_);
    admin.execute_script("DROP SCHEMA " + schema_ + " CASCADE");
  }

  // Another session on the test's schema.
  std::unique_ptr<PostgresConnection> open() {
    auto connection = std::make_unique<PostgresConnection>(url_);
    use_schema(*connection);
    return connection;
  }

  // A URL whose sessions start in the test's schema (for stores that open connections of their
  // own).
  std::string schema_url() const {
    return url_ + (url_.find('?') == std::string::npos ? "?" : "&") + "options=-csearch_path%3D" +
           schema_;
  }

  void use_schema(PostgresConnection& connection) {
    connection.execute_script("SET search_path TO " + schema_);
  }

  // Column 0 of every row, as text.
  static std::vector<std::string> texts(SqlStatement statement) {
    std::vector<std::string> out;
    while (statement.step())
      out.push_back(statement.text(0));
    return out;
  }
  static std::vector<std::int64_t> ints(SqlStatement statement) {
    std::vector<std::int64_t> out;
    while (statement.step())
      out.push_back(statement.int64(0));
    return out;
  }

  // The PostgresError `run` throws; a test failure if it throws none.
  static PostgresError error_of(const std::function<void()>& run) {
    try {
      run();
    } catch (const PostgresError& e) {
      return e;
    }
    ADD_FAILURE() << "no PostgresError was thrown";
    return PostgresError(ErrorKind::kInternal, "", SqlConstraint::kNone, "", false);
  }

  std::string url_;
  std::string schema_;
  std::unique_ptr<PostgresConnection> connection_;
};

// A PostgresTest with a migrated PostgresStore on the test's schema, seeded by seed() in one
// write before each test.
class PostgresStoreTestBase : public PostgresTest {
 protected:
  void SetUp() override {
    PostgresTest::SetUp();
    if (IsSkipped()) return;
    store_ = PostgresStore::open({.url = schema_url(), .connections = 2}, true);
    store_->write([&](StoreTx& tx) { seed(tx); });
  }
  void TearDown() override {
    store_.reset();  // its connections before the schema they use
    PostgresTest::TearDown();
  }
  virtual void seed(StoreTx& /*tx*/) {}

  std::unique_ptr<PostgresStore> store_;
};

}  // namespace projectd::testing
