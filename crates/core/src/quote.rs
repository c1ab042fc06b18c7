//! All quoting lives here. Nothing else builds a shell or PowerShell literal by hand.

/// A shell's quoting function (`bash`, `powershell`), chosen per output.
pub type Quote = fn(&str) -> String;

/// A bash word that the shell passes through as exactly `value`: single quotes, with each `'`
/// written as `'\''`. Inside single quotes nothing else is special, newlines included.
pub fn bash(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 2);
    out.push('\'');
    for (index, part) in value.split('\'').enumerate() {
        if index > 0 {
            out.push_str(r"'\''");
        }
        out.push_str(part);
    }
    out.push('\'');
    out
}

/// Characters PowerShell treats as a single quote: ASCII `'` and the typographic quotes
/// U+2018, U+2019, U+201A and U+201B.
const POWERSHELL_SINGLE_QUOTES: [char; 5] = ['\'', '\u{2018}', '\u{2019}', '\u{201A}', '\u{201B}'];

/// A PowerShell verbatim string: single quotes, each quote-like character doubled.
pub fn powershell(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 2);
    out.push('\'');
    // The typographic quotes are U+2018..U+201B, encoded E2 80 98..9B: without a `'` or an
    // E2 byte there is nothing to double.
    if !value.bytes().any(|b| b == b'\'' || b == 0xE2) {
        out.push_str(value);
        out.push('\'');
        return out;
    }
    for c in value.chars() {
        if POWERSHELL_SINGLE_QUOTES.contains(&c) {
            out.push(c);
        }
        out.push(c);
    }
    out.push('\'');
    out
}

/// A PowerShell array literal of verbatim strings: `@('a', 'b')`.
pub fn powershell_array(values: &[String]) -> String {
    let items: Vec<String> = values.iter().map(|v| powershell(v)).collect();
    format!("@({})", items.join(", "))
}

/// Text safe inside a `#` comment of any target: every kind of line break becomes a space, so
/// nothing can escape the comment.
pub fn comment(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    push_comment(&mut out, text);
    out
}

/// [`comment`] appended to `out` (no string of its own).
pub fn push_comment(out: &mut String, text: &str) {
    // Printable ASCII is kept as it is (almost every comment).
    if text.bytes().all(|b| (0x20..0x7f).contains(&b)) {
        out.push_str(text);
        return;
    }
    out.extend(text.chars().map(|c| {
        if c.is_control() || matches!(c, '\u{2028}' | '\u{2029}' | '\u{85}') {
            ' '
        } else {
            c
        }
    }));
}

/// A URL path with every character outside RFC 3986's path characters percent-encoded (a
/// resource group may hold Unicode letters).
pub fn url_path(path: &str) -> String {
    // Runs of allowed bytes are copied whole: testing bytes is much cheaper than searching the
    // allowed characters for each character, and almost every path needs no encoding at all.
    let is_path_byte = |b: u8| b.is_ascii_alphanumeric() || b"-._~/!$&'()*+,;=:@".contains(&b);
    let mut out = String::with_capacity(path.len());
    let mut rest = path;
    while let Some(at) = rest.bytes().position(|b| !is_path_byte(b)) {
        out.push_str(&rest[..at]);
        // An ASCII byte, or a run of non-ASCII bytes (whole characters: a run ends where an
        // ASCII byte or the text does), each byte encoded.
        let len = if rest.as_bytes()[at].is_ascii() {
            1
        } else {
            rest[at..].bytes().take_while(|b| !b.is_ascii()).count()
        };
        const HEX: &[u8; 16] = b"0123456789ABCDEF";
        for byte in rest[at..at + len].bytes() {
            out.push('%');
            out.push(char::from(HEX[usize::from(byte >> 4)]));
            out.push(char::from(HEX[usize::from(byte & 0xF)]));
        }
        rest = &rest[at + len..];
    }
    out.push_str(rest);
    out
}

/// `<option>` elements for a select or a datalist, `selected` marked: the page sets a list in
/// one go as markup (built element by element, the options were a large part of start-up).
/// Values and texts are escaped for attribute values and element text alike.
pub fn html_options<'a>(
    options: impl IntoIterator<Item = (&'a str, &'a str)>,
    selected: &str,
) -> String {
    let mut html = String::new();
    for (value, text) in options {
        html.push_str("<option value=\"");
        push_html(&mut html, value, Within::Attribute);
        html.push_str(if value == selected {
            "\" selected>"
        } else {
            "\">"
        });
        push_html(&mut html, text, Within::Attribute);
        html.push_str("</option>");
    }
    html
}

/// Where escaped text goes in HTML.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Within {
    /// An element's text: `&`, `<` and `>` are escaped.
    Text,
    /// A double-quoted attribute value (or text that may also be one): `"` too.
    Attribute,
}

/// Appends `text` to HTML markup, escaped for where it goes.
pub fn push_html(out: &mut String, text: &str, within: Within) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' if within == Within::Attribute => out.push_str("&quot;"),
            _ => out.push(c),
        }
    }
}
