#include "util/thread_pool.h"

#include <gtest/gtest.h>

#include <atomic>
#include <vector>

namespace ceasewatch {
namespace {

TEST(ThreadPoolTest, RunsEveryTaskOnAWorkerInRange) {
  for (int workers : {1, 2, 4}) {
    ThreadPool pool(workers);
    std::vector<int> ran_on(200, -1);
    std::vector<std::future<void>> done;
    for (size_t i = 0; i < ran_on.size(); ++i)
      done.push_back(pool.Submit([&ran_on, i](int w) { ran_on[i] = w; }));
    for (auto& f : done) f.wait();
    for (int w : ran_on) {
      EXPECT_GE(w, 0);
      EXPECT_LT(w, workers);
    }
  }
}

TEST(ThreadPoolTest, AtLeastOneWorker) {
  ThreadPool pool(0);
  EXPECT_EQ(pool.workers(), 1);
  int x = 0;
  pool.Submit([&x](int) { x = 7; }).wait();
  EXPECT_EQ(x, 7);
}

TEST(ThreadPoolTest, TheDestructorRunsWhatWasQueued) {
  std::atomic<int> ran{0};
  {
    ThreadPool pool(2);
    for (int i = 0; i < 500; ++i) pool.Submit([&ran](int) { ++ran; });
  }
  EXPECT_EQ(ran.load(), 500);
}

}  // namespace
}  // namespace ceasewatch
