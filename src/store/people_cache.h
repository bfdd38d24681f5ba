// The people that read transactions asked UserRepo::by_ids for, kept across transactions: nearly
// every answer names a few people (creators, responsibles, team members), and the same few over
// and over, so a warm read names them without a statement (on PostgreSQL, without a round trip).
//
// Freshness (docs/architecture.md, "Caches and change scopes"): a person is kept with the stamp
// (Store::generation()) taken before the read transaction that read them began, and an empty list
// of scopes: it goes stale with any broad write and only then. Every write that changes a person,
// their rights or their deletion names no scope (people_service, auth_service, group_service), the
// same rule the token cache of AuthService relies on. On PostgreSQL nodes the stamp counts other
// nodes' writes once catch_up() ran, which the dispatcher does before every authenticated request.
//
// Only read transactions use it (SqlTx), and only for by_ids, which answers what a response shows;
// by_id and by_login, which sign-in and the rights checks use, always read the store. A write
// transaction sees its own changes and never this cache.
//
// Thread safety: PeopleCache may be used from any thread at once (StampedCache); a CachedUserRepo
// belongs to its transaction's thread, like the repository it wraps.
#pragma once

#include "base/stamped_cache.h"
#include "store/store.h"

#include <cstddef>
#include <cstdint>

namespace projectd {

using PeopleCache = StampedCache<UserRecord>;  // key: the person's id; each costs 1

// How many people a store keeps (a few hundred bytes each).
inline constexpr std::size_t kPeopleCacheEntries = 10000;

// `inner`'s people, by_ids answered from `cache` where it can. Each person `inner` reads is kept
// under `stamp`, which was taken before this transaction's snapshot began.
class CachedUserRepo final : public UserRepo {
 public:
  CachedUserRepo(UserRepo& inner, PeopleCache& cache, std::uint64_t stamp)
      : inner_(inner), cache_(cache), stamp_(stamp) {}

  // As UserRepo::by_ids: each id at most once, unknown ids left out; only the ids not cached
  // reach the store, in one statement.
  std::vector<UserRecord> by_ids(const std::vector<std::string>& ids) override;

  std::optional<UserRecord> by_id(std::string_view id) override { return inner_.by_id(id); }
  std::optional<UserRecord> by_login(std::string_view login) override {
    return inner_.by_login(login);
  }
  std::vector<UserRecord> page(const UserQuery& query) override { return inner_.page(query); }
  std::int64_t count(const UserQuery& query) override { return inner_.count(query); }
  std::int64_t count_all() override { return inner_.count_all(); }
  void insert(const UserRecord& user) override { inner_.insert(user); }
  void update(const UserRecord& user) override { inner_.update(user); }
  void remove(std::string_view id) override { inner_.remove(id); }

 private:
  UserRepo& inner_;
  PeopleCache& cache_;
  std::uint64_t stamp_;
};

}  // namespace projectd
