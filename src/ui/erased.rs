//! Views with their types erased. Leptos compiles the code that builds and updates a view once
//! per view type: boxing the children and the fallback keeps that code once in the wasm instead
//! of once per use (it keeps the bundle small).

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
    // Reference-counted, as in leptos's own Show: the memo lives as long as the view reading it.
    show_view(ArcMemo::new(move |_| when()), children, fallback)
}

fn show_view(when: ArcMemo<bool>, children: ChildrenFn, fallback: ViewFn) -> AnyView {
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
