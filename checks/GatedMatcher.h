//===--- GatedMatcher.h - httptidy -----------------------------*- C++ -*-===//
//
// A registered matcher whose first test is plain C++.
//
//===----------------------------------------------------------------------===//

#ifndef HTTPTIDY_GATEDMATCHER_H
#define HTTPTIDY_GATEDMATCHER_H

#include "clang/ASTMatchers/ASTMatchers.h"
#include <utility>

namespace clang::tidy::http {

namespace detail {
template <typename NodeT, typename PredT>
class Gate : public ast_matchers::internal::MatcherInterface<NodeT> {
public:
  Gate(PredT Pred, ast_matchers::internal::DynTypedMatcher Full)
      : Pred(std::move(Pred)), Full(std::move(Full)) {}
  bool matches(const NodeT &Node, ast_matchers::internal::ASTMatchFinder *F,
               ast_matchers::internal::BoundNodesTreeBuilder *B) const override {
    return Pred(Node) && Full.matches(DynTypedNode::create(Node), F, B);
  }

private:
  PredT Pred;
  ast_matchers::internal::DynTypedMatcher Full;
};
} // namespace detail

/// `Full`, registered for nodes of kind NodeT only, behind `Pred`, a plain
/// C++ test that must hold wherever Full matches. Under clangd every node of
/// the main file meets every matcher registered for its kind, and almost
/// none is HTTP code: ASTMatchers spend a few virtual calls per node and
/// nested matcher (allOf, unless, ...) before the first real test, which was
/// most of what our checks cost on code without HTTP. A gate costs one call
/// and the predicate; Full, with its bindings, runs only on nodes that pass.
template <typename NodeT, typename BaseT, typename PredT>
ast_matchers::internal::Matcher<BaseT>
gate(PredT Pred, const ast_matchers::internal::Matcher<BaseT> &Full) {
  ast_matchers::internal::DynTypedMatcher M(
      new detail::Gate<NodeT, PredT>(std::move(Pred), Full));
  // Restricted to NodeT, so MatchFinder offers it only nodes of that kind.
  return M.dynCastTo(ASTNodeKind::getFromNodeKind<BaseT>())
      .template unconditionalConvertTo<BaseT>();
}

} // namespace clang::tidy::http

#endif
