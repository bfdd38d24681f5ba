// Marks a wait of the calling thread that uses no CPU of its own and may be long: a disk flush, a
// database's answer, another thread's result. On a thread of a LifoWorkerPool the pool counts the
// thread as waiting, not running, so it may start another job meanwhile (base/lifo_worker_pool.h);
// on any other thread it does nothing. Scopes nest: only the outermost counts.
// A wait that is not marked still ends; the pool just runs fewer jobs at once until it does.
// Thread safety: a scope belongs to the thread that made it.
#pragma once

namespace projectd {

class BlockingWait {
 public:
  BlockingWait();
  ~BlockingWait();
  BlockingWait(const BlockingWait&) = delete;
  BlockingWait& operator=(const BlockingWait&) = delete;
};

}  // namespace projectd
