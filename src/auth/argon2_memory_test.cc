#include "auth/argon2_memory.h"

#include <argon2.h>
#include <gtest/gtest.h>

#include <chrono>
#include <cstring>
#include <thread>

namespace projectd {
namespace {

using namespace std::chrono_literals;

constexpr std::size_t kBytes = 3 << 20;  // rounded up to whole 2 MiB pages: 4 MiB

bool released_within(const Argon2Memory& memory, std::chrono::milliseconds limit) {
  const auto deadline = std::chrono::steady_clock::now() + limit;
  while (memory.mapped_bytes() != 0) {
    if (std::chrono::steady_clock::now() > deadline) return false;
    std::this_thread::sleep_for(5ms);
  }
  return true;
}

TEST(Argon2Memory, RefusesOutsideAScope) {
  std::uint8_t* block = reinterpret_cast<std::uint8_t*>(1);
  EXPECT_EQ(Argon2Memory::allocate(&block, kBytes), ARGON2_MEMORY_ALLOCATION_ERROR);
  EXPECT_EQ(block, nullptr);
}

TEST(Argon2Memory, ReusesAMappingBetweenHashesAndUnmapsItWhenIdle) {
  Argon2Memory memory(100ms);
  const Argon2Memory::Scope scope(memory);
  std::uint8_t* first = nullptr;
  ASSERT_EQ(Argon2Memory::allocate(&first, kBytes), ARGON2_OK);
  std::memset(first, 0xab, kBytes);  // all of it is writable
  EXPECT_EQ(reinterpret_cast<std::uintptr_t>(first) % (2 << 20), 0u);
  EXPECT_EQ(memory.mapped_bytes(), std::size_t{4} << 20);
  Argon2Memory::deallocate(first, kBytes);

  std::uint8_t* second = nullptr;
  ASSERT_EQ(Argon2Memory::allocate(&second, kBytes), ARGON2_OK);
  EXPECT_EQ(second, first);
  EXPECT_EQ(memory.mapped_bytes(), std::size_t{4} << 20);
  // In use: kept however long it takes.
  std::this_thread::sleep_for(300ms);
  EXPECT_EQ(memory.mapped_bytes(), std::size_t{4} << 20);
  Argon2Memory::deallocate(second, kBytes);

  EXPECT_TRUE(released_within(memory, 5s));
  std::uint8_t* third = nullptr;
  ASSERT_EQ(Argon2Memory::allocate(&third, kBytes), ARGON2_OK);  // maps anew after a release
  third[kBytes - 1] = 1;
  Argon2Memory::deallocate(third, kBytes);
}

TEST(Argon2Memory, GivesConcurrentHashesTheirOwnMappings) {
  Argon2Memory memory(50ms);
  const Argon2Memory::Scope scope(memory);
  std::uint8_t* a = nullptr;
  std::uint8_t* b = nullptr;
  ASSERT_EQ(Argon2Memory::allocate(&a, kBytes), ARGON2_OK);
  std::thread other([&] {
    const Argon2Memory::Scope other_scope(memory);
    ASSERT_EQ(Argon2Memory::allocate(&b, kBytes), ARGON2_OK);
  });
  other.join();
  EXPECT_NE(a, b);
  EXPECT_EQ(memory.mapped_bytes(), std::size_t{8} << 20);
  Argon2Memory::deallocate(a, kBytes);
  Argon2Memory::deallocate(b, kBytes);  // any thread in a Scope may give it back
  EXPECT_TRUE(released_within(memory, 5s));
}

TEST(Argon2Memory, ABiggerRequestGetsABiggerMapping) {
  Argon2Memory memory(1h);
  const Argon2Memory::Scope scope(memory);
  std::uint8_t* small = nullptr;
  ASSERT_EQ(Argon2Memory::allocate(&small, kBytes), ARGON2_OK);
  Argon2Memory::deallocate(small, kBytes);
  std::uint8_t* big = nullptr;
  ASSERT_EQ(Argon2Memory::allocate(&big, 3 * kBytes), ARGON2_OK);
  big[3 * kBytes - 1] = 1;
  EXPECT_EQ(memory.mapped_bytes(), std::size_t{14} << 20);  // 4 kept + 10 in use
  Argon2Memory::deallocate(big, 3 * kBytes);
}

}  // namespace
}  // namespace projectd
