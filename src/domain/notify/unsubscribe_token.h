// The token of a List-Unsubscribe link (docs/notifications.md, "Turning notifications off"): it
// names one person and one kind and proves the server made it, so the link works without signing
// in and cannot be forged for someone else. Form: base64url("<user id>:<kind>") "." base64url of
// HMAC-SHA256 over that same text, keyed with the portal's secret (portal_secrets
// "unsubscribe", 32 random bytes made on first use and shared by every node through the store).
// A token does not expire: it only ever turns a kind off, which the person can undo.
// Thread safety: pure functions, and functions that run inside the caller's transaction.
#pragma once

#include "store/store.h"

#include <optional>
#include <string>
#include <string_view>

namespace projectd {

struct UnsubscribeTarget {
  std::string user_id;
  std::string kind;
};

// The portal's unsubscribe key; made and stored when missing (the transaction must be a write).
std::string unsubscribe_secret(StoreTx& tx);
// The key if one was made already (any transaction).
std::optional<std::string> existing_unsubscribe_secret(StoreTx& tx);

std::string make_unsubscribe_token(std::string_view secret, std::string_view user_id,
                                   std::string_view kind);
// The person and kind a token names, or none when it is malformed or its MAC does not match.
std::optional<UnsubscribeTarget> read_unsubscribe_token(std::string_view secret,
                                                        std::string_view token);

}  // namespace projectd
