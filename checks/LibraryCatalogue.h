//===--- LibraryCatalogue.h - httptidy -------------------------*- C++ -*-===//
//
// The one place that knows the HTTP client libraries: which types own
// connections, which calls create, use, configure, drain and release them.
// Every check asks this catalogue; no check carries its own list of names.
// Facts and their sources: shared/reference/http-libraries.md, docs/catalogue.md.
//
//===----------------------------------------------------------------------===//

#ifndef HTTPTIDY_CHECKS_LIBRARYCATALOGUE_H
#define HTTPTIDY_CHECKS_LIBRARYCATALOGUE_H

#include "clang-tidy/ClangTidyCheck.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"
#include <memory>
#include <string>
#include <vector>

namespace clang {
class NamedDecl;
class CXXRecordDecl;
namespace tidy::http {

enum class Library : unsigned char {
  Curl,
  CppHttplib,
  Cpr,
  Poco,
  Beast,
  CppRest,
  Qt,
  Drogon,
  RestClient,
  Curlpp,
  Std,  // the C++ standard library's smart pointers
  Asio, // Boost.Asio's timers
  Trantor, // Drogon's event loop library
  Test, // test frameworks (GoogleTest, Catch2, doctest, Boost.Test, CppUnit, Qt Test)
  User, // entries a user added through check options
};

/// What a catalogue entry says about the named declaration.
enum class Role : unsigned char {
  ClientType,         // a class whose object owns a connection or pool
  ClientFactory,      // a call that returns a new client, handle or pool
  ClientBuildingCall, // a call that builds a client inside itself, per call
                      // (Detail: how to make the same request on a kept
                      // client, "header|type|name|ctor-args|setup|call":
                      // $s is the client, $1.. the call's arguments, and a
                      // setup statement with $each repeats per argument;
                      // setup statements are separated by ';')
  Acquire,            // returns a non-client resource to release (Detail)
  GlobalInit,         // once-per-program initialisation (Detail: the call
                      // that undoes it, curl_global_cleanup)
  RequestCall,        // sends a request (or writes one) on a client
  KeepAliveSetter,    // switches keep-alive on (Detail: option name if any)
  TimeoutSetter,      // bounds a request or an idle connection
  TimeoutArgType,     // an argument type that sets a timeout (cpr::Timeout)
  ResponseBodyCall,   // returns a body that must be read (POCO receiveResponse)
  BodyRead,           // reads or drains a response body
  Release,            // releases a handle (Detail: what it releases)
  AutoDelete,         // marks replies for automatic deletion (Qt)
  OwnershipTaker,     // takes ownership of a handle passed to it
  PoolArgType,        // an argument type that makes a call share connections
  ReadBufferLimit,    // limits a reply's read buffer (Qt setReadBufferSize)
  SmartPointer,       // owns a client through a pointer (std::unique_ptr)
  SmartPointerFactory, // std::make_unique<Client>(...)
  NeutralUse,         // takes a client without keeping or owning it
  PoolAttach,         // attaches a handle to a shared connection pool
                      // (Detail: the option enumerator, if any)
  RunsOnce,           // runs the callable it is given once (std::call_once)
  ConnectionTarget,   // points a client at a server; may not be repeated on
                      // a connected client (POCO setHost throws)
  /// What a handle or client keeps when it is never released (Detail, the
  /// wording of http-leaked-handle).
  LeakCost,
  /// A signal emitted once a reply is complete (Qt's finished).
  CompletionSignal,
  /// Connects a signal to a slot or a functor (QObject::connect).
  SignalConnect,
  /// Returns the object whose signal a slot is handling (QObject::sender).
  SignalSender,
  /// Keeps a handle without owning it and hands it back later for release
  /// (curl_multi_add_handle; curl_multi_info_read returns it).
  HandleRegistry,
  /// A type naming a client that a factory hands out, held through a raw or
  /// smart pointer (CURL behind `CURL *`, drogon::HttpClient behind
  /// HttpClientPtr).
  HandleType,
  /// A client (type or factory) that keeps its connections alive by default
  /// and sets no timeout by default (libcurl easy handle, cpr::Session...).
  DefaultKeepAlive,
  /// Switches keep-alive off with a non-zero value (Detail: option name).
  KeepAliveDisabler,
  /// Marks a request or parser whose response has no body to read (POCO's
  /// HTTPRequest::HTTP_HEAD, Beast's parser.skip(true)).
  NoBodyMarker,
  /// Registers a callable that runs again and again: a server's route
  /// handler, a periodic timer's callback. Detail: "route" or "timer", then
  /// ":N" for the argument holding the route or the interval, then
  /// (timers) the interval's unit (":ms", ":s"); "rearm" for a one-shot
  /// wait that repeats only when its handler waits again (asio's
  /// async_wait); "min-args:N" for an overload that is periodic only with
  /// at least N arguments.
  RepeatSource,
  /// A signal emitted again and again (QTimer::timeout): a slot connected
  /// to it runs repeatedly.
  RepeatSignal,
  /// A virtual member a framework calls for every request (an override of
  /// POCO's HTTPRequestHandler::handleRequest).
  RepeatedOverride,
  /// Sets a timer's interval (Detail: unit) or makes it single-shot
  /// (Detail "single-shot").
  TimerSetting,
  /// A macro whose expansion defines a test body (TEST, TEST_CASE, ...):
  /// matched by the macro's name.
  TestMacro,
  /// A base class of test fixtures and test cases (testing::Test).
  TestBase,
  /// Runs the tests of the object passed to it (QTest::qExec).
  TestRunner,
  /// An assertion macro of a test framework that only test code uses
  /// (QVERIFY, CPPUNIT_ASSERT): a class whose members use one is a test
  /// class, even where its runner is out of view.
  TestAssertMacro,
  /// Sets an option of the next request (its URL, body, headers) without
  /// choosing the connection: a client can be reused with a new value
  /// (curlpp::Easy::setOpt, like curl_easy_setopt).
  RequestOption,
  /// A macro whose members a code generator defines (Qt's moc: what
  /// Q_OBJECT and Q_GADGET declare). Detail "section": every member
  /// function declared in the access section the macro opens (`signals:`).
  /// Matched by the macro's name.
  GeneratedMembers,
  /// Sets every option of the client it is given back to its default
  /// (curl_easy_reset): a timeout set before it no longer bounds the
  /// requests after it; the client keeps its connections.
  OptionReset,
  /// Returns its argument as another type, the same object (qobject_cast):
  /// what the result is, the argument is.
  ObjectCast,
};

enum EntryFlags : unsigned {
  NoFlags = 0,
  /// The destructor closes the connection: moving the object out of a loop
  /// keeps the program's meaning.
  ReleasedByDestructor = 1u << 0,
  /// One object may serve concurrent callers, so a function-local `static`
  /// is safe.
  ThreadSafeToShare = 1u << 1,
  /// A raw handle that the caller must release with the paired function.
  RawHandle = 1u << 2,
  /// A heap object that is normally released asynchronously (deleteLater).
  HeapObject = 1u << 3,
  /// A stream that is connected per use (Beast): a new object per request is
  /// not a fixable hoist.
  ConnectedPerUse = 1u << 4,
  /// An acquisition that extends the handle passed as its first argument
  /// and returns it (curl_slist_append): `l = f(l, ...)` is the same list.
  ExtendsArgument = 1u << 7,
  /// On a Release entry: frees the object itself, not only its connection
  /// (deleteLater, as opposed to httplib's stop()).
  FreesObject = 1u << 8,
  /// A timeout setter that bounds only idle or old connections, not a
  /// request (CURLOPT_MAXAGE_CONN).
  IdleTimeoutOnly = 1u << 5,
  /// A timeout setter for which the value 0 means "no timeout".
  ZeroMeansNoTimeout = 1u << 6,
  /// Serves one thread at a time and keeps its connections between uses,
  /// with no thread affinity: one per thread (`thread_local`) is safe. On a
  /// raw-handle factory: its handles can be kept per thread and made fresh
  /// with the library's option reset (curl_easy_init, curl_easy_reset).
  ReusablePerThread = 1u << 9,
  /// Thread-safe, but sends one request at a time over one connection
  /// (cpp-httplib's Client locks its socket per request): threads that share
  /// it queue behind each other.
  SerialisesRequests = 1u << 10,
};

struct Entry {
  std::string Name; // fully qualified, without the leading "::"
  Library Lib;
  Role Kind;
  unsigned Flags = NoFlags;
  /// Role-specific detail: the release function of a factory, the option
  /// enumerator of a curl_easy_setopt entry, a short description...
  std::string Detail = {};
};

/// Per-library wording and fix-it templates.
struct LibraryInfo {
  Library Lib;
  llvm::StringRef DisplayName;
  /// Shown as a note by http-client-per-request.
  llvm::StringRef ReuseHint;
  /// Names the setter(s) a user calls to bound requests.
  llvm::StringRef TimeoutAdvice;
  /// Statement that sets a timeout; `$obj` is the client expression, `$sec`
  /// seconds, `$ms` milliseconds; `$arrow` is "." or "->". Empty: no fix.
  llvm::StringRef TimeoutFixTemplate;
  /// What bounds every request and idle connection by default, when the
  /// library's defaults do (cpp-httplib, POCO, cpprestsdk). Empty: nothing
  /// does, and keep-alive without a timeout costs UnboundedCost.
  llvm::StringRef DefaultBounds = {};
  /// Why a kept-alive connection with no timeout costs sockets with this
  /// library's defaults (http-keep-alive-without-timeout).
  llvm::StringRef UnboundedCost = {};
};

/// UnboundedCost, or a generic wording for a library without one.
llvm::StringRef unboundedCost(const LibraryInfo &Info);

const LibraryInfo &libraryInfo(Library L);

/// The qualified name of a declaration as the catalogue spells it: no
/// leading "::", no inline namespaces, no template arguments.
std::string catalogueName(const NamedDecl *D);

/// Short and qualified names for the catalogue's name tests.
struct NameSets;

/// The plain C++ tests behind the catalogue matchers below, for the first
/// test of a gated matcher (GatedMatcher.h), where they run on every node of
/// their kind without ASTMatchers' dispatch. Cheap to copy.
class CallTest {
public:
  explicit CallTest(std::shared_ptr<const NameSets> Names)
      : Names(std::move(Names)) {}
  /// The callee's own name is in the set (one hash lookup); its qualified
  /// name is built only for candidates.
  bool operator()(const CallExpr &Call) const;
  /// The same for a declaration.
  bool named(const NamedDecl &D) const;
  /// The first argument names an enumerator in the set.
  bool firstArgIsEnumerator(const CallExpr &Call) const;

private:
  std::shared_ptr<const NameSets> Names;
};

class Catalogue;
class ClassTest {
public:
  ClassTest(const Catalogue &Lib, std::vector<Role> Roles)
      : Lib(&Lib), Roles(std::move(Roles)) {}
  /// A class with one of the roles, itself or through a base, decided once
  /// per class and translation unit (Catalogue::find caches). Null is no
  /// class.
  bool operator()(const CXXRecordDecl *RD) const;

private:
  const Catalogue *Lib;
  std::vector<Role> Roles;
};

class Catalogue {
public:
  /// The built-in entries plus the user's, read from the check's options
  /// (local or global: `ClientTypes`, `ClientFactories`, ...).
  explicit Catalogue(ClangTidyCheck::OptionsView &Options);
  Catalogue(); // built-in entries only

  /// Writes the user-extension options back (clang-tidy's storeOptions).
  void storeOptions(ClangTidyCheck::OptionsView &Options,
                    ClangTidyOptions::OptionMap &Opts) const;

  /// Names of every entry with this role, each with a leading "::" so that
  /// ASTMatchers' hasAnyName matches the fully qualified name only.
  std::vector<std::string> matcherNames(Role R) const;
  std::vector<std::string> matcherNames(std::initializer_list<Role> Rs) const;

  /// The entry of this role for a declaration, or null. For classes the
  /// bases are searched too, so a user's subclass of a client is a client.
  const Entry *find(const NamedDecl *D, Role R) const;
  const Entry *findName(llvm::StringRef QualifiedName, Role R) const;
  /// The first entry of any role for this declaration (a cast, ObjectCast,
  /// is not one: it only hands the object on).
  const Entry *findAny(const NamedDecl *D) const;
  /// Entries of a role whose Detail equals the given text (curl options).
  const Entry *findDetail(llvm::StringRef QualifiedName, Role R,
                          llvm::StringRef Detail) const;

  const std::vector<Entry> &entries() const { return Data->Entries; }

  /// Matchers over the catalogue, for registerMatchers. Every node of the
  /// main file meets them, so they first look the declaration's own name up
  /// in a hash set and build its qualified name only for candidates; unlike
  /// hasAnyName they also match members of class template specializations
  /// (Beast's basic_stream<...>::expires_after).
  ast_matchers::internal::Matcher<NamedDecl>
  named(std::initializer_list<Role> Rs) const;
  /// The same for a list of catalogued names (with or without "::").
  static ast_matchers::internal::Matcher<NamedDecl>
  namedAnyOf(llvm::ArrayRef<std::string> QualifiedNames);
  /// A call whose callee has one of these roles: the first test of every
  /// call matcher, so that a call the catalogue does not know costs one
  /// hash lookup and nothing else.
  ast_matchers::internal::Matcher<CallExpr>
  calls(std::initializer_list<Role> Rs) const;
  static ast_matchers::internal::Matcher<CallExpr>
  callsAnyOf(llvm::ArrayRef<std::string> QualifiedNames);
  /// A call whose first argument names an enumerator with one of these
  /// roles (`setAttribute(QNetworkRequest::AutoDeleteReplyOnFinishAttribute,
  /// ...)`).
  ast_matchers::internal::Matcher<CallExpr>
  firstArgIsEnumerator(std::initializer_list<Role> Rs) const;
  /// A class with one of these roles, itself or through a base (a user's
  /// subclass of a client), decided once per class and translation unit.
  ast_matchers::internal::Matcher<CXXRecordDecl>
  isClass(std::initializer_list<Role> Rs) const;

  /// The tests behind the matchers, for gates.
  CallTest callTest(std::initializer_list<Role> Rs) const;
  static CallTest callTestAnyOf(llvm::ArrayRef<std::string> QualifiedNames);
  ClassTest classTest(std::initializer_list<Role> Rs) const;
  /// Forgets the cached answers: declarations of the previous translation
  /// unit are gone. Every check calls it from onStartOfTranslationUnit.
  void startTranslationUnit() const { FindCache.clear(); }

  /// Option keys users set to extend the catalogue, with the role each adds.
  static llvm::ArrayRef<std::pair<llvm::StringRef, Role>> userOptionKeys();

  struct Table {
    std::vector<Entry> Entries;
    llvm::StringMap<llvm::SmallVector<unsigned, 2>> ByName;
  };

private:
  static void addBuiltins(Table &T);
  /// What runs repeatedly (route handlers, timers) and what is test code.
  static void addRepetitionFacts(Table &T);
  static void index(Table &T);
  /// The built-in entries, built once per process and shared: clangd makes
  /// the checks anew for every AST build.
  static std::shared_ptr<const Table> builtinTable();
  std::shared_ptr<const Table> Data;
  const Entry *findUncached(const NamedDecl *D, Role R) const;
  mutable llvm::DenseMap<std::pair<const NamedDecl *, unsigned>, const Entry *>
      FindCache;
  /// User option values as given, stored back unchanged.
  std::vector<std::pair<std::string, std::string>> UserOptions;
};

} // namespace tidy::http
} // namespace clang

#endif
