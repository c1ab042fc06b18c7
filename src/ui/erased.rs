//! Views, memos and effects with their types erased. Leptos compiles the code that builds and
//! updates a view, a memo or an effect once per type, and every closure is a type: boxing the
//! closures keeps that code once in the wasm instead of once per use (it keeps the bundle small).

use std::sync::Arc;

use leptos::either::Either;
use leptos::prelude::*;

/// leptos's `<Show>` with the same props and the same updates: `children` while `when` is true,
/// `fallback` (default: nothing) otherwise; both are built afresh (the other one removed and its
/// reactive scope disposed) only when the condition changes.
#[component]
pub fn Show(
    children: ChildrenFn,
    when: impl Fn() -> bool + Send + Sync + 'static,
    #[prop(optional, into)] fallback: ViewFn,
) -> impl IntoView {
    show_view(Box::new(when), children, fallback)
}

fn show_view(
    when: Box<dyn Fn() -> bool + Send + Sync>,
    children: ChildrenFn,
    fallback: ViewFn,
) -> AnyView {
    // Reference-counted, as in leptos's own Show: the memo lives as long as the view reading it.
    // Made here, not in the generic component, so that its code exists once.
    let when = ArcMemo::new(move |_| when());
    // `Either` as in leptos's Show: switching sides always replaces the view, even when the
    // children and the fallback happen to erase to the same view type.
    (move || {
        if when.get() {
            Either::Left(children())
        } else {
            Either::Right(fallback.run())
        }
    })
    .into_any()
}

/// A memo's computation, given the previous value.
type Compute<T> = Box<dyn Fn(Option<&T>) -> T + Send + Sync>;

/// `Memo::new` with the computation boxed. Leptos compiles a memo's code once per closure type;
/// boxed, it is compiled once per value type (the wizard has about fifty memos of a dozen types).
pub fn memo<T: PartialEq + Send + Sync + 'static>(
    compute: impl Fn(Option<&T>) -> T + Send + Sync + 'static,
) -> Memo<T> {
    let compute: Compute<T> = Box::new(compute);
    Memo::new(compute)
}

/// A computation given the previous value, by value: it returns the new one and whether it
/// changed.
type ComputeOwning<T> = Box<dyn Fn(Option<T>) -> (T, bool) + Send + Sync>;

/// A memo for large values (the plan, the validation): `compute` says itself whether the value
/// changed, so no equality of plans is compiled or run, and a value kept is moved, not cloned.
pub fn derived<T: Send + Sync + 'static>(
    compute: impl Fn(Option<T>) -> (T, bool) + Send + Sync + 'static,
) -> Memo<T> {
    let compute: ComputeOwning<T> = Box::new(compute);
    Memo::new_owning(compute)
}

/// An effect's run, given the value its previous run returned.
type Run<T> = Box<dyn FnMut(Option<T>) -> T>;

/// `Effect::new` with the effect boxed: its code is compiled once per value type, not once per
/// closure (as for [`memo`]).
pub fn effect<T: 'static>(run: impl FnMut(Option<T>) -> T + 'static) -> Effect<LocalStorage> {
    let run: Run<T> = Box::new(run);
    Effect::new(run)
}

/// leptos's `<For>` over the rows `0..count`, keyed by index: a row keeps its elements (and
/// its focus) while rows after it come and go. The row's view is boxed, so the keyed list's build
/// and diff code exists once in the wasm, not once per list.
pub fn indexed_rows(
    count: Memo<usize>,
    row: impl Fn(usize) -> AnyView + Send + Sync + 'static,
) -> AnyView {
    rows_view(count, Arc::new(row))
}

fn rows_view(count: Memo<usize>, row: Arc<dyn Fn(usize) -> AnyView + Send + Sync>) -> AnyView {
    view! { <For each=move || 0..count.get() key=|i| *i children=move |i| row(i) /> }.into_any()
}
