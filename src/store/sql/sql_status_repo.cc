#include "store/sql/sql_status_repo.h"

#include "base/errors.h"

#include <string>

namespace projectd {
namespace {

const std::string kStatusSelect =
    "SELECT id, title, description, image, image_type, color, sort_order, status_type, "
    "available FROM custom_statuses ";

CustomStatusRecord read_row(const SqlStatement& row) {
  return CustomStatusRecord{.id = row.int64(0),
                            .title = row.text(1),
                            .description = row.optional_text(2),
                            .image = row.optional_text(3),
                            .image_type = row.optional_text(4),
                            .color = row.optional_text(5),
                            .order = static_cast<int>(row.int64(6)),
                            .status_type = static_cast<TaskStatus>(row.int64(7)),
                            .available = row.int64(8) != 0};
}

}  // namespace

std::vector<CustomStatusRecord> SqlStatusRepo::all() {
  SqlStatement statement = connection_.prepare(kStatusSelect + "ORDER BY sort_order, id");
  std::vector<CustomStatusRecord> out;
  while (statement.step())
    out.push_back(read_row(statement));
  return out;
}

std::optional<CustomStatusRecord> SqlStatusRepo::by_id(std::int64_t id) {
  SqlStatement statement = connection_.prepare(kStatusSelect + "WHERE id = ?1");
  statement.bind_all(id);
  if (!statement.step()) return std::nullopt;
  return read_row(statement);
}

std::int64_t SqlStatusRepo::insert(const CustomStatusRecord& s) {
  return connection_
      .prepare(
          "INSERT INTO custom_statuses (title, description, image, image_type, color, "
          "sort_order, status_type, available) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) RETURNING "
          "id")
      .bind_all(s.title, s.description, s.image, s.image_type, s.color, s.order, s.status_type,
                s.available)
      .run_returning_id();
}

void SqlStatusRepo::update(const CustomStatusRecord& s) {
  connection_
      .prepare(
          "UPDATE custom_statuses SET title = ?2, description = ?3, image = ?4, image_type = ?5, "
          "color = ?6, sort_order = ?7, status_type = ?8, available = ?9 WHERE id = ?1")
      .bind_all(s.id, s.title, s.description, s.image, s.image_type, s.color, s.order,
                s.status_type, s.available)
      .run();
  if (connection_.changes() == 0) throw_not_found();
}

void SqlStatusRepo::remove(std::int64_t id) {
  connection_.prepare("DELETE FROM custom_statuses WHERE id = ?1").bind_all(id).run();
}

std::int64_t SqlStatusRepo::in_use(std::int64_t id) {
  SqlStatement statement =
      connection_.prepare("SELECT count(*) FROM tasks WHERE custom_status_id = ?1");
  statement.bind_all(id);
  statement.step();
  return statement.int64(0);
}

}  // namespace projectd
