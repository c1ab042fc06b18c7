//! Writing a value as serde_json does: `value.to_string()` and `serde_json::to_string_pretty`.

use std::fmt::Write;

use serde_json::Value;

/// The value on one line, as `value.to_string()` writes it.
pub fn compact(value: &Value) -> String {
    let mut out = String::new();
    write_value(&mut out, value, None);
    out
}

/// The value indented by two spaces, as `serde_json::to_string_pretty` writes it.
pub fn pretty(value: &Value) -> String {
    let mut out = String::new();
    write_value(&mut out, value, Some(0));
    out
}

/// `depth` is the indentation level when pretty, `None` when compact.
fn write_value(out: &mut String, value: &Value, depth: Option<usize>) {
    match value {
        Value::Null => out.push_str("null"),
        Value::Bool(true) => out.push_str("true"),
        Value::Bool(false) => out.push_str("false"),
        // `Number`'s Display is serde_json's own number writer (itoa, zmij for floats).
        Value::Number(number) => {
            let _ = write!(out, "{number}");
        }
        Value::String(text) => write_string(out, text),
        Value::Array(items) => {
            write_container(out, depth, ('[', ']'), items, |out, item, depth| {
                write_value(out, item, depth)
            })
        }
        Value::Object(fields) => write_container(
            out,
            depth,
            ('{', '}'),
            fields,
            |out, (key, value), depth| {
                write_string(out, key);
                out.push_str(if depth.is_some() { ": " } else { ":" });
                write_value(out, value, depth);
            },
        ),
    }
}

/// An array or object: empty ones as `[]` and `{}`, otherwise one entry a line when pretty.
fn write_container<I: IntoIterator>(
    out: &mut String,
    depth: Option<usize>,
    (open, close): (char, char),
    entries: I,
    mut write_entry: impl FnMut(&mut String, I::Item, Option<usize>),
) {
    out.push(open);
    let inner = depth.map(|depth| depth + 1);
    let mut empty = true;
    for entry in entries {
        if !empty {
            out.push(',');
        }
        empty = false;
        new_line(out, inner);
        write_entry(out, entry, inner);
    }
    if !empty {
        new_line(out, depth);
    }
    out.push(close);
}

fn new_line(out: &mut String, depth: Option<usize>) {
    if let Some(depth) = depth {
        out.push('\n');
        for _ in 0..depth {
            out.push_str("  ");
        }
    }
}

/// A quoted string with serde_json's escapes: `\"`, `\\`, the short forms of backspace, tab,
/// line feed, form feed and carriage return, `\u00XX` (lowercase hex) for the other control
/// characters; everything else, `/` and non-ASCII included, as it is.
fn write_string(out: &mut String, text: &str) {
    out.push('"');
    let mut start = 0;
    for (at, byte) in text.bytes().enumerate() {
        let escape = match byte {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            b'\x08' => "\\b",
            b'\t' => "\\t",
            b'\n' => "\\n",
            b'\x0c' => "\\f",
            b'\r' => "\\r",
            0..=0x1f => "",
            _ => continue,
        };
        // Escaped bytes are ASCII, so `at` is a character boundary.
        out.push_str(&text[start..at]);
        start = at + 1;
        if escape.is_empty() {
            const HEX: &[u8; 16] = b"0123456789abcdef";
            out.push_str("\\u00");
            out.push(HEX[usize::from(byte >> 4)] as char);
            out.push(HEX[usize::from(byte & 0xf)] as char);
        } else {
            out.push_str(escape);
        }
    }
    out.push_str(&text[start..]);
    out.push('"');
}
