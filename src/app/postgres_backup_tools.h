// The PostgreSQL steps of `projectd backup` and `restore` (app/backup_commands.h,
// docs/operations.md "Backup, restore and verify"): pg_dump of one exported snapshot together with
// the contents that snapshot references, and pg_restore into an empty database. The password of
// the URL reaches the tools only through PGPASSWORD in their environment: never on a command line,
// never in output (a tool's failure is summarised with the password cut out). Failures are
// std::runtime_error. Thread safety: none needed (one command, one thread).
#pragma once

#include "store/backup_contents.h"

#include <filesystem>
#include <string>
#include <vector>

namespace projectd {

// Opens a REPEATABLE READ snapshot, lists the contents it references, and runs
// `pg_dump --format=custom --snapshot=ID --no-owner --no-privileges --file=TARGET` on it; returns
// the list. The dump and the list show the database at one instant, whatever writes run meanwhile.
std::vector<ReferencedContent> dump_postgres_portal(const std::string& url,
                                                    const std::filesystem::path& target);

// Throws unless the database has no table outside the system schemas (a restore target).
void require_empty_postgres(const std::string& url);

// `pg_restore --no-owner --no-privileges --single-transaction --exit-on-error`: the whole dump or,
// on any error, nothing.
void restore_postgres_dump(const std::string& url, const std::filesystem::path& dump);

}  // namespace projectd
