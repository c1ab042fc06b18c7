//! JSON text: reading it into a `serde_json::Value` and writing a value back.
//!
//! serde_json's own parser and writer, generic over serde's traits, made the page's download
//! larger (docs/performance.md has the figure); the `Value` type they fill and read is kept.
//! Both halves here behave like serde_json byte for byte: the same values read (keys in order,
//! the last of duplicate keys winning), the same error messages at the same line and column, the
//! same text written. The one difference is documented at [`parse`]: a few numbers are refused.

mod parse;
mod write;

pub use parse::{parse, NUMBER_NOT_SUPPORTED};
pub use write::{compact, pretty};
