// A fixed set of worker threads running submitted tasks in submission
// order (first come, first started). Each task learns which worker runs
// it, so per-worker scratch can live outside the pool.
//
//   ThreadPool pool(4);
//   std::future<void> done = pool.Submit([&](int worker) { ... });
//   done.wait();
//
// Tasks must not throw. The destructor runs every task already submitted,
// then joins the workers.
#ifndef CEASEWATCH_UTIL_THREAD_POOL_H_
#define CEASEWATCH_UTIL_THREAD_POOL_H_

#include <condition_variable>
#include <deque>
#include <functional>
#include <future>
#include <mutex>
#include <thread>
#include <vector>

namespace ceasewatch {

class ThreadPool {
 public:
  using Task = std::function<void(int worker)>;

  // At least one worker.
  explicit ThreadPool(int workers);
  ~ThreadPool();
  ThreadPool(const ThreadPool&) = delete;
  ThreadPool& operator=(const ThreadPool&) = delete;

  // Queues `task`; the future is ready when it has run.
  std::future<void> Submit(Task task);

  int workers() const { return static_cast<int>(threads_.size()); }

 private:
  void Work(int worker);

  std::mutex mu_;
  std::condition_variable ready_;
  std::deque<std::packaged_task<void(int)>> queue_;  // guarded by mu_
  bool stopping_ = false;                            // guarded by mu_
  std::vector<std::thread> threads_;
};

}  // namespace ceasewatch

#endif  // CEASEWATCH_UTIL_THREAD_POOL_H_
