//! Start from what exists, without a token: the JSON a person already has (`az
//! cognitiveservices account show`, the REST GET, `az resource show`,
//! `Get-AzCognitiveServicesAccount | ConvertTo-Json -Depth 10`, `az ml workspace show`) becomes
//! a draft that describes the resource as it is, plus the account's network settings in ARM's
//! shape (the snapshot rollback and exact requests start from).
//!
//! Messages are addressed to the pasted JSON (`properties.networkAcls.ipRules.2.value`), so a
//! person can find what was not read; nothing is silently ignored that the wizard would change,
//! and the account settings it does not carry ([`NOT_CARRIED`]) are each named as kept.

mod arm;
mod ml_workspace;
mod powershell;

use serde_json::{Map, Value};

use super::cloud::Cloud;
use super::current_state::{import_value, kind_of, list_field, text_field, CurrentStateDraft};
use super::diagnostics::{Diagnostic, Severity};
use super::draft::Draft;
use super::json_text;

/// Largest input read: a real `show` output is a few kilobytes.
pub const MAX_INPUT_BYTES: usize = 2 * 1024 * 1024;

/// Which command printed the JSON, for messages and the snapshot's `source`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ShowSource {
    /// `az cognitiveservices account show`, `az resource show` or the REST GET (one shape).
    ArmAccount,
    /// `Get-AzCognitiveServicesAccount | ConvertTo-Json`.
    AzPowerShell,
    /// `az ml workspace show` or the REST GET of a workspace.
    MlWorkspace,
}

impl ShowSource {
    /// The command, for the snapshot's `source` (one line).
    pub fn command(self) -> &'static str {
        match self {
            ShowSource::ArmAccount => "az cognitiveservices account show",
            ShowSource::AzPowerShell => "Get-AzCognitiveServicesAccount | ConvertTo-Json -Depth 10",
            ShowSource::MlWorkspace => "az ml workspace show",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            ShowSource::ArmAccount => {
                "az cognitiveservices account show (or the REST GET, az resource show)"
            }
            ShowSource::AzPowerShell => "Get-AzCognitiveServicesAccount | ConvertTo-Json",
            ShowSource::MlWorkspace => "az ml workspace show",
        }
    }
}

/// One private endpoint connection found on the account (approved, pending, rejected…).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EndpointConnection {
    pub name: String,
    pub private_endpoint_id: String,
    pub status: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Imported {
    /// The form, pre-filled so that the forward outputs change nothing until the person edits.
    pub draft: Draft,
    pub source: ShowSource,
    /// The account's network settings in ARM's shape (`id`, `properties.customSubDomainName`,
    /// `publicNetworkAccess`, `networkAcls`); `None` for a workspace.
    pub account_snapshot: Option<Value>,
    pub endpoint_connections: Vec<EndpointConnection>,
    /// Warnings and notes about what was read (addressed to the pasted JSON).
    pub notes: Vec<Diagnostic>,
}

/// The account's writable settings (the REST specification's `Account` and `AccountProperties`
/// that a PUT or PATCH accepts, 2024-10-01 and 2025-06-01) that the wizard does not carry: an
/// import names each one the pasted JSON holds. What it does read (`customSubDomainName`,
/// `publicNetworkAccess`, `networkAcls`, `userOwnedStorage`, plus `kind`, `sku` and `location`)
/// is not listed. The scripts, the REST requests and the apply page change an existing account
/// only by PATCH bodies holding the properties they change (`az cognitiveservices account
/// update` and `Set-AzCognitiveServicesAccount` send PATCH too), so these stay as they are.
pub const NOT_CARRIED: &[&str] = &[
    "identity",
    "tags",
    "properties.allowedFqdnList",
    "properties.allowProjectManagement",
    "properties.amlWorkspace",
    "properties.apiProperties",
    "properties.associatedProjects",
    "properties.defaultProject",
    "properties.disableLocalAuth",
    "properties.dynamicThrottlingEnabled",
    "properties.encryption",
    "properties.locations",
    "properties.migrationToken",
    "properties.networkInjections",
    "properties.raiMonitorConfig",
    "properties.restore",
    "properties.restrictOutboundNetworkAccess",
];

/// Whether a value says something: null, "", and lists or objects of nothing but those do not
/// (`"apiProperties": {}`, the Az module's objects of nulls).
fn is_set(value: &Value) -> bool {
    match value {
        Value::Null => false,
        Value::String(s) => !s.is_empty(),
        Value::Array(items) => items.iter().any(is_set),
        Value::Object(map) => map.values().any(is_set),
        Value::Bool(_) | Value::Number(_) => true,
    }
}

/// One info per setting of [`NOT_CARRIED`] the account (ARM's shape: every other `show` output
/// is brought to it first) holds, named by its path there.
fn name_not_carried(
    account: &Map<String, Value>,
    properties: &Map<String, Value>,
    out: &mut Vec<Diagnostic>,
) {
    for name in NOT_CARRIED {
        let value = match name.strip_prefix("properties.") {
            Some(key) => properties.get(key),
            None => account.get(*name),
        };
        if value.is_some_and(is_set) {
            out.push(Diagnostic::info(
                *name,
                "Kept as it is: the wizard does not carry this setting, so it is not imported and the outputs leave it alone (they change an existing account only by PATCH requests holding the properties they change).",
            ));
        }
    }
}

/// Reads a pasted `show` output; `read_at` is when it was printed (the snapshot's time). Errors
/// (at least one) when it cannot be imported.
pub fn import_show_json(text: &str, read_at: &str) -> Result<Imported, Vec<Diagnostic>> {
    if text.len() > MAX_INPUT_BYTES {
        return Err(vec![Diagnostic::error(
            "",
            format!(
                "This is {} KB: an account's JSON is a few kilobytes. Paste the output of one show command.",
                text.len() / 1024
            ),
        )]);
    }
    let value = json_text::parse(text.trim_start_matches('\u{feff}')).map_err(|e| {
        vec![Diagnostic::error(
            "",
            format!("Not valid JSON ({e}): paste the whole output of the show command."),
        )]
    })?;
    let mut out = Vec::new();
    let imported = match &value {
        Value::Object(object) if powershell::is_powershell_shape(object) => {
            powershell::to_arm_shape(object, &mut out)
                .and_then(|arm| arm::read_account(&arm, ShowSource::AzPowerShell, &mut out))
        }
        Value::Object(object) if ml_workspace::is_workspace(object) => {
            ml_workspace::read_workspace(object, &mut out)
        }
        Value::Object(object) => arm::read_account(object, ShowSource::ArmAccount, &mut out),
        Value::Array(items) => {
            out.push(Diagnostic::error(
                "",
                format!("This is a list of {} resources (the output of a list command): import one, with az cognitiveservices account show -g GROUP -n NAME.", items.len()),
            ));
            None
        }
        other => {
            out.push(Diagnostic::error(
                "",
                format!(
                    "Expected the JSON object a show command prints, found {}.",
                    kind_of(other)
                ),
            ));
            None
        }
    };
    match imported {
        Some(mut imported) if !out.iter().any(|d| d.severity == Severity::Error) => {
            if let Some(snapshot) = &imported.account_snapshot {
                imported.draft.current_state =
                    Some(current_state(snapshot, imported.source, read_at)?);
            }
            imported.notes = out;
            Ok(imported)
        }
        _ => Err(out),
    }
}

/// The snapshot section of the draft, read back by the same reader a pasted snapshot goes
/// through, so that what the requests and rollback use is exactly what was imported.
fn current_state(
    snapshot: &Value,
    source: ShowSource,
    read_at: &str,
) -> Result<CurrentStateDraft, Vec<Diagnostic>> {
    let id = snapshot.get("id").and_then(Value::as_str);
    let mut state = import_value(None, snapshot.clone(), read_at, id).map_err(|problems| {
        problems
            .into_iter()
            .map(|p| Diagnostic::error("", p))
            .collect::<Vec<_>>()
    })?;
    state.source = source.command().to_owned();
    Ok(state)
}

/// The parts of an ARM resource ID the target needs.
#[derive(Debug, PartialEq, Eq)]
struct ResourceId {
    subscription_id: String,
    resource_group: String,
    /// `Microsoft.CognitiveServices/accounts`, as the ID spells it.
    resource_type: String,
    name: String,
}

fn parse_resource_id(id: &str) -> Option<ResourceId> {
    let parts: Vec<&str> = id.split('/').collect();
    let literal = |i: usize, expected: &str| {
        parts
            .get(i)
            .is_some_and(|p| p.eq_ignore_ascii_case(expected))
    };
    if parts.len() != 9
        || !parts[0].is_empty()
        || !literal(1, "subscriptions")
        || !literal(3, "resourceGroups")
        || !literal(5, "providers")
        || parts.iter().skip(1).any(|p| p.is_empty())
    {
        return None;
    }
    Some(ResourceId {
        subscription_id: parts[2].to_ascii_lowercase(),
        resource_group: parts[4].to_owned(),
        resource_type: format!("{}/{}", parts[6], parts[7]),
        name: parts[8].to_owned(),
    })
}

/// "West Europe" and "westeurope" are the same region; ARM's name is the second. Region names
/// are ASCII: lowercasing only ASCII keeps Unicode's case table out of the page.
fn region_name(location: &str) -> String {
    location
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// The cloud, from the endpoint's domain when there is one, else from the region's name.
fn cloud_of(endpoint: Option<&str>, region: &str) -> Cloud {
    let endpoint = endpoint.unwrap_or_default().to_ascii_lowercase();
    if endpoint.contains(".azure.us") || region.starts_with("usgov") || region.starts_with("usdod")
    {
        Cloud::AzureUSGovernment
    } else if endpoint.contains(".azure.cn") || region.starts_with("china") {
        Cloud::AzureChinaCloud
    } else {
        Cloud::AzureCloud
    }
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_owned()
    } else {
        format!("{path}.{key}")
    }
}

/// Text at `key`; `None` when absent or null, an error when it is something else.
fn text_at(
    object: &Map<String, Value>,
    key: &str,
    path: &str,
    out: &mut Vec<Diagnostic>,
) -> Option<String> {
    text_field(object, key, &join(path, key), &format!("\"{key}\""), out)
}

/// A list at `key` (absent or null: empty), with an error when it is something else.
fn list_at<'a>(
    object: &'a Map<String, Value>,
    key: &str,
    path: &str,
    out: &mut Vec<Diagnostic>,
) -> &'a [Value] {
    list_field(object, key, &join(path, key), &format!("\"{key}\""), out)
}

/// What a person pasted, dropped or picked on the Review step.
#[derive(Clone, Debug, PartialEq)]
pub enum Loaded {
    /// A configuration file or a version-1 share link.
    Configuration(Draft),
    /// A version-2 share link's packed bytes: the caller inflates them (the page with the
    /// browser's zlib) and reads the draft with `share_link::draft_from_unpacked`.
    PackedLink(Vec<u8>),
    /// A `show` output.
    Show(Imported),
}

/// One box for everything: a share link, a configuration file, or a `show` output. Errors are
/// lines for the page's message area.
pub fn read_pasted(text: &str, now: &str) -> Result<Loaded, Vec<String>> {
    use super::share_link::{read_link_payload, LinkPayload};
    if let Some(link) = read_link_payload(text) {
        return match link {
            Ok(LinkPayload::Draft(draft)) => Ok(Loaded::Configuration(*draft)),
            Ok(LinkPayload::Packed(packed)) => Ok(Loaded::PackedLink(packed)),
            Err(e) => Err(vec![e.message()]),
        };
    }
    let is_configuration = json_text::parse(text.trim_start_matches('\u{feff}'))
        .ok()
        .is_some_and(|v| v.get("format").is_some() || v.get("wizard").is_some());
    if is_configuration {
        return super::config_file::from_config_json(text)
            .map(Loaded::Configuration)
            .map_err(|e| vec![e]);
    }
    import_show_json(text, now)
        .map(Loaded::Show)
        .map_err(|problems| problems.iter().map(describe).collect())
}

/// `path: message`, for a line of text.
pub fn describe(diagnostic: &Diagnostic) -> String {
    if diagnostic.field.is_empty() {
        diagnostic.message.clone()
    } else {
        format!("{}: {}", diagnostic.field, diagnostic.message)
    }
}
