#include "util/thread_pool.h"

#include <algorithm>
#include <utility>

namespace ceasewatch {

ThreadPool::ThreadPool(int workers) {
  workers = std::max(1, workers);
  threads_.reserve(static_cast<size_t>(workers));
  for (int w = 0; w < workers; ++w)
    threads_.emplace_back([this, w] { Work(w); });
}

ThreadPool::~ThreadPool() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stopping_ = true;
  }
  ready_.notify_all();
  for (std::thread& t : threads_) t.join();
}

std::future<void> ThreadPool::Submit(Task task) {
  std::packaged_task<void(int)> packaged(std::move(task));
  std::future<void> done = packaged.get_future();
  {
    std::lock_guard<std::mutex> lock(mu_);
    queue_.push_back(std::move(packaged));
  }
  ready_.notify_one();
  return done;
}

void ThreadPool::Work(int worker) {
  for (;;) {
    std::packaged_task<void(int)> task;
    {
      std::unique_lock<std::mutex> lock(mu_);
      ready_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
      if (queue_.empty()) return;  // stopping, and nothing left to run
      task = std::move(queue_.front());
      queue_.pop_front();
    }
    task(worker);
  }
}

}  // namespace ceasewatch
