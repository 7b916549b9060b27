//===--- LibraryCatalogue.cpp - httptidy ----------------------------------===//
//
// Built-in facts per library. Sources: each library's own headers (Debian
// bookworm: libcurl 7.88, cpp-httplib 0.11.4, POCO 1.11, Boost 1.74,
// cpprestsdk 2.10.18, Qt 6.4) and the public headers of cpr, Drogon,
// restclient-cpp; see shared/reference/http-libraries.md.
//
//===----------------------------------------------------------------------===//

#include "LibraryCatalogue.h"
#include "clang/AST/Decl.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringSet.h"
#include <memory>

namespace clang::tidy::http {

namespace {

const LibraryInfo Infos[] = {
    {Library::Curl, "libcurl",
     "libcurl keeps its connection cache in the easy handle: reuse one easy "
     "handle for repeated transfers (curl_easy_reset keeps its connections), "
     "or share the connection cache with a share handle "
     "(CURLSHOPT_SHARE, CURL_LOCK_DATA_CONNECT)",
     "curl_easy_setopt(h, CURLOPT_TIMEOUT, seconds) or CURLOPT_LOW_SPEED_TIME",
     "curl_easy_setopt($obj, CURLOPT_TIMEOUT, $secL);", "",
     "libcurl sets no transfer timeout by default (CURLOPT_TIMEOUT 0), so a "
     "stalled server holds the kept-alive socket and blocks the transfer "
     "forever"},
    {Library::CppHttplib, "cpp-httplib",
     "cpp-httplib sends 'Connection: close' by default: the shared client "
     "also needs set_keep_alive(true) to keep its connection",
     "set_connection_timeout, set_read_timeout and set_write_timeout",
     // No fix: its defaults bound every request, so it gets no finding.
     "",
     "cpp-httplib bounds every request by default (connect 300 s, read and "
     "write 5 s in 0.11)"},
    {Library::Cpr, "cpr",
     "keep one cpr::Session and reuse it, or pass a cpr::ConnectionPool to "
     "the cpr::Get/Post/... calls so they share connections",
     "SetTimeout(cpr::Timeout{ms}) or SetLowSpeed",
     "$obj$arrowSetTimeout(cpr::Timeout{$ms});", "",
     "cpr sets no timeout by default, so a stalled server holds the "
     "kept-alive socket and blocks the request forever"},
    {Library::Poco, "POCO",
     "one Poco::Net::HTTPClientSession keeps its connection open across "
     "requests; keep the session (one per thread) and reuse it",
     "setTimeout(Poco::Timespan) or setKeepAliveTimeout",
     "$obj$arrowsetTimeout(Poco::Timespan($sec, 0));",
     "POCO bounds every request by default (send and receive 60 s) and "
     "drops idle kept-alive connections after 8 s",
     "a timeout of 0 leaves POCO's socket operations unbounded, so a "
     "stalled server holds the kept-alive socket and blocks the request "
     "forever"},
    {Library::Beast, "Boost.Beast",
     "keep the connected stream and send further requests on it "
     "(req.keep_alive(true))",
     "stream.expires_after(duration) before each operation (asynchronous "
     "operations only)",
     "$obj$arrowexpires_after(std::chrono::seconds($sec));", "",
     "a Beast stream has no timeout until expires_after sets one, and "
     "synchronous operations never time out, so a stalled server holds the "
     "kept-alive socket and blocks the read forever"},
    {Library::CppRest, "cpprestsdk",
     "each web::http::client::http_client owns its own connection pool; "
     "keep one client per base URI and reuse it",
     "http_client_config::set_timeout", "",
     "cpprestsdk bounds every request by default (http_client_config "
     "timeout 30 s)"},
    {Library::Qt, "Qt Network",
     "one QNetworkAccessManager is enough for the whole application; create "
     "it once and reuse it",
     "setTransferTimeout(ms) on the QNetworkAccessManager or the "
     "QNetworkRequest",
     "$obj$arrowsetTransferTimeout($ms);", "",
     "Qt's transfer timeout is 0 (none) by default, so a stalled server "
     "keeps the reply and its kept-alive socket open forever"},
    {Library::Drogon, "Drogon",
     "each drogon::HttpClient holds its own persistent connection; create "
     "one client per host and reuse it",
     "a timeout argument to sendRequest (0 means none)", "", "",
     "sendRequest's timeout is 0 (none) by default, so a stalled server "
     "holds the persistent connection and the request's callback never "
     "runs"},
    {Library::RestClient, "restclient-cpp",
     "RestClient::get/post/... build a new connection for every call; keep "
     "one RestClient::Connection and reuse it",
     "RestClient::Connection::SetTimeout(seconds)",
     "$obj$arrowSetTimeout($sec);", "",
     "restclient-cpp sets no timeout by default (libcurl's CURLOPT_TIMEOUT "
     "0), so a stalled server holds the kept-alive socket and blocks the "
     "request forever"},
    {Library::Curlpp, "curlpp",
     "a curlpp::Easy keeps libcurl's connection cache; reuse one for "
     "repeated requests",
     "setOpt(curlpp::options::Timeout(seconds)) or "
     "curlpp::options::LowSpeedTime with LowSpeedLimit",
     "$obj$arrowsetOpt(curlpp::options::Timeout($sec));", "",
     "curlpp sets no timeout by default (libcurl's CURLOPT_TIMEOUT 0), so a "
     "stalled server holds the kept-alive socket and blocks the request "
     "forever"},
    {Library::Std, "the C++ standard library", "", "", ""},
    {Library::Asio, "Boost.Asio", "", "", ""},
    {Library::Trantor, "trantor", "", "", ""},
    {Library::Test, "a test framework", "", "", ""},
    {Library::User, "a user-declared client",
     "create the client once and reuse it", "the client's timeout setter",
     ""},
};

// Option keys that extend the catalogue, with the role each adds.
const std::pair<llvm::StringRef, Role> UserKeys[] = {
    {"ClientTypes", Role::ClientType},
    {"ClientFactories", Role::ClientFactory},
    {"ClientBuildingCalls", Role::ClientBuildingCall},
    {"RequestCalls", Role::RequestCall},
    {"KeepAliveSetters", Role::KeepAliveSetter},
    {"TimeoutSetters", Role::TimeoutSetter},
    {"OptionResetCalls", Role::OptionReset},
    {"BodyReaders", Role::BodyRead},
    {"ReleaseFunctions", Role::Release},
    {"OwnershipTakingFunctions", Role::OwnershipTaker},
    {"RepeatSources", Role::RepeatSource},
    {"RepeatedOverrides", Role::RepeatedOverride},
    {"TestMacros", Role::TestMacro},
    {"TestBases", Role::TestBase},
};

} // namespace

llvm::StringRef unboundedCost(const LibraryInfo &Info) {
  if (!Info.UnboundedCost.empty())
    return Info.UnboundedCost;
  return "the kept-alive connection holds its socket with nothing bounding "
         "it, and a stalled server can block a request forever";
}

const LibraryInfo &libraryInfo(Library L) {
  for (const LibraryInfo &I : Infos)
    if (I.Lib == L)
      return I;
  return Infos[std::size(Infos) - 1];
}

llvm::ArrayRef<std::pair<llvm::StringRef, Role>> Catalogue::userOptionKeys() {
  return UserKeys;
}

std::string catalogueName(const NamedDecl *D) {
  if (!D)
    return {};
  // Walk the contexts ourselves: printing policies that drop inline
  // namespaces differ between LLVM versions. The parts are the AST's own
  // strings; only an operator's name is spelled out ("operator>>").
  std::string Operator;
  llvm::SmallVector<llvm::StringRef, 6> Parts;
  DeclarationName DN = D->getDeclName();
  if (DN.isIdentifier() && DN.getAsIdentifierInfo()) {
    Parts.push_back(DN.getAsIdentifierInfo()->getName());
  } else if (DN.getNameKind() == DeclarationName::CXXOperatorName) {
    Operator = DN.getAsString();
    Parts.push_back(Operator);
  } else {
    return {};
  }
  size_t Size = Parts.back().size();
  for (const DeclContext *DC = D->getDeclContext(); DC; DC = DC->getParent()) {
    if (const auto *NS = dyn_cast<NamespaceDecl>(DC)) {
      if (NS->isInline() || NS->isAnonymousNamespace())
        continue;
      Parts.push_back(NS->getName());
    } else if (const auto *RD = dyn_cast<RecordDecl>(DC)) {
      if (!RD->getIdentifier())
        return {};
      Parts.push_back(RD->getName());
    } else if (isa<FunctionDecl>(DC)) {
      return {}; // local classes are never catalogue entries
    } else {
      continue;
    }
    Size += Parts.back().size() + 2;
  }
  std::string Out;
  Out.reserve(Size);
  for (auto It = Parts.rbegin(); It != Parts.rend(); ++It) {
    if (!Out.empty())
      Out += "::";
    Out += *It;
  }
  return Out;
}

namespace {
/// Appends entries to a table: `Add(name, library, role, flags, detail)`.
struct EntryAdder {
  Catalogue::Table &T;
  void operator()(llvm::StringRef Name, Library L, Role R,
                  unsigned Flags = NoFlags, llvm::StringRef Detail = "") {
    T.Entries.push_back({Name.str(), L, R, Flags, Detail.str()});
  }
};
} // namespace

void Catalogue::addBuiltins(Table &T) {
  EntryAdder Add{T};
  using L = Library;
  using R = Role;

  // --- libcurl: CURL is `typedef void`, so the functions are the facts.
  Add("curl_easy_init", L::Curl, R::ClientFactory,
      RawHandle | ReusablePerThread, "curl_easy_cleanup");
  Add("curl_easy_duphandle", L::Curl, R::ClientFactory, RawHandle,
      "curl_easy_cleanup");
  Add("curl_multi_init", L::Curl, R::ClientFactory, RawHandle,
      "curl_multi_cleanup");
  Add("curl_share_init", L::Curl, R::ClientFactory, RawHandle,
      "curl_share_cleanup");
  Add("curl_slist_append", L::Curl, R::Acquire, RawHandle | ExtendsArgument,
      "curl_slist_free_all");
  Add("curl_mime_init", L::Curl, R::Acquire, RawHandle, "curl_mime_free");
  Add("curl_url", L::Curl, R::Acquire, RawHandle, "curl_url_cleanup");
  // Detail: the call that undoes it. A class whose constructor initialises
  // and whose destructor cleans up runs it once per object.
  Add("curl_global_init", L::Curl, R::GlobalInit, NoFlags,
      "curl_global_cleanup");
  Add("curl_global_init_mem", L::Curl, R::GlobalInit, NoFlags,
      "curl_global_cleanup");
  Add("curl_easy_perform", L::Curl, R::RequestCall);
  Add("curl_multi_perform", L::Curl, R::RequestCall);
  Add("curl_multi_socket_action", L::Curl, R::RequestCall);
  for (llvm::StringRef Rel : {"curl_easy_cleanup", "curl_multi_cleanup",
                              "curl_share_cleanup", "curl_slist_free_all",
                              "curl_mime_free", "curl_url_cleanup"})
    Add(Rel, L::Curl, R::Release, NoFlags, Rel);
  // curl_easy_setopt(h, OPTION, value): Detail is the option enumerator.
  Add("curl_easy_setopt", L::Curl, R::KeepAliveSetter, NoFlags,
      "CURLOPT_TCP_KEEPALIVE");
  for (llvm::StringRef Opt :
       {"CURLOPT_TIMEOUT", "CURLOPT_TIMEOUT_MS", "CURLOPT_LOW_SPEED_TIME",
        "CURLOPT_LOW_SPEED_LIMIT", "CURLOPT_MAXAGE_CONN",
        "CURLOPT_MAXLIFETIME_CONN"})
    Add("curl_easy_setopt", L::Curl, R::TimeoutSetter,
        ZeroMeansNoTimeout |
            (Opt.ends_with("_CONN") ? IdleTimeoutOnly : NoFlags),
        Opt);
  // An easy handle reuses its connections and has no transfer timeout unless
  // told; CURLOPT_FORBID_REUSE makes it close each connection.
  Add("CURL", L::Curl, R::HandleType);
  Add("curl_easy_init", L::Curl, R::DefaultKeepAlive);
  Add("curl_easy_setopt", L::Curl, R::KeepAliveDisabler, NoFlags,
      "CURLOPT_FORBID_REUSE");
  // Every option back to its default, the timeout too; the connections stay.
  Add("curl_easy_reset", L::Curl, R::OptionReset);

  // --- cpp-httplib: Client wraps ClientImpl; SSLClient derives from it.
  for (llvm::StringRef C :
       {"httplib::Client", "httplib::SSLClient", "httplib::ClientImpl"}) {
    Add(C, L::CppHttplib, R::ClientType,
        ReleasedByDestructor | ThreadSafeToShare | ReusablePerThread |
            SerialisesRequests);
    std::string P = (C + "::").str();
    for (llvm::StringRef M : {"Get", "Post", "Put", "Patch", "Delete", "Head",
                              "Options", "send"})
      Add(P + M.str(), L::CppHttplib, R::RequestCall);
    Add(P + "set_keep_alive", L::CppHttplib, R::KeepAliveSetter);
    for (llvm::StringRef M : {"set_connection_timeout", "set_read_timeout",
                              "set_write_timeout", "set_max_timeout"})
      Add(P + M.str(), L::CppHttplib, R::TimeoutSetter);
    Add(P + "stop", L::CppHttplib, R::Release, NoFlags, "stop");
  }

  // --- cpr: the free calls build a Session inside unless given a pool.
  Add("cpr::Session", L::Cpr, R::ClientType,
      ReleasedByDestructor | ReusablePerThread);
  for (llvm::StringRef V : {"Get", "Post", "Put", "Patch", "Delete", "Head",
                            "Options", "Download"}) {
    // cpr::Get(ts...) is `Session s; s.SetOption(ts)...; return s.Get();`.
    Add(("cpr::" + V).str(), L::Cpr, R::ClientBuildingCall, NoFlags,
        V == "Download" ? ""
                        : ("<cpr/cpr.h>|cpr::Session|session||"
                           "$s.SetOption($each)|$s." + V + "()")
                              .str());
    if (V != "Download") {
      Add(("cpr::" + V + "Async").str(), L::Cpr, R::ClientBuildingCall);
      Add(("cpr::" + V + "Callback").str(), L::Cpr, R::ClientBuildingCall);
    }
    Add(("cpr::Session::" + V).str(), L::Cpr, R::RequestCall);
  }
  Add("cpr::ConnectionPool", L::Cpr, R::PoolArgType);
  Add("cpr::Session::SetTimeout", L::Cpr, R::TimeoutSetter,
      ZeroMeansNoTimeout);
  Add("cpr::Session", L::Cpr, R::DefaultKeepAlive);
  Add("cpr::Session::SetLowSpeed", L::Cpr, R::TimeoutSetter);
  Add("cpr::Timeout", L::Cpr, R::TimeoutArgType, ZeroMeansNoTimeout);
  Add("cpr::LowSpeed", L::Cpr, R::TimeoutArgType, ZeroMeansNoTimeout);

  // --- POCO: one session is one connection.
  for (llvm::StringRef C : {"Poco::Net::HTTPClientSession",
                            "Poco::Net::HTTPSClientSession"})
    Add(C, L::Poco, R::ClientType, ReleasedByDestructor | ReusablePerThread);
  Add("Poco::Net::HTTPClientSession::sendRequest", L::Poco, R::RequestCall);
  Add("Poco::Net::HTTPClientSession::receiveResponse", L::Poco,
      R::ResponseBodyCall);
  Add("Poco::Net::HTTPSession::setKeepAlive", L::Poco, R::KeepAliveSetter);
  Add("Poco::Net::HTTPSession::setTimeout", L::Poco, R::TimeoutSetter,
      ZeroMeansNoTimeout);
  Add("Poco::Net::HTTPClientSession::setKeepAliveTimeout", L::Poco,
      R::TimeoutSetter);
  Add("Poco::Net::HTTPClientSession::reset", L::Poco, R::BodyRead);
  // The response to a HEAD request has no body (receiveResponse's stream is
  // empty).
  Add("Poco::Net::HTTPRequest::HTTP_HEAD", L::Poco, R::NoBodyMarker);
  for (llvm::StringRef F :
       {"Poco::StreamCopier::copyStream", "Poco::StreamCopier::copyToString",
        "Poco::StreamCopier::copyStreamUnbuffered",
        "Poco::StreamCopier::copyStream64",
        "Poco::StreamCopier::copyToString64",
        "Poco::StreamCopier::copyStreamUnbuffered64"})
    Add(F, L::Poco, R::BodyRead);
  // Reading a std::istream drains it (POCO's response body is one).
  for (llvm::StringRef F :
       {"std::basic_istream::read", "std::basic_istream::readsome",
        "std::basic_istream::get", "std::basic_istream::getline",
        "std::basic_istream::ignore", "std::basic_istream::operator>>",
        "std::basic_ios::rdbuf", "std::getline", "std::operator>>"})
    Add(F, L::Poco, R::BodyRead);
  Add("Poco::URIStreamOpener::open", L::Poco, R::ClientBuildingCall);
  Add("Poco::URIStreamOpener::open", L::Poco, R::Acquire, HeapObject,
      "delete");

  // --- Boost.Beast: the stream is the connection.
  Add("boost::beast::basic_stream", L::Beast, R::ClientType, ConnectedPerUse);
  Add("boost::beast::ssl_stream", L::Beast, R::ClientType, ConnectedPerUse);
  for (llvm::StringRef F :
       {"boost::beast::http::write", "boost::beast::http::async_write"})
    Add(F, L::Beast, R::RequestCall);
  for (llvm::StringRef F :
       {"boost::beast::http::read_header",
        "boost::beast::http::async_read_header"})
    Add(F, L::Beast, R::ResponseBodyCall);
  for (llvm::StringRef F :
       {"boost::beast::http::read", "boost::beast::http::read_some",
        "boost::beast::http::async_read", "boost::beast::http::async_read_some"})
    Add(F, L::Beast, R::BodyRead);
  // parser.skip(true): the response to a HEAD request has no body to read.
  Add("boost::beast::http::basic_parser::skip", L::Beast, R::NoBodyMarker);
  Add("boost::beast::http::message::keep_alive", L::Beast, R::KeepAliveSetter);
  Add("boost::beast::basic_stream::expires_after", L::Beast, R::TimeoutSetter);
  Add("boost::beast::basic_stream::expires_at", L::Beast, R::TimeoutSetter);
  // HTTP/1.1 messages keep the connection by default; a stream has no
  // expiry unless given one.
  Add("boost::beast::basic_stream", L::Beast, R::DefaultKeepAlive);
  Add("boost::beast::ssl_stream", L::Beast, R::DefaultKeepAlive);

  // --- cpprestsdk: each client owns a pool.
  Add("web::http::client::http_client", L::CppRest, R::ClientType,
      ReleasedByDestructor | ThreadSafeToShare);
  Add("web::http::client::http_client::request", L::CppRest, R::RequestCall);
  Add("web::http::client::http_client_config::set_timeout", L::CppRest,
      R::TimeoutSetter);

  // --- Qt Network: one manager per application; the caller owns replies.
  Add("QNetworkAccessManager", L::Qt, R::ClientType, HeapObject);
  for (llvm::StringRef M :
       {"get", "post", "put", "deleteResource", "head", "sendCustomRequest"}) {
    std::string N = "QNetworkAccessManager::" + M.str();
    Add(N, L::Qt, R::RequestCall);
    Add(N, L::Qt, R::Acquire, HeapObject, "deleteLater");
  }
  Add("QNetworkAccessManager::setTransferTimeout", L::Qt, R::TimeoutSetter,
      ZeroMeansNoTimeout);
  Add("QNetworkRequest::setTransferTimeout", L::Qt, R::TimeoutSetter,
      ZeroMeansNoTimeout);
  Add("QNetworkAccessManager", L::Qt, R::DefaultKeepAlive);
  Add("QNetworkAccessManager::setAutoDeleteReplies", L::Qt, R::AutoDelete);
  Add("QNetworkRequest::AutoDeleteReplyOnFinishAttribute", L::Qt,
      R::AutoDelete);
  Add("QNetworkReply::setReadBufferSize", L::Qt, R::ReadBufferLimit);
  for (llvm::StringRef M : {"QIODevice::readAll", "QIODevice::read",
                            "QIODevice::readLine", "QIODevice::peek",
                            "QIODevice::getChar", "QIODevice::skip",
                            "QIODevice::readLineData", "QIODevice::readData"})
    Add(M, L::Qt, R::BodyRead);
  Add("QObject::deleteLater", L::Qt, R::Release, FreesObject, "deleteLater");

  // --- Drogon: newHttpClient returns a shared_ptr to a persistent client.
  Add("drogon::HttpClient::newHttpClient", L::Drogon, R::ClientFactory);
  Add("drogon::HttpClient::sendRequest", L::Drogon, R::RequestCall);
  // A TimeoutSetter's Detail (outside curl_easy_setopt's options) names the
  // parameter that carries the value: sendRequest(req, cb, timeout = 0).
  Add("drogon::HttpClient::sendRequest", L::Drogon, R::TimeoutSetter,
      ZeroMeansNoTimeout, "timeout");
  Add("drogon::HttpClient", L::Drogon, R::HandleType);
  Add("drogon::HttpClient::newHttpClient", L::Drogon, R::DefaultKeepAlive);

  // --- restclient-cpp: the free calls build a Connection per call.
  Add("RestClient::Connection", L::RestClient, R::ClientType,
      ReleasedByDestructor | ReusablePerThread);
  for (llvm::StringRef V :
       {"get", "post", "put", "patch", "del", "head", "options"}) {
    // RestClient::post(url, ctype, data) is `Connection c("");
    // c.AppendHeader("Content-Type", ctype); return c.post(url, data);`.
    bool HasBody = V == "post" || V == "put" || V == "patch";
    Add(("RestClient::" + V).str(), L::RestClient, R::ClientBuildingCall,
        NoFlags,
        ("\"restclient-cpp/connection.h\"|RestClient::Connection|conn|\"\"|" +
         llvm::StringRef(HasBody ? "$s.AppendHeader(\"Content-Type\", $2)" : "") +
         "|$s." + V + (HasBody ? "($1, $3)" : "($1)"))
            .str());
    Add(("RestClient::Connection::" + V).str(), L::RestClient,
        R::RequestCall);
  }
  // A Connection reuses its one easy handle, so libcurl keeps its
  // connections alive; its timeout stays 0 (none) until SetTimeout.
  Add("RestClient::Connection::SetTimeout", L::RestClient, R::TimeoutSetter,
      ZeroMeansNoTimeout);
  Add("RestClient::Connection", L::RestClient, R::DefaultKeepAlive);

  // --- curlpp: Easy wraps one easy handle.
  // Its destructor cleans up the easy handle.
  Add("curlpp::Easy", L::Curlpp, R::ClientType,
      ReleasedByDestructor | ReusablePerThread);
  Add("curlpp::Easy::perform", L::Curlpp, R::RequestCall);
  Add("curlpp::Easy::setOpt", L::Curlpp, R::RequestOption);
  // Option objects are typedefs of OptionTrait<T, CURLoption>: matched by
  // the typedef's name, as the code spells it. Like libcurl's options, 0
  // means none.
  for (llvm::StringRef T : {"Timeout", "LowSpeedTime", "LowSpeedLimit"})
    Add(("curlpp::options::" + T).str(), L::Curlpp, R::TimeoutArgType,
        ZeroMeansNoTimeout);
  Add("curlpp::Easy", L::Curlpp, R::DefaultKeepAlive);
  // Easy::reset() is curl_easy_reset: every option back to its default.
  Add("curlpp::Easy::reset", L::Curlpp, R::OptionReset);

  // --- Owners a client may be held in; a destructor-released client stays
  // destructor-released behind them.
  for (llvm::StringRef P : {"std::unique_ptr", "std::shared_ptr"})
    Add(P, L::Std, R::SmartPointer, ReleasedByDestructor);
  for (llvm::StringRef F : {"std::make_unique", "std::make_shared"})
    Add(F, L::Std, R::SmartPointerFactory);

  // --- Calls that take a client for the duration of the call only.
  for (llvm::StringRef F :
       {"curl_easy_getinfo", "curl_easy_reset", "curl_easy_pause",
        "curl_easy_recv", "curl_easy_send", "curl_easy_upkeep",
        "curl_multi_add_handle", "curl_multi_remove_handle",
        "curl_multi_setopt", "curl_multi_wait", "curl_multi_poll",
        "curl_multi_info_read", "curl_multi_fdset", "curl_share_setopt",
        "curl_mime_addpart"})
    Add(F, L::Curl, R::NeutralUse);
  // curlpp's infos (curlpp::infos::ResponseCode::get(easy)) read what the
  // last transfer left in the handle.
  for (llvm::StringRef F : {"curlpp::Info::get", "curlpp::NotAvailableInfo::get",
                            "curlpp::InfoGetter::get"})
    Add(F, L::Curlpp, R::NeutralUse);
  Add("QObject::connect", L::Qt, R::NeutralUse);

  // --- Handles that share a pool: a new easy handle per transfer is how the
  // multi interface works, and a share handle shares the connection cache.
  Add("curl_multi_add_handle", L::Curl, R::PoolAttach);
  Add("curl_easy_setopt", L::Curl, R::PoolAttach, NoFlags, "CURLOPT_SHARE");
  for (llvm::StringRef F : {"std::call_once", "absl::call_once"})
    Add(F, L::Std, R::RunsOnce);
  // HTTPClientSession.h: the host and port "must not be changed once there
  // is an open connection" (IllegalStateException).
  for (llvm::StringRef F :
       {"Poco::Net::HTTPClientSession::setHost",
        "Poco::Net::HTTPClientSession::setPort",
        "Poco::Net::HTTPClientSession::setProxy",
        "Poco::Net::HTTPClientSession::setProxyHost",
        "Poco::Net::HTTPClientSession::setProxyPort"})
    Add(F, L::Poco, R::ConnectionTarget);
  Add("boost::beast::basic_stream::connect", L::Beast, R::ConnectionTarget);

  // --- Dropping the connection ends what an unread body would block.
  for (llvm::StringRef F :
       {"Poco::Net::HTTPSession::abort", "Poco::Net::HTTPSession::close"})
    Add(F, L::Poco, R::BodyRead);
  Add("boost::beast::basic_stream::close", L::Beast, R::BodyRead);
  for (llvm::StringRef F : {"QNetworkReply::abort", "QIODevice::close"})
    Add(F, L::Qt, R::BodyRead);
  Add("QObject::disconnect", L::Qt, R::NeutralUse);
  Add("boost::asio::connect", L::Beast, R::NeutralUse);
  Add("boost::beast::get_lowest_layer", L::Beast, R::NeutralUse);

  // --- http-leaked-handle: what a handle left unreleased keeps, how Qt
  // hands replies back, who else may own a handle.
  for (llvm::StringRef F : {"curl_easy_init", "curl_easy_duphandle"})
    Add(F, L::Curl, R::LeakCost, NoFlags,
        "an easy handle and the connections it caches (sockets and file "
        "descriptors)");
  Add("curl_multi_init", L::Curl, R::LeakCost, NoFlags,
      "a multi handle and its connection pool (sockets and file "
      "descriptors)");
  Add("curl_share_init", L::Curl, R::LeakCost, NoFlags,
      "a share handle and the connection cache, cookies and DNS entries "
      "it holds");
  Add("curl_slist_append", L::Curl, R::LeakCost, NoFlags,
      "the list's memory");
  Add("curl_mime_init", L::Curl, R::LeakCost, NoFlags,
      "the MIME structure with its parts and their data");
  Add("curl_url", L::Curl, R::LeakCost, NoFlags, "the URL handle's memory");
  // The multi handle gives added easy handles back (curl_multi_info_read)
  // but does not clean them up.
  Add("curl_multi_add_handle", L::Curl, R::HandleRegistry);
  for (llvm::StringRef M :
       {"get", "post", "put", "deleteResource", "head", "sendCustomRequest"})
    Add("QNetworkAccessManager::" + M.str(), L::Qt, R::LeakCost, NoFlags,
        "the reply object and its buffered body until the manager is "
        "destroyed; while it runs it also holds one of the manager's "
        "connections to the host");
  Add("QNetworkAccessManager", L::Qt, R::LeakCost, NoFlags,
      "the manager with its connection cache, its sockets and its worker "
      "thread");
  Add("QNetworkReply::finished", L::Qt, R::CompletionSignal);
  Add("QNetworkAccessManager::finished", L::Qt, R::CompletionSignal);
  Add("QObject::connect", L::Qt, R::SignalConnect);
  Add("QObject::sender", L::Qt, R::SignalSender);
  Add("qobject_cast", L::Qt, R::ObjectCast);
  // A finished reply that its manager's finished() slot never deletes
  // (qnetworkaccessmanager.cpp: "the user must delete it"): its connection
  // is back in the manager's cache, the object and its data stay.
  Add("QNetworkAccessManager::finished", L::Qt, R::LeakCost, NoFlags,
      "the finished reply object, its headers and any body the slot did not "
      "read, until the manager is destroyed: memory that grows with every "
      "request");
  // A QObject parent deletes its children: a parent passed to the
  // constructor or set later owns the object.
  Add("QObject", L::Qt, R::OwnershipTaker, NoFlags, "parent");
  Add("QObject::setParent", L::Qt, R::OwnershipTaker, NoFlags, "parent");
  Add("Poco::URIStreamOpener::open", L::Poco, R::LeakCost, NoFlags,
      "the stream with the HTTP session it owns and that session's socket");
  Add("Poco::Net::HTTPClientSession", L::Poco, R::LeakCost, NoFlags,
      "the session and its socket (a file descriptor)");
}

void Catalogue::addRepetitionFacts(Table &T) {
  EntryAdder Add{T};
  using L = Library;
  using R = Role;
  // --- Server route handlers: they run for every request to their route.
  for (llvm::StringRef M :
       {"Get", "Post", "Put", "Patch", "Delete", "Options"})
    Add(("httplib::Server::" + M).str(), L::CppHttplib, R::RepeatSource,
        NoFlags, "route:0");
  Add("drogon::HttpAppFramework::registerHandler", L::Drogon,
      R::RepeatSource, NoFlags, "route:0");
  Add("drogon::HttpAppFramework::registerHandlerViaRegex", L::Drogon,
      R::RepeatSource, NoFlags, "route:0");
  // METHOD_ADD / ADD_METHOD_TO in an HttpController's METHOD_LIST.
  Add("drogon::HttpController::registerMethod", L::Drogon, R::RepeatSource,
      NoFlags, "route:1");
  Add("drogon::HttpSimpleControllerBase::asyncHandleHttpRequest", L::Drogon,
      R::RepeatedOverride);
  Add("web::http::experimental::listener::http_listener::support",
      L::CppRest, R::RepeatSource, NoFlags, "route");
  Add("Poco::Net::HTTPRequestHandler::handleRequest", L::Poco,
      R::RepeatedOverride);
  // --- Members that Qt's moc defines in moc_*.cpp: what Q_OBJECT and
  // Q_GADGET declare, and the signals (qtmetamacros.h).
  for (llvm::StringRef M :
       {"Q_OBJECT", "Q_OBJECT_FAKE", "Q_GADGET", "Q_GADGET_EXPORT", "Q_SIGNAL"})
    Add(M, L::Qt, R::GeneratedMembers);
  for (llvm::StringRef M : {"Q_SIGNALS", "signals"})
    Add(M, L::Qt, R::GeneratedMembers, NoFlags, "section");
  // --- Periodic timers.
  Add("QTimer::timeout", L::Qt, R::RepeatSignal);
  Add("QTimer::callOnTimeout", L::Qt, R::RepeatSource, NoFlags, "timer");
  Add("QTimer::start", L::Qt, R::TimerSetting, NoFlags, "ms");
  Add("QTimer::setInterval", L::Qt, R::TimerSetting, NoFlags, "ms");
  Add("QTimer::setSingleShot", L::Qt, R::TimerSetting, NoFlags,
      "single-shot");
  for (llvm::StringRef C :
       {"boost::asio::basic_waitable_timer", "boost::asio::basic_deadline_timer"})
    Add((C + "::async_wait").str(), L::Asio, R::RepeatSource, NoFlags,
        "rearm");
  Add("trantor::EventLoop::runEvery", L::Trantor, R::RepeatSource, NoFlags,
      "timer:0:s");
  Add("Poco::Timer::start", L::Poco, R::RepeatSource, NoFlags, "timer");
  Add("Poco::Util::Timer::scheduleAtFixedRate", L::Poco, R::RepeatSource,
      NoFlags, "timer:2:ms");
  Add("Poco::Util::Timer::schedule", L::Poco, R::RepeatSource, NoFlags,
      "timer:2:ms:min-args:3");

  // --- Test frameworks: test bodies build fresh clients on purpose.
  for (llvm::StringRef M :
       {// GoogleTest
        "TEST", "TEST_F", "TEST_P", "TYPED_TEST", "TYPED_TEST_P", "GTEST_TEST",
        // Catch2 (also the CATCH_-prefixed spellings)
        "TEST_CASE", "TEST_CASE_METHOD", "SCENARIO", "TEMPLATE_TEST_CASE",
        "TEMPLATE_PRODUCT_TEST_CASE", "TEMPLATE_LIST_TEST_CASE",
        "CATCH_TEST_CASE", "CATCH_TEST_CASE_METHOD", "CATCH_SCENARIO",
        "INTERNAL_CATCH_TESTCASE",
        // doctest
        "DOCTEST_TEST_CASE", "DOCTEST_TEST_CASE_FIXTURE", "DOCTEST_SCENARIO",
        "DOCTEST_TEST_CASE_TEMPLATE", "TEST_CASE_FIXTURE",
        "TEST_CASE_TEMPLATE",
        // Boost.Test
        "BOOST_AUTO_TEST_CASE", "BOOST_FIXTURE_TEST_CASE",
        "BOOST_DATA_TEST_CASE", "BOOST_AUTO_TEST_CASE_TEMPLATE",
        "BOOST_FIXTURE_TEST_CASE_TEMPLATE"})
    Add(M, L::Test, R::TestMacro);
  for (llvm::StringRef B :
       {"testing::Test", "CppUnit::TestFixture", "CppUnit::TestCase"})
    Add(B, L::Test, R::TestBase);
  // Detail: the base of the objects it runs (for a file with errors, where
  // the QTEST_MAIN that calls it may be the part not typed yet).
  Add("QTest::qExec", L::Test, R::TestRunner, NoFlags, "QObject");
  // Not Catch2's or glog's CHECK/REQUIRE: production code uses those names.
  for (llvm::StringRef M :
       {"QVERIFY", "QVERIFY2", "QCOMPARE", "QTRY_VERIFY", "QTRY_COMPARE",
        "QTRY_VERIFY_WITH_TIMEOUT", "QTRY_COMPARE_WITH_TIMEOUT", "QFAIL",
        "QSKIP", "QEXPECT_FAIL", "QFETCH", "QVERIFY_THROWS_EXCEPTION",
        "CPPUNIT_ASSERT", "CPPUNIT_ASSERT_EQUAL", "CPPUNIT_ASSERT_MESSAGE",
        "CPPUNIT_FAIL"})
    Add(M, L::Test, R::TestAssertMacro);
}

std::shared_ptr<const Catalogue::Table> Catalogue::builtinTable() {
  static const std::shared_ptr<const Table> Builtins = [] {
    auto T = std::make_shared<Table>();
    addBuiltins(*T);
    addRepetitionFacts(*T);
    index(*T);
    return T;
  }();
  return Builtins;
}

Catalogue::Catalogue() : Data(builtinTable()) {}

Catalogue::Catalogue(ClangTidyCheck::OptionsView &Options)
    : Data(builtinTable()) {
  std::shared_ptr<Table> Own;
  for (const auto &[Key, R] : UserKeys) {
    std::string Value(Options.getLocalOrGlobal(Key, ""));
    UserOptions.emplace_back(Key.str(), Value);
    llvm::SmallVector<llvm::StringRef, 8> Names;
    llvm::StringRef(Value).split(Names, ';', -1, /*KeepEmpty=*/false);
    for (llvm::StringRef N : Names) {
      N = N.trim();
      N.consume_front("::");
      if (N.empty())
        continue;
      if (!Own)
        Own = std::make_shared<Table>(*Data);
      // A user's wrapper type is assumed to own its connection like the
      // libraries' RAII clients; no thread-safety is assumed.
      unsigned Flags = R == Role::ClientType ? ReleasedByDestructor : NoFlags;
      Own->Entries.push_back({N.str(), Library::User, R, Flags, ""});
    }
  }
  if (Own) {
    index(*Own);
    Data = std::move(Own);
  }
}

void Catalogue::index(Table &T) {
  T.ByName.clear();
  for (unsigned I = 0; I < T.Entries.size(); ++I)
    T.ByName[T.Entries[I].Name].push_back(I);
}

void Catalogue::storeOptions(ClangTidyCheck::OptionsView &Options,
                             ClangTidyOptions::OptionMap &Opts) const {
  for (const auto &[Key, Value] : UserOptions)
    Options.store(Opts, Key, Value);
}

std::vector<std::string> Catalogue::matcherNames(Role R) const {
  return matcherNames({R});
}

std::vector<std::string>
Catalogue::matcherNames(std::initializer_list<Role> Rs) const {
  std::vector<std::string> Out;
  llvm::StringSet<> Seen;
  for (const Entry &E : Data->Entries)
    if (llvm::is_contained(Rs, E.Kind) && Seen.insert(E.Name).second)
      Out.push_back("::" + E.Name);
  return Out;
}

const Entry *Catalogue::findName(llvm::StringRef QualifiedName,
                                 Role R) const {
  auto It = Data->ByName.find(QualifiedName);
  if (It == Data->ByName.end())
    return nullptr;
  for (unsigned I : It->second)
    if (Data->Entries[I].Kind == R)
      return &Data->Entries[I];
  return nullptr;
}

const Entry *Catalogue::findDetail(llvm::StringRef QualifiedName, Role R,
                                   llvm::StringRef Detail) const {
  auto It = Data->ByName.find(QualifiedName);
  if (It == Data->ByName.end())
    return nullptr;
  for (unsigned I : It->second)
    if (Data->Entries[I].Kind == R && Data->Entries[I].Detail == Detail)
      return &Data->Entries[I];
  return nullptr;
}

const Entry *Catalogue::find(const NamedDecl *D, Role R) const {
  if (!D)
    return nullptr;
  // The analyses ask about the same few declarations again and again.
  auto Key = std::make_pair(D, static_cast<unsigned>(R));
  auto It = FindCache.find(Key);
  if (It != FindCache.end())
    return It->second;
  const Entry *E = findUncached(D, R);
  FindCache[Key] = E; // findUncached may have grown the map (bases)
  return E;
}

const Entry *Catalogue::findUncached(const NamedDecl *D, Role R) const {
  if (const Entry *E = findName(catalogueName(D), R))
    return E;
  // A subclass of a catalogued client (or a specialization's pattern).
  const auto *RD = dyn_cast<CXXRecordDecl>(D);
  if (!RD || !RD->hasDefinition())
    return nullptr;
  RD = RD->getDefinition();
  for (const CXXBaseSpecifier &B : RD->bases()) {
    const CXXRecordDecl *Base = B.getType()->getAsCXXRecordDecl();
    if (Base && Base != RD)
      if (const Entry *E = find(Base, R))
        return E;
  }
  return nullptr;
}

const Entry *Catalogue::findAny(const NamedDecl *D) const {
  if (!D)
    return nullptr;
  auto It = Data->ByName.find(catalogueName(D));
  if (It == Data->ByName.end())
    return nullptr;
  // A cast (qobject_cast) is no use of its own: the object goes on in its
  // result, so callers that ask "is this a known call?" do not see one.
  for (unsigned I : It->second)
    if (Data->Entries[I].Kind != Role::ObjectCast)
      return &Data->Entries[I];
  return nullptr;
}

// --- Matchers ------------------------------------------------------------------

struct NameSets {
  llvm::StringSet<> Short, Full;
};

namespace {
using namespace ast_matchers;

/// The declaration's own name as the catalogue's last component spells it.
llvm::StringRef shortName(const NamedDecl &D, std::string &Buf) {
  DeclarationName DN = D.getDeclName();
  if (DN.isIdentifier())
    return DN.getAsIdentifierInfo() ? DN.getAsIdentifierInfo()->getName()
                                    : llvm::StringRef();
  if (DN.getNameKind() != DeclarationName::CXXOperatorName)
    return {};
  Buf = DN.getAsString();
  return Buf;
}

/// The short name first (one hash lookup), the qualified name only for
/// candidates.
bool inNameSets(const NamedDecl &Node, const NameSets &Names) {
  std::string Buf;
  llvm::StringRef Short = shortName(Node, Buf);
  return !Short.empty() && Names.Short.contains(Short) &&
         Names.Full.contains(catalogueName(&Node));
}

class NamedMatcher : public internal::MatcherInterface<NamedDecl> {
public:
  explicit NamedMatcher(CallTest Test) : Test(std::move(Test)) {}
  bool matches(const NamedDecl &Node, internal::ASTMatchFinder *,
               internal::BoundNodesTreeBuilder *) const override {
    return Test.named(Node);
  }

private:
  CallTest Test;
};

class CallsMatcher : public internal::MatcherInterface<CallExpr> {
public:
  CallsMatcher(CallTest Test, bool FirstArg)
      : Test(std::move(Test)), FirstArg(FirstArg) {}
  bool matches(const CallExpr &Node, internal::ASTMatchFinder *,
               internal::BoundNodesTreeBuilder *) const override {
    return FirstArg ? Test.firstArgIsEnumerator(Node) : Test(Node);
  }

private:
  CallTest Test;
  bool FirstArg;
};

class ClassMatcher : public internal::MatcherInterface<CXXRecordDecl> {
public:
  explicit ClassMatcher(ClassTest Test) : Test(std::move(Test)) {}
  bool matches(const CXXRecordDecl &Node, internal::ASTMatchFinder *,
               internal::BoundNodesTreeBuilder *) const override {
    return Test(&Node);
  }

private:
  ClassTest Test;
};
} // namespace

static std::shared_ptr<const NameSets>
nameSets(llvm::ArrayRef<std::string> QualifiedNames) {
  auto Names = std::make_shared<NameSets>();
  for (llvm::StringRef N : QualifiedNames) {
    N.consume_front("::");
    Names->Full.insert(N);
    size_t P = N.rfind("::");
    Names->Short.insert(P == llvm::StringRef::npos ? N : N.substr(P + 2));
  }
  return Names;
}

bool CallTest::named(const NamedDecl &D) const { return inNameSets(D, *Names); }

bool CallTest::operator()(const CallExpr &Call) const {
  const auto *FD = dyn_cast_or_null<FunctionDecl>(Call.getCalleeDecl());
  return FD && inNameSets(*FD, *Names);
}

bool CallTest::firstArgIsEnumerator(const CallExpr &Call) const {
  if (Call.getNumArgs() == 0 || !Call.getArg(0))
    return false;
  const auto *Ref = dyn_cast<DeclRefExpr>(Call.getArg(0)->IgnoreParenImpCasts());
  const auto *EC = Ref ? dyn_cast<EnumConstantDecl>(Ref->getDecl()) : nullptr;
  return EC && inNameSets(*EC, *Names);
}

bool ClassTest::operator()(const CXXRecordDecl *RD) const {
  return RD && llvm::any_of(Roles, [&](Role R) { return Lib->find(RD, R); });
}

CallTest Catalogue::callTestAnyOf(llvm::ArrayRef<std::string> QualifiedNames) {
  return CallTest(nameSets(QualifiedNames));
}

CallTest Catalogue::callTest(std::initializer_list<Role> Rs) const {
  return callTestAnyOf(matcherNames(Rs));
}

ClassTest Catalogue::classTest(std::initializer_list<Role> Rs) const {
  return ClassTest(*this, std::vector<Role>(Rs));
}

ast_matchers::internal::Matcher<NamedDecl>
Catalogue::namedAnyOf(llvm::ArrayRef<std::string> QualifiedNames) {
  return ast_matchers::internal::Matcher<NamedDecl>(
      new NamedMatcher(callTestAnyOf(QualifiedNames)));
}

ast_matchers::internal::Matcher<CallExpr>
Catalogue::callsAnyOf(llvm::ArrayRef<std::string> QualifiedNames) {
  return ast_matchers::internal::Matcher<CallExpr>(
      new CallsMatcher(callTestAnyOf(QualifiedNames), false));
}

ast_matchers::internal::Matcher<CallExpr>
Catalogue::calls(std::initializer_list<Role> Rs) const {
  return callsAnyOf(matcherNames(Rs));
}

ast_matchers::internal::Matcher<CallExpr>
Catalogue::firstArgIsEnumerator(std::initializer_list<Role> Rs) const {
  return ast_matchers::internal::Matcher<CallExpr>(
      new CallsMatcher(callTest(Rs), true));
}

ast_matchers::internal::Matcher<NamedDecl>
Catalogue::named(std::initializer_list<Role> Rs) const {
  return namedAnyOf(matcherNames(Rs));
}

ast_matchers::internal::Matcher<CXXRecordDecl>
Catalogue::isClass(std::initializer_list<Role> Rs) const {
  return ast_matchers::internal::Matcher<CXXRecordDecl>(
      new ClassMatcher(classTest(Rs)));
}

} // namespace clang::tidy::http
