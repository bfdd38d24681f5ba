#include "app/bulk_zip_writer.h"

#include "blob/file_io.h"

#include <fcntl.h>
#include <unistd.h>
#include <zip.h>

#include <chrono>
#include <memory>
#include <string>

namespace projectd {
namespace {

struct BulkZipCallbacks {
  const std::function<bool(double)>* keep_going;
  double fraction = 0;
  bool cancelled = false;
};

void bulk_zip_progress(zip_t*, double fraction, void* state) {
  static_cast<BulkZipCallbacks*>(state)->fraction = fraction;
}

// libzip asks this between blocks while zip_close writes; non-zero stops it.
int bulk_zip_cancel(zip_t*, void* state) {
  auto* callbacks = static_cast<BulkZipCallbacks*>(state);
  if (!callbacks->cancelled && !(*callbacks->keep_going)(callbacks->fraction))
    callbacks->cancelled = true;
  return callbacks->cancelled ? 1 : 0;
}

[[noreturn]] void throw_zip_error(zip_t* archive, const std::string& what) {
  const std::string message = what + ": " + zip_strerror(archive);
  zip_discard(archive);
  throw std::runtime_error(message);
}

void add_bulk_zip_entry(zip_t* archive, const BulkZipEntry& entry) {
  zip_int64_t index = -1;
  if (entry.content.empty()) {
    index = zip_dir_add(archive, entry.name.c_str(), ZIP_FL_ENC_UTF_8);
  } else {
    // Read from the file only while zip_close writes this entry: one open file at a time.
    zip_source_t* source =
        zip_source_file(archive, entry.content.c_str(), 0, static_cast<zip_int64_t>(entry.size));
    if (source == nullptr) throw_zip_error(archive, "cannot read " + entry.content.string());
    index = zip_file_add(archive, entry.name.c_str(), source, ZIP_FL_ENC_UTF_8);
    if (index < 0) {
      zip_source_free(source);
      throw_zip_error(archive, "cannot add " + entry.name);
    }
    if (zip_set_file_compression(archive, static_cast<zip_uint64_t>(index), ZIP_CM_STORE, 0) != 0)
      throw_zip_error(archive, "cannot store " + entry.name);
  }
  if (index < 0) throw_zip_error(archive, "cannot add " + entry.name);
  const auto seconds =
      std::chrono::duration_cast<std::chrono::seconds>(entry.modified.time_since_epoch()).count();
  zip_file_set_mtime(archive, static_cast<zip_uint64_t>(index), static_cast<time_t>(seconds), 0);
}

}  // namespace

void write_bulk_zip(const BulkZipPlan& plan, const std::filesystem::path& target,
                    const std::function<bool(double fraction)>& keep_going) {
  int open_error = 0;
  zip_t* archive = zip_open(target.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &open_error);
  if (archive == nullptr) {
    zip_error_t error;
    zip_error_init_with_code(&error, open_error);
    const std::string message =
        "cannot create " + target.string() + ": " + zip_error_strerror(&error);
    zip_error_fini(&error);
    throw std::runtime_error(message);
  }
  for (const BulkZipEntry& entry : plan.entries)
    add_bulk_zip_entry(archive, entry);
  BulkZipCallbacks callbacks{&keep_going};
  zip_register_progress_callback_with_state(archive, 0.001, bulk_zip_progress, nullptr, &callbacks);
  zip_register_cancel_callback_with_state(archive, bulk_zip_cancel, nullptr, &callbacks);
  if (zip_close(archive) != 0) {
    if (callbacks.cancelled) {
      zip_discard(archive);
      throw BulkZipCancelled();
    }
    throw_zip_error(archive, "cannot write " + target.string());
  }
  // libzip renamed its complete temp file to `target`; make the bytes durable before anyone is
  // told the archive is there.
  const int fd = ::open(target.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) throw std::runtime_error("cannot open " + target.string());
  try {
    file_io::fsync_fd(fd, target);
  } catch (...) {
    file_io::close_quietly(fd);
    throw;
  }
  file_io::close_quietly(fd);
}

}  // namespace projectd
