#include "app/backup_manifest.h"

#include "app/backup_files.h"
#include "blob/file_io.h"
#include "store/sqlite/sqlite_backup.h"

#include <boost/json.hpp>

#include <fcntl.h>
#include <unistd.h>

#include <fstream>
#include <sstream>
#include <stdexcept>

namespace projectd {

namespace {

boost::json::object manifest_file_json(const BackupFile& file) {
  return {{"sha256", file.sha256}, {"size", file.size}};
}

BackupFile manifest_file_of(const boost::json::value& value) {
  const boost::json::object& object = value.as_object();
  return BackupFile{std::string(object.at("sha256").as_string()),
                    object.at("size").to_number<std::uint64_t>()};
}

}  // namespace

std::filesystem::path backup_blob_path(const std::filesystem::path& dir,
                                       const std::string& sha256) {
  return dir / "blobs" / sha256.substr(0, 2) / sha256;
}

BackupManifest read_manifest(const std::filesystem::path& dir) {
  const std::filesystem::path path = dir / kManifestName;
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error(path.string() + ": no manifest, so not a projectd backup");
  std::stringstream text;
  text << in.rdbuf();
  try {
    const boost::json::object json = boost::json::parse(text.str()).as_object();
    BackupManifest manifest;
    manifest.format = static_cast<int>(json.at("format").as_int64());
    if (manifest.format != kBackupFormat) {
      throw std::runtime_error("format " + std::to_string(manifest.format) +
                               ", this projectd reads format " + std::to_string(kBackupFormat));
    }
    manifest.projectd_version = std::string(json.at("projectdVersion").as_string());
    manifest.created = std::string(json.at("created").as_string());
    manifest.store_kind = std::string(json.at("store").as_string());
    const boost::json::object& database = json.at("database").as_object();
    manifest.database = std::string(database.at("file").as_string());
    manifest.database_file = manifest_file_of(database);
    for (const boost::json::value& blob : json.at("blobs").as_array())
      manifest.blobs.push_back(manifest_file_of(blob));
    return manifest;
  } catch (const std::exception& e) {
    throw std::runtime_error(path.string() + ": not a readable manifest: " + e.what());
  }
}

void write_manifest(const std::filesystem::path& dir, const BackupManifest& manifest) {
  boost::json::object database = manifest_file_json(manifest.database_file);
  database.emplace("file", manifest.database);
  boost::json::array blobs;
  for (const BackupFile& blob : manifest.blobs)
    blobs.push_back(manifest_file_json(blob));
  const boost::json::object json = {
      {"format", manifest.format},       {"projectdVersion", manifest.projectd_version},
      {"created", manifest.created},     {"store", manifest.store_kind},
      {"database", std::move(database)}, {"blobs", std::move(blobs)}};
  const std::filesystem::path temp = dir / "manifest.json.part";
  const std::filesystem::path path = dir / kManifestName;
  const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) file_io::throw_errno("open", temp);
  try {
    file_io::write_all(fd, boost::json::serialize(json) + "\n", temp);
    file_io::fsync_fd(fd, temp);
  } catch (...) {
    file_io::close_quietly(fd);
    throw;
  }
  file_io::close_or_throw(fd, temp);
  std::filesystem::rename(temp, path);
  file_io::fsync_dir(dir);
}

std::vector<std::string> backup_problems(const std::filesystem::path& dir,
                                         const BackupManifest& manifest) {
  std::vector<std::string> problems;
  const auto check = [&](const std::filesystem::path& path, const BackupFile& expected) {
    if (!std::filesystem::is_regular_file(path)) {
      problems.push_back(path.string() + ": missing");
      return false;
    }
    const HashedFile found = hash_file(path);
    if (found.sha256 != expected.sha256 || found.size != expected.size) {
      problems.push_back(path.string() + ": SHA-256 " + found.sha256 + " and " +
                         std::to_string(found.size) + " bytes, the manifest says " +
                         expected.sha256 + " and " + std::to_string(expected.size));
      return false;
    }
    return true;
  };
  const std::filesystem::path database = dir / manifest.database;
  // A PostgreSQL dump is checked by its SHA-256 alone: pg_restore reads it whole, in one
  // transaction, and a dump it cannot read restores nothing.
  if (check(database, manifest.database_file) && manifest.store_kind == "sqlite") {
    for (std::string& problem : sqlite_integrity_problems(database))
      problems.push_back(std::move(problem));
  }
  for (const BackupFile& blob : manifest.blobs)
    check(backup_blob_path(dir, blob.sha256), blob);
  return problems;
}

}  // namespace projectd
