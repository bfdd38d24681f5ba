// Writes a bulk download's archive (domain/files/bulk_download_service.h) with libzip: each file
// streamed from its content file on disk (never held in memory), stored without recompression
// (contents are mostly compressed already: office documents are zips, images and PDFs are
// compressed; deflating a gigabyte would cost a core for little), names flagged as UTF-8, Zip64
// where sizes need it (libzip decides), each entry's modification time the file's.
// Thread safety: one call per archive; calls for different archives may run at once.
#pragma once

#include "domain/files/bulk_download_service.h"

#include <filesystem>
#include <functional>
#include <stdexcept>

namespace projectd {

// Thrown when `keep_going` said to stop; nothing of the archive is left.
struct BulkZipCancelled : std::runtime_error {
  BulkZipCancelled() : std::runtime_error("cancelled") {}
};

// Writes the archive to `target` (libzip writes a temp file beside it and renames it to `target`
// when complete), then fsyncs it. `keep_going(fraction)` is called as the archive is written, with
// the share of it done (0 to 1); false cancels. Throws std::runtime_error on an I/O error, with
// libzip's message; nothing of the archive is left then either.
void write_bulk_zip(const BulkZipPlan& plan, const std::filesystem::path& target,
                    const std::function<bool(double fraction)>& keep_going);

}  // namespace projectd
