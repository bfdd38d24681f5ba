// What a file's name says: extension, fileType, MIME type, folder filters, sizes, clean titles.
#include "domain/files/file_types.h"

#include "base/utf8.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

namespace projectd {
namespace {

bool contains(const std::vector<std::string>& list, const std::string& item) {
  return std::find(list.begin(), list.end(), item) != list.end();
}

std::size_t code_points(const std::string& utf8) {
  return static_cast<std::size_t>(std::count_if(utf8.begin(), utf8.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

TEST(FileTypesTest, ExtensionIsLowercaseAfterTheLastDotOfTheName) {
  EXPECT_EQ(extension_of("Report.docx"), ".docx");
  EXPECT_EQ(extension_of("PHOTO.JPG"), ".jpg");
  EXPECT_EQ(extension_of("archive.tar.gz"), ".gz");
  EXPECT_EQ(extension_of("Отчёт за май.XLSX"), ".xlsx");
  EXPECT_EQ(extension_of("notes.txt  "), ".txt");
  EXPECT_EQ(extension_of("dir.d/README"), "");
  EXPECT_EQ(extension_of("C:\\fake.path\\file"), "");
  EXPECT_EQ(extension_of("C:\\fakepath\\file.PDF"), ".pdf");
}

TEST(FileTypesTest, NoExtensionWithoutADotOrWithOnlyALeadingOrTrailingOne) {
  EXPECT_EQ(extension_of(""), "");
  EXPECT_EQ(extension_of("README"), "");
  EXPECT_EQ(extension_of(".bashrc"), "");
  EXPECT_EQ(extension_of("name."), "");
  EXPECT_EQ(extension_of("."), "");
  EXPECT_EQ(extension_of("..docx"), ".docx");
}

TEST(FileTypesTest, FileTypeFollowsTheOriginalLists) {
  EXPECT_EQ(file_type_of("a.zip"), 1);
  EXPECT_EQ(file_type_of("archive.tar.gz"), 1);
  EXPECT_EQ(file_type_of("clip.mp4"), 2);
  EXPECT_EQ(file_type_of("clip.MKV"), 2);
  EXPECT_EQ(file_type_of("song.mp3"), 3);
  EXPECT_EQ(file_type_of("song.flac"), 3);
  EXPECT_EQ(file_type_of("PHOTO.JPG"), 4);
  EXPECT_EQ(file_type_of("logo.svg"), 4);
  EXPECT_EQ(file_type_of("logo.webp"), 4);
  EXPECT_EQ(file_type_of("sheet.xlsx"), 5);
  EXPECT_EQ(file_type_of("data.csv"), 5);
  EXPECT_EQ(file_type_of("slides.pptx"), 6);
  EXPECT_EQ(file_type_of("slides.odp"), 6);
  EXPECT_EQ(file_type_of("letter.docx"), 7);
  EXPECT_EQ(file_type_of("notes.txt"), 7);
  EXPECT_EQ(file_type_of("page.html"), 7);
  EXPECT_EQ(file_type_of("book.pdf"), 7);
  EXPECT_EQ(file_type_of("Документ.DOCX"), 7);
}

TEST(FileTypesTest, FileTypeIsUnknownWithoutAKnownExtension) {
  EXPECT_EQ(file_type_of("README"), 0);
  EXPECT_EQ(file_type_of(".bashrc"), 0);
  EXPECT_EQ(file_type_of("program.exe"), 0);
  EXPECT_EQ(file_type_of("data.json"), 0);
  EXPECT_EQ(file_type_of(""), 0);
  // Not in the original's lists.
  EXPECT_EQ(file_type_of("backup.7z"), 0);
  EXPECT_EQ(file_type_of("data.xml"), 0);
}

TEST(FileTypesTest, ContentTypesOfCommonFormats) {
  EXPECT_EQ(content_type_of("a.docx"),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
  EXPECT_EQ(content_type_of("a.xlsx"),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  EXPECT_EQ(content_type_of("a.pptx"),
            "application/vnd.openxmlformats-officedocument.presentationml.presentation");
  EXPECT_EQ(content_type_of("a.odt"), "application/vnd.oasis.opendocument.text");
  EXPECT_EQ(content_type_of("a.ods"), "application/vnd.oasis.opendocument.spreadsheet");
  EXPECT_EQ(content_type_of("a.odp"), "application/vnd.oasis.opendocument.presentation");
  EXPECT_EQ(content_type_of("a.doc"), "application/msword");
  EXPECT_EQ(content_type_of("a.pdf"), "application/pdf");
  EXPECT_EQ(content_type_of("a.txt"), "text/plain; charset=utf-8");
  EXPECT_EQ(content_type_of("a.HTML"), "text/html; charset=utf-8");
  EXPECT_EQ(content_type_of("a.csv"), "text/csv; charset=utf-8");
  EXPECT_EQ(content_type_of("a.json"), "application/json");
  EXPECT_EQ(content_type_of("a.xml"), "application/xml");
  EXPECT_EQ(content_type_of("PHOTO.JPG"), "image/jpeg");
  EXPECT_EQ(content_type_of("a.png"), "image/png");
  EXPECT_EQ(content_type_of("a.svg"), "image/svg+xml");
  EXPECT_EQ(content_type_of("a.zip"), "application/zip");
  EXPECT_EQ(content_type_of("a.tar.gz"), "application/gzip");
  EXPECT_EQ(content_type_of("a.mp3"), "audio/mpeg");
  EXPECT_EQ(content_type_of("a.mp4"), "video/mp4");
}

TEST(FileTypesTest, UnknownContentTypeIsOctetStream) {
  EXPECT_EQ(content_type_of("README"), "application/octet-stream");
  EXPECT_EQ(content_type_of("a.exe"), "application/octet-stream");
  EXPECT_EQ(content_type_of("a.docy"), "application/octet-stream");
  EXPECT_EQ(content_type_of(""), "application/octet-stream");
}

TEST(FileTypesTest, TextContentTypesCarryUtf8) {
  for (const char* name : {"a.txt", "a.html", "a.htm", "a.csv", "a.md", "a.log", "a.css"}) {
    const std::string type = content_type_of(name);
    if (type.starts_with("text/")) {
      EXPECT_TRUE(type.ends_with("; charset=utf-8")) << name;
    }
  }
}

TEST(FileTypesTest, ExtensionForContentType) {
  EXPECT_EQ(extension_for_content_type("text/plain"), ".txt");
  EXPECT_EQ(extension_for_content_type("text/plain; charset=windows-1251"), ".txt");
  EXPECT_EQ(extension_for_content_type("  Text/HTML ; charset=UTF-8"), ".html");
  EXPECT_EQ(extension_for_content_type("image/jpeg"), ".jpg");
  EXPECT_EQ(extension_for_content_type("image/jpg"), ".jpg");
  EXPECT_EQ(extension_for_content_type("application/msword"), ".doc");
  EXPECT_EQ(extension_for_content_type(
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
            ".docx");
  EXPECT_EQ(extension_for_content_type("application/vnd.ms-excel"), ".xls");
  EXPECT_EQ(extension_for_content_type("application/vnd.ms-powerpoint"), ".ppt");
  EXPECT_EQ(extension_for_content_type("application/pdf"), ".pdf");
  EXPECT_EQ(extension_for_content_type("application/x-zip-compressed"), ".zip");
  EXPECT_EQ(extension_for_content_type("application/gzip"), ".gz");
  EXPECT_EQ(extension_for_content_type("audio/mpeg"), ".mp3");
  EXPECT_EQ(extension_for_content_type("video/mp4"), ".mp4");
  EXPECT_EQ(extension_for_content_type("message/rfc822"), ".eml");
}

TEST(FileTypesTest, UnknownContentTypeHasNoExtension) {
  EXPECT_EQ(extension_for_content_type(""), "");
  EXPECT_EQ(extension_for_content_type("application/octet-stream"), "");
  EXPECT_EQ(extension_for_content_type("application/x-something"), "");
  EXPECT_EQ(extension_for_content_type("; charset=utf-8"), "");
}

TEST(FileTypesTest, ContentTypeAndItsExtensionRoundTrip) {
  for (const char* name : {"a.docx", "a.xlsx", "a.pptx", "a.pdf", "a.txt", "a.png", "a.jpg",
                           "a.zip", "a.mp3", "a.mp4", "a.odt", "a.csv", "a.html"}) {
    EXPECT_EQ(extension_for_content_type(content_type_of(name)), extension_of(name)) << name;
  }
}

TEST(FileTypesTest, FiltersSelectTheExtensionsOfTheirFileType) {
  const struct {
    int filter;
    int file_type;
  } filters[] = {{3, 7}, {4, 6}, {5, 5}, {7, 4}, {10, 1}};
  for (const auto& f : filters) {
    const std::vector<std::string> exts = extensions_of_filter(f.filter);
    ASSERT_FALSE(exts.empty()) << f.filter;
    for (const std::string& ext : exts) {
      EXPECT_EQ(file_type_of("a" + ext), f.file_type) << ext;
    }
  }
  EXPECT_TRUE(contains(extensions_of_filter(3), ".docx"));
  EXPECT_TRUE(contains(extensions_of_filter(3), ".pdf"));
  EXPECT_TRUE(contains(extensions_of_filter(3), ".txt"));
  EXPECT_TRUE(contains(extensions_of_filter(4), ".pptx"));
  EXPECT_TRUE(contains(extensions_of_filter(5), ".xlsx"));
  EXPECT_TRUE(contains(extensions_of_filter(5), ".csv"));
  EXPECT_TRUE(contains(extensions_of_filter(7), ".jpg"));
  EXPECT_TRUE(contains(extensions_of_filter(10), ".zip"));
  EXPECT_FALSE(contains(extensions_of_filter(3), ".xlsx"));
}

TEST(FileTypesTest, MediaFilterIsVideoAndAudio) {
  const std::vector<std::string> media = extensions_of_filter(12);
  EXPECT_TRUE(contains(media, ".mp4"));
  EXPECT_TRUE(contains(media, ".mp3"));
  EXPECT_TRUE(contains(media, ".avi"));
  EXPECT_TRUE(contains(media, ".ogg"));
  for (const std::string& ext : media) {
    const int type = file_type_of("a" + ext);
    EXPECT_TRUE(type == 2 || type == 3) << ext;
  }
}

TEST(FileTypesTest, OtherFiltersDoNotRestrictByType) {
  for (int filter : {-1, 0, 1, 2, 6, 8, 9, 11, 13, 100}) {
    EXPECT_TRUE(extensions_of_filter(filter).empty()) << filter;
  }
}

TEST(FileTypesTest, FilterListsHaveNoDuplicates) {
  for (int filter : {3, 4, 5, 7, 10, 12}) {
    std::vector<std::string> exts = extensions_of_filter(filter);
    std::sort(exts.begin(), exts.end());
    EXPECT_EQ(std::adjacent_find(exts.begin(), exts.end()), exts.end()) << filter;
  }
}

TEST(FileTypesTest, HumanSizeUsesUnitsOf1024AndTwoDecimals) {
  EXPECT_EQ(human_size(0), "0 bytes");
  EXPECT_EQ(human_size(1), "1 bytes");
  EXPECT_EQ(human_size(512), "512 bytes");
  EXPECT_EQ(human_size(1000), "1,000 bytes");  // #,0 groups bytes too
  EXPECT_EQ(human_size(1023), "1,023 bytes");
  EXPECT_EQ(human_size(1024), "1 KB");
  EXPECT_EQ(human_size(1536), "1.5 KB");
  EXPECT_EQ(human_size(12345), "12.06 KB");
  EXPECT_EQ(human_size(1048576), "1 MB");
  EXPECT_EQ(human_size(1572864), "1.5 MB");
  EXPECT_EQ(human_size(1073741824), "1 GB");
  EXPECT_EQ(human_size(1288490189), "1.2 GB");
  EXPECT_EQ(human_size(1099511627776ULL), "1 TB");
}

TEST(FileTypesTest, HumanSizeRoundsHalvesUpAndGroupsThousands) {
  EXPECT_EQ(human_size(1152), "1.13 KB");      // 1.125
  EXPECT_EQ(human_size(1029), "1 KB");         // 1.0048...
  EXPECT_EQ(human_size(1048575), "1,024 KB");  // 1023.999...
  EXPECT_EQ(human_size(1126999418470400ULL), "1,025 TB");
  EXPECT_EQ(human_size(18446744073709551615ULL), "16,777,216 TB");
}

TEST(FileTypesTest, CleanTitleTrimsAndReplacesForbiddenCharacters) {
  EXPECT_EQ(clean_file_title("  Report.docx \t\n"), "Report.docx");
  EXPECT_EQ(clean_file_title("a\\b/c:d*e?f\"g<h>i|j.txt"), "a_b_c_d_e_f_g_h_i_j.txt");
  EXPECT_EQ(clean_file_title(std::string("a\x01"
                                         "b\x7f"
                                         "c",
                                         5)),
            "a_b_c");
  EXPECT_EQ(clean_file_title(std::string("a\0b", 3)), "a_b");
  EXPECT_EQ(clean_file_title("line\nbreak.txt"), "line_break.txt");
  EXPECT_EQ(clean_file_title("a+b & c (1).txt"), "a+b & c (1).txt");
  EXPECT_EQ(clean_file_title("\xC2\xA0nbsp\xE3\x80\x80"), "nbsp");  // U+00A0 and U+3000 are spaces
  EXPECT_EQ(clean_file_title("a\xC2\x85"
                             "b"),
            "a_b");  // U+0085 inside: a C1 control
}

TEST(FileTypesTest, CleanTitleMayBeEmpty) {
  EXPECT_EQ(clean_file_title(""), "");
  EXPECT_EQ(clean_file_title("   \t "), "");
}

TEST(FileTypesTest, CleanTitleKeepsNonAsciiTitles) {
  EXPECT_EQ(clean_file_title("Отчёт за май.xlsx"), "Отчёт за май.xlsx");
  EXPECT_EQ(clean_file_title("会议纪要.docx"), "会议纪要.docx");
  EXPECT_EQ(clean_file_title("🎉 party.pptx"), "🎉 party.pptx");
  EXPECT_EQ(clean_file_title("e\xCC\x81t\xC3\xA9"),
            "e\xCC\x81t\xC3\xA9");  // combining and precomposed
}

TEST(FileTypesTest, CleanTitleReplacesIllFormedUtf8) {
  EXPECT_EQ(clean_file_title("a\xFF"
                             "b"),
            "a_b");
  EXPECT_EQ(clean_file_title("a\x80"
                             "b"),
            "a_b");                            // lone continuation byte
  EXPECT_EQ(clean_file_title("a\xC3"), "a_");  // truncated at the end
  EXPECT_EQ(clean_file_title("a\xE2\x82"
                             "b"),
            "a_b");  // truncated 3-byte: one '_'
  EXPECT_EQ(clean_file_title("a\xC0\xAF"
                             "b"),
            "a__b");  // overlong '/'
  EXPECT_EQ(clean_file_title("a\xED\xA0\x80"
                             "b"),
            "a___b");  // UTF-8 encoded surrogate
  EXPECT_EQ(clean_file_title("a\xF4\x90\x80\x80"
                             "b"),
            "a____b");  // above U+10FFFF
  EXPECT_EQ(clean_file_title("\xF0\x9F\x8E"
                             "x.txt"),
            "_x.txt");  // truncated 4-byte
  for (const char* raw :
       {"\xFF\xFE", "\xC3(", "\xE2\x28\xA1", "\xF0\x28\x8C\x28", "ok\xC3\xA9\xC3"}) {
    EXPECT_TRUE(utf8::is_valid(clean_file_title(raw))) << raw;
  }
}

TEST(FileTypesTest, CleanTitleCutsAt165CharactersWithoutSplittingOne) {
  const std::string ascii(200, 'a');
  EXPECT_EQ(clean_file_title(ascii), std::string(165, 'a'));
  EXPECT_EQ(clean_file_title(std::string(165, 'a')), std::string(165, 'a'));

  std::string cyrillic;
  for (int i = 0; i < 200; ++i)
    cyrillic += "ж";
  const std::string cut = clean_file_title(cyrillic);
  EXPECT_EQ(code_points(cut), 165u);
  EXPECT_EQ(cut.size(), 330u);
  EXPECT_TRUE(utf8::is_valid(cut));

  std::string emoji;
  for (int i = 0; i < 170; ++i)
    emoji += "😀";
  EXPECT_EQ(code_points(clean_file_title(emoji)), 165u);
  EXPECT_TRUE(utf8::is_valid(clean_file_title(emoji)));
}

TEST(FileTypesTest, CleanTitleCutKeepsTheExtension) {
  const std::string long_name = std::string(300, 'x') + ".docx";
  const std::string cut = clean_file_title(long_name);
  EXPECT_EQ(cut.size(), 165u);
  EXPECT_TRUE(cut.ends_with("x.docx"));

  std::string cyrillic;
  for (int i = 0; i < 200; ++i)
    cyrillic += "я";
  const std::string cut_cyrillic = clean_file_title(cyrillic + ".xlsx");
  EXPECT_EQ(code_points(cut_cyrillic), 165u);
  EXPECT_TRUE(cut_cyrillic.ends_with("я.xlsx"));
}

TEST(FileTypesTest, CleanTitleCutDropsAnExtensionTooFarFromTheEnd) {
  // The last '.' is before the last 20 characters of the limit: a plain cut, as in the original.
  const std::string name = std::string(100, 'a') + "." + std::string(100, 'b');
  EXPECT_EQ(clean_file_title(name), std::string(100, 'a') + "." + std::string(64, 'b'));
  // An "extension" longer than the limit cannot be kept either.
  const std::string dots = std::string(150, 'a') + "." + std::string(200, 'b');
  EXPECT_EQ(clean_file_title(dots), std::string(150, 'a') + "." + std::string(14, 'b'));
}

TEST(FileTypesTest, CleanTitleReplacesForbiddenCharactersInTheKeptExtension) {
  const std::string cut = clean_file_title(std::string(200, 'n') + ".a:b");
  EXPECT_EQ(cut.size(), 165u);
  EXPECT_TRUE(cut.ends_with("n.a_b"));
}

}  // namespace
}  // namespace projectd
