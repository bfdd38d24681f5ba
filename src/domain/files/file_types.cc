// The extension lists are the original's (ASC.Web.Core/Files/FileUtility.cs, CommunityServer 11):
// a file's type is the first of Document, Spreadsheet, Presentation, Image, Archive, Audio, Video
// whose list holds its extension, which is also what the folder filters select on.
#include "domain/files/file_types.h"

#include "base/ascii.h"

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <string_view>
#include <utility>

namespace projectd {
namespace {

constexpr int kUnknown = 0;
constexpr int kArchive = 1;
constexpr int kVideo = 2;
constexpr int kAudio = 3;
constexpr int kImage = 4;
constexpr int kSpreadsheet = 5;
constexpr int kPresentation = 6;
constexpr int kDocument = 7;

struct Extension {
  std::string_view ext;
  int type;
  std::string_view mime;  // "" when we serve it as application/octet-stream
};

constexpr std::string_view kOctetStream = "application/octet-stream";

// Where two extensions share a MIME type, the first one listed is the one
// extension_for_content_type answers.
constexpr auto kExtensions = std::to_array<Extension>({
    // Documents (ExtsDocument)
    {".docx", kDocument, "application/vnd.openxmlformats-officedocument.wordprocessingml.document"},
    {".doc", kDocument, "application/msword"},
    {".docm", kDocument, "application/vnd.ms-word.document.macroEnabled.12"},
    {".dot", kDocument, "application/msword"},
    {".dotx", kDocument, "application/vnd.openxmlformats-officedocument.wordprocessingml.template"},
    {".dotm", kDocument, "application/vnd.ms-word.template.macroEnabled.12"},
    {".odt", kDocument, "application/vnd.oasis.opendocument.text"},
    {".fodt", kDocument, "application/vnd.oasis.opendocument.text-flat-xml"},
    {".ott", kDocument, "application/vnd.oasis.opendocument.text-template"},
    {".rtf", kDocument, "application/rtf"},
    {".txt", kDocument, "text/plain; charset=utf-8"},
    {".html", kDocument, "text/html; charset=utf-8"},
    {".htm", kDocument, "text/html; charset=utf-8"},
    {".mht", kDocument, "message/rfc822"},
    {".pdf", kDocument, "application/pdf"},
    {".djvu", kDocument, "image/vnd.djvu"},
    {".fb2", kDocument, "application/x-fictionbook+xml"},
    {".epub", kDocument, "application/epub+zip"},
    {".xps", kDocument, "application/vnd.ms-xpsdocument"},
    {".doct", kDocument, ""},
    {".docy", kDocument, ""},
    {".gdoc", kDocument, ""},
    // Spreadsheets (ExtsSpreadsheet)
    {".xlsx", kSpreadsheet, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
    {".xls", kSpreadsheet, "application/vnd.ms-excel"},
    {".xlsm", kSpreadsheet, "application/vnd.ms-excel.sheet.macroEnabled.12"},
    {".xlt", kSpreadsheet, "application/vnd.ms-excel"},
    {".xltx", kSpreadsheet, "application/vnd.openxmlformats-officedocument.spreadsheetml.template"},
    {".xltm", kSpreadsheet, "application/vnd.ms-excel.template.macroEnabled.12"},
    {".ods", kSpreadsheet, "application/vnd.oasis.opendocument.spreadsheet"},
    {".fods", kSpreadsheet, "application/vnd.oasis.opendocument.spreadsheet-flat-xml"},
    {".ots", kSpreadsheet, "application/vnd.oasis.opendocument.spreadsheet-template"},
    {".csv", kSpreadsheet, "text/csv; charset=utf-8"},
    {".xlst", kSpreadsheet, ""},
    {".xlsy", kSpreadsheet, ""},
    {".xlsb", kSpreadsheet, "application/vnd.ms-excel.sheet.binary.macroEnabled.12"},
    {".gsheet", kSpreadsheet, ""},
    // Presentations (ExtsPresentation)
    {".pptx", kPresentation,
     "application/vnd.openxmlformats-officedocument.presentationml.presentation"},
    {".ppt", kPresentation, "application/vnd.ms-powerpoint"},
    {".pps", kPresentation, "application/vnd.ms-powerpoint"},
    {".ppsx", kPresentation,
     "application/vnd.openxmlformats-officedocument.presentationml.slideshow"},
    {".ppsm", kPresentation, "application/vnd.ms-powerpoint.slideshow.macroEnabled.12"},
    {".pptm", kPresentation, "application/vnd.ms-powerpoint.presentation.macroEnabled.12"},
    {".pot", kPresentation, "application/vnd.ms-powerpoint"},
    {".potx", kPresentation,
     "application/vnd.openxmlformats-officedocument.presentationml.template"},
    {".potm", kPresentation, "application/vnd.ms-powerpoint.template.macroEnabled.12"},
    {".odp", kPresentation, "application/vnd.oasis.opendocument.presentation"},
    {".fodp", kPresentation, "application/vnd.oasis.opendocument.presentation-flat-xml"},
    {".otp", kPresentation, "application/vnd.oasis.opendocument.presentation-template"},
    {".pptt", kPresentation, ""},
    {".ppty", kPresentation, ""},
    {".gslides", kPresentation, ""},
    // Images (ExtsImage)
    {".png", kImage, "image/png"},
    {".jpg", kImage, "image/jpeg"},
    {".jpeg", kImage, "image/jpeg"},
    {".jpe", kImage, "image/jpeg"},
    {".jfif", kImage, "image/jpeg"},
    {".gif", kImage, "image/gif"},
    {".bmp", kImage, "image/bmp"},
    {".svg", kImage, "image/svg+xml"},
    {".svgt", kImage, ""},
    {".svgy", kImage, ""},
    {".tiff", kImage, "image/tiff"},
    {".tif", kImage, "image/tiff"},
    {".ico", kImage, "image/x-icon"},
    {".webp", kImage, "image/webp"},
    {".cod", kImage, "image/cis-cod"},
    {".ief", kImage, "image/ief"},
    {".cmx", kImage, "image/x-cmx"},
    {".pnm", kImage, "image/x-portable-anymap"},
    {".pbm", kImage, "image/x-portable-bitmap"},
    {".ppm", kImage, "image/x-portable-pixmap"},
    {".rgb", kImage, "image/x-rgb"},
    {".xbm", kImage, "image/x-xbitmap"},
    {".xpm", kImage, "image/x-xpixmap"},
    {".xwd", kImage, "image/x-xwindowdump"},
    {".gdraw", kImage, ""},
    // Archives (ExtsArchive)
    {".zip", kArchive, "application/zip"},
    {".rar", kArchive, "application/vnd.rar"},
    {".gz", kArchive, "application/gzip"},
    {".tgz", kArchive, "application/gzip"},
    {".tar", kArchive, "application/x-tar"},
    {".jar", kArchive, "application/java-archive"},
    {".cab", kArchive, "application/vnd.ms-cab-compressed"},
    {".arj", kArchive, "application/x-arj"},
    {".lzh", kArchive, "application/x-lzh-compressed"},
    {".lha", kArchive, "application/x-lzh-compressed"},
    {".ace", kArchive, ""},
    {".arc", kArchive, ""},
    {".bh", kArchive, ""},
    {".enc", kArchive, ""},
    {".ha", kArchive, ""},
    {".pak", kArchive, ""},
    {".pk3", kArchive, ""},
    {".uu", kArchive, ""},
    {".uue", kArchive, ""},
    {".xxe", kArchive, ""},
    {".z", kArchive, "application/x-compress"},
    {".zoo", kArchive, ""},
    // Audio (ExtsAudio)
    {".mp3", kAudio, "audio/mpeg"},
    {".wav", kAudio, "audio/wav"},
    {".ogg", kAudio, "audio/ogg"},
    {".oga", kAudio, "audio/ogg"},
    {".flac", kAudio, "audio/flac"},
    {".aac", kAudio, "audio/aac"},
    {".m4a", kAudio, "audio/mp4"},
    {".wma", kAudio, "audio/x-ms-wma"},
    {".mid", kAudio, "audio/midi"},
    {".aiff", kAudio, "audio/aiff"},
    {".amr", kAudio, "audio/amr"},
    {".mka", kAudio, "audio/x-matroska"},
    {".ac3", kAudio, "audio/ac3"},
    {".ape", kAudio, ""},
    {".cda", kAudio, ""},
    {".mpc", kAudio, ""},
    {".pcm", kAudio, ""},
    {".ra", kAudio, "audio/x-pn-realaudio"},
    {".raw", kAudio, ""},
    // Video (ExtsVideo)
    {".mp4", kVideo, "video/mp4"},
    {".m4v", kVideo, "video/x-m4v"},
    {".webm", kVideo, "video/webm"},
    {".mkv", kVideo, "video/x-matroska"},
    {".mov", kVideo, "video/quicktime"},
    {".avi", kVideo, "video/x-msvideo"},
    {".mpeg", kVideo, "video/mpeg"},
    {".mpg", kVideo, "video/mpeg"},
    {".wmv", kVideo, "video/x-ms-wmv"},
    {".asf", kVideo, "video/x-ms-asf"},
    {".flv", kVideo, "video/x-flv"},
    {".f4v", kVideo, "video/x-f4v"},
    {".fla", kVideo, ""},
    {".3gp", kVideo, "video/3gpp"},
    {".ogv", kVideo, "video/ogg"},
    {".m2ts", kVideo, "video/mp2t"},
    {".mts", kVideo, "video/mp2t"},
    {".svi", kVideo, ""},
    {".vob", kVideo, "video/dvd"},
    // No file type of the original, but a MIME type worth sending.
    {".json", kUnknown, "application/json"},
    {".xml", kUnknown, "application/xml"},
    {".md", kUnknown, "text/markdown; charset=utf-8"},
    {".log", kUnknown, "text/plain; charset=utf-8"},
    {".css", kUnknown, "text/css; charset=utf-8"},
    {".js", kUnknown, "text/javascript; charset=utf-8"},
    {".ics", kUnknown, "text/calendar; charset=utf-8"},
    {".vcf", kUnknown, "text/vcard; charset=utf-8"},
    {".eml", kUnknown, "message/rfc822"},
    {".7z", kUnknown, "application/x-7z-compressed"},
    {".bz2", kUnknown, "application/x-bzip2"},
    {".xz", kUnknown, "application/x-xz"},
    {".avif", kUnknown, "image/avif"},
    {".heic", kUnknown, "image/heic"},
    {".opus", kUnknown, "audio/opus"},
});

// Content types whose extension is not the first one kExtensions lists for them, or that only
// appear under another name there.
constexpr auto kContentTypeAliases = std::to_array<std::pair<std::string_view, std::string_view>>({
    {"message/rfc822", ".eml"},
    {"image/jpg", ".jpg"},
    {"image/pjpeg", ".jpg"},
    {"image/x-png", ".png"},
    {"image/x-ms-bmp", ".bmp"},
    {"image/vnd.microsoft.icon", ".ico"},
    {"application/x-zip-compressed", ".zip"},
    {"application/x-zip", ".zip"},
    {"application/x-rar-compressed", ".rar"},
    {"application/x-gzip", ".gz"},
    {"application/x-pdf", ".pdf"},
    {"text/xml", ".xml"},
    {"text/rtf", ".rtf"},
    {"text/x-csv", ".csv"},
    {"application/csv", ".csv"},
    {"audio/mp3", ".mp3"},
    {"audio/x-wav", ".wav"},
    {"audio/wave", ".wav"},
    {"audio/vnd.wave", ".wav"},
    {"audio/x-flac", ".flac"},
    {"audio/x-m4a", ".m4a"},
    {"audio/x-aiff", ".aiff"},
    {"video/avi", ".avi"},
    {"video/msvideo", ".avi"},
});

const Extension* find_extension(std::string_view ext) {
  if (ext.empty()) return nullptr;
  for (const Extension& e : kExtensions) {
    if (e.ext == ext) return &e;
  }
  return nullptr;
}

// The media type without parameters, lowercase: "Text/HTML; charset=x" -> "text/html".
std::string bare_media_type(std::string_view content_type) {
  const std::size_t semicolon = content_type.find(';');
  if (semicolon != std::string_view::npos) content_type = content_type.substr(0, semicolon);
  return ascii::to_lower(ascii::trim(content_type));
}

// Appends `value` with ',' between groups of three digits.
void append_grouped(std::string& out, std::uint64_t value) {
  const std::string digits = std::to_string(value);
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
}

// ---- UTF-8 ----

// Decodes the code point of `text` at `pos` and advances `pos` past it. An ill-formed sequence
// yields -1 and advances over its maximal well-formed prefix (at least one byte), so that one
// replacement stands for it, as in the WHATWG and Unicode decoders.
std::int32_t next_code_point(std::string_view text, std::size_t& pos) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  const unsigned char lead = byte(pos++);
  if (lead < 0x80) return lead;
  int needed = 0;
  std::int32_t cp = 0;
  unsigned char lower = 0x80, upper = 0xBF;
  if (lead >= 0xC2 && lead <= 0xDF) {
    needed = 1;
    cp = lead & 0x1F;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    needed = 2;
    cp = lead & 0x0F;
    if (lead == 0xE0) lower = 0xA0;  // no overlong forms
    if (lead == 0xED) upper = 0x9F;  // no surrogates
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    needed = 3;
    cp = lead & 0x07;
    if (lead == 0xF0) lower = 0x90;  // no overlong forms
    if (lead == 0xF4) upper = 0x8F;  // nothing above U+10FFFF
  } else {
    return -1;  // a continuation byte, C0, C1 or F5..FF
  }
  for (int i = 0; i < needed; ++i) {
    if (pos >= text.size()) return -1;
    const unsigned char b = byte(pos);
    if (b < lower || b > upper) return -1;
    lower = 0x80;
    upper = 0xBF;
    cp = (cp << 6) | (b & 0x3F);
    ++pos;
  }
  return cp;
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// .NET's char.IsWhiteSpace, which String.Trim removes.
bool is_white_space(char32_t cp) {
  return (cp >= 0x09 && cp <= 0x0D) || cp == 0x20 || cp == 0x85 || cp == 0xA0 || cp == 0x1680 ||
         (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 || cp == 0x2029 || cp == 0x202F ||
         cp == 0x205F || cp == 0x3000;
}

bool is_forbidden_in_title(char32_t cp) {
  switch (cp) {
    case '\\':
    case '/':
    case ':':
    case '*':
    case '?':
    case '"':
    case '<':
    case '>':
    case '|':
      return true;
    default:
      return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F);
  }
}

constexpr std::size_t kMaxTitle = 165;  // characters (code points)
// Cutting a long title keeps its extension when the last '.' lies in the last 20 characters
// the limit allows (the original's Global.ReplaceInvalidCharsAndTruncate).
constexpr std::size_t kExtensionWindow = 20;

}  // namespace

std::string extension_of(std::string_view title) {
  while (!title.empty() && ascii::is_space(title.back()))
    title.remove_suffix(1);
  const std::size_t name_start = title.find_last_of("/\\");
  if (name_start != std::string_view::npos) title.remove_prefix(name_start + 1);
  const std::size_t dot = title.rfind('.');
  // No dot, a leading dot (".bashrc" is a name, not an extension) or a trailing one.
  if (dot == std::string_view::npos || dot == 0 || dot + 1 == title.size()) return "";
  return ascii::to_lower(title.substr(dot));
}

std::string numbered_title(std::string_view title, int n) {
  const std::size_t stem = title.size() - extension_of(title).size();
  return std::string(title.substr(0, stem)) + " (" + std::to_string(n) + ")" +
         std::string(title.substr(stem));
}

int file_type_of(std::string_view title) {
  const Extension* e = find_extension(extension_of(title));
  return e ? e->type : kUnknown;
}

std::string content_type_of(std::string_view title) {
  const Extension* e = find_extension(extension_of(title));
  return std::string(e && !e->mime.empty() ? e->mime : kOctetStream);
}

std::string extension_for_content_type(std::string_view content_type) {
  const std::string wanted = bare_media_type(content_type);
  if (wanted.empty()) return "";
  for (const auto& [mime, ext] : kContentTypeAliases) {
    if (mime == wanted) return std::string(ext);
  }
  for (const Extension& e : kExtensions) {
    if (!e.mime.empty() && bare_media_type(e.mime) == wanted) return std::string(e.ext);
  }
  return "";
}

std::vector<std::string> extensions_of_filter(int filter_type) {
  const auto of_types = [](std::initializer_list<int> types) {
    std::vector<std::string> out;
    for (const Extension& e : kExtensions) {
      if (std::find(types.begin(), types.end(), e.type) != types.end()) out.emplace_back(e.ext);
    }
    return out;
  };
  switch (filter_type) {
    case 3:  // DocumentsOnly
      return of_types({kDocument});
    case 4:  // PresentationsOnly
      return of_types({kPresentation});
    case 5:  // SpreadsheetsOnly
      return of_types({kSpreadsheet});
    case 7:  // ImagesOnly
      return of_types({kImage});
    case 10:  // ArchiveOnly
      return of_types({kArchive});
    case 12:  // MediaOnly
      return of_types({kVideo, kAudio});
    default:  // 11 ByExtension filters by the `extension` parameter instead
      return {};
  }
}

std::string human_size(std::uint64_t bytes) {
  static constexpr std::array<std::string_view, 5> kUnits = {"bytes", "KB", "MB", "GB", "TB"};
  std::size_t power = 0;
  std::uint64_t divisor = 1;
  while (power + 1 < kUnits.size() && bytes / divisor >= 1024) {
    divisor *= 1024;
    ++power;
  }
  // Exact: round bytes / divisor to hundredths, halves away from zero. remainder * 200 stays
  // below 2^48 because divisor <= 2^40.
  std::uint64_t whole = bytes / divisor;
  const std::uint64_t remainder = bytes % divisor;
  std::uint64_t hundredths = (remainder * 200 + divisor) / (2 * divisor);
  if (hundredths == 100) {
    ++whole;
    hundredths = 0;
  }
  std::string out;
  append_grouped(out, whole);
  if (hundredths != 0) {
    out += '.';
    out += static_cast<char>('0' + hundredths / 10);
    if (hundredths % 10 != 0) out += static_cast<char>('0' + hundredths % 10);
  }
  out += ' ';
  out += kUnits[power];
  return out;
}

std::string clean_file_title(std::string_view title) {
  // Decode, turning every ill-formed sequence into '_' and every forbidden character into '_'.
  std::u32string chars;
  chars.reserve(title.size());
  for (std::size_t pos = 0; pos < title.size();) {
    const std::int32_t cp = next_code_point(title, pos);
    chars += cp < 0 ? U'_' : static_cast<char32_t>(cp);
  }
  // Trim first, as the original does, so surrounding tabs and newlines vanish instead of
  // becoming '_'.
  std::size_t begin = 0, end = chars.size();
  while (begin < end && is_white_space(chars[begin]))
    ++begin;
  while (end > begin && is_white_space(chars[end - 1]))
    --end;
  std::u32string_view kept(chars.data() + begin, end - begin);

  std::u32string_view head = kept, extension;
  if (kept.size() > kMaxTitle) {
    const std::size_t dot = kept.rfind(U'.');
    if (dot != std::u32string_view::npos && dot + kExtensionWindow > kMaxTitle &&
        kept.size() - dot < kMaxTitle) {
      extension = kept.substr(dot);
      head = kept.substr(0, kMaxTitle - extension.size());
    } else {
      head = kept.substr(0, kMaxTitle);
    }
  }
  std::string out;
  out.reserve(title.size());
  for (std::u32string_view part : {head, extension}) {
    for (char32_t cp : part)
      append_utf8(out, is_forbidden_in_title(cp) ? U'_' : cp);
  }
  return out;
}

}  // namespace projectd
