// STAND-IN FOR TESTS -- this is NOT the real cpr library.
//
// Mirrors the public headers of libcpr/cpr (https://github.com/libcpr/cpr),
// chiefly include/cpr/api.h, session.h, cprtypes.h, timeout.h,
// connect_timeout.h, low_speed.h, connection_pool.h, parameters.h,
// curl_container.h, body.h, error.h, response.h, callback.h,
// async_wrapper.h and async.h, collapsed into this one file.
//
// Only the names and shapes the httptidy tests need are declared: real
// namespaces, class names, member names and signatures, with inline stub
// bodies so that test code compiles using only the C++ standard library
// (no libcurl). Nothing here performs network I/O.
//
// As in the real cpr/api.h, the free functions (cpr::Get, cpr::Post, ...)
// build a Session inside their body and apply every argument through
// priv::set_option -> Session::SetOption(...), so passing e.g. a
// cpr::ConnectionPool is a real overload resolution to
// Session::SetOption(const ConnectionPool&).
#ifndef CPR_CPR_H
#define CPR_CPR_H

#include <atomic>
#include <cctype>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <functional>
#include <future>
#include <initializer_list>
#include <map>
#include <memory>
#include <numeric>
#include <ostream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace cpr {

namespace fs = std::filesystem;

// cpr/cprtypes.h: wrapper around curl_off_t.
using cpr_off_t = long long;

// ---------------------------------------------------------------- cprtypes.h
template <class T>
class StringHolder {
  public:
    StringHolder() = default;
    explicit StringHolder(const std::string& str) : str_(str) {}
    explicit StringHolder(std::string&& str) : str_(std::move(str)) {}
    explicit StringHolder(const char* str) : str_(str) {}
    StringHolder(const char* str, size_t len) : str_(str, len) {}
    StringHolder(const std::initializer_list<std::string> args) {
        str_ = std::accumulate(args.begin(), args.end(), str_);
    }
    StringHolder(const StringHolder& other) = default;
    StringHolder(StringHolder&& old) noexcept = default;
    virtual ~StringHolder() = default;

    StringHolder& operator=(StringHolder&& old) noexcept = default;
    StringHolder& operator=(const StringHolder& other) = default;

    explicit operator std::string() const { return str_; }

    bool operator==(const char* rhs) const { return str_ == rhs; }
    bool operator==(const std::string& rhs) const { return str_ == rhs; }
    bool operator==(const StringHolder<T>& rhs) const { return str_ == rhs.str_; }

    const std::string& str() { return str_; }
    const std::string& str() const { return str_; }
    const char* c_str() const { return str_.c_str(); }
    const char* data() const { return str_.data(); }

  protected:
    std::string str_{};
};

template <class T>
std::ostream& operator<<(std::ostream& os, const StringHolder<T>& s) {
    os << s.str();
    return os;
}

class Url : public StringHolder<Url> {
  public:
    Url() = default;
    // NOLINTNEXTLINE(google-explicit-constructor, hicpp-explicit-conversions)
    Url(const std::string& url) : StringHolder<Url>(url) {}
    // NOLINTNEXTLINE(google-explicit-constructor, hicpp-explicit-conversions)
    Url(std::string&& url) : StringHolder<Url>(std::move(url)) {}
    // NOLINTNEXTLINE(google-explicit-constructor, hicpp-explicit-conversions)
    Url(const char* url) : StringHolder<Url>(url) {}
    Url(const char* str, size_t len) : StringHolder<Url>(std::string(str, len)) {}
    Url(const std::initializer_list<std::string> args) : StringHolder<Url>(args) {}
    Url(const Url& other) = default;
    Url(Url&& old) noexcept = default;
    ~Url() override = default;

    Url& operator=(Url&& old) noexcept = default;
    Url& operator=(const Url& other) = default;
};

struct CaseInsensitiveCompare {
    bool operator()(const std::string& a, const std::string& b) const noexcept {
        const size_t n = a.size() < b.size() ? a.size() : b.size();
        for (size_t i = 0; i < n; ++i) {
            const int ca = std::tolower(static_cast<unsigned char>(a[i]));
            const int cb = std::tolower(static_cast<unsigned char>(b[i]));
            if (ca != cb) {
                return ca < cb;
            }
        }
        return a.size() < b.size();
    }
};

using Header = std::map<std::string, std::string, CaseInsensitiveCompare>;

// ---------------------------------------------------------------- body.h
class Body : public StringHolder<Body> {
  public:
    Body() : StringHolder<Body>() {}
    // NOLINTNEXTLINE(google-explicit-constructor, hicpp-explicit-conversions)
    Body(const std::string& body) : StringHolder<Body>(body) {}
    // NOLINTNEXTLINE(google-explicit-constructor, hicpp-explicit-conversions)
    Body(std::string&& body) : StringHolder<Body>(std::move(body)) {}
    // NOLINTNEXTLINE(google-explicit-constructor, hicpp-explicit-conversions)
    Body(const char* body) : StringHolder<Body>(body) {}
    Body(const char* str, size_t len) : StringHolder<Body>(str, len) {}
    Body(const std::initializer_list<std::string> args) : StringHolder<Body>(args) {}
    Body(const Body& other) = default;
    Body(Body&& old) noexcept = default;
    ~Body() override = default;

    Body& operator=(Body&& old) noexcept = default;
    Body& operator=(const Body& other) = default;
};

// ------------------------------------------- curl_container.h / parameters.h
struct Parameter {
    Parameter(const std::string& p_key, const std::string& p_value) : key{p_key}, value{p_value} {}
    Parameter(std::string&& p_key, std::string&& p_value) : key{std::move(p_key)}, value{std::move(p_value)} {}

    std::string key;
    std::string value;
};

template <class T>
class CurlContainer {
  public:
    bool encode = true;

    CurlContainer() = default;
    CurlContainer(const std::initializer_list<T>& list) : containerList_(list) {}

    void Add(const std::initializer_list<T>& list) {
        containerList_.insert(containerList_.end(), list.begin(), list.end());
    }
    void Add(const T& element) { containerList_.push_back(element); }

  protected:
    std::vector<T> containerList_;
};

class Parameters : public CurlContainer<Parameter> {
  public:
    Parameters() = default;
    Parameters(const std::initializer_list<Parameter>& parameters) : CurlContainer<Parameter>(parameters) {}
};

// ---------------------------------------------------------------- timeout.h
class Timeout {
  public:
    // NOLINTNEXTLINE(google-explicit-constructor, hicpp-explicit-conversions)
    Timeout(const std::chrono::milliseconds& duration) : ms{duration} {}
    // NOLINTNEXTLINE(google-explicit-constructor, hicpp-explicit-conversions)
    Timeout(const std::int32_t& milliseconds) : Timeout{std::chrono::milliseconds(milliseconds)} {}
    // NOLINTNEXTLINE(google-explicit-constructor, hicpp-explicit-conversions)
    Timeout(const std::chrono::seconds& duration) : ms{std::chrono::milliseconds(duration).count()} {}

    // NOLINTNEXTLINE(google-runtime-int)
    long Milliseconds() const { return static_cast<long>(ms.count()); }

    std::chrono::milliseconds ms;
};

// -------------------------------------------------------- connect_timeout.h
class ConnectTimeout : public Timeout {
  public:
    // NOLINTNEXTLINE(google-explicit-constructor, hicpp-explicit-conversions)
    ConnectTimeout(const std::chrono::milliseconds& duration) : Timeout{duration} {}
    // NOLINTNEXTLINE(google-explicit-constructor, hicpp-explicit-conversions)
    ConnectTimeout(const std::int32_t& milliseconds) : Timeout{milliseconds} {}
};

// -------------------------------------------------------------- low_speed.h
class LowSpeed {
  public:
    LowSpeed(const std::int32_t& p_limit, const std::int32_t& p_time) : limit(p_limit), time(p_time) {}

    std::int32_t limit;
    std::int32_t time;
};

// -------------------------------------------------------- connection_pool.h
// Real class wraps a shared CURLSH handle; copies share the same pool.
class ConnectionPool {
  public:
    ConnectionPool() : connection_mutex_(std::make_shared<int>(0)) {}
    ConnectionPool(const ConnectionPool&) = default;
    ConnectionPool& operator=(const ConnectionPool&) = delete;

  private:
    std::shared_ptr<int> connection_mutex_;
};

// --------------------------------------------------------------- callback.h
class WriteCallback {
  public:
    WriteCallback() = default;
    // NOLINTNEXTLINE(google-explicit-constructor, hicpp-explicit-conversions)
    WriteCallback(std::function<bool(std::string_view data, intptr_t userdata)> p_callback, intptr_t p_userdata = 0)
            : userdata(p_userdata), callback(std::move(p_callback)) {}
    bool operator()(std::string_view data) const { return callback(data, userdata); }

    intptr_t userdata{};
    std::function<bool(std::string_view data, intptr_t userdata)> callback;
};

// ------------------------------------------------------------------ error.h
enum class ErrorCode {
    OK = 0,
    CONNECTION_FAILURE,
    EMPTY_RESPONSE,
    HOST_RESOLUTION_FAILURE,
    INTERNAL_ERROR,
    INVALID_URL_FORMAT,
    NETWORK_RECEIVE_ERROR,
    NETWORK_SEND_FAILURE,
    OPERATION_TIMEDOUT,
    PROXY_RESOLUTION_FAILURE,
    SSL_CONNECT_ERROR,
    SSL_LOCAL_CERTIFICATE_ERROR,
    SSL_REMOTE_CERTIFICATE_ERROR,
    SSL_CACERT_ERROR,
    GENERIC_SSL_ERROR,
    UNSUPPORTED_PROTOCOL,
    REQUEST_CANCELLED,
    UNKNOWN_ERROR = 1000,
};

class Error {
  public:
    ErrorCode code = ErrorCode::OK;
    std::string message{};

    Error() = default;

    explicit operator bool() const { return code != ErrorCode::OK; }
};

// --------------------------------------------------------------- response.h
class Response {
  public:
    // NOLINTNEXTLINE(google-runtime-int)
    long status_code{};
    std::string text;
    Header header;
    Url url;
    double elapsed{};
    Error error;
    std::string raw_header;
    std::string status_line;
    std::string reason;
    cpr_off_t uploaded_bytes{};
    cpr_off_t downloaded_bytes{};
    // NOLINTNEXTLINE(google-runtime-int)
    long redirect_count{};

    Response() = default;
    Response(const Response& other) = default;
    Response(Response&& old) noexcept = default;
    ~Response() noexcept = default;

    Response& operator=(Response&& old) noexcept = default;
    Response& operator=(const Response& other) = default;
};

// ---------------------------------------------------------- async_wrapper.h
enum class [[nodiscard]] CancellationResult { failure, success, invalid_operation };

template <typename T, bool isCancellable = false>
class AsyncWrapper {
  private:
    std::future<T> future;
    std::shared_ptr<std::atomic_bool> is_cancelled;

  public:
    explicit AsyncWrapper(std::future<T>&& f) : future{std::move(f)} {}
    AsyncWrapper(std::future<T>&& f, std::shared_ptr<std::atomic_bool>&& cancelledState)
            : future{std::move(f)}, is_cancelled{std::move(cancelledState)} {}

    AsyncWrapper(const AsyncWrapper&) = delete;
    AsyncWrapper& operator=(const AsyncWrapper&) = delete;

    AsyncWrapper(AsyncWrapper&&) noexcept = default;
    AsyncWrapper& operator=(AsyncWrapper&&) noexcept = default;

    ~AsyncWrapper() = default;

    [[nodiscard]] T get() {
        if (!future.valid()) {
            throw std::logic_error{"Calling AsyncWrapper::get when the associated future instance is invalid!"};
        }
        return future.get();
    }

    [[nodiscard]] bool valid() const noexcept { return future.valid(); }

    void wait() const { future.wait(); }

    template <class Rep, class Period>
    std::future_status wait_for(const std::chrono::duration<Rep, Period>& timeout_duration) const {
        return future.wait_for(timeout_duration);
    }

    template <class Clock, class Duration>
    std::future_status wait_until(const std::chrono::time_point<Clock, Duration>& timeout_time) const {
        return future.wait_until(timeout_time);
    }

    std::shared_future<T> share() noexcept { return future.share(); }

    CancellationResult Cancel() { return CancellationResult::invalid_operation; }

    [[nodiscard]] bool IsCancelled() const { return false; }
};

template <typename T>
AsyncWrapper(std::future<T>&&) -> AsyncWrapper<T, false>;

template <typename T>
AsyncWrapper(std::future<T>&&, std::shared_ptr<std::atomic_bool>&&) -> AsyncWrapper<T, true>;

// ------------------------------------------------------------------ async.h
// Real version submits to cpr's GlobalThreadPool; the stand-in uses std::async.
template <class Fn, class... Args>
auto async(Fn&& fn, Args&&... args) {
    return AsyncWrapper{std::async(std::launch::async, std::forward<Fn>(fn), std::forward<Args>(args)...)};
}

// ---------------------------------------------------------------- session.h
using AsyncResponse = AsyncWrapper<Response>;

class Session : public std::enable_shared_from_this<Session> {
  public:
    Session() = default;
    Session(const Session& other) = delete;
    Session(Session&& old) = delete;

    ~Session() = default;

    Session& operator=(Session&& old) noexcept = delete;
    Session& operator=(const Session& other) = delete;

    void SetUrl(const Url& url) { url_ = url; }
    void SetParameters(const Parameters& parameters) { parameters_ = parameters; }
    void SetParameters(Parameters&& parameters) { parameters_ = std::move(parameters); }
    void SetHeader(const Header& header) { header_ = header; }
    void UpdateHeader(const Header& header) {
        for (const auto& item : header) {
            header_[item.first] = item.second;
        }
    }
    [[nodiscard]] Header& GetHeader() { return header_; }
    [[nodiscard]] const Header& GetHeader() const { return header_; }
    void SetTimeout(const Timeout& timeout) { timeout_ = timeout; }
    void SetConnectTimeout(const ConnectTimeout& timeout) { connect_timeout_ = timeout; }
    void SetConnectionPool(const ConnectionPool& pool) { pool_ = std::make_shared<ConnectionPool>(pool); }
    void SetBody(Body&& body) { body_ = std::move(body); }
    void SetBody(const Body& body) { body_ = body; }
    void SetLowSpeed(const LowSpeed& low_speed) { low_speed_ = std::make_shared<LowSpeed>(low_speed); }
    void SetWriteCallback(const WriteCallback& write) { writecb_ = write; }

    // Used in templated functions
    void SetOption(const Url& url) { SetUrl(url); }
    void SetOption(const Parameters& parameters) { SetParameters(parameters); }
    void SetOption(Parameters&& parameters) { SetParameters(std::move(parameters)); }
    void SetOption(const Header& header) { SetHeader(header); }
    void SetOption(const Timeout& timeout) { SetTimeout(timeout); }
    void SetOption(const ConnectTimeout& timeout) { SetConnectTimeout(timeout); }
    void SetOption(const ConnectionPool& pool) { SetConnectionPool(pool); }
    void SetOption(Body&& body) { SetBody(std::move(body)); }
    void SetOption(const Body& body) { SetBody(body); }
    void SetOption(const WriteCallback& write) { SetWriteCallback(write); }
    void SetOption(const LowSpeed& low_speed) { SetLowSpeed(low_speed); }

    Response Delete() { return makeRequest(); }
    Response Download(const WriteCallback& write) {
        (void)write;
        return makeRequest();
    }
    Response Download(std::ofstream& file) {
        (void)file;
        return makeRequest();
    }
    Response Get() { return makeRequest(); }
    Response Head() { return makeRequest(); }
    Response Options() { return makeRequest(); }
    Response Patch() { return makeRequest(); }
    Response Post() { return makeRequest(); }
    Response Put() { return makeRequest(); }

    AsyncResponse GetAsync() {
        return async([shared_this = GetSharedPtrFromThis()]() { return shared_this->Get(); });
    }
    AsyncResponse DeleteAsync() {
        return async([shared_this = GetSharedPtrFromThis()]() { return shared_this->Delete(); });
    }
    AsyncResponse HeadAsync() {
        return async([shared_this = GetSharedPtrFromThis()]() { return shared_this->Head(); });
    }
    AsyncResponse OptionsAsync() {
        return async([shared_this = GetSharedPtrFromThis()]() { return shared_this->Options(); });
    }
    AsyncResponse PatchAsync() {
        return async([shared_this = GetSharedPtrFromThis()]() { return shared_this->Patch(); });
    }
    AsyncResponse PostAsync() {
        return async([shared_this = GetSharedPtrFromThis()]() { return shared_this->Post(); });
    }
    AsyncResponse PutAsync() {
        return async([shared_this = GetSharedPtrFromThis()]() { return shared_this->Put(); });
    }

    std::shared_ptr<Session> GetSharedPtrFromThis() { return shared_from_this(); }

  private:
    Url url_;
    Parameters parameters_;
    Header header_;
    Body body_;
    Timeout timeout_{0};
    ConnectTimeout connect_timeout_{0};
    std::shared_ptr<ConnectionPool> pool_;
    std::shared_ptr<LowSpeed> low_speed_;
    WriteCallback writecb_;

    Response makeRequest() {
        Response response;
        response.url = url_;
        return response;
    }
};

// -------------------------------------------------------------------- api.h
namespace priv {

template <typename... Ts>
void set_option(Session& session, Ts&&... ts) {
    (session.SetOption(std::forward<Ts>(ts)), ...);
    (void)session;
}

} // namespace priv

// Get methods
template <typename... Ts>
Response Get(Ts&&... ts) {
    Session session;
    priv::set_option(session, std::forward<Ts>(ts)...);
    return session.Get();
}

// Get async methods
template <typename... Ts>
AsyncResponse GetAsync(Ts... ts) {
    return cpr::async([](Ts... ts_inner) { return Get(std::move(ts_inner)...); }, std::move(ts)...);
}

// Get callback methods
template <typename Then, typename... Ts>
auto GetCallback(Then then, Ts... ts) {
    return cpr::async([](Then then_inner, Ts... ts_inner) { return then_inner(Get(std::move(ts_inner)...)); },
                      std::move(then), std::move(ts)...);
}

// Post methods
template <typename... Ts>
Response Post(Ts&&... ts) {
    Session session;
    priv::set_option(session, std::forward<Ts>(ts)...);
    return session.Post();
}

// Post async methods
template <typename... Ts>
AsyncResponse PostAsync(Ts... ts) {
    return cpr::async([](Ts... ts_inner) { return Post(std::move(ts_inner)...); }, std::move(ts)...);
}

// Post callback methods
template <typename Then, typename... Ts>
auto PostCallback(Then then, Ts... ts) {
    return cpr::async([](Then then_inner, Ts... ts_inner) { return then_inner(Post(std::move(ts_inner)...)); },
                      std::move(then), std::move(ts)...);
}

// Put methods
template <typename... Ts>
Response Put(Ts&&... ts) {
    Session session;
    priv::set_option(session, std::forward<Ts>(ts)...);
    return session.Put();
}

// Put async methods
template <typename... Ts>
AsyncResponse PutAsync(Ts... ts) {
    return cpr::async([](Ts... ts_inner) { return Put(std::move(ts_inner)...); }, std::move(ts)...);
}

// Put callback methods
template <typename Then, typename... Ts>
auto PutCallback(Then then, Ts... ts) {
    return cpr::async([](Then then_inner, Ts... ts_inner) { return then_inner(Put(std::move(ts_inner)...)); },
                      std::move(then), std::move(ts)...);
}

// Head methods
template <typename... Ts>
Response Head(Ts&&... ts) {
    Session session;
    priv::set_option(session, std::forward<Ts>(ts)...);
    return session.Head();
}

// Head async methods
template <typename... Ts>
AsyncResponse HeadAsync(Ts... ts) {
    return cpr::async([](Ts... ts_inner) { return Head(std::move(ts_inner)...); }, std::move(ts)...);
}

// Head callback methods
template <typename Then, typename... Ts>
auto HeadCallback(Then then, Ts... ts) {
    return cpr::async([](Then then_inner, Ts... ts_inner) { return then_inner(Head(std::move(ts_inner)...)); },
                      std::move(then), std::move(ts)...);
}

// Delete methods
template <typename... Ts>
Response Delete(Ts&&... ts) {
    Session session;
    priv::set_option(session, std::forward<Ts>(ts)...);
    return session.Delete();
}

// Delete async methods
template <typename... Ts>
AsyncResponse DeleteAsync(Ts... ts) {
    return cpr::async([](Ts... ts_inner) { return Delete(std::move(ts_inner)...); }, std::move(ts)...);
}

// Delete callback methods
template <typename Then, typename... Ts>
auto DeleteCallback(Then then, Ts... ts) {
    return cpr::async([](Then then_inner, Ts... ts_inner) { return then_inner(Delete(std::move(ts_inner)...)); },
                      std::move(then), std::move(ts)...);
}

// Options methods
template <typename... Ts>
Response Options(Ts&&... ts) {
    Session session;
    priv::set_option(session, std::forward<Ts>(ts)...);
    return session.Options();
}

// Options async methods
template <typename... Ts>
AsyncResponse OptionsAsync(Ts... ts) {
    return cpr::async([](Ts... ts_inner) { return Options(std::move(ts_inner)...); }, std::move(ts)...);
}

// Options callback methods
template <typename Then, typename... Ts>
auto OptionsCallback(Then then, Ts... ts) {
    return cpr::async([](Then then_inner, Ts... ts_inner) { return then_inner(Options(std::move(ts_inner)...)); },
                      std::move(then), std::move(ts)...);
}

// Patch methods
template <typename... Ts>
Response Patch(Ts&&... ts) {
    Session session;
    priv::set_option(session, std::forward<Ts>(ts)...);
    return session.Patch();
}

// Patch async methods
template <typename... Ts>
AsyncResponse PatchAsync(Ts... ts) {
    return cpr::async([](Ts... ts_inner) { return Patch(std::move(ts_inner)...); }, std::move(ts)...);
}

// Patch callback methods
template <typename Then, typename... Ts>
auto PatchCallback(Then then, Ts... ts) {
    return cpr::async([](Then then_inner, Ts... ts_inner) { return then_inner(Patch(std::move(ts_inner)...)); },
                      std::move(then), std::move(ts)...);
}

// Download methods
template <typename... Ts>
Response Download(std::ofstream& file, Ts&&... ts) {
    Session session;
    priv::set_option(session, std::forward<Ts>(ts)...);
    return session.Download(file);
}

// Download async method
template <typename... Ts>
AsyncResponse DownloadAsync(fs::path local_path, Ts... ts) {
    return AsyncWrapper{std::async(
            std::launch::async,
            [](fs::path local_path_, Ts... ts_) {
                std::ofstream f(local_path_.c_str());
                return Download(f, std::move(ts_)...);
            },
            std::move(local_path), std::move(ts)...)};
}

// Download with user callback
template <typename... Ts>
Response Download(const WriteCallback& write, Ts&&... ts) {
    Session session;
    priv::set_option(session, std::forward<Ts>(ts)...);
    return session.Download(write);
}

} // namespace cpr

#endif // CPR_CPR_H
