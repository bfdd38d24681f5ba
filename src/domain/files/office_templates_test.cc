// Blank .docx/.xlsx/.pptx: real zip packages whose parts are XML, typed and linked consistently.
#include "domain/files/office_templates.h"

#include <gtest/gtest.h>
#include <zip.h>
#include <pugixml.hpp>

#include <cstddef>
#include <iterator>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace projectd {
namespace {

// The entries of a zip held in memory, in archive order, with their contents.
struct Package {
  std::vector<std::string> names;
  std::map<std::string, std::string> parts;
};

// Opens `bytes` with libzip's consistency checks and reads every entry; fails the test otherwise.
Package read_package(const std::string& bytes) {
  Package package;
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  EXPECT_NE(source, nullptr);
  if (source == nullptr) return package;
  zip_t* archive = zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error);
  EXPECT_NE(archive, nullptr) << zip_error_strerror(&error);
  zip_error_fini(&error);
  if (archive == nullptr) {
    zip_source_free(source);
    return package;
  }
  const zip_int64_t count = zip_get_num_entries(archive, 0);
  for (zip_int64_t i = 0; i < count; ++i) {
    zip_stat_t stat;
    zip_stat_init(&stat);
    const auto index = static_cast<zip_uint64_t>(i);
    EXPECT_EQ(zip_stat_index(archive, index, 0, &stat), 0);
    std::string content(static_cast<std::size_t>(stat.size), '\0');
    zip_file_t* file = zip_fopen_index(archive, index, 0);
    EXPECT_NE(file, nullptr) << stat.name;
    if (file == nullptr) continue;
    EXPECT_EQ(zip_fread(file, content.data(), content.size()),
              static_cast<zip_int64_t>(content.size()));
    zip_fclose(file);
    package.names.emplace_back(stat.name);
    package.parts.emplace(stat.name, std::move(content));
  }
  zip_close(archive);  // read-only: frees the archive and its source
  return package;
}

std::unique_ptr<pugi::xml_document> parse(const std::string& xml, const std::string& name) {
  auto doc = std::make_unique<pugi::xml_document>();
  const pugi::xml_parse_result result = doc->load_string(xml.c_str());
  EXPECT_TRUE(result) << name << ": " << result.description() << " at " << result.offset;
  return doc;
}

// "/word/document.xml" for Target "document.xml" of "word/_rels/document.xml.rels".
std::string resolve_target(const std::string& rels_name, const std::string& target) {
  std::string dir = rels_name.substr(0, rels_name.find("_rels/"));  // "" or "word/"
  std::string path = target.starts_with('/') ? target.substr(1) : dir + target;
  // Collapse "x/../".
  for (std::size_t up; (up = path.find("/../")) != std::string::npos;) {
    const std::size_t parent = path.rfind('/', up - 1);
    path.erase(parent == std::string::npos ? 0 : parent + 1,
               up + 4 - (parent == std::string::npos ? 0 : parent + 1));
  }
  return path;
}

struct Expected {
  const char* extension;
  const char* main_part;
  const char* main_content_type;
  const char* root;
};

const Expected kFormats[] = {
    {".docx", "word/document.xml",
     "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
     "w:document"},
    {".xlsx", "xl/workbook.xml",
     "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", "workbook"},
    {".pptx", "ppt/presentation.xml",
     "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml",
     "p:presentation"},
};

TEST(OfficeTemplatesTest, UnknownExtensionsHaveNoTemplate) {
  for (const char* ext : {"", ".doc", ".xls", ".ppt", ".odt", ".txt", ".docm", "docx", ".DOCX"}) {
    EXPECT_EQ(blank_office_document(ext), std::nullopt) << ext;
  }
}

TEST(OfficeTemplatesTest, EachIsAZipWithContentTypesFirstAndTheMainPart) {
  for (const Expected& format : kFormats) {
    SCOPED_TRACE(format.extension);
    const std::optional<std::string> bytes = blank_office_document(format.extension);
    ASSERT_TRUE(bytes.has_value());
    ASSERT_GT(bytes->size(), 4u);
    EXPECT_EQ(bytes->substr(0, 4), std::string("PK\x03\x04", 4));
    const Package package = read_package(*bytes);
    ASSERT_FALSE(package.names.empty());
    EXPECT_EQ(package.names.front(), "[Content_Types].xml");
    EXPECT_TRUE(package.parts.contains("_rels/.rels"));
    ASSERT_TRUE(package.parts.contains(format.main_part));
    const auto main = parse(package.parts.at(format.main_part), format.main_part);
    EXPECT_STREQ(main->document_element().name(), format.root);
  }
}

TEST(OfficeTemplatesTest, EveryPartIsWellFormedXml) {
  for (const Expected& format : kFormats) {
    SCOPED_TRACE(format.extension);
    const Package package = read_package(*blank_office_document(format.extension));
    for (const auto& [name, content] : package.parts) {
      EXPECT_TRUE(name.ends_with(".xml") || name.ends_with(".rels")) << name;
      EXPECT_TRUE(content.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"")) << name;
      EXPECT_FALSE(parse(content, name)->document_element().empty()) << name;
    }
  }
}

TEST(OfficeTemplatesTest, ContentTypesCoverEveryPartAndNameNoMissingOne) {
  for (const Expected& format : kFormats) {
    SCOPED_TRACE(format.extension);
    const Package package = read_package(*blank_office_document(format.extension));
    const auto types = parse(package.parts.at("[Content_Types].xml"), "[Content_Types].xml");
    const pugi::xml_node root = types->child("Types");
    std::map<std::string, std::string> defaults, overrides;
    for (pugi::xml_node d : root.children("Default"))
      defaults[d.attribute("Extension").value()] = d.attribute("ContentType").value();
    for (pugi::xml_node o : root.children("Override"))
      overrides[o.attribute("PartName").value()] = o.attribute("ContentType").value();

    EXPECT_EQ(overrides[std::string("/") + format.main_part], format.main_content_type);
    for (const auto& [part, type] : overrides) {
      EXPECT_TRUE(package.parts.contains(part.substr(1))) << "no part for override " << part;
    }
    for (const auto& [name, content] : package.parts) {
      if (name == "[Content_Types].xml") continue;
      const std::string extension = name.substr(name.rfind('.') + 1);
      EXPECT_TRUE(overrides.contains("/" + name) || defaults.contains(extension))
          << name << " has no content type";
    }
  }
}

TEST(OfficeTemplatesTest, EveryRelationshipTargetExists) {
  for (const Expected& format : kFormats) {
    SCOPED_TRACE(format.extension);
    const Package package = read_package(*blank_office_document(format.extension));
    std::size_t relationships = 0;
    for (const auto& [name, content] : package.parts) {
      if (!name.ends_with(".rels")) continue;
      const auto rels = parse(content, name);
      for (pugi::xml_node r : rels->child("Relationships").children("Relationship")) {
        ++relationships;
        const std::string target = resolve_target(name, r.attribute("Target").value());
        EXPECT_TRUE(package.parts.contains(target)) << name << " -> " << target;
      }
    }
    EXPECT_GE(relationships, 3u);
  }
}

TEST(OfficeTemplatesTest, DocxHasOneEmptyParagraph) {
  const Package package = read_package(*blank_office_document(".docx"));
  const auto doc = parse(package.parts.at("word/document.xml"), "document");
  const pugi::xml_node body = doc->child("w:document").child("w:body");
  ASSERT_TRUE(body);
  EXPECT_EQ(std::distance(body.children("w:p").begin(), body.children("w:p").end()), 1);
  EXPECT_TRUE(body.child("w:p").first_child().empty());
}

TEST(OfficeTemplatesTest, XlsxHasOneEmptySheetCalledSheet1) {
  const Package package = read_package(*blank_office_document(".xlsx"));
  const auto workbook = parse(package.parts.at("xl/workbook.xml"), "workbook");
  const pugi::xml_node sheet = workbook->child("workbook").child("sheets").child("sheet");
  EXPECT_STREQ(sheet.attribute("name").value(), "Sheet1");
  EXPECT_TRUE(sheet.next_sibling("sheet").empty());
  const auto worksheet = parse(package.parts.at("xl/worksheets/sheet1.xml"), "sheet1");
  const pugi::xml_node data = worksheet->child("worksheet").child("sheetData");
  ASSERT_TRUE(data);
  EXPECT_TRUE(data.first_child().empty());
  EXPECT_TRUE(package.parts.contains("xl/_rels/workbook.xml.rels"));
}

TEST(OfficeTemplatesTest, PptxHasAMasterALayoutAThemeAndOneSlide) {
  const Package package = read_package(*blank_office_document(".pptx"));
  for (const char* part : {"ppt/slideMasters/slideMaster1.xml", "ppt/slideLayouts/slideLayout1.xml",
                           "ppt/theme/theme1.xml", "ppt/slides/slide1.xml"}) {
    EXPECT_TRUE(package.parts.contains(part)) << part;
  }
  const auto presentation = parse(package.parts.at("ppt/presentation.xml"), "presentation");
  const pugi::xml_node root = presentation->child("p:presentation");
  EXPECT_TRUE(root.child("p:sldMasterIdLst").child("p:sldMasterId"));
  EXPECT_TRUE(root.child("p:sldIdLst").child("p:sldId"));
  EXPECT_TRUE(root.child("p:notesSz"));  // required by the schema
  const auto theme = parse(package.parts.at("ppt/theme/theme1.xml"), "theme");
  const pugi::xml_node format =
      theme->child("a:theme").child("a:themeElements").child("a:fmtScheme");
  for (const char* list :
       {"a:fillStyleLst", "a:lnStyleLst", "a:effectStyleLst", "a:bgFillStyleLst"}) {
    const pugi::xml_node styles = format.child(list);
    EXPECT_GE(std::distance(styles.children().begin(), styles.children().end()), 3) << list;
  }
}

TEST(OfficeTemplatesTest, TheSameExtensionGivesTheSameBytes) {
  for (const Expected& format : kFormats) {
    EXPECT_EQ(blank_office_document(format.extension), blank_office_document(format.extension))
        << format.extension;
  }
}

TEST(OfficeTemplatesTest, ResolveTargetHelperFollowsParentDirectories) {
  EXPECT_EQ(resolve_target("_rels/.rels", "word/document.xml"), "word/document.xml");
  EXPECT_EQ(resolve_target("word/_rels/document.xml.rels", "styles.xml"), "word/styles.xml");
  EXPECT_EQ(resolve_target("ppt/slides/_rels/slide1.xml.rels", "../slideLayouts/slideLayout1.xml"),
            "ppt/slideLayouts/slideLayout1.xml");
  EXPECT_EQ(resolve_target("ppt/_rels/presentation.xml.rels", "/ppt/x.xml"), "ppt/x.xml");
}

}  // namespace
}  // namespace projectd
