#include "auth/bounded_pool.h"

#include "base/errors.h"

#include <stdexcept>

namespace projectd {

BoundedPool::BoundedPool(std::size_t threads, std::size_t bound) : bound_(bound), pool_(threads) {
  if (threads == 0 || bound < threads)
    throw std::invalid_argument("BoundedPool: bound must be at least threads, and threads >= 1");
}

BoundedPool::~BoundedPool() {
  pool_.join();
}

BoundedPool::Place::~Place() {
  if (pool_ == nullptr) return;
  std::lock_guard lock(pool_->mutex_);
  --pool_->admitted_;
}

BoundedPool::Place BoundedPool::admit() {
  {
    std::lock_guard lock(mutex_);
    if (admitted_ < bound_) {
      ++admitted_;
      return Place(this);
    }
  }
  ApiError error(ErrorKind::kServiceUnavailable, "The server is busy; try again in a second");
  error.with_header("Retry-After", "1");
  throw error;
}

std::size_t BoundedPool::admitted() const {
  std::lock_guard lock(mutex_);
  return admitted_;
}

void BoundedPool::check_own(const Place& place) const {
  if (place.pool_ != this)
    throw std::logic_error("BoundedPool::run: a place of another pool, or one given up");
}

}  // namespace projectd
