// Sanitised HTML as plain text (html_text.h), read with gumbo like the sanitiser reads it.
#include "domain/html_text.h"

#include <gumbo.h>

#include <algorithm>
#include <iterator>
#include <memory>
#include <vector>

namespace projectd {
namespace {

// As html_sanitizer.cc: beyond this many tags gumbo's tree building gets slow, and sanitised
// input never has that many.
constexpr std::ptrdiff_t kHtmlTextMaxTags = 5000;

// The elements that stand on lines of their own.
constexpr GumboTag kHtmlTextBlocks[] = {
    GUMBO_TAG_P,   GUMBO_TAG_DIV, GUMBO_TAG_LI,    GUMBO_TAG_UL, GUMBO_TAG_OL, GUMBO_TAG_BLOCKQUOTE,
    GUMBO_TAG_PRE, GUMBO_TAG_H1,  GUMBO_TAG_H2,    GUMBO_TAG_H3, GUMBO_TAG_H4, GUMBO_TAG_H5,
    GUMBO_TAG_H6,  GUMBO_TAG_TR,  GUMBO_TAG_TABLE, GUMBO_TAG_HR};

bool html_text_is_block(GumboTag tag) {
  return std::find(std::begin(kHtmlTextBlocks), std::end(kHtmlTextBlocks), tag) !=
         std::end(kHtmlTextBlocks);
}

void html_text_newline(std::string& out) {
  if (!out.empty() && out.back() != '\n') out += '\n';
}

// Depth-first without recursion: a deep tree must not exhaust the stack.
void html_text_collect(std::string& out, const GumboNode& root) {
  struct Frame {
    const GumboNode* node;
    bool leaving;
  };
  std::vector<Frame> stack{{&root, false}};
  while (!stack.empty()) {
    const Frame frame = stack.back();
    stack.pop_back();
    const GumboNode& node = *frame.node;
    if (node.type == GUMBO_NODE_TEXT || node.type == GUMBO_NODE_WHITESPACE ||
        node.type == GUMBO_NODE_CDATA) {
      out += node.v.text.text;
      continue;
    }
    if (node.type != GUMBO_NODE_ELEMENT) continue;
    const GumboElement& element = node.v.element;
    if (frame.leaving) {
      if (html_text_is_block(element.tag)) html_text_newline(out);
      continue;
    }
    if (element.tag == GUMBO_TAG_BR) {
      out += '\n';
      continue;
    }
    if (html_text_is_block(element.tag)) html_text_newline(out);
    stack.push_back({&node, true});
    for (unsigned i = element.children.length; i > 0; --i)
      stack.push_back({static_cast<const GumboNode*>(element.children.data[i - 1]), false});
  }
}

// Trims each line's trailing blanks, drops blank lines at the ends and keeps at most one blank
// line between paragraphs.
std::string html_text_tidy(const std::string& text) {
  std::string out;
  std::size_t blank_run = 0;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::string line = text.substr(start, end - start);
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t' || line.back() == '\r'))
      line.pop_back();
    if (line.find_first_not_of(" \t") == std::string::npos) {
      ++blank_run;
    } else {
      if (!out.empty()) out += blank_run > 0 ? "\n\n" : "\n";
      out += line;
      blank_run = 0;
    }
    start = end + 1;
  }
  return out;
}

struct HtmlTextOutputDeleter {
  void operator()(GumboOutput* output) const {
    gumbo_destroy_output(&kGumboDefaultOptions, output);
  }
};

}  // namespace

std::string html_to_text(std::string_view html) {
  if (std::count(html.begin(), html.end(), '<') > kHtmlTextMaxTags) return std::string(html);
  GumboOptions options = kGumboDefaultOptions;
  options.fragment_context = GUMBO_TAG_BODY;
  options.fragment_namespace = GUMBO_NAMESPACE_HTML;
  std::unique_ptr<GumboOutput, HtmlTextOutputDeleter> output(
      gumbo_parse_with_options(&options, html.data(), html.size()));
  std::string text;
  if (output && output->root) html_text_collect(text, *output->root);
  return html_text_tidy(text);
}

}  // namespace projectd
