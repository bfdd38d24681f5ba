// The repositories of discussion_repos.h on one SQLite connection. They run statements only; the
// transaction around them belongs to the Store (SQLite or PostgreSQL). Batch readers (of,
// active_counts, participants_of) run one statement whatever the list length. Message pages run the
// read rule of ProjectSecurity::can_read_module(kMessages) in SQL. Thread safety: as the
// connection's: one thread at a time.
#pragma once

#include "store/discussion_repos.h"
#include "store/sql/sql_connection.h"

namespace projectd {

class SqlCommentRepo final : public CommentRepo {
 public:
  explicit SqlCommentRepo(SqlConnection& connection) : connection_(connection) {}
  std::optional<CommentRecord> by_id(std::string_view id) override;
  // Oldest first, then by id.
  std::vector<CommentRecord> of(CommentTarget target,
                                const std::vector<std::int64_t>& entity_ids) override;
  std::vector<CommentCount> active_counts(CommentTarget target,
                                          const std::vector<std::int64_t>& entity_ids) override;
  void insert(const CommentRecord& comment) override;
  void update(const CommentRecord& comment) override;

 private:
  SqlConnection& connection_;
};

class SqlMessageRepo final : public MessageRepo {
 public:
  explicit SqlMessageRepo(SqlConnection& connection) : connection_(connection) {}
  std::optional<MessageRecord> by_id(std::int64_t id) override;
  std::int64_t insert(const MessageRecord& message) override;
  void update(const MessageRecord& message) override;
  void remove(std::int64_t id) override;
  std::vector<MessageRecord> page(const MessageQuery& query) override;
  std::int64_t count(const MessageQuery& query) override;
  std::vector<Participant> participants_of(const std::vector<std::int64_t>& ids) override;
  void set_participants(std::int64_t id, const std::vector<std::string>& user_ids) override;
  void set_participant(std::int64_t id, std::string_view user_id, bool on) override;

 private:
  SqlConnection& connection_;
};

}  // namespace projectd
