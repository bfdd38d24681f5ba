#include "base/text_fold.h"

#include "base/ascii.h"

#include <glib.h>

#include <memory>

namespace projectd::text_fold {

namespace {

struct GFreeDeleter {
  void operator()(gchar* text) const noexcept { g_free(text); }
};
using GText = std::unique_ptr<gchar, GFreeDeleter>;

}  // namespace

std::string fold(std::string_view text) {
  if (!g_utf8_validate(text.data(), static_cast<gssize>(text.size()), nullptr))
    return ascii::to_lower(std::string(text));
  const GText normalized(
      g_utf8_normalize(text.data(), static_cast<gssize>(text.size()), G_NORMALIZE_NFKC));
  if (!normalized) return ascii::to_lower(std::string(text));
  const GText folded(g_utf8_casefold(normalized.get(), -1));
  return folded ? std::string(folded.get()) : ascii::to_lower(std::string(text));
}

bool contains_folded(std::string_view haystack, std::string_view folded_needle) {
  if (folded_needle.empty()) return true;
  return fold(haystack).find(folded_needle) != std::string::npos;
}

}  // namespace projectd::text_fold
