// Blank office documents for `POST files/{folder}/file`, built in code with libzip (no template
// files on disk): minimal valid OOXML packages that ONLYOFFICE, LibreOffice and Microsoft Office
// open. Thread safety: pure function.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace projectd {

// `extension` is ".docx", ".xlsx" or ".pptx" (lowercase); nullopt for anything else.
std::optional<std::string> blank_office_document(std::string_view extension);

}  // namespace projectd
