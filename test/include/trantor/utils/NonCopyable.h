// STAND-IN FOR TESTS -- this is NOT the real trantor library.
//
// Mirrors trantor/utils/NonCopyable.h from an-tao/trantor
// (https://github.com/an-tao/trantor), the base class of
// drogon::HttpClient and trantor::EventLoop. Only the names/shapes the
// httptidy tests need are declared; standard library only.
#pragma once

namespace trantor
{
/**
 * @brief This class represents a non-copyable object.
 */
class NonCopyable
{
  protected:
    NonCopyable()
    {
    }
    ~NonCopyable()
    {
    }
    NonCopyable(const NonCopyable &) = delete;
    NonCopyable &operator=(const NonCopyable &) = delete;
    NonCopyable(NonCopyable &&) noexcept(true) = default;
    NonCopyable &operator=(NonCopyable &&) noexcept(true) = default;
};

}  // namespace trantor
