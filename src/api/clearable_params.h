// PUT keeps what you do not send (docs/wire-compatibility.md, "PUT keeps what you do not send"):
// the outer optional says whether the field was sent, the inner one whether it was sent empty (`""`
// or null), which clears it.
#pragma once

#include "http/params.h"
#include "wire/date.h"

#include <optional>
#include <string>
#include <string_view>

namespace projectd {

std::optional<std::optional<std::string>> clearable_string(const Params& params,
                                                           std::string_view key);
std::optional<std::optional<Timestamp>> clearable_date(const Params& params, std::string_view key,
                                                       const PortalTimeZone& zone);

}  // namespace projectd
