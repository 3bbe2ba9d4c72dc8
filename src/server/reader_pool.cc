#include "server/reader_pool.h"

namespace ceasewatch {

Result<ReaderPool::Lease> ReaderPool::Acquire() {
  {
    std::unique_lock<std::mutex> lock(mu_);
    freed_.wait(lock, [&] { return !idle_.empty() || open_ < max_; });
    if (!idle_.empty()) {
      std::unique_ptr<Reader> r = std::move(idle_.back());
      idle_.pop_back();
      return Lease(this, std::move(r));
    }
    ++open_;  // reserved; opened outside the lock
  }
  auto r = std::make_unique<Reader>();
  StoreOptions options;
  options.read_only = true;
  auto store = Store::Open(db_, options);
  Status st = store.ok() ? Status::Ok() : store.status();
  if (st.ok()) {
    r->store = std::move(*store);
    auto query = QueryDb::Open(db_);
    if (query.ok())
      r->query = std::move(*query);
    else
      st = query.status();
  }
  if (!st.ok()) {
    std::lock_guard<std::mutex> lock(mu_);
    --open_;
    freed_.notify_one();
    return st;
  }
  return Lease(this, std::move(r));
}

void ReaderPool::Return(std::unique_ptr<Reader> r) {
  std::lock_guard<std::mutex> lock(mu_);
  idle_.push_back(std::move(r));
  freed_.notify_one();
}

}  // namespace ceasewatch
