// What a file's name says about it: its FileWrapper fileType, MIME type, the extension sets of the
// folder filters, and the original's human-readable sizes and title rules.
// Thread safety: pure functions.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace projectd {

// Lowercase, with the dot (".docx"); "" when the title has none.
std::string extension_of(std::string_view title);
// FileWrapper.fileType: 0 Unknown, 1 Archive, 2 Video, 3 Audio, 4 Image, 5 Spreadsheet,
// 6 Presentation, 7 Document.
int file_type_of(std::string_view title);
// The MIME type downloads are served with; "application/octet-stream" when unknown. Text types
// carry "; charset=utf-8".
std::string content_type_of(std::string_view title);
// For a raw upload without a name: the extension (with dot) for its Content-Type; ".txt" for
// text/plain, "" when unknown.
std::string extension_for_content_type(std::string_view content_type);
// The extensions a FolderContent filterType admits: 3 Documents, 4 Presentations, 5 Spreadsheets,
// 7 Images, 10 Archive, 11 Media; empty for every other value (no restriction).
std::vector<std::string> extensions_of_filter(int filter_type);
// FileWrapper.contentLength: "0 bytes", "512 bytes", "12.06 KB", "1.5 MB" (format #,0.## in
// units of 1024: bytes, KB, MB, GB, TB).
std::string human_size(std::uint64_t bytes);
// A title as stored: trimmed, the characters the original forbids (\ / : * ? " < > | and control
// characters) replaced by '_', cut to 165 UTF-8 characters without splitting one. May be empty
// (callers answer 400 then).
std::string clean_title(std::string_view title);

}  // namespace projectd
