// What a file's name says about it: its FileWrapper fileType, MIME type, the extension sets of the
// folder filters, and the original's human-readable sizes and title rules.
// Thread safety: pure functions.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace projectd {

// Lowercase, with the dot, after the last '.' of the name: ".docx", ".gz" for "a.tar.gz"; "" when
// the title has none ("README", "name.") or only a leading one (".bashrc" is a name).
std::string extension_of(std::string_view title);
// FileWrapper.fileType: 0 Unknown, 1 Archive, 2 Video, 3 Audio, 4 Image, 5 Spreadsheet,
// 6 Presentation, 7 Document; from the original's extension lists (FileUtility.cs).
int file_type_of(std::string_view title);
// The MIME type downloads are served with; "application/octet-stream" when unknown. Text types
// carry "; charset=utf-8".
std::string content_type_of(std::string_view title);
// For a raw upload without a name: the extension (with dot) for its Content-Type; ".txt" for
// text/plain, "" when unknown.
std::string extension_for_content_type(std::string_view content_type);
// The extensions a FolderContent filterType admits, exactly those file_type_of gives that type:
// 3 Documents, 4 Presentations, 5 Spreadsheets, 7 Images, 10 Archive, 12 Media (video and
// audio); empty for every other value (no restriction by type; 11 is ByExtension, which filters
// by the `extension` parameter instead).
std::vector<std::string> extensions_of_filter(int filter_type);
// FileWrapper.contentLength: "0 bytes", "512 bytes", "12.06 KB", "1.5 MB", "1,024 TB" (format
// #,0.## in units of 1024: bytes, KB, MB, GB, TB; halves round away from zero).
std::string human_size(std::uint64_t bytes);
// A title as stored: trimmed (Unicode white space), the characters the original forbids (\ / : * ?
// " < > | and control characters) and every ill-formed UTF-8 sequence replaced by '_', cut to 165
// characters (code points, never splitting one). A cut keeps an extension whose '.' lies within
// the last 20 characters of the limit, as the original does. May be empty (callers answer 400).
std::string clean_file_title(std::string_view title);
// `name (n).ext` for the title `name.ext` (its extension as written), the original's name for a
// duplicate.
std::string numbered_title(std::string_view title, int n);

}  // namespace projectd
