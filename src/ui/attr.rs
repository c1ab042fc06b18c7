//! Attribute values the views share.

/// An ARIA boolean state (`aria-pressed`, `aria-selected`) as its attribute text.
pub fn bool_attr(on: bool) -> &'static str {
    if on {
        "true"
    } else {
        "false"
    }
}
