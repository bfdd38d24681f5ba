// The Store is everything the domain knows about persistence: transactions over repositories of
// records. SQLite (store/sqlite/) and PostgreSQL implement it; no SQL crosses this line.
// Thread safety: Store methods may be called from any number of threads at once.
#pragma once

#include "base/change_scope.h"
#include "base/time.h"
#include "store/discussion_repos.h"
#include "store/file_extra_repos.h"
#include "store/file_operation_repo.h"
#include "store/file_repos.h"
#include "store/file_share_repos.h"
#include "store/group_repos.h"
#include "store/migrations.h"
#include "store/notification_settings_repo.h"
#include "store/outbox_repos.h"
#include "store/password_reset_repo.h"
#include "store/project_extras_repos.h"
#include "store/project_repos.h"
#include "store/project_totals_repo.h"
#include "store/records.h"
#include "store/status_repo.h"
#include "store/time_repos.h"
#include "store/trash_repo.h"
#include "store/upload_session_repos.h"
#include "store/webhook_repos.h"

#include <cstdint>
#include <functional>
#include <initializer_list>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace projectd {

class UserRepo {
 public:
  virtual ~UserRepo() = default;
  virtual std::optional<UserRecord> by_id(std::string_view id) = 0;
  // By email or user name, case-insensitive.
  virtual std::optional<UserRecord> by_login(std::string_view login) = 0;
  // The users with these ids, in one statement (wrappers show many people per response); unknown
  // ids are left out, the order is unspecified.
  virtual std::vector<UserRecord> by_ids(const std::vector<std::string>& ids) = 0;
  virtual std::vector<UserRecord> page(const UserQuery& query) = 0;
  virtual std::int64_t count(const UserQuery& query) = 0;  // ignores offset and limit
  virtual std::int64_t count_all() = 0;
  // Throws ApiError(kConflict) when the email or user name is taken.
  virtual void insert(const UserRecord& user) = 0;
  virtual void update(const UserRecord& user) = 0;  // throws kConflict like insert
  // Marks a person deleted: the row stays for what names them (tasks, projects, comments), and
  // every method above leaves them out from then on.
  virtual void remove(std::string_view id) = 0;
};

class SessionRepo {
 public:
  virtual ~SessionRepo() = default;
  virtual void insert_token(const TokenRecord& token) = 0;
  virtual std::optional<TokenRecord> token(std::string_view token_hash) = 0;
  virtual void delete_token(std::string_view token_hash) = 0;
  virtual void delete_tokens_of(std::string_view user_id) = 0;
  virtual void delete_expired_tokens(Timestamp now) = 0;

  // Failed logins, keyed by account and client address (docs/wire-compatibility.md, "Logins and
  // throttling").
  virtual void add_login_failure(std::string_view account, std::string_view client,
                                 Timestamp at) = 0;
  // How many failures since `since`, the oldest of them (for Retry-After) and the newest.
  struct FailureWindow {
    std::int64_t count = 0;
    std::optional<Timestamp> oldest;
    std::optional<Timestamp> newest;
  };
  virtual FailureWindow login_failures(std::string_view account, std::string_view client,
                                       Timestamp since) = 0;
  // Reserves one sign-in attempt before its password is checked: records it as a failure unless
  // `limit` failures are recorded since `since` already. Counting and recording are one step of
  // the caller's write transaction, so concurrent attempts (on any node) cannot all see room: at
  // most `limit` are granted per window. A granted attempt's time is `at`, or one tick after the
  // newest failure of this account and client, so each has a time of its own and
  // release_login_attempt(at) removes exactly that one.
  struct AttemptReservation {
    bool granted = false;
    Timestamp at;          // when granted: the attempt's own time
    FailureWindow window;  // the failures before this attempt
  };
  virtual AttemptReservation reserve_login_attempt(std::string_view account,
                                                   std::string_view client, Timestamp since,
                                                   std::int64_t limit, Timestamp at) = 0;
  // Forgets one reserved attempt whose password was never checked.
  virtual void release_login_attempt(std::string_view account, std::string_view client,
                                     Timestamp at) = 0;
  virtual void clear_login_failures(std::string_view account, std::string_view client) = 0;
  // Forgets failures older than `before`, so the table holds only live throttling windows.
  virtual void delete_login_failures_before(Timestamp before) = 0;
};

// One transaction. Repositories are valid only inside the read()/write() call that handed it out.
class StoreTx {
 public:
  virtual ~StoreTx() = default;
  virtual UserRepo& users() = 0;
  virtual SessionRepo& sessions() = 0;
  virtual FolderRepo& folders() = 0;
  virtual ProjectRepo& projects() = 0;
  virtual ProjectTotalsRepo& project_totals() = 0;
  virtual MilestoneRepo& milestones() = 0;
  virtual TaskRepo& tasks() = 0;
  virtual StatusRepo& statuses() = 0;
  virtual CommentRepo& comments() = 0;
  virtual MessageRepo& messages() = 0;
  virtual FileRepo& files() = 0;
  virtual AttachmentRepo& attachments() = 0;
  virtual TimeRepo& time() = 0;
  virtual GroupRepo& groups() = 0;
  virtual PhotoRepo& photos() = 0;
  // The rest of the Projects module (issue 15).
  virtual TagRepo& tags() = 0;
  virtual ProjectSettingsRepo& project_settings() = 0;
  virtual ProjectTemplateRepo& project_templates() = 0;
  virtual GanttOrderRepo& gantt_orders() = 0;
  // The Documents file operations (issue 16).
  virtual FileOperationRepo& file_operations() = 0;
  // Chunked upload sessions (issue 16).
  virtual UploadSessionRepo& upload_sessions() = 0;
  // The per-person parts of Documents (issue 16).
  virtual FilesSettingsRepo& files_settings() = 0;
  virtual FileMarkRepo& file_marks() = 0;
  virtual FileSearchRepo& file_search() = 0;
  // The trash (migration 0013).
  virtual TrashRepo& trash() = 0;
  virtual FileShareRepo& file_shares() = 0;          // issue 16: sharing
  virtual OutboxRepo& outbox() = 0;                  // issue 18: notifications
  virtual PasswordResetRepo& password_resets() = 0;  // issue 18: password recovery
  // Issue 18: the kinds of mail each person turned off, and the portal's secrets.
  virtual NotificationSettingsRepo& notification_settings() = 0;
  virtual WebhookRepo& webhooks() = 0;  // issue 18: webhook endpoints

  // Names what this write changes (base/change_scope.h, docs/architecture.md "Caches and change
  // scopes"): once it commits, only the cached values that depend on one of these scopes, or on
  // everything, are stale. Calls add up; a write that never calls it is broad (everything may have
  // changed). `changes_only({})` names nothing: a write no cached value shows (the outbox's own
  // bookkeeping, a new session). Ignored in a read.
  void changes_only(std::initializer_list<ChangeScope> scopes) {
    if (!changed_) changed_.emplace();
    changed_->insert(changed_->end(), scopes.begin(), scopes.end());
  }
  // What the transaction named so far; nullopt: broad.
  const ScopeDependencies& changed_scopes() const { return changed_; }

  // A hint for a read: `reads` makes the reads this transaction is about to make, with the same
  // arguments, so a store that pays a round trip per statement (PostgreSQL) sends them together
  // and answers them from memory when they are made. Results inside `reads` are empty and
  // discarded; a read that depends on another's result belongs in a later prefetch. Does nothing
  // in a write, or on SQLite, and then answers false (a caller that would read something only to
  // prefetch more need not).
  virtual bool prefetch(const std::function<void(StoreTx&)>& /*reads*/) { return false; }

 private:
  ScopeDependencies changed_;
};

class Store {
 public:
  virtual ~Store() = default;
  // Runs fn against one consistent snapshot; fn must not write. Runs concurrently with other reads
  // and with writes.
  virtual void read(const std::function<void(StoreTx&)>& fn) = 0;
  // Runs fn in a transaction and returns once it is durably committed (it survives power loss).
  // If fn throws, everything it changed is rolled back and the exception propagates. Concurrent
  // writes may share one commit (group commit); a failed commit fails each of them with
  // ApiError(kServiceUnavailable). After an fsync failure the store refuses writes until reopened.
  virtual void write(const std::function<void(StoreTx&)>& fn) = 0;
  // Waits for writes in flight, then closes every connection. Later calls throw
  // kServiceUnavailable.
  virtual void close() = 0;
  // A number that changes after every committed write, before that write() returns; cheap (an
  // atomic load) and never blocking, so an I/O thread may call it. Caches of values computed from
  // the store (http/response_cache, the token cache of AuthService) keep a value only while the
  // generation it was computed at is current (docs/architecture.md, "Caches and change scopes").
  virtual std::uint64_t generation() const = 0;
  // Whether no write that committed after `stamp` (a generation() read before the value was read)
  // can have changed a value computed from `depends_on` (base/change_scope.h). Cheap and never
  // blocking, as generation().
  virtual bool unchanged_since(std::uint64_t stamp, const ScopeDependencies& depends_on) const = 0;
  // Whether the two above see other processes' writes only through catch_up(): then a cache may
  // answer only after catch_up() ran for the request (on a worker). SQLite's clock is shared
  // memory, always current; PostgreSQL nodes learn each other's writes from the database.
  virtual bool caches_need_catch_up() const { return false; }
  // Makes generation() and unchanged_since() count every write that any process committed before
  // this call. May block on the database (one round trip, shared by concurrent callers); throws
  // ApiError(kServiceUnavailable) when the database is unreachable.
  virtual void catch_up() {}

  template <class F>
  auto read_value(F&& fn) -> decltype(fn(std::declval<StoreTx&>())) {
    std::optional<decltype(fn(std::declval<StoreTx&>()))> result;
    read([&](StoreTx& tx) { result.emplace(fn(tx)); });
    return std::move(*result);
  }
  template <class F>
  auto write_value(F&& fn) -> decltype(fn(std::declval<StoreTx&>())) {
    std::optional<decltype(fn(std::declval<StoreTx&>()))> result;
    write([&](StoreTx& tx) { result.emplace(fn(tx)); });
    return std::move(*result);
  }
};

struct StoreOptions {
  std::string url;  // "sqlite:/path/projectd.db" or "postgresql://user@host/database?..."
  int reader_connections = 4;  // SQLite's readers (its one writer comes on top)
  // PostgreSQL's pool; 0: two per core, at least four (docs/architecture.md, "Several nodes").
  int connections = 0;
};

// Opens the store named by the URL and brings its schema up to date when `migrate` is true;
// otherwise a store whose schema is behind refuses to open (std::runtime_error saying to run
// `projectd migrate`). Throws std::runtime_error with a clear message for a bad URL or file.
std::unique_ptr<Store> open_store(const StoreOptions& options, bool migrate);
// Applies pending migrations; returns how many ran. `applied` (when set) is told of each one.
int migrate_store(const StoreOptions& options, const MigrationApplied& applied = {});

}  // namespace projectd
