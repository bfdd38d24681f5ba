#include "app/trash_sweeper.h"

#include <spdlog/spdlog.h>

namespace projectd {

TrashSweeper::TrashSweeper(TrashService& trash, std::chrono::seconds interval)
    : task_(interval, [&trash] { sweep_trash_once(trash); }) {}

void TrashSweeper::sweep_trash_once(TrashService& trash) {
  try {
    const std::int64_t swept = trash.sweep_expired(now_utc());
    if (swept > 0) spdlog::info("the trash clean-up deleted {} entries for good", swept);
  } catch (const std::exception& e) {
    // A failed sweep loses nothing: the entries stay in their trash until the next one.
    spdlog::warn("cleaning up the trash failed: {}", e.what());
  }
}

}  // namespace projectd
