#include "domain/html_sanitizer.h"

#include <gumbo.h>

#include <algorithm>
#include <cctype>
#include <memory>
#include <vector>

namespace projectd {

namespace {

constexpr std::ptrdiff_t kMaxTags = 5000;

enum class Keep { kElement, kUnwrap, kDrop };

Keep keep_of(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_P:
    case GUMBO_TAG_BR:
    case GUMBO_TAG_B:
    case GUMBO_TAG_STRONG:
    case GUMBO_TAG_I:
    case GUMBO_TAG_EM:
    case GUMBO_TAG_U:
    case GUMBO_TAG_S:
    case GUMBO_TAG_STRIKE:
    case GUMBO_TAG_SUB:
    case GUMBO_TAG_SUP:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_CODE:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_A:
    case GUMBO_TAG_SPAN:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_THEAD:
    case GUMBO_TAG_TBODY:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_TD:
    case GUMBO_TAG_TH:
    case GUMBO_TAG_IMG:
    case GUMBO_TAG_HR:
      return Keep::kElement;
    // Active or hidden content: nothing inside is meant to be read as text.
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_FRAME:
    case GUMBO_TAG_FRAMESET:
    case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_EMBED:
    case GUMBO_TAG_APPLET:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_INPUT:
    case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_SELECT:
    case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_NOEMBED:
    case GUMBO_TAG_NOFRAMES:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_TITLE:
    case GUMBO_TAG_HEAD:
    case GUMBO_TAG_BASE:
    case GUMBO_TAG_LINK:
    case GUMBO_TAG_META:
    case GUMBO_TAG_XMP:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_MATH:
      return Keep::kDrop;
    default:
      return Keep::kUnwrap;
  }
}

bool is_void(GumboTag tag) {
  return tag == GUMBO_TAG_BR || tag == GUMBO_TAG_HR || tag == GUMBO_TAG_IMG;
}

// The scheme a browser would see: it ignores ASCII whitespace and control characters inside the
// URL and compares schemes ignoring case. Empty for a relative URL.
std::string url_scheme(std::string_view value) {
  std::string scheme;
  for (char c : value) {
    const auto u = static_cast<unsigned char>(c);
    if (u <= 0x20 || u == 0x7f) continue;
    if (c == ':') return scheme;
    if (c == '/' || c == '?' || c == '#') return "";
    scheme += static_cast<char>(std::tolower(u));
  }
  return "";
}

bool starts_with_data_image(std::string_view value) {
  std::string compact;
  for (char c : value) {
    const auto u = static_cast<unsigned char>(c);
    if (u > 0x20 && u != 0x7f) compact += static_cast<char>(std::tolower(u));
    if (compact.size() >= 11) break;
  }
  return compact == "data:image/";
}

bool allowed_href(std::string_view value) {
  const std::string scheme = url_scheme(value);
  return scheme.empty() || scheme == "http" || scheme == "https" || scheme == "mailto";
}

bool allowed_src(std::string_view value) {
  const std::string scheme = url_scheme(value);
  return scheme == "http" || scheme == "https" || starts_with_data_image(value);
}

bool allowed_attribute(GumboTag tag, std::string_view name, std::string_view value) {
  if (name == "class") return true;
  switch (tag) {
    case GUMBO_TAG_A:
      return name == "title" || (name == "href" && allowed_href(value));
    case GUMBO_TAG_IMG:
      return name == "alt" || name == "width" || name == "height" ||
             (name == "src" && allowed_src(value));
    case GUMBO_TAG_TD:
    case GUMBO_TAG_TH:
      return name == "colspan" || name == "rowspan";
    default:
      return false;
  }
}

void open_tag(std::string& out, const GumboElement& element) {
  const char* name = gumbo_normalized_tagname(element.tag);
  out += '<';
  out += name;
  for (unsigned i = 0; i < element.attributes.length; ++i) {
    const auto* attribute = static_cast<const GumboAttribute*>(element.attributes.data[i]);
    if (!allowed_attribute(element.tag, attribute->name, attribute->value)) continue;
    out += ' ';
    out += attribute->name;
    out += "=\"";
    append_html_escaped(out, attribute->value);
    out += '"';
  }
  out += '>';
}

// One element being written: its children are visited in order, then its end tag (if any).
struct Frame {
  const GumboVector* children;
  unsigned next = 0;
  const char* end_tag = nullptr;
};

// Iterative, so a deeply nested document cannot exhaust the stack.
void serialize(std::string& out, const GumboNode& root) {
  std::vector<Frame> stack;
  stack.push_back(Frame{&root.v.element.children});
  while (!stack.empty()) {
    Frame& frame = stack.back();
    if (frame.next == frame.children->length) {
      if (frame.end_tag) {
        out += "</";
        out += frame.end_tag;
        out += '>';
      }
      stack.pop_back();
      continue;
    }
    const auto* node = static_cast<const GumboNode*>(frame.children->data[frame.next++]);
    switch (node->type) {
      case GUMBO_NODE_TEXT:
      case GUMBO_NODE_WHITESPACE:
      case GUMBO_NODE_CDATA:
        append_html_escaped(out, node->v.text.text);
        break;
      case GUMBO_NODE_ELEMENT: {
        const GumboElement& element = node->v.element;
        // Foreign content (svg, math) carries its own script and event semantics.
        if (element.tag_namespace != GUMBO_NAMESPACE_HTML) break;
        const Keep keep = keep_of(element.tag);
        if (keep == Keep::kDrop) break;
        if (keep == Keep::kUnwrap) {
          stack.push_back(Frame{&element.children});
          break;
        }
        open_tag(out, element);
        if (!is_void(element.tag))
          stack.push_back(Frame{&element.children, 0, gumbo_normalized_tagname(element.tag)});
        break;
      }
      default:  // comments, templates, documents
        break;
    }
  }
}

struct OutputDeleter {
  void operator()(GumboOutput* output) const {
    gumbo_destroy_output(&kGumboDefaultOptions, output);
  }
};

}  // namespace

void append_html_escaped(std::string& out, std::string_view text) {
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += c;
    }
  }
}

std::string sanitize_html(std::string_view html) {
  // gumbo's tree building is quadratic in the nesting depth and it frees its tree recursively, so
  // a body of many thousands of tags could stall a worker or exhaust its stack. No real comment
  // has that many: such input is kept as plain text.
  if (std::count(html.begin(), html.end(), '<') > kMaxTags) {
    std::string text;
    append_html_escaped(text, html);
    return text;
  }
  GumboOptions options = kGumboDefaultOptions;
  // Parse as the content of a <body>, the way a browser treats innerHTML.
  options.fragment_context = GUMBO_TAG_BODY;
  options.fragment_namespace = GUMBO_NAMESPACE_HTML;
  std::unique_ptr<GumboOutput, OutputDeleter> output(
      gumbo_parse_with_options(&options, html.data(), html.size()));
  std::string out;
  if (output && output->root && output->root->type == GUMBO_NODE_ELEMENT)
    serialize(out, *output->root);
  return out;
}

bool html_is_blank(std::string_view sanitized) {
  bool in_tag = false;
  for (std::size_t i = 0; i < sanitized.size(); ++i) {
    const char c = sanitized[i];
    if (in_tag) {
      in_tag = c != '>';
      continue;
    }
    if (c == '<') {
      const std::string_view rest = sanitized.substr(i + 1);
      if (rest.starts_with("img") || rest.starts_with("hr")) return false;
      in_tag = true;
      continue;
    }
    if (!std::isspace(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

}  // namespace projectd
