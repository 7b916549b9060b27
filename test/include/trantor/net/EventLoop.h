// STAND-IN FOR TESTS -- this is NOT the real trantor library.
//
// Mirrors trantor/net/EventLoop.h from an-tao/trantor
// (https://github.com/an-tao/trantor). Only the names/shapes the httptidy
// tests need are declared (the loop type passed to
// drogon::HttpClient::newHttpClient and a few common members, among them
// the timers runAfter and runEvery), with inline
// stub bodies; standard library only. Nothing here runs an event loop.
#pragma once

#include <trantor/utils/NonCopyable.h>

#include <chrono>
#include <cstdint>
#include <functional>
#include <thread>
#include <utility>

namespace trantor
{
using Func = std::function<void()>;
using TimerId = uint64_t;
enum
{
    InvalidTimerId = 0
};

class EventLoop : NonCopyable
{
  public:
    EventLoop() : threadId_(std::this_thread::get_id())
    {
    }
    ~EventLoop()
    {
    }

    /// Run the event loop (stub: returns immediately).
    void loop()
    {
    }

    /// Let the event loop quit.
    void quit()
    {
    }

    bool isInLoopThread() const
    {
        return threadId_ == std::this_thread::get_id();
    }

    static EventLoop *getEventLoopOfCurrentThread()
    {
        return nullptr;
    }

    template <typename Functor>
    inline void runInLoop(Functor &&f)
    {
        if (isInLoopThread())
        {
            f();
        }
        else
        {
            queueInLoop(std::forward<Functor>(f));
        }
    }

    void queueInLoop(const Func &f)
    {
        (void)f;
    }
    void queueInLoop(Func &&f)
    {
        (void)f;
    }

    TimerId runAfter(double delay, const Func &cb)
    {
        (void)delay;
        (void)cb;
        return InvalidTimerId;
    }
    TimerId runAfter(double delay, Func &&cb)
    {
        (void)delay;
        (void)cb;
        return InvalidTimerId;
    }
    TimerId runAfter(const std::chrono::duration<double> &delay,
                     const Func &cb)
    {
        return runAfter(delay.count(), cb);
    }

    /// Repeatedly run a function every interval seconds (stub: never runs
    /// it).
    TimerId runEvery(double interval, const Func &cb)
    {
        (void)interval;
        (void)cb;
        return InvalidTimerId;
    }
    TimerId runEvery(double interval, Func &&cb)
    {
        (void)interval;
        (void)cb;
        return InvalidTimerId;
    }
    TimerId runEvery(const std::chrono::duration<double> &interval,
                     const Func &cb)
    {
        return runEvery(interval.count(), cb);
    }
    TimerId runEvery(const std::chrono::duration<double> &interval, Func &&cb)
    {
        return runEvery(interval.count(), std::move(cb));
    }

    void invalidateTimer(TimerId id)
    {
        (void)id;
    }

  private:
    std::thread::id threadId_;
};

}  // namespace trantor
