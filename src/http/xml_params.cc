// add_xml_params: a text/xml or application/xml body read as names. The shape mirrors the XML that
// Json.NET writes for JSON (docs/wire-compatibility.md, "JSON and XML"): the root's children are
// members, a list is the same element repeated, a nested object is an element with element
// children.
#include "base/ascii.h"
#include "base/errors.h"
#include "http/params.h"

#include <pugixml.hpp>

#include <string>

namespace projectd {
namespace {

constexpr int kMaxXmlDepth = 32;

// `xsi:nil="true"` under whatever prefix the client bound the XML Schema instance namespace to.
bool is_nil(const pugi::xml_node& element) {
  for (const pugi::xml_attribute& attribute : element.attributes()) {
    std::string_view name = attribute.name();
    std::size_t colon = name.rfind(':');
    std::string_view local = colon == std::string_view::npos ? name : name.substr(colon + 1);
    if (local == "nil" && ascii::iequals(ascii::trim(attribute.value()), "true")) return true;
  }
  return false;
}

// pugixml accepts fragments; a document has exactly one root element.
bool has_second_root(const pugi::xml_node& root) {
  for (pugi::xml_node node = root.next_sibling(); node; node = node.next_sibling()) {
    if (node.type() == pugi::node_element) return true;
  }
  return false;
}

void add_element(Params& params, const pugi::xml_node& element, const std::string& name,
                 int depth) {
  if (name.size() > Params::kMaxKeySize) {
    throw ApiError(ErrorKind::kBadRequest, "A parameter name is longer than " +
                                               std::to_string(Params::kMaxKeySize) + " bytes");
  }
  if (depth > kMaxXmlDepth) {
    throw ApiError(ErrorKind::kBadRequest, "The XML body is nested deeper than " +
                                               std::to_string(kMaxXmlDepth) + " levels");
  }
  if (is_nil(element)) {
    params.add(name, ParamValue{"", true}, ParamSource::kBody);
    return;
  }
  bool has_children = false;
  std::string text;
  for (const pugi::xml_node& child : element.children()) {
    if (child.type() == pugi::node_element) {
      has_children = true;
      add_element(params, child, name + "[" + child.name() + "]", depth + 1);
    } else if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) {
      text += child.value();
    }
  }
  // Mixed content: the elements carry the structure, stray text between them is formatting.
  if (!has_children) params.add(name, ParamValue{std::move(text), false}, ParamSource::kBody);
}

}  // namespace

void add_xml_params(Params& params, std::string_view body) {
  if (ascii::trim(body).empty()) return;

  pugi::xml_document document;
  // parse_default expands only the predefined and numeric entities and skips DOCTYPE content, so
  // no entity expansion bomb and no external entity is possible.
  pugi::xml_parse_result result =
      document.load_buffer(body.data(), body.size(), pugi::parse_default, pugi::encoding_auto);
  pugi::xml_node root = document.document_element();
  if (!result || !root || has_second_root(root)) {
    throw ApiError(ErrorKind::kBadRequest, "The request body is not valid XML");
  }
  // A body refused half-way is taken out again.
  const std::size_t before = params.size();
  try {
    for (const pugi::xml_node& child : root.children()) {
      if (child.type() == pugi::node_element) add_element(params, child, child.name(), 2);
    }
  } catch (...) {
    params.truncate(before);
    throw;
  }
}

}  // namespace projectd
