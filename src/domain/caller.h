// Who is making a request, as the authentication step established it.
#pragma once

#include <string>

namespace projectd {

struct Caller {
  std::string user_id;
  bool is_admin = false;
  bool is_visitor = false;
  // The hash of the token this request authenticated with; empty for Basic credentials.
  std::string token_hash;
};

}  // namespace projectd
