// The fuzz targets' own assertion: a failed property stops the run the
// way a sanitizer does (libFuzzer keeps the input as a crash), in any
// build type (assert() is gone under NDEBUG).
#ifndef CEASEWATCH_FUZZ_FUZZ_CHECK_H_
#define CEASEWATCH_FUZZ_FUZZ_CHECK_H_

namespace ceasewatch::fuzzing {

inline void Check(bool ok) {
  if (!ok) __builtin_trap();
}

}  // namespace ceasewatch::fuzzing

#endif  // CEASEWATCH_FUZZ_FUZZ_CHECK_H_
