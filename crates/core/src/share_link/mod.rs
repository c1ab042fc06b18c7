//! Share links that last: the draft in a link's `#fragment` (browsers never send it to a
//! server), compact, versioned, and every earlier version still read the same way.
//!
//! - Version 1 (`#config=<URI-encoded configuration file on one line>`): the first links.
//! - Version 2 (`#v2=<base64url(zlib(JSON))>`): only what differs from a frozen base
//!   (`base_v2.json`, the defaults when version 2 was defined, never edited), so a later change
//!   of a default cannot change what an old link opens. zlib's checksum catches a damaged link;
//!   base64url survives chat tools, e-mail and every comment syntax unquoted.
//!
//! A newer version, a damaged or an oversized link is refused with a message; the caller keeps
//! the current draft.
//!
//! The zlib step is the caller's: the page packs and unpacks with the browser's
//! `CompressionStream` (asynchronous), so this module splits a link into its JSON
//! ([`link_json`], [`read_link_payload`]) and its text ([`fragment_of_packed`],
//! [`draft_from_unpacked`]). Outside the browser, [`share_fragment`] and [`read_link`] do the
//! whole of it with miniz_oxide.

pub mod base64url;
mod patch;
#[cfg(not(target_arch = "wasm32"))]
pub mod zlib;

use serde_json::Value;

use super::config_file::from_config_json;
use super::draft::Draft;
use super::draft_json;
use super::json_text;

/// The version [`share_fragment`] writes.
pub const LINK_VERSION: u32 = 2;
/// Longest fragment read (characters). The largest realistic draft is a few thousand.
pub const MAX_FRAGMENT_CHARS: usize = 64 * 1024;
/// Longest configuration a version-2 fragment may unpack to (bytes): stops a zip bomb.
pub const MAX_JSON_BYTES: usize = 1024 * 1024;

const BASE_V2: &str = include_str!("base_v2.json");

fn base_v2() -> Value {
    json_text::parse(BASE_V2).expect("base_v2.json is valid JSON (tested)")
}

/// The JSON a version-2 link packs for this draft: what differs from the frozen base.
///
/// Fields added after the base was frozen are left out while they hold their default: the
/// reader then fills them from the same default (a field's default for a missing key), so
/// adding a field changes no existing link.
// Called from the page's asynchronous tasks: one copy, not one inlined into each.
#[inline(never)]
pub fn link_json(draft: &Draft) -> String {
    let value = draft_json::to_value(draft);
    let patch =
        patch::diff(filled_base(), &value).unwrap_or_else(|| Value::Object(Default::default()));
    json_text::compact(&patch)
}

/// The fragment (without `#`) of a link whose JSON, zlib-packed, is `packed`: `v2=…`.
#[inline(never)]
pub fn fragment_of_packed(packed: &[u8]) -> String {
    format!("v{LINK_VERSION}={}", base64url::encode(packed))
}

/// The whole link for a fragment when the wizard's address is known, otherwise `#fragment`.
#[inline(never)]
pub fn link_of_fragment(app_address: Option<&str>, fragment: &str) -> String {
    let base = app_address.map_or("", |a| a.split('#').next().unwrap_or_default());
    format!("{base}#{fragment}")
}

/// The fragment (without `#`) that reopens this draft: `v2=…` (outside the browser).
#[cfg(not(target_arch = "wasm32"))]
pub fn share_fragment(draft: &Draft) -> String {
    fragment_of_packed(&zlib::compress(link_json(draft).as_bytes()))
}

/// The base with the fields added since filled from their defaults: the same on every call,
/// so it is built once (the page makes a link on every keystroke).
fn filled_base() -> &'static Value {
    static BASE: std::sync::OnceLock<Value> = std::sync::OnceLock::new();
    BASE.get_or_init(|| {
        let defaults = draft_json::to_value(&Draft::default());
        patch::fill_missing(base_v2(), &defaults)
    })
}

/// The whole link when the wizard's address is known (outside the browser).
#[cfg(not(target_arch = "wasm32"))]
pub fn share_link(app_address: &str, draft: &Draft) -> String {
    link_of_fragment(Some(app_address), &share_fragment(draft))
}

/// Why a link was not opened. The caller keeps the current draft and shows [`Self::message`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LinkError {
    Damaged(String),
    Newer(u64),
    TooLarge(usize),
}

impl LinkError {
    pub fn message(&self) -> String {
        let kept = "The current draft is kept";
        match self {
            LinkError::Damaged(detail) => format!(
                "This share link is damaged ({detail}); it was probably cut off or changed when it was copied. {kept}: ask for the link again, or for the configuration file."
            ),
            LinkError::Newer(version) => format!(
                "This share link was made by a newer version of the wizard (link format {version}; this page reads formats 1 to {LINK_VERSION}). {kept}: open the link in the wizard it came from, or ask for the configuration file."
            ),
            LinkError::TooLarge(chars) => format!(
                "This share link is too large to open ({chars} characters; at most {MAX_FRAGMENT_CHARS} are read). {kept}: share the configuration file instead."
            ),
        }
    }
}

/// Whether opening a share link whose configuration is `link` asks the person first: when
/// the draft this browser saved (`saved`) differs from it. Nothing saved, an empty draft or
/// the same configuration would lose nothing, and the link opens.
pub fn link_asks(link: &Draft, saved: Option<&Draft>) -> bool {
    saved.is_some_and(|saved| *saved != Draft::default() && saved != link)
}

/// What a share link holds before its zlib step: a version-1 link is read whole; a version-2
/// link's bytes are for the caller to inflate (at most [`MAX_JSON_BYTES`]) and pass to
/// [`draft_from_unpacked`].
#[derive(Clone, Debug, PartialEq)]
pub enum LinkPayload {
    Draft(Box<Draft>),
    Packed(Vec<u8>),
}

/// Why the zlib step refused a link's bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnpackError {
    /// More than [`MAX_JSON_BYTES`].
    TooLarge,
    /// Incomplete, or its checksum fails.
    Damaged,
}

/// The zlib step's answer.
pub type Unpacked = Result<Vec<u8>, UnpackError>;

/// Reads a share link (outside the browser): see [`read_link_payload`].
#[cfg(not(target_arch = "wasm32"))]
pub fn read_link(text: &str) -> Option<Result<Draft, LinkError>> {
    Some(match read_link_payload(text)? {
        Ok(LinkPayload::Draft(draft)) => Ok(*draft),
        Ok(LinkPayload::Packed(packed)) => {
            draft_from_unpacked(zlib::decompress(&packed, MAX_JSON_BYTES))
        }
        Err(e) => Err(e),
    })
}

/// Reads a share link, its fragment (with or without `#`), or `None` when the text is not a
/// share link at all (another fragment, a configuration file).
#[inline(never)]
pub fn read_link_payload(text: &str) -> Option<Result<LinkPayload, LinkError>> {
    let text = text.trim();
    let fragment = match text.find('#') {
        Some(at) => &text[at + 1..],
        None => text,
    };
    let (version, payload) = split_version(fragment)?;
    if fragment.len() > MAX_FRAGMENT_CHARS {
        return Some(Err(LinkError::TooLarge(fragment.chars().count())));
    }
    Some(match version {
        1 => read_v1(payload).map(|draft| LinkPayload::Draft(Box::new(draft))),
        2 => base64url::decode(payload)
            .map(LinkPayload::Packed)
            .ok_or_else(|| {
                LinkError::Damaged("it holds characters or a length a link never has".into())
            }),
        newer => Err(LinkError::Newer(newer)),
    })
}

/// `config=…` is version 1; `vN=…` is version N.
fn split_version(fragment: &str) -> Option<(u64, &str)> {
    if let Some(payload) = fragment.strip_prefix("config=") {
        return Some((1, payload));
    }
    let (tag, payload) = fragment.split_once('=')?;
    let digits = tag.strip_prefix('v')?;
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some((digits.parse().unwrap_or(u64::MAX), payload))
}

fn read_v1(payload: &str) -> Result<Draft, LinkError> {
    let json = percent_decode(payload)
        .ok_or_else(|| LinkError::Damaged("its text is not valid percent-encoded UTF-8".into()))?;
    from_config_json(&json).map_err(LinkError::Damaged)
}

/// The draft of a version-2 link, from the zlib step's answer for its bytes.
#[inline(never)]
pub fn draft_from_unpacked(unpacked: Unpacked) -> Result<Draft, LinkError> {
    let json = unpacked.map_err(|e| match e {
        UnpackError::TooLarge => {
            LinkError::Damaged("it unpacks to more than a configuration can hold".into())
        }
        UnpackError::Damaged => {
            LinkError::Damaged("its compressed data is incomplete or fails its checksum".into())
        }
    })?;
    // Read as text: the parser for text is in the app already (one copy of it, not two).
    let json = String::from_utf8(json).map_err(|_| {
        LinkError::Damaged("its configuration is not valid JSON: it is not UTF-8 text".into())
    })?;
    let patch = json_text::parse(&json)
        .map_err(|e| LinkError::Damaged(format!("its configuration is not valid JSON: {e}")))?;
    if !patch.is_object() {
        return Err(LinkError::Damaged(
            "its configuration is not a JSON object".into(),
        ));
    }
    draft_json::from_value(&patch::merge(&base_v2(), &patch), "")
        .map_err(|e| LinkError::Damaged(format!("its configuration does not fit this wizard: {e}")))
}

/// `decodeURIComponent`: `%XX` escapes to UTF-8 bytes; `None` when they are not UTF-8.
fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = text.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// `encodeURIComponent`, as version-1 links were written (kept for their fixtures and tests).
pub fn percent_encode_v1(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-_.!~*'()".contains(&byte) {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// Frozen base of version 2, for the test that it never changes.
pub fn base_v2_text() -> &'static str {
    BASE_V2
}
