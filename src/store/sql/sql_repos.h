// The repositories of store.h on one SQLite connection, and the StoreTx that hands them out (the
// project surface's repositories are in sql_project_repos.h, the Documents' in
// sql_file_repos.h), written once for SQLite and PostgreSQL (sql_dialect.h). They run statements
// only; the transaction around them belongs to the Store.
// Thread safety: as the connection's: one thread at a time.
#pragma once

#include "store/read_caches.h"
#include "store/sql/sql_connection.h"
#include "store/sql/sql_discussion_repos.h"
#include "store/sql/sql_file_extra_repos.h"
#include "store/sql/sql_file_operation_repo.h"
#include "store/sql/sql_file_repos.h"
#include "store/sql/sql_file_share_repo.h"
#include "store/sql/sql_group_repos.h"
#include "store/sql/sql_notification_settings_repo.h"
#include "store/sql/sql_outbox_repo.h"
#include "store/sql/sql_password_reset_repo.h"
#include "store/sql/sql_project_extras_repos.h"
#include "store/sql/sql_project_repos.h"
#include "store/sql/sql_project_totals_repo.h"
#include "store/sql/sql_status_repo.h"
#include "store/sql/sql_time_repo.h"
#include "store/sql/sql_trash_repo.h"
#include "store/sql/sql_upload_session_repo.h"
#include "store/sql/sql_webhook_repo.h"
#include "store/store.h"

namespace projectd {

class SqlUserRepo final : public UserRepo {
 public:
  explicit SqlUserRepo(SqlConnection& connection) : connection_(connection) {}
  std::optional<UserRecord> by_id(std::string_view id) override;
  std::optional<UserRecord> by_login(std::string_view login) override;
  std::vector<UserRecord> by_ids(const std::vector<std::string>& ids) override;
  std::vector<UserRecord> page(const UserQuery& query) override;
  std::int64_t count(const UserQuery& query) override;
  std::int64_t count_all() override;
  void insert(const UserRecord& user) override;
  // Throws kNotFound when no user has user.id.
  void update(const UserRecord& user) override;
  void remove(std::string_view id) override;

 private:
  SqlConnection& connection_;
};

class SqlSessionRepo final : public SessionRepo {
 public:
  explicit SqlSessionRepo(SqlConnection& connection) : connection_(connection) {}
  void insert_token(const TokenRecord& token) override;
  std::optional<TokenRecord> token(std::string_view token_hash) override;
  void delete_token(std::string_view token_hash) override;
  void delete_tokens_of(std::string_view user_id) override;
  // Deletes tokens whose expiry is at or before now.
  void delete_expired_tokens(Timestamp now) override;
  void add_login_failure(std::string_view account, std::string_view client, Timestamp at) override;
  FailureWindow login_failures(std::string_view account, std::string_view client,
                               Timestamp since) override;
  AttemptReservation reserve_login_attempt(std::string_view account, std::string_view client,
                                           Timestamp since, std::int64_t limit,
                                           Timestamp at) override;
  void release_login_attempt(std::string_view account, std::string_view client,
                             Timestamp at) override;
  void clear_login_failures(std::string_view account, std::string_view client) override;
  void delete_login_failures_before(Timestamp before) override;

 private:
  SqlConnection& connection_;
};

class SqlTx final : public StoreTx {
 public:
  // `caches`: in a read, the store's caches (store/read_caches.h), from which users().by_ids and
  // project_totals() then answer what they can, with `stamp` the Store::generation() taken before
  // the transaction began. nullptr in a write, which must see its own changes.
  explicit SqlTx(SqlConnection& connection, ReadCaches* caches = nullptr, std::uint64_t stamp = 0)
      : connection_(connection),
        users_(connection),
        sessions_(connection),
        folders_(connection),
        projects_(connection),
        project_totals_(connection),
        milestones_(connection),
        tasks_(connection),
        statuses_(connection),
        comments_(connection),
        messages_(connection),
        files_(connection),
        attachments_(connection),
        time_(connection),
        groups_(connection),
        photos_(connection),
        tags_(connection),
        project_settings_(connection),
        project_templates_(connection),
        gantt_orders_(connection),
        file_operations_(connection),
        upload_sessions_(connection),
        files_settings_(connection),
        file_marks_(connection),
        file_search_(connection),
        trash_(connection),
        file_shares_(connection),
        outbox_(connection),
        password_resets_(connection),
        notification_settings_(connection),
        webhooks_(connection) {
    if (caches) {
      cached_users_.emplace(users_, caches->people, stamp);
      cached_project_totals_.emplace(project_totals_, caches->project_totals, stamp);
    }
  }
  SqlTx(const SqlTx&) = delete;
  SqlTx& operator=(const SqlTx&) = delete;

  UserRepo& users() override {
    if (cached_users_) return *cached_users_;
    return users_;
  }
  SessionRepo& sessions() override { return sessions_; }
  FolderRepo& folders() override { return folders_; }
  ProjectRepo& projects() override { return projects_; }
  ProjectTotalsRepo& project_totals() override {
    if (cached_project_totals_) return *cached_project_totals_;
    return project_totals_;
  }
  MilestoneRepo& milestones() override { return milestones_; }
  TaskRepo& tasks() override { return tasks_; }
  StatusRepo& statuses() override { return statuses_; }
  CommentRepo& comments() override { return comments_; }
  MessageRepo& messages() override { return messages_; }
  FileRepo& files() override { return files_; }
  AttachmentRepo& attachments() override { return attachments_; }
  TimeRepo& time() override { return time_; }
  GroupRepo& groups() override { return groups_; }
  PhotoRepo& photos() override { return photos_; }
  TagRepo& tags() override { return tags_; }
  ProjectSettingsRepo& project_settings() override { return project_settings_; }
  ProjectTemplateRepo& project_templates() override { return project_templates_; }
  GanttOrderRepo& gantt_orders() override { return gantt_orders_; }
  FileOperationRepo& file_operations() override { return file_operations_; }
  UploadSessionRepo& upload_sessions() override { return upload_sessions_; }
  FilesSettingsRepo& files_settings() override { return files_settings_; }
  FileMarkRepo& file_marks() override { return file_marks_; }
  FileSearchRepo& file_search() override { return file_search_; }
  TrashRepo& trash() override { return trash_; }
  FileShareRepo& file_shares() override { return file_shares_; }
  OutboxRepo& outbox() override { return outbox_; }
  PasswordResetRepo& password_resets() override { return password_resets_; }
  NotificationSettingsRepo& notification_settings() override { return notification_settings_; }
  WebhookRepo& webhooks() override { return webhooks_; }

  bool prefetch(const std::function<void(StoreTx&)>& reads) override {
    return connection_.prefetch([&] { reads(*this); });
  }

 private:
  SqlConnection& connection_;
  SqlUserRepo users_;
  std::optional<CachedUserRepo> cached_users_;  // reads with the store's caches
  std::optional<CachedProjectTotalsRepo> cached_project_totals_;
  SqlSessionRepo sessions_;
  SqlFolderRepo folders_;
  SqlProjectRepo projects_;
  SqlProjectTotalsRepo project_totals_;
  SqlMilestoneRepo milestones_;
  SqlTaskRepo tasks_;
  SqlStatusRepo statuses_;
  SqlCommentRepo comments_;
  SqlMessageRepo messages_;
  SqlFileRepo files_;
  SqlAttachmentRepo attachments_;
  SqlTimeRepo time_;
  SqlGroupRepo groups_;
  SqlPhotoRepo photos_;
  SqlTagRepo tags_;
  SqlProjectSettingsRepo project_settings_;
  SqlProjectTemplateRepo project_templates_;
  SqlGanttOrderRepo gantt_orders_;
  SqlFileOperationRepo file_operations_;
  SqlUploadSessionRepo upload_sessions_;
  SqlFilesSettingsRepo files_settings_;
  SqlFileMarkRepo file_marks_;
  SqlFileSearchRepo file_search_;
  SqlTrashRepo trash_;
  SqlFileShareRepo file_shares_;
  SqlOutboxRepo outbox_;
  SqlPasswordResetRepo password_resets_;
  SqlNotificationSettingsRepo notification_settings_;
  SqlWebhookRepo webhooks_;
};

}  // namespace projectd
