// Read-only connections to the store shared by the server's threads: each
// request leases one (a Store and a QueryDb on the same file) and gives it
// back. At most `max` are opened, on demand; a request finding none free
// waits for one. In WAL mode readers never block the writer nor it them.
#ifndef CEASEWATCH_SERVER_READER_POOL_H_
#define CEASEWATCH_SERVER_READER_POOL_H_

#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "ceasewatch/status.h"
#include "query/query_db.h"
#include "store/store.h"

namespace ceasewatch {

struct Reader {
  std::unique_ptr<Store> store;
  std::unique_ptr<QueryDb> query;
  // The connection's PRAGMA data_version when it was last leased; -1
  // before the first lease.
  int64_t data_version = -1;
};

class ReaderPool {
 public:
  ReaderPool(std::string db, int max) : db_(std::move(db)), max_(max) {}

  // A connection, returned to the pool when the lease ends.
  class Lease {
   public:
    Lease(ReaderPool* pool, std::unique_ptr<Reader> r)
        : pool_(pool), reader_(std::move(r)) {}
    Lease(Lease&&) = default;
    ~Lease() {
      if (reader_) pool_->Return(std::move(reader_));
    }
    Reader* operator->() { return reader_.get(); }
    Reader& operator*() { return *reader_; }

   private:
    ReaderPool* pool_;
    std::unique_ptr<Reader> reader_;
  };

  Result<Lease> Acquire();

 private:
  void Return(std::unique_ptr<Reader> r);

  const std::string db_;
  const int max_;
  std::mutex mu_;
  std::condition_variable freed_;
  std::vector<std::unique_ptr<Reader>> idle_;
  int open_ = 0;
};

}  // namespace ceasewatch

#endif  // CEASEWATCH_SERVER_READER_POOL_H_
