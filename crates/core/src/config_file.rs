//! The configuration file: the whole wizard state a team keeps in version control.
//!
//! ```json
//! { "format": "ai-network-wizard", "version": 1, "wizard": { "target": { … }, … } }
//! ```
//! `wizard` is a [`Draft`]: every field optional (defaults fill the gaps), unknown fields are
//! refused so that a typo does not silently vanish.

use serde_json::{Map, Value};

use super::draft::Draft;
use super::draft_json;
use super::json_fields::ObjectReader;
use super::json_text;

pub const FORMAT_NAME: &str = "ai-network-wizard";
pub const FORMAT_VERSION: u32 = 1;

/// Serialises a draft as a pretty, stable configuration file.
pub fn to_config_json(draft: &Draft) -> String {
    json_text::pretty(&config_value(draft)) + "\n"
}

/// The same document on one line, for share links.
pub fn to_compact_config_json(draft: &Draft) -> String {
    json_text::compact(&config_value(draft))
}

/// The document as a JSON value (field order kept). Every writer goes through the value, so the
/// web app carries one copy of the draft's serialisation code, not one per output format.
fn config_value(draft: &Draft) -> Value {
    let mut file = Map::new();
    file.insert("format".into(), FORMAT_NAME.into());
    file.insert("version".into(), FORMAT_VERSION.into());
    file.insert("wizard".into(), draft_json::to_value(draft));
    Value::Object(file)
}

/// The configuration file's download name, after the resource it configures
/// (`ai-network-wizard-contoso-speech.json`): a folder of them tells one from another. A name
/// with anything but letters, digits, `.`, `_` and `-` (or over 64 characters) is left out.
pub fn config_file_name(draft: &Draft) -> String {
    let name = draft.target.name.trim();
    let plain = name.len() <= 64
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'));
    if name.is_empty() || !plain || name.starts_with('.') {
        format!("{FORMAT_NAME}.json")
    } else {
        format!("{FORMAT_NAME}-{name}.json")
    }
}

/// Reads a configuration file, with a message a person can act on when it is not one.
pub fn from_config_json(text: &str) -> Result<Draft, String> {
    let value = json_text::parse(text).map_err(|e| format!("Not valid JSON: {e}"))?;
    match value.get("format").and_then(|f| f.as_str()) {
        Some(FORMAT_NAME) => {}
        Some(other) => {
            return Err(format!(
                "Unknown format \"{other}\": expected \"{FORMAT_NAME}\"."
            ))
        }
        None => {
            return Err(format!(
                "Missing \"format\": \"{FORMAT_NAME}\": is this a wizard configuration?"
            ))
        }
    }
    match value.get("version").and_then(|v| v.as_u64()) {
        Some(v) if v == u64::from(FORMAT_VERSION) => {}
        Some(v) => {
            return Err(format!(
                "Configuration version {v} is not supported: this wizard reads version {FORMAT_VERSION}."
            ))
        }
        None if value.get("version").is_some() => {
            return Err(format!("\"version\" must be the number {FORMAT_VERSION}, without quotes."))
        }
        None => return Err(format!("Missing \"version\": {FORMAT_VERSION}.")),
    }
    let invalid = |problem: String| format!("Invalid configuration: {problem}");
    if value.get("wizard").is_none() {
        return Err(invalid("missing field `wizard`".into()));
    }
    // `format` and `version` were checked above; any other key beside the three is refused.
    let mut header = ObjectReader::new(&value, "").map_err(invalid)?;
    let mut draft = Draft::default();
    header.allow("format");
    header.allow("version");
    header.object("wizard", &mut draft, draft_json::from_value);
    header.finish().map_err(invalid)?;
    Ok(draft)
}
