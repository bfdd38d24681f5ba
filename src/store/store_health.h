// What /readyz asks of the store (domain/portal/operations_status.h; README "Health and
// metrics"). Beside the Store interface rather than in it, so the domain's many includers of
// store.h need not know it; both stores implement it.
// Thread safety: health() may be called from any thread at once.
#pragma once

namespace projectd {

struct StoreHealth {
  bool reachable = true;       // a read statement ran
  bool writable = true;        // writes are accepted: not failed stop, not a read-only server
  bool schema_current = true;  // the schema is the one this binary's migrations make
};

class StoreHealthProbe {
 public:
  virtual ~StoreHealthProbe() = default;
  // Probes the store without writing anything (nothing grows, the generation stays); may block for
  // as long as one read. Never throws: what fails is reported.
  virtual StoreHealth health() = 0;
};

}  // namespace projectd
