//! What ARM said about the resource before the plan runs: the account's network settings and
//! the subnets the plan touches. With it the REST requests are exact (merged rule lists, the
//! subnet's complete body); without it they are built to be refused until edited.
//!
//! The draft and the configuration file keep the JSON as ARM (or `az … show`) printed it, so a
//! person can paste it; validation reads it into [`CurrentState`], naming every part it cannot
//! read.

mod account;
mod subnet;

use serde_json::{Map, Value};

pub(crate) use super::arm_values::{parse_default_action, parse_public_access};
use super::diagnostics::Diagnostic;
use super::json_text;
use super::subnet_id::SubnetId;

pub use account::{
    minimal_account_json, AccountNetwork, ConnectionState, NetworkAcls, VnetRuleState,
};
pub use subnet::{minimal_subnet_json, SubnetState, SUBNET_READ_ONLY, SUBNET_WRITABLE};

/// The `current_state` section of the draft and the configuration file, as pasted.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CurrentStateDraft {
    /// When the settings were read, as the person or the page recorded it.
    pub read_at: String,
    /// What printed them (a command or a request), for the generated header.
    pub source: String,
    /// The account as ARM's GET or `az cognitiveservices account show` returns it (the
    /// `properties` object alone is accepted too).
    pub account: Option<Value>,
    /// Subnets as ARM's GET or `az network vnet subnet show` returns them.
    pub subnets: Vec<Value>,
}

/// The validated snapshot.
#[derive(Clone, Debug, PartialEq)]
pub struct CurrentState {
    pub read_at: String,
    pub source: String,
    pub account: Option<AccountNetwork>,
    pub subnets: Vec<SubnetState>,
}

impl CurrentState {
    /// The snapshot of this subnet, compared as ARM does (case-insensitively).
    pub fn subnet(&self, id: &SubnetId) -> Option<&SubnetState> {
        let wanted = id.to_string();
        self.subnets
            .iter()
            .find(|s| s.id.to_string().eq_ignore_ascii_case(&wanted))
    }

    /// "read at … (source)", for comments.
    pub fn provenance(&self) -> String {
        if self.source.is_empty() {
            format!("read at {}", self.read_at)
        } else {
            format!("read at {} ({})", self.read_at, self.source)
        }
    }
}

/// The first command that prints the account's settings for the snapshot.
pub fn account_show_command(resource_group: &str, name: &str) -> String {
    format!(
        "az cognitiveservices account show -g {} -n {} -o json",
        super::quote::bash(resource_group),
        super::quote::bash(name)
    )
}

/// The command that prints one subnet for the snapshot.
pub fn subnet_show_command(subnet: &SubnetId) -> String {
    format!(
        "az network vnet subnet show --ids {} -o json",
        super::quote::bash(&subnet.to_string())
    )
}

const READ_AT_MAX: usize = 64;

/// Reads the pasted snapshot. `target_id` is the target's resource ID: a snapshot of another
/// resource is refused. Messages are addressed below `current_state`.
pub fn validate_current_state(
    draft: &CurrentStateDraft,
    target_id: Option<&str>,
    out: &mut Vec<Diagnostic>,
) -> Option<CurrentState> {
    let before = out.len();
    let read_at = draft.read_at.trim();
    if read_at.is_empty() {
        out.push(Diagnostic::error(
            "current_state.read_at",
            "Say when these settings were read (for example 2026-11-30T14:05Z): the REST requests are computed from them and the file names the time.",
        ));
    } else if read_at.chars().count() > READ_AT_MAX || read_at.contains(['\n', '\r']) {
        out.push(Diagnostic::error(
            "current_state.read_at",
            format!("The time the settings were read must be one line of at most {READ_AT_MAX} characters."),
        ));
    }
    if draft.source.contains(['\n', '\r']) || draft.source.chars().count() > 200 {
        out.push(Diagnostic::error(
            "current_state.source",
            "The source must be one line of at most 200 characters (the command that printed the settings).",
        ));
    }
    if draft.account.is_none() && draft.subnets.is_empty() {
        out.push(Diagnostic::error(
            "current_state",
            "The current settings hold neither the account nor a subnet: paste the output of az cognitiveservices account show, or remove the section.",
        ));
    }
    let account = draft
        .account
        .as_ref()
        .and_then(|value| account::read_account(value, "current_state.account", target_id, out));
    let mut subnets: Vec<SubnetState> = Vec::new();
    for (index, value) in draft.subnets.iter().enumerate() {
        let field = format!("current_state.subnets.{index}");
        if let Some(state) = subnet::read_subnet(value, &field, out) {
            let id = state.id.to_string();
            if subnets
                .iter()
                .any(|s| s.id.to_string().eq_ignore_ascii_case(&id))
            {
                out.push(Diagnostic::error(
                    field,
                    format!("Subnet {id} is listed twice: keep one snapshot of it."),
                ));
            } else {
                subnets.push(state);
            }
        }
    }
    let failed = out[before..]
        .iter()
        .any(|d| d.severity == super::diagnostics::Severity::Error);
    (!failed).then(|| CurrentState {
        read_at: read_at.to_owned(),
        source: draft.source.trim().to_owned(),
        account,
        subnets,
    })
}

/// A JSON value's kind, for messages.
pub(crate) fn kind_of(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "true/false",
        Value::Number(_) => "a number",
        Value::String(_) => "text",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

/// The text at `key` of pasted JSON: `None` when absent or null; anything else is an error at
/// `field`, naming the key as `name` ("NAME must be text, found a number.").
pub(crate) fn text_field(
    object: &Map<String, Value>,
    key: &str,
    field: &str,
    name: &str,
    out: &mut Vec<Diagnostic>,
) -> Option<String> {
    match object.get(key) {
        None | Some(Value::Null) => None,
        Some(Value::String(text)) => Some(text.clone()),
        Some(other) => {
            out.push(Diagnostic::error(
                field,
                format!("{name} must be text, found {}.", kind_of(other)),
            ));
            None
        }
    }
}

/// The list at `key` of pasted JSON (absent or null: empty); anything else is an error at
/// `field`, as for [`text_field`].
pub(crate) fn list_field<'a>(
    object: &'a Map<String, Value>,
    key: &str,
    field: &str,
    name: &str,
    out: &mut Vec<Diagnostic>,
) -> &'a [Value] {
    match object.get(key) {
        None | Some(Value::Null) => &[],
        Some(Value::Array(items)) => items,
        Some(other) => {
            out.push(Diagnostic::error(
                field,
                format!("{name} must be a list, found {}.", kind_of(other)),
            ));
            &[]
        }
    }
}

/// What the apply page calls the source of a snapshot it read itself.
pub const READ_FROM_ARM: &str = "read from Resource Manager";

/// Keeps what Resource Manager answered to the apply page's reads in the snapshot: the target
/// account (when it is a Cognitive Services account) and every subnet read, each replacing its
/// older snapshot, so the form and the REST tab are computed from what is there. `reads` are
/// (path, answer) pairs, `None` for a 404. Returns the updated section (`None` when there is
/// nothing to keep) and one line per answer that could not be kept.
pub fn keep_reads(
    current: Option<&CurrentStateDraft>,
    reads: &[(String, Option<Value>)],
    target_id: &str,
    read_at: &str,
) -> (Option<CurrentStateDraft>, Vec<String>) {
    let account_target = target_id
        .to_ascii_lowercase()
        .contains("/providers/microsoft.cognitiveservices/accounts/");
    let mut state = current.cloned();
    let mut problems = Vec::new();
    for (path, value) in reads {
        let Some(value) = value else { continue };
        let keep = (account_target && path.eq_ignore_ascii_case(target_id))
            || path.to_ascii_lowercase().contains("/subnets/");
        if !keep {
            continue;
        }
        match import_value(state.as_ref(), value.clone(), read_at, Some(target_id)) {
            Ok(mut updated) => {
                updated.source = READ_FROM_ARM.to_owned();
                state = Some(updated);
            }
            Err(why) => problems.push(format!("Not kept in the form: {path}: {}", why.join("; "))),
        }
    }
    (state, problems)
}

/// Adds one pasted `show` output (or a JSON list of several) to the snapshot: a subnet replaces
/// the snapshot of the same subnet, an account the account. Only what the requests need is
/// kept. Returns the updated section, or one message per part that cannot be read.
pub fn import_pasted(
    current: Option<&CurrentStateDraft>,
    text: &str,
    read_at: &str,
    target_id: Option<&str>,
) -> Result<CurrentStateDraft, Vec<String>> {
    let value = json_text::parse(text.trim()).map_err(|e| vec![format!("Not valid JSON: {e}")])?;
    import_value(current, value, read_at, target_id)
}

/// [`import_pasted`] for JSON already read (ARM's answers, an imported `show` output).
pub fn import_value(
    current: Option<&CurrentStateDraft>,
    value: Value,
    read_at: &str,
    target_id: Option<&str>,
) -> Result<CurrentStateDraft, Vec<String>> {
    let pieces = match value {
        Value::Array(items) => items,
        single => vec![single],
    };
    let mut state = current.cloned().unwrap_or_default();
    let mut problems = Vec::new();
    for (index, piece) in pieces.iter().enumerate() {
        let mut out = Vec::new();
        let is_subnet = piece
            .get("id")
            .and_then(Value::as_str)
            .is_some_and(|id| id.to_ascii_lowercase().contains("/subnets/"));
        let field = if pieces.len() > 1 {
            format!("item {}", index + 1)
        } else {
            "pasted JSON".to_owned()
        };
        if is_subnet {
            if let Some(subnet) = subnet::read_subnet(piece, &field, &mut out) {
                let id = subnet.id.to_string();
                state.subnets.retain(|s| {
                    s.get("id")
                        .and_then(Value::as_str)
                        .is_none_or(|other| !other.eq_ignore_ascii_case(&id))
                });
                state.subnets.push(minimal_subnet_json(&subnet));
            }
        } else if let Some(account) = account::read_account(piece, &field, target_id, &mut out) {
            state.account = Some(minimal_account_json(&account));
        }
        problems.extend(
            out.into_iter()
                .filter(|d| d.severity == super::diagnostics::Severity::Error)
                .map(|d| format!("{}: {}", d.field, d.message)),
        );
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    state.read_at = read_at.to_owned();
    state.source = "pasted az … show output".to_owned();
    Ok(state)
}
