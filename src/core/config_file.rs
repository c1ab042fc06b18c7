//! The configuration file: the whole wizard state a team keeps in version control.
//!
//! ```json
//! { "format": "ai-network-wizard", "version": 1, "wizard": { "target": { … }, … } }
//! ```
//! `wizard` is a [`Draft`]: every field optional (defaults fill the gaps), unknown fields are
//! refused so that a typo does not silently vanish.

use serde::{Deserialize, Serialize};

use super::draft::Draft;

pub const FORMAT_NAME: &str = "ai-network-wizard";
pub const FORMAT_VERSION: u32 = 1;

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct ConfigFile {
    format: String,
    version: u32,
    wizard: Draft,
}

/// Serialises a draft as a pretty, stable configuration file.
pub fn to_config_json(draft: &Draft) -> String {
    super::quote::json_pretty(&config_value(draft)) + "\n"
}

/// The same document on one line, for share links.
pub fn to_compact_config_json(draft: &Draft) -> String {
    config_value(draft).to_string()
}

/// The document as a JSON value (field order kept). Every writer goes through the value, so the
/// web app carries one copy of the draft's serialisation code, not one per output format.
fn config_value(draft: &Draft) -> serde_json::Value {
    serde_json::to_value(config_file(draft)).expect("a draft always serialises")
}

fn config_file(draft: &Draft) -> ConfigFile {
    ConfigFile {
        format: FORMAT_NAME.into(),
        version: FORMAT_VERSION,
        wizard: draft.clone(),
    }
}

/// Reads a configuration file, with a message a person can act on when it is not one.
pub fn from_config_json(text: &str) -> Result<Draft, String> {
    let value: serde_json::Value =
        serde_json::from_str(text).map_err(|e| format!("Not valid JSON: {e}"))?;
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
    let file: ConfigFile =
        serde_json::from_value(value).map_err(|e| format!("Invalid configuration: {e}"))?;
    Ok(file.wizard)
}
