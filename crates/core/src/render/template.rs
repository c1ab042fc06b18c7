//! Script snippets live in template files next to each renderer (read at build time with
//! `include_str!`), so the text reads like the script it becomes. Two markers:
//!
//! - `{{name}}` is replaced by a value (inserted values are never scanned again);
//! - a line that is exactly `{{?name}}` or `{{!name}}` opens a block kept only when the flag
//!   `name` is set (`?`) or not set (`!`); a line that is exactly `{{/name}}` closes it.
//!   Marker lines may be indented; they vanish from the output.
//!
//! Callers do not name slots as strings: the crate's build script generates, per template, a
//! struct with a field per slot and per flag ([`Template`], `templates.rs`), so a misspelt or
//! forgotten one is a compile error. In debug builds (every test) each block's outcome is also
//! recorded, so a test can check that the fixtures render every block of every template file
//! both ways ([`blocks_rendered`]).

/// A template file's text, typed by the struct of its slots and flags (`templates.rs`, generated
/// by the crate's build script): only that struct can fill it.
pub(crate) struct Template<Slots> {
    pub(crate) text: &'static str,
    slots: std::marker::PhantomData<fn(Slots)>,
}

impl<Slots> Template<Slots> {
    pub(crate) const fn new(text: &'static str) -> Self {
        Template {
            text,
            slots: std::marker::PhantomData,
        }
    }
}

impl<Slots> Clone for Template<Slots> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<Slots> Copy for Template<Slots> {}

/// A value for `{{name}}`, or a flag for `{{?name}}` / `{{!name}}` blocks.
#[derive(Clone, Copy)]
pub(crate) enum Slot<'a> {
    Text(&'a str, &'a str),
    Flag(&'a str, bool),
}

pub(crate) use Slot::{Flag, Text};

/// Fills a template. A placeholder without a value is left as it is (a test renders every
/// fixture and looks for leftovers).
pub(crate) fn fill(template: &str, slots: &[Slot<'_>]) -> String {
    let mut out = String::with_capacity(template.len() + 64);
    // Flags of the open blocks; a line is kept when every open block is kept.
    let mut open: Vec<(&str, bool)> = Vec::new();
    for line in template.split_inclusive('\n') {
        let marker = line.trim();
        if let Some(name) = block_marker(marker, "{{?") {
            checked(template, slots, name);
            open.push((name, flag(slots, name)));
            continue;
        }
        if let Some(name) = block_marker(marker, "{{!") {
            checked(template, slots, name);
            open.push((name, !flag(slots, name)));
            continue;
        }
        if let Some(name) = block_marker(marker, "{{/") {
            if open.last().is_some_and(|(open_name, _)| *open_name == name) {
                open.pop();
                continue;
            }
        }
        if open.iter().all(|(_, keep)| *keep) {
            replace_values(line, slots, &mut out);
        }
    }
    out
}

fn block_marker<'t>(line: &'t str, opening: &str) -> Option<&'t str> {
    line.strip_prefix(opening)?.strip_suffix("}}")
}

/// Debug builds: the caller passed the block's flag (the generated structs always do), and
/// the block's outcome is recorded for [`blocks_rendered`]. Release builds: nothing.
#[cfg(debug_assertions)]
fn checked(template: &str, slots: &[Slot<'_>], name: &str) {
    let passed = slots
        .iter()
        .any(|slot| matches!(slot, Flag(n, _) if *n == name));
    assert!(
        passed,
        "template block {{{{?{name}}}}} has no flag `{name}` among the values passed to fill(): a misspelt or forgotten flag; the template starts {:?}",
        template.lines().next().unwrap_or_default()
    );
    coverage::record(template, name, flag(slots, name));
}

#[cfg(not(debug_assertions))]
fn checked(_: &str, _: &[Slot<'_>], _: &str) {}

#[cfg(debug_assertions)]
mod coverage {
    use std::collections::BTreeSet;
    use std::sync::Mutex;

    /// (template text's hash, flag, value) seen by `fill` in this process.
    static SEEN: Mutex<BTreeSet<(u64, String, bool)>> = Mutex::new(BTreeSet::new());

    pub(super) fn hash(text: &str) -> u64 {
        use std::hash::{Hash, Hasher};
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        text.hash(&mut hasher);
        hasher.finish()
    }

    pub(super) fn record(template: &str, flag: &str, value: bool) {
        if let Ok(mut seen) = SEEN.lock() {
            seen.insert((hash(template), flag.to_owned(), value));
        }
    }

    pub(super) fn seen(template: &str, flag: &str, value: bool) -> bool {
        SEEN.lock()
            .is_ok_and(|seen| seen.contains(&(hash(template), flag.to_owned(), value)))
    }
}

/// The flag blocks of `template` and, for each, whether `fill` has rendered it with the flag
/// set and with it unset in this process (debug builds; release builds answer `(false, false)`).
pub fn blocks_rendered(template: &str) -> Vec<(String, bool, bool)> {
    let mut flags: Vec<String> = Vec::new();
    for line in template.lines() {
        let marker = line.trim();
        for opening in ["{{?", "{{!"] {
            if let Some(name) = block_marker(marker, opening) {
                if !flags.iter().any(|f| f == name) {
                    flags.push(name.to_owned());
                }
            }
        }
    }
    flags
        .into_iter()
        .map(|name| {
            #[cfg(debug_assertions)]
            let (on, off) = (
                coverage::seen(template, &name, true),
                coverage::seen(template, &name, false),
            );
            #[cfg(not(debug_assertions))]
            let (on, off) = (false, false);
            (name, on, off)
        })
        .collect()
}

fn flag(slots: &[Slot<'_>], name: &str) -> bool {
    slots
        .iter()
        .any(|slot| matches!(slot, Flag(n, true) if *n == name))
}

fn replace_values(mut line: &str, slots: &[Slot<'_>], out: &mut String) {
    while let Some(start) = find_pair(line, b'{') {
        let value = find_pair(&line[start + 2..], b'}').and_then(|end| {
            let name = &line[start + 2..start + 2 + end];
            slots.iter().find_map(|slot| match slot {
                Text(n, value) if *n == name => Some((*value, start + 2 + end + 2)),
                _ => None,
            })
        });
        match value {
            Some((value, after)) => {
                out.push_str(&line[..start]);
                out.push_str(value);
                line = &line[after..];
            }
            None => {
                out.push_str(&line[..start + 2]);
                line = &line[start + 2..];
            }
        }
    }
    out.push_str(line);
}

/// Where the first `{{` (or `}}`) starts: a single-byte search is a fast scan.
fn find_pair(text: &str, brace: u8) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut from = 0;
    while let Some(at) = bytes[from..].iter().position(|b| *b == brace) {
        let start = from + at;
        if bytes.get(start + 1) == Some(&brace) {
            return Some(start);
        }
        from = start + 1;
    }
    None
}
