// Pulls every credential out of a request (see domain/authenticator.h for the order).
#pragma once

#include "domain/authenticator.h"
#include "http/params.h"

#include <string_view>
#include <vector>

namespace projectd {

// `authorization` and `cookie` are the raw header values (empty when absent).
std::vector<Credential> extract_credentials(const Params& params, std::string_view authorization,
                                            std::string_view cookie);

// The value of one cookie in a Cookie header, or empty.
std::string cookie_value(std::string_view cookie_header, std::string_view name);

}  // namespace projectd
