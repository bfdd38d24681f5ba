#include "store/sqlite/sqlite_store.h"
#include "store/sqlite/sqlite_test_support.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace projectd {
namespace {

using testing::make_user;
using testing::TempDir;

UserQuery user_query(std::string text, std::int64_t offset = 0, std::int64_t limit = 1000) {
  UserQuery q;
  q.text = std::move(text);
  q.offset = offset;
  q.limit = limit;
  return q;
}
UserQuery with_status(UserQuery q, EmployeeStatus status) {
  q.status = status;
  return q;
}
UserQuery with_visitor(UserQuery q, bool is_visitor) {
  q.is_visitor = is_visitor;
  return q;
}

class SqliteReposTest : public ::testing::Test {
 protected:
  void SetUp() override { store_ = SqliteStore::open({.path = dir_.file("projectd.db")}, true); }

  void insert(const UserRecord& user) {
    store_->write([&](StoreTx& tx) { tx.users().insert(user); });
  }
  std::vector<std::string> page_ids(const UserQuery& user_query) {
    std::vector<std::string> ids;
    for (const UserRecord& u :
         store_->read_value([&](StoreTx& tx) { return tx.users().page(user_query); })) {
      ids.push_back(u.id);
    }
    return ids;
  }
  std::int64_t count(const UserQuery& user_query) {
    return store_->read_value([&](StoreTx& tx) { return tx.users().count(user_query); });
  }
  ErrorKind write_error(const std::function<void(StoreTx&)>& fn) {
    try {
      store_->write(fn);
    } catch (const ApiError& e) {
      return e.kind();
    }
    ADD_FAILURE() << "the write succeeded";
    return ErrorKind::kInternal;
  }

  TempDir dir_;
  std::unique_ptr<SqliteStore> store_;
};

TEST_F(SqliteReposTest, UserRoundTripsEveryField) {
  UserRecord user = make_user("ann", "Ann", "Lee");
  user.title = "Engineer";
  user.location = "Riga";
  user.notes = "likes tea";
  user.sex = "female";
  user.birthday = from_ticks(-5'000'000'000'000'000);
  user.work_from = from_ticks(15'000'000'000'000'000);
  user.terminated = from_ticks(16'000'000'000'000'000);
  user.is_admin = true;
  user.is_visitor = true;
  user.status = EmployeeStatus::kLeaveOfAbsence;
  user.activation_status = ActivationStatus::kPending;
  user.password_hash = "$argon2id$v=19$m=19456,t=2,p=1$salt$hash";
  insert(user);
  UserRecord plain = make_user("bob");
  insert(plain);

  auto [got, got_plain] = store_->read_value([&](StoreTx& tx) {
    return std::make_pair(*tx.users().by_id(user.id), *tx.users().by_id(plain.id));
  });
  EXPECT_EQ(got.id, user.id);
  EXPECT_EQ(got.user_name, user.user_name);
  EXPECT_EQ(got.email, user.email);
  EXPECT_EQ(got.first_name, "Ann");
  EXPECT_EQ(got.last_name, "Lee");
  EXPECT_EQ(got.title, "Engineer");
  EXPECT_EQ(got.location, "Riga");
  EXPECT_EQ(got.notes, "likes tea");
  EXPECT_EQ(got.sex, "female");
  EXPECT_EQ(got.birthday, user.birthday);
  EXPECT_EQ(got.work_from, user.work_from);
  EXPECT_EQ(got.terminated, user.terminated);
  EXPECT_TRUE(got.is_admin);
  EXPECT_TRUE(got.is_visitor);
  EXPECT_EQ(got.status, EmployeeStatus::kLeaveOfAbsence);
  EXPECT_EQ(got.activation_status, ActivationStatus::kPending);
  EXPECT_EQ(got.password_hash, user.password_hash);
  EXPECT_EQ(got.created, user.created);
  EXPECT_EQ(got.updated, user.updated);

  EXPECT_EQ(got_plain.sex, std::nullopt);
  EXPECT_EQ(got_plain.birthday, std::nullopt);
  EXPECT_EQ(got_plain.terminated, std::nullopt);
  EXPECT_FALSE(got_plain.is_admin);
  EXPECT_EQ(got_plain.status, EmployeeStatus::kActive);
  EXPECT_FALSE(store_->read_value([](StoreTx& tx) { return tx.users().by_id("id-nobody"); }));
}

TEST_F(SqliteReposTest, ByLoginIgnoresCaseOfEmailAndUserName) {
  UserRecord user = make_user("carol");
  user.user_name = "Carol.King";
  insert(user);
  for (const char* login : {"carol@example.com", "CAROL@Example.COM", "carol.king", "CAROL.KING"}) {
    auto found = store_->read_value([&](StoreTx& tx) { return tx.users().by_login(login); });
    ASSERT_TRUE(found) << login;
    EXPECT_EQ(found->id, user.id) << login;
  }
  EXPECT_FALSE(store_->read_value([](StoreTx& tx) { return tx.users().by_login("carol"); }));
}

TEST_F(SqliteReposTest, ByLoginPrefersTheEmailOverAnotherUsersUserName) {
  UserRecord owner = make_user("dan");
  UserRecord squatter = make_user("eve");
  squatter.user_name = "DAN@example.com";
  insert(squatter);
  insert(owner);
  auto found =
      store_->read_value([](StoreTx& tx) { return tx.users().by_login("dan@example.com"); });
  ASSERT_TRUE(found);
  EXPECT_EQ(found->id, owner.id);
}

TEST_F(SqliteReposTest, TakenEmailOrUserNameIsAConflict) {
  insert(make_user("fay"));
  UserRecord same_email = make_user("gus");
  same_email.email = "FAY@example.com";
  UserRecord same_name = make_user("hal");
  same_name.user_name = "USER.FAY";
  EXPECT_EQ(write_error([&](StoreTx& tx) { tx.users().insert(same_email); }), ErrorKind::kConflict);
  EXPECT_EQ(write_error([&](StoreTx& tx) { tx.users().insert(same_name); }), ErrorKind::kConflict);
  try {
    store_->write([&](StoreTx& tx) { tx.users().insert(same_email); });
  } catch (const ApiError& e) {
    EXPECT_STREQ(e.what(), "A user with this email or user name already exists");
  }

  // The conflict rolls back everything the same write did before it.
  EXPECT_EQ(write_error([&](StoreTx& tx) {
              tx.users().insert(make_user("ivy"));
              tx.users().insert(same_email);
            }),
            ErrorKind::kConflict);
  EXPECT_EQ(store_->read_value([](StoreTx& tx) { return tx.users().count_all(); }), 1);
}

TEST_F(SqliteReposTest, UpdateChangesTheRowAndRefusesTakenNames) {
  UserRecord jon = make_user("jon");
  UserRecord kim = make_user("kim");
  insert(jon);
  insert(kim);
  jon.first_name = "Jonathan";
  jon.email = "jonathan@example.com";
  jon.updated = from_ticks(3'000'000);
  store_->write([&](StoreTx& tx) { tx.users().update(jon); });
  UserRecord got = *store_->read_value([&](StoreTx& tx) { return tx.users().by_id(jon.id); });
  EXPECT_EQ(got.first_name, "Jonathan");
  EXPECT_EQ(got.email, "jonathan@example.com");
  EXPECT_EQ(got.updated, jon.updated);

  jon.user_name = kim.user_name;
  EXPECT_EQ(write_error([&](StoreTx& tx) { tx.users().update(jon); }), ErrorKind::kConflict);
  EXPECT_EQ(write_error([&](StoreTx& tx) { tx.users().update(make_user("nobody")); }),
            ErrorKind::kNotFound);
}

TEST_F(SqliteReposTest, PageFiltersOrdersAndPages) {
  insert(make_user("u1", "Zoe", "Adams"));
  insert(make_user("u2", "adam", "Brown"));
  insert(make_user("u3", "Adam", "Brown"));
  insert(make_user("u4", "Adam", "Abbot"));
  UserRecord visitor = make_user("u5", "Bea", "Adamson");
  visitor.is_visitor = true;
  insert(visitor);
  UserRecord gone = make_user("u6", "Cid", "Marsh");
  gone.status = EmployeeStatus::kTerminated;
  insert(gone);

  // Everyone, by first name, last name, id (binary order: upper case first).
  EXPECT_EQ(page_ids(user_query("")),
            (std::vector<std::string>{"id-u4", "id-u3", "id-u5", "id-u6", "id-u1", "id-u2"}));
  // Case-insensitive substring over names, email and user name.
  EXPECT_EQ(page_ids(user_query("ADAM")),
            (std::vector<std::string>{"id-u4", "id-u3", "id-u5", "id-u1", "id-u2"}));
  EXPECT_EQ(page_ids(user_query("MARSH")), (std::vector<std::string>{"id-u6"}));
  EXPECT_EQ(page_ids(user_query("u6@EXAMPLE")), (std::vector<std::string>{"id-u6"}));
  EXPECT_EQ(page_ids(user_query("user.u1")), (std::vector<std::string>{"id-u1"}));
  // Without the email, the text matches names and user names only.
  UserQuery names_only = user_query("u6@EXAMPLE");
  names_only.match_email = false;
  EXPECT_EQ(page_ids(names_only), (std::vector<std::string>{}));
  EXPECT_EQ(count(names_only), 0);
  names_only.text = "MARSH";
  EXPECT_EQ(page_ids(names_only), (std::vector<std::string>{"id-u6"}));
  // Status and visitor filters combine with the text.
  EXPECT_EQ(page_ids(with_status(user_query(""), EmployeeStatus::kTerminated)),
            (std::vector<std::string>{"id-u6"}));
  EXPECT_EQ(page_ids(with_visitor(user_query("adam"), true)), (std::vector<std::string>{"id-u5"}));
  EXPECT_EQ(count(with_visitor(user_query("adam"), false)), 4);
  EXPECT_EQ(count(with_status(user_query(""), EmployeeStatus::kActive)), 5);
  // Offset and limit page; count ignores them.
  EXPECT_EQ(page_ids(user_query("adam", 1, 2)), (std::vector<std::string>{"id-u3", "id-u5"}));
  EXPECT_EQ(page_ids(user_query("adam", 4, 2)), (std::vector<std::string>{"id-u2"}));
  EXPECT_EQ(page_ids(user_query("", 10)), (std::vector<std::string>{}));
  EXPECT_EQ(count(user_query("adam", 1, 2)), 5);
  EXPECT_EQ(store_->read_value([](StoreTx& tx) { return tx.users().count_all(); }), 6);
}

TEST_F(SqliteReposTest, FilterTakesWildcardsAndTheEscapeLiterally) {
  insert(make_user("p1", "100% Sure", "X"));
  insert(make_user("p2", "1000 Sure", "X"));
  insert(make_user("p3", "a_b", "X"));
  insert(make_user("p4", "axb", "X"));
  insert(make_user("p5", "back\\slash", "X"));
  insert(make_user("p6", "backslash", "X"));
  EXPECT_EQ(page_ids(user_query("0%")), (std::vector<std::string>{"id-p1"}));
  EXPECT_EQ(count(user_query("%")), 1);
  EXPECT_EQ(page_ids(user_query("a_b")), (std::vector<std::string>{"id-p3"}));
  EXPECT_EQ(count(user_query("_")), 1);
  EXPECT_EQ(page_ids(user_query("k\\s")), (std::vector<std::string>{"id-p5"}));
  EXPECT_EQ(count(user_query("\\")), 1);
}

TEST_F(SqliteReposTest, TokensInsertFindAndDelete) {
  insert(make_user("ann"));
  insert(make_user("bob"));
  auto token = [](std::string hash, std::string user, std::int64_t expires) {
    return TokenRecord{.token_hash = std::move(hash),
                       .user_id = std::move(user),
                       .created = from_ticks(10),
                       .expires = from_ticks(expires)};
  };
  store_->write([&](StoreTx& tx) {
    tx.sessions().insert_token(token("h1", "id-ann", 100));
    tx.sessions().insert_token(token("h2", "id-ann", 200));
    tx.sessions().insert_token(token("h3", "id-bob", 300));
    tx.sessions().insert_token(token("h4", "id-bob", 400));
  });
  auto find = [&](const char* hash) {
    return store_->read_value([&](StoreTx& tx) { return tx.sessions().token(hash); });
  };
  auto h1 = find("h1");
  ASSERT_TRUE(h1);
  EXPECT_EQ(h1->user_id, "id-ann");
  EXPECT_EQ(h1->created, from_ticks(10));
  EXPECT_EQ(h1->expires, from_ticks(100));
  EXPECT_FALSE(find("nope"));

  store_->write([](StoreTx& tx) { tx.sessions().delete_token("h1"); });
  EXPECT_FALSE(find("h1"));
  EXPECT_TRUE(find("h2"));

  store_->write([](StoreTx& tx) { tx.sessions().delete_tokens_of("id-ann"); });
  EXPECT_FALSE(find("h2"));
  EXPECT_TRUE(find("h3"));

  // Expired means an expiry at or before now.
  store_->write([](StoreTx& tx) { tx.sessions().delete_expired_tokens(from_ticks(300)); });
  EXPECT_FALSE(find("h3"));
  EXPECT_TRUE(find("h4"));
}

TEST_F(SqliteReposTest, TokenOfAMissingUserIsADefect) {
  EXPECT_EQ(write_error([](StoreTx& tx) {
              tx.sessions().insert_token({.token_hash = "h",
                                          .user_id = "id-nobody",
                                          .created = from_ticks(1),
                                          .expires = from_ticks(2)});
            }),
            ErrorKind::kInternal);
}

TEST_F(SqliteReposTest, LoginFailuresCountWithinTheWindowPerAccountAndClient) {
  store_->write([](StoreTx& tx) {
    for (std::int64_t at : {100, 200, 300, 400}) {
      tx.sessions().add_login_failure("ann", "10.0.0.1", from_ticks(at));
    }
    tx.sessions().add_login_failure("ann", "10.0.0.2", from_ticks(350));
    tx.sessions().add_login_failure("bob", "10.0.0.1", from_ticks(350));
  });
  auto window = [&](const char* account, const char* client, std::int64_t since) {
    return store_->read_value([&](StoreTx& tx) {
      return tx.sessions().login_failures(account, client, from_ticks(since));
    });
  };
  auto w = window("ann", "10.0.0.1", 200);
  EXPECT_EQ(w.count, 3);
  EXPECT_EQ(w.oldest, from_ticks(200));
  w = window("ann", "10.0.0.1", 401);
  EXPECT_EQ(w.count, 0);
  EXPECT_EQ(w.oldest, std::nullopt);
  EXPECT_EQ(window("ann", "10.0.0.2", 0).count, 1);

  store_->write([](StoreTx& tx) { tx.sessions().clear_login_failures("ann", "10.0.0.1"); });
  EXPECT_EQ(window("ann", "10.0.0.1", 0).count, 0);
  EXPECT_EQ(window("ann", "10.0.0.2", 0).count, 1);
  EXPECT_EQ(window("bob", "10.0.0.1", 0).count, 1);

  store_->write([](StoreTx& tx) { tx.sessions().delete_login_failures_before(from_ticks(350)); });
  EXPECT_EQ(window("ann", "10.0.0.2", 0).count, 1);  // at 350: kept
  store_->write([](StoreTx& tx) { tx.sessions().delete_login_failures_before(from_ticks(351)); });
  EXPECT_EQ(window("ann", "10.0.0.2", 0).count, 0);
  EXPECT_EQ(window("bob", "10.0.0.1", 0).count, 0);
}

TEST_F(SqliteReposTest, ReservedLoginAttemptsStopAtTheLimitEachWithATimeOfItsOwn) {
  auto reserve = [&](std::int64_t at) {
    return store_->write_value([&](StoreTx& tx) {
      return tx.sessions().reserve_login_attempt("user:ann", "10.0.0.1", from_ticks(100), 3,
                                                 from_ticks(at));
    });
  };
  const auto first = reserve(500);
  ASSERT_TRUE(first.granted);
  EXPECT_EQ(first.at, from_ticks(500));
  const auto second = reserve(500);  // the same clock reading: one tick after the newest
  ASSERT_TRUE(second.granted);
  EXPECT_EQ(second.at, from_ticks(501));
  const auto third = reserve(400);  // a clock behind the newest
  ASSERT_TRUE(third.granted);
  EXPECT_EQ(third.at, from_ticks(502));
  const auto refused = reserve(600);
  EXPECT_FALSE(refused.granted);
  EXPECT_EQ(refused.window.count, 3);
  EXPECT_EQ(refused.window.oldest, from_ticks(500));
  EXPECT_EQ(refused.window.newest, from_ticks(502));

  // Releasing one frees exactly one place.
  store_->write([](StoreTx& tx) {
    tx.sessions().release_login_attempt("user:ann", "10.0.0.1", from_ticks(501));
  });
  const auto again = reserve(600);
  ASSERT_TRUE(again.granted);
  EXPECT_EQ(again.window.count, 2);
  EXPECT_FALSE(reserve(700).granted);
  // Another client of the same account has a window of its own.
  EXPECT_TRUE(store_
                  ->write_value([](StoreTx& tx) {
                    return tx.sessions().reserve_login_attempt("user:ann", "10.0.0.2",
                                                               from_ticks(100), 3, from_ticks(500));
                  })
                  .granted);
}

}  // namespace
}  // namespace projectd
