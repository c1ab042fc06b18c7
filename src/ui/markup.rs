//! Static markup (fixed text, no signals, no handlers) set as one HTML string. A `view!` builds
//! each element and text node in code of its own; one string is far less code in the wasm.
//! Only `&'static str` parts are taken, so nothing a person typed can ever reach the markup.

use leptos::prelude::*;

/// The parts, joined, as the children of a `div` that takes no box of its own
/// (`display: contents`), so the markup lays out as if it were written in place.
pub fn markup(parts: &'static [&'static str]) -> AnyView {
    let html: String = parts.concat();
    view! { <div class="markup" inner_html=html></div> }.into_any()
}
