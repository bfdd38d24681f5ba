// The headers every page the server renders carries (the web app's pages and bundles, and the
// unsubscribe pages of api/notify/): a policy that allows only the server's own files, no inline
// script or style, no other host, no framing (docs/web-app.md, "Security").
// Thread safety: an immutable list.
#pragma once

#include "http/handler.h"

namespace projectd {

const HeaderList& web_security_headers();

}  // namespace projectd
