//! Static markup (fixed text, no signals, no handlers) set as one HTML string. A `view!` builds
//! each element and text node in code of its own; for a one-off structure (a callout with a
//! list and a link) one string is far less code in the wasm. Single paragraphs gain nothing:
//! they stay in `view!`. Only `&'static str` parts are taken, so nothing a person typed can
//! ever reach the markup, and constants from the core are escaped for where they go.

use leptos::prelude::*;

use crate::core::quote::{push_html, Within};

/// A piece of static markup.
pub enum Part {
    /// Markup written here, as is.
    Html(&'static str),
    /// Text from elsewhere (a core constant), escaped as an element's text.
    Text(&'static str),
    /// Text from elsewhere, escaped as a double-quoted attribute's value.
    Attribute(&'static str),
}

/// The parts, joined, as the children of a `div` that takes no box of its own
/// (`display: contents`), so the markup lays out as if it were written in place.
pub fn markup(parts: &'static [Part]) -> AnyView {
    let mut html = String::new();
    for part in parts {
        match part {
            Part::Html(markup) => html.push_str(markup),
            Part::Text(text) => push_html(&mut html, text, Within::Text),
            Part::Attribute(text) => push_html(&mut html, text, Within::Attribute),
        }
    }
    view! { <div class="markup" inner_html=html></div> }.into_any()
}
