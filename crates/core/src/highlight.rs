//! A small syntax highlighter for the outputs (PowerShell, bash, `.http`): it wraps each line in
//! `<span class="l" data-n="N">` and the tokens that matter for reading in short classes. It only adds
//! markup: the text content is the script, byte for byte (tested), so copying the page or
//! reading `textContent` gives exactly what was generated.
//!
//! Classes: `c` comment, `s` string, `v` variable, `k` keyword or HTTP method, `p` parameter,
//! flag, header name or JSON key, `n` command name; `chg` marks a line changed by the last edit.

use super::quote::{push_html, Within};
use super::render::OutputTarget;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Language {
    PowerShell,
    Bash,
    Http,
}

impl Language {
    pub fn of(target: OutputTarget) -> Language {
        match target {
            OutputTarget::PowerShell | OutputTarget::AzPowerShell => Language::PowerShell,
            OutputTarget::AzBash => Language::Bash,
            OutputTarget::Rest => Language::Http,
        }
    }
}

/// Where a line starts: inside a construct that an earlier line opened.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Open {
    Nothing,
    SingleQuoted,
    DoubleQuoted,
    /// PowerShell `@'`…`'@` (true: `@"`…`"@`).
    HereString(bool),
    /// PowerShell `<#`…`#>`.
    BlockComment,
    /// `.http`: after a request line, before the blank line.
    HttpHeaders,
    /// `.http`: the body, up to the next `###`.
    HttpBody,
}

/// The whole text as HTML: one `<span class="l" data-n="N">` per line (its newline inside it; N is its number).
/// `changed(i)` marks line `i` (0-based) with `chg`.
pub fn to_html(language: Language, text: &str, changed: &dyn Fn(usize) -> bool) -> String {
    to_html_lines(language, text, changed).concat()
}

/// The same, one string per line, so that a view can replace only the lines that differ.
pub fn to_html_lines(
    language: Language,
    text: &str,
    changed: &dyn Fn(usize) -> bool,
) -> Vec<String> {
    let mut lines = Vec::new();
    let mut open = Open::Nothing;
    for (index, line) in text.split_inclusive('\n').enumerate() {
        let (body, next) = highlight_line(language, line, open);
        open = next;
        lines.push(wrap_line(index, changed(index), &body));
    }
    lines
}

/// One line's markup, without its wrapper, and where the next line starts.
fn highlight_line(language: Language, line: &str, open: Open) -> (String, Open) {
    let mut out = String::with_capacity(line.len() + line.len() / 2 + 16);
    let mut html = Html { out: &mut out };
    let next = match language {
        Language::Bash => bash_line(line, open, &mut html),
        Language::PowerShell => powershell_line(line, open, &mut html),
        Language::Http => http_line(line, open, &mut html),
    };
    (out, next)
}

/// The wrapper of line `index` (0-based). The number is an attribute the CSS shows, not a CSS
/// counter: a counter makes the browser renumber every line after any change (about a second
/// per keystroke at 3,000 lines).
fn wrap_line(index: usize, changed: bool, body: &str) -> String {
    let number = (index + 1).to_string();
    let mut out = String::with_capacity(body.len() + number.len() + 40);
    out.push_str(if changed {
        "<span class=\"l chg\" data-n=\""
    } else {
        "<span class=\"l\" data-n=\""
    });
    out.push_str(&number);
    out.push_str("\">");
    out.push_str(body);
    out.push_str("</span>");
    out
}

/// Which lines an update of the [`LineCache`] marks as changed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Marks {
    /// None: the first script, or another tab's.
    Clear,
    /// The lines the previous text did not have anywhere: what a person's edit changed.
    Changed,
    /// The lines marked before stay marked while their text stays, nothing else is marked: an
    /// update nobody typed (the header's reopen link, made once typing pauses).
    Keep,
}

/// Which lines of the page must be written again after [`LineCache::update`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LineChanges {
    /// The same number of lines: these (0-based, ascending) differ.
    Lines(Vec<usize>),
    /// The number of lines changed (every later line's number with it), or there was nothing
    /// before: every line from this one on is new.
    From(usize),
}

/// The code view between edits: each line's text, highlighting and markup, so that an edit
/// highlights and wraps again only the lines that differ (a keystroke in a 3,000-line script
/// changes a handful) and says which ones to write to the page.
#[derive(Default)]
pub struct LineCache {
    language: Option<Language>,
    lines: Vec<CachedLine>,
}

struct CachedLine {
    /// With its line break.
    text: String,
    open_before: Open,
    open_after: Open,
    body: String,
    marked: bool,
    /// `wrap_line` of this line at its place.
    html: String,
}

impl LineCache {
    /// Takes `text` in. Afterwards the lines' markup ([`Self::html`]) is the same as
    /// `to_html_lines(language, text, changed)`, where `changed` marks what `marks` says
    /// (`Marks::Changed`: what `changed_lines(previous text, text)` finds).
    pub fn update(&mut self, language: Language, text: &str, marks: Marks) -> LineChanges {
        let new: Vec<&str> = text.split_inclusive('\n').collect();
        let mut old = if self.language == Some(language) {
            std::mem::take(&mut self.lines)
        } else {
            Vec::new()
        };
        // Lines are paired by position; when the count changed, the common start and end are.
        let (n, m) = (new.len(), old.len());
        let (prefix, suffix) = if n == m {
            (n, 0)
        } else {
            let prefix = new
                .iter()
                .zip(&old)
                .take_while(|(a, b)| same_text(a, &b.text))
                .count();
            let room = n.min(m) - prefix;
            let suffix = new
                .iter()
                .rev()
                .zip(old.iter().rev())
                .take(room)
                .take_while(|(a, b)| same_text(a, &b.text))
                .count();
            (prefix, suffix)
        };
        let paired = |i: usize| {
            if i < prefix {
                Some(i)
            } else if i >= n - suffix {
                Some(i + m - n)
            } else {
                None
            }
        };
        // First every line's mark, while the old lines are whole (a changed line is looked up
        // among them); then the new cache, moving what can be kept out of the old one.
        let was_shown = OldLines::new(&old, marks == Marks::Changed);
        // Whether each line has the text of its partner: every line is compared once.
        let same: Vec<bool> = (0..n)
            .map(|index| paired(index).is_some_and(|j| same_text(new[index], &old[j].text)))
            .collect();
        let marked: Vec<bool> = new
            .iter()
            .enumerate()
            .map(|(index, line)| {
                let before = paired(index).map(|j| &old[j]);
                let same_text = same[index];
                match marks {
                    Marks::Clear => false,
                    Marks::Changed => !same_text && !was_shown.contains(line),
                    Marks::Keep => same_text && before.is_some_and(|b| b.marked),
                }
            })
            .collect();
        let mut differ = Vec::new();
        let mut cache = Vec::with_capacity(n);
        let mut open = Open::Nothing;
        for (index, line) in new.iter().enumerate() {
            let mark = marked[index];
            let before = paired(index).map(|j| (j, std::mem::take(&mut old[j])));
            let line = match before {
                // The same line at the same place, marked the same: nothing to do.
                Some((j, b))
                    if j == index && b.marked == mark && same[index] && b.open_before == open =>
                {
                    b
                }
                // The same line moved or marked differently: only its wrapper is new.
                Some((_, b)) if same[index] && b.open_before == open => {
                    differ.push(index);
                    CachedLine {
                        html: wrap_line(index, mark, &b.body),
                        marked: mark,
                        ..b
                    }
                }
                before => {
                    let (body, next) = highlight_line(language, line, open);
                    let html = wrap_line(index, mark, &body);
                    if !before.is_some_and(|(j, b)| j == index && b.html == html) {
                        differ.push(index);
                    }
                    CachedLine {
                        text: (*line).to_owned(),
                        open_before: open,
                        open_after: next,
                        html,
                        body,
                        marked: mark,
                    }
                }
            };
            open = line.open_after;
            cache.push(line);
        }
        self.language = Some(language);
        self.lines = cache;
        if n == m {
            LineChanges::Lines(differ)
        } else {
            LineChanges::From(differ.first().copied().unwrap_or(n.min(m)))
        }
    }

    /// The number of lines.
    pub fn len(&self) -> usize {
        self.lines.len()
    }

    pub fn is_empty(&self) -> bool {
        self.lines.is_empty()
    }

    /// Line `index`'s markup (`<span class="l" …>…</span>`).
    pub fn html(&self, index: usize) -> &str {
        self.lines.get(index).map_or("", |l| l.html.as_str())
    }
}

impl Default for CachedLine {
    fn default() -> Self {
        CachedLine {
            text: String::new(),
            open_before: Open::Nothing,
            open_after: Open::Nothing,
            body: String::new(),
            marked: false,
            html: String::new(),
        }
    }
}

/// Whether a line (without its line break) was in the previous text. Only lines that differ from
/// their partner are looked up, a handful per keystroke, so a scan beats building a set (and
/// keeps a hash set's code out of the page).
struct OldLines<'a> {
    old: &'a [CachedLine],
    enabled: bool,
}

impl<'a> OldLines<'a> {
    fn new(old: &'a [CachedLine], enabled: bool) -> Self {
        OldLines { old, enabled }
    }

    fn contains(&self, line: &str) -> bool {
        let line = without_break(line);
        // Most old lines differ in length: compare lengths before bytes.
        !self.enabled
            || self.old.iter().any(|l| {
                l.text.len() >= line.len()
                    && l.text.len() <= line.len() + 2
                    && without_break(&l.text) == line
            })
    }
}

/// `a == b`, eight bytes at a time. A keystroke compares every line of a long script with the
/// line before it, and in the wasm `==` on bytes is a loop over single bytes (no instruction
/// compares memory): at the largest configuration a keystroke is measurably faster with this,
/// for a little more code (docs/performance.md has the figures).
fn same_text(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let word =
        |s: &[u8], at: usize| u64::from_ne_bytes(s[at..at + 8].try_into().unwrap_or_default());
    let mut at = 0;
    while at + 8 <= a.len() {
        if word(a, at) != word(b, at) {
            return false;
        }
        at += 8;
    }
    a[at..] == b[at..]
}

/// What `str::lines` yields for a line of `split_inclusive('\n')`.
fn without_break(line: &str) -> &str {
    match line.strip_suffix('\n') {
        Some(line) => line.strip_suffix('\r').unwrap_or(line),
        None => line,
    }
}

/// Indexes (0-based) of the lines of `new` that `old` does not have: what an edit changed.
pub fn changed_lines(old: &str, new: &str) -> Vec<bool> {
    let before: std::collections::HashSet<&str> = old.lines().collect();
    new.lines().map(|line| !before.contains(line)).collect()
}

struct Html<'a> {
    out: &'a mut String,
}

impl Html<'_> {
    fn text(&mut self, text: &str) {
        push_html(self.out, text, Within::Text);
    }

    /// A token that runs to the end of the line; the line break stays outside it.
    fn rest_of_line(&mut self, class: &str, rest: &str) {
        let content = rest.trim_end_matches(['\r', '\n']);
        self.token(class, content);
        self.text(&rest[content.len()..]);
    }

    fn token(&mut self, class: &str, text: &str) {
        if text.is_empty() {
            return;
        }
        self.out.push_str("<span class=\"");
        self.out.push_str(class);
        self.out.push_str("\">");
        self.text(text);
        self.out.push_str("</span>");
    }
}

fn is_word_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

/// Byte length of the variable name at the start of `rest` (after a `$`): `name`, `{…}`, or a
/// single special character.
fn variable_len(rest: &str) -> usize {
    if let Some(inner) = rest.strip_prefix('{') {
        return inner.find('}').map_or(rest.len(), |end| end + 2);
    }
    let name = rest
        .find(|c: char| !is_word_char(c) && c != ':')
        .unwrap_or(rest.len());
    if name > 0 {
        name
    } else {
        rest.chars()
            .next()
            .filter(|c| matches!(c, '?' | '@' | '#' | '!' | '$' | '*'))
            .map_or(0, char::len_utf8)
    }
}

/// How a kind of string ends.
#[derive(Clone, Copy)]
struct Quote {
    close: char,
    /// A doubled closing quote stays inside (PowerShell).
    doubled: bool,
    /// This character keeps the next one inside (bash `\`, PowerShell backtick).
    escape: Option<char>,
    /// `$…` inside is a variable.
    interpolate: bool,
}

const BASH_SINGLE: Quote = Quote {
    close: '\'',
    doubled: false,
    escape: None,
    interpolate: false,
};
const BASH_DOUBLE: Quote = Quote {
    close: '"',
    doubled: false,
    escape: Some('\\'),
    interpolate: true,
};
const PS_SINGLE: Quote = Quote {
    close: '\'',
    doubled: true,
    escape: None,
    interpolate: false,
};
const PS_DOUBLE: Quote = Quote {
    close: '"',
    doubled: true,
    escape: Some('`'),
    interpolate: true,
};

/// A string from the start of `rest`, whose first `opener` bytes are its opening quote: returns
/// the bytes consumed and whether it closed on this line.
fn string_body(rest: &str, opener: usize, quote: Quote, html: &mut Html) -> (usize, bool) {
    let mut plain_start = 0;
    let mut chars = rest
        .char_indices()
        .skip_while(|(i, _)| *i < opener)
        .peekable();
    while let Some((i, c)) = chars.next() {
        if Some(c) == quote.escape {
            chars.next();
        } else if c == quote.close {
            if quote.doubled && rest[i + 1..].starts_with(quote.close) {
                chars.next();
                continue;
            }
            html.token("s", &rest[plain_start..=i]);
            return (i + 1, true);
        } else if quote.interpolate && c == '$' {
            let len = variable_len(&rest[i + 1..]);
            if len > 0 {
                html.token("s", &rest[plain_start..i]);
                html.token("v", &rest[i..i + 1 + len]);
                plain_start = i + 1 + len;
                while chars.peek().is_some_and(|(j, _)| *j < plain_start) {
                    chars.next();
                }
            }
        }
    }
    html.token("s", &rest[plain_start..]);
    (rest.len(), false)
}

const BASH_KEYWORDS: &[&str] = &[
    "if", "then", "else", "elif", "fi", "for", "in", "do", "done", "case", "esac", "while",
    "until", "function", "local", "return", "exit", "set", "shopt", "readonly", "export",
];
const BASH_COMMANDS: &[&str] = &[
    "az", "jq", "echo", "printf", "command", "sleep", "seq", "read",
];

fn bash_line(line: &str, open: Open, html: &mut Html) -> Open {
    let mut i = 0;
    match open {
        Open::SingleQuoted => {
            let (used, closed) = string_body(line, 0, BASH_SINGLE, html);
            if !closed {
                return Open::SingleQuoted;
            }
            i = used;
        }
        Open::DoubleQuoted => {
            let (used, closed) = string_body(line, 0, BASH_DOUBLE, html);
            if !closed {
                return Open::DoubleQuoted;
            }
            i = used;
        }
        _ => {}
    }
    let mut word_start = true;
    while i < line.len() {
        let rest = &line[i..];
        let c = rest.chars().next().unwrap_or(' ');
        if c == '#' && word_start {
            html.rest_of_line("c", rest);
            return Open::Nothing;
        }
        if c == '\'' || c == '"' {
            let quote = if c == '\'' { BASH_SINGLE } else { BASH_DOUBLE };
            let (used, closed) = string_body(rest, 1, quote, html);
            if !closed {
                return if c == '\'' {
                    Open::SingleQuoted
                } else {
                    Open::DoubleQuoted
                };
            }
            i += used;
            word_start = false;
            continue;
        }
        if c == '$' {
            let len = variable_len(&rest[1..]);
            html.token("v", &rest[..1 + len]);
            i += 1 + len;
            word_start = false;
            continue;
        }
        if c == '-'
            && word_start
            && rest[1..].starts_with(|n: char| n == '-' || n.is_ascii_alphabetic())
        {
            let len = rest
                .find(|c: char| c.is_whitespace() || c == '=' || c == ';')
                .unwrap_or(rest.len());
            html.token("p", &rest[..len]);
            i += len;
            word_start = false;
            continue;
        }
        if is_word_char(c) && word_start {
            let len = rest
                .find(|c: char| !is_word_char(c) && c != '-')
                .unwrap_or(rest.len());
            let word = &rest[..len];
            let ends_word = rest[len..]
                .chars()
                .next()
                .is_none_or(|n| !matches!(n, '=' | '/' | '.'));
            if ends_word && BASH_KEYWORDS.contains(&word) {
                html.token("k", word);
            } else if ends_word && BASH_COMMANDS.contains(&word) {
                html.token("n", word);
            } else {
                html.text(word);
            }
            i += len;
            word_start = false;
            continue;
        }
        html.text(&rest[..c.len_utf8()]);
        i += c.len_utf8();
        word_start = c.is_whitespace() || matches!(c, ';' | '|' | '&' | '(' | '{' | '`');
    }
    Open::Nothing
}

const POWERSHELL_KEYWORDS: &[&str] = &[
    "if", "else", "elseif", "foreach", "for", "while", "do", "try", "catch", "finally", "function",
    "param", "return", "throw", "switch", "break", "continue", "in", "exit",
];

fn powershell_line(line: &str, open: Open, html: &mut Html) -> Open {
    let mut i = 0;
    match open {
        Open::HereString(double) => {
            let close = if double { "\"@" } else { "'@" };
            if line.starts_with(close) {
                html.token("s", close);
                i = close.len();
            } else {
                html.token("s", line);
                return open;
            }
        }
        Open::BlockComment => match line.find("#>") {
            Some(end) => {
                html.token("c", &line[..end + 2]);
                i = end + 2;
            }
            None => {
                html.token("c", line);
                return Open::BlockComment;
            }
        },
        Open::SingleQuoted => {
            let (used, closed) = string_body(line, 0, PS_SINGLE, html);
            if !closed {
                return Open::SingleQuoted;
            }
            i = used;
        }
        Open::DoubleQuoted => {
            let (used, closed) = string_body(line, 0, PS_DOUBLE, html);
            if !closed {
                return Open::DoubleQuoted;
            }
            i = used;
        }
        _ => {}
    }
    let mut token_start = true;
    while i < line.len() {
        let rest = &line[i..];
        let c = rest.chars().next().unwrap_or(' ');
        if rest.starts_with("<#") {
            return match rest.find("#>") {
                Some(end) => {
                    html.token("c", &rest[..end + 2]);
                    i += end + 2;
                    continue;
                }
                None => {
                    html.token("c", rest);
                    Open::BlockComment
                }
            };
        }
        if c == '#' {
            html.rest_of_line("c", rest);
            return Open::Nothing;
        }
        if (rest.starts_with("@'") || rest.starts_with("@\"")) && rest[2..].trim().is_empty() {
            html.rest_of_line("s", rest);
            return Open::HereString(rest.starts_with("@\""));
        }
        if c == '\'' || c == '"' {
            let double = c == '"';
            let (used, closed) =
                string_body(rest, 1, if double { PS_DOUBLE } else { PS_SINGLE }, html);
            if !closed {
                return if double {
                    Open::DoubleQuoted
                } else {
                    Open::SingleQuoted
                };
            }
            i += used;
            token_start = false;
            continue;
        }
        if c == '$' {
            let len = variable_len(&rest[1..]);
            html.token("v", &rest[..1 + len]);
            i += 1 + len;
            token_start = false;
            continue;
        }
        if c == '-' && token_start && rest[1..].starts_with(|n: char| n.is_ascii_alphabetic()) {
            let len = 1 + rest[1..]
                .find(|c: char| !is_word_char(c))
                .unwrap_or(rest.len() - 1);
            html.token("p", &rest[..len]);
            i += len;
            token_start = false;
            continue;
        }
        if is_word_char(c) && token_start {
            let len = rest
                .find(|c: char| !is_word_char(c) && c != '-')
                .unwrap_or(rest.len());
            let word = &rest[..len];
            let lower = word.to_ascii_lowercase();
            if POWERSHELL_KEYWORDS.contains(&lower.as_str()) {
                html.token("k", word);
            } else if word.contains('-') && word.starts_with(|c: char| c.is_ascii_uppercase())
                || word == "az"
            {
                html.token("n", word);
            } else {
                html.text(word);
            }
            i += len;
            token_start = false;
            continue;
        }
        html.text(&rest[..c.len_utf8()]);
        i += c.len_utf8();
        token_start = !is_word_char(c) && c != '.' && c != ']';
    }
    Open::Nothing
}

const HTTP_METHODS: &[&str] = &["GET", "PUT", "POST", "PATCH", "DELETE", "HEAD", "OPTIONS"];

/// Highlights `{{name}}` references in plain text.
fn http_text(text: &str, html: &mut Html) {
    let mut rest = text;
    while let Some(start) = rest.find("{{") {
        let Some(end) = rest[start..].find("}}") else {
            break;
        };
        html.text(&rest[..start]);
        html.token("v", &rest[start..start + end + 2]);
        rest = &rest[start + end + 2..];
    }
    html.text(rest);
}

fn http_line(line: &str, open: Open, html: &mut Html) -> Open {
    let content = line.trim_end_matches(['\r', '\n']);
    let newline = &line[content.len()..];
    let next = if content.starts_with('#') || content.starts_with("//") {
        html.token("c", content);
        if content.starts_with("###") {
            Open::Nothing
        } else {
            open
        }
    } else if let Some((method, url)) = content
        .split_once(' ')
        .filter(|(m, _)| HTTP_METHODS.contains(m) && open != Open::HttpBody)
    {
        html.token("k", method);
        html.text(" ");
        http_text(url, html);
        Open::HttpHeaders
    } else if open == Open::HttpHeaders {
        match content.split_once(':') {
            Some((name, value)) if !name.is_empty() && !name.contains(' ') => {
                html.token("p", name);
                html.text(":");
                http_text(value, html);
                Open::HttpHeaders
            }
            _ if content.trim().is_empty() => {
                html.text(content);
                Open::HttpBody
            }
            _ => {
                http_text(content, html);
                Open::HttpHeaders
            }
        }
    } else if open == Open::HttpBody {
        json_line(content, html);
        Open::HttpBody
    } else if let Some(name) = content.strip_prefix('@') {
        let len = name.find(|c: char| !is_word_char(c)).unwrap_or(name.len());
        html.token("v", &content[..1 + len]);
        http_text(&content[1 + len..], html);
        open
    } else {
        http_text(content, html);
        open
    };
    html.text(newline);
    next
}

fn json_line(line: &str, html: &mut Html) {
    let mut i = 0;
    while i < line.len() {
        let rest = &line[i..];
        let c = rest.chars().next().unwrap_or(' ');
        if c == '"' {
            let mut end = 1;
            let mut escaped = false;
            for (j, d) in rest[1..].char_indices() {
                if escaped {
                    escaped = false;
                } else if d == '\\' {
                    escaped = true;
                } else if d == '"' {
                    end = j + 2;
                    break;
                }
                end = j + 1 + d.len_utf8();
            }
            let is_key = rest[end..].trim_start().starts_with(':');
            html.token(if is_key { "p" } else { "s" }, &rest[..end]);
            i += end;
            continue;
        }
        if c.is_ascii_alphanumeric() || c == '-' {
            let len = rest
                .find(|c: char| !c.is_ascii_alphanumeric() && !matches!(c, '.' | '-' | '+'))
                .unwrap_or(rest.len());
            html.token("k", &rest[..len]);
            i += len;
            continue;
        }
        http_text(&rest[..c.len_utf8()], html);
        i += c.len_utf8();
    }
}
