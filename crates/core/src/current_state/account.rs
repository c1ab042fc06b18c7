//! The account's network settings from its GET / `az cognitiveservices account show` JSON.

use crate::json;
use serde_json::{Map, Value};

use super::{kind_of, list_field, parse_default_action, parse_public_access, text_field};
use crate::arm_values::{DefaultAction, PublicNetworkAccess};
use crate::diagnostics::Diagnostic;

#[derive(Clone, Debug, PartialEq)]
pub struct AccountNetwork {
    /// The resource ID it was read from, when the JSON carried one.
    pub id: Option<String>,
    pub custom_sub_domain_name: Option<String>,
    pub public_network_access: Option<PublicNetworkAccess>,
    /// `None`: the account has no networkAcls (every network is allowed).
    pub network_acls: Option<NetworkAcls>,
    /// The object ID of its system-assigned identity, when it has one (for role assignments).
    pub principal_id: Option<String>,
    /// Its private endpoint connections (other teams' endpoints among them), in ARM's order.
    pub endpoint_connections: Vec<ConnectionState>,
}

/// One private endpoint connection on the account, as its GET lists it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConnectionState {
    /// The last segment of the connection's name (ARM prints `account/name`).
    pub name: String,
    pub private_endpoint_id: String,
    /// `Approved`, `Pending`, `Rejected` or `Disconnected`, as ARM spells it.
    pub status: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct NetworkAcls {
    /// `None` when ARM printed none (it then behaves as Allow).
    pub default_action: Option<DefaultAction>,
    /// `"None"` or `"AzureServices"`, as ARM spells it.
    pub bypass: Option<String>,
    /// The `value` of each IP rule, in ARM's order.
    pub ip_rules: Vec<String>,
    pub virtual_network_rules: Vec<VnetRuleState>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct VnetRuleState {
    pub id: String,
    pub ignore_missing_vnet_service_endpoint: Option<bool>,
}

impl VnetRuleState {
    pub fn to_json(&self) -> Value {
        let mut rule = json!({ "id": self.id });
        if let Some(ignore) = self.ignore_missing_vnet_service_endpoint {
            rule["ignoreMissingVnetServiceEndpoint"] = json!(ignore);
        }
        rule
    }
}

/// The smallest JSON that reads back as the same settings: what the page stores after a paste.
pub fn minimal_account_json(account: &AccountNetwork) -> Value {
    let mut properties = Map::new();
    if let Some(name) = &account.custom_sub_domain_name {
        properties.insert("customSubDomainName".into(), json!(name));
    }
    if let Some(access) = account.public_network_access {
        properties.insert(
            "publicNetworkAccess".into(),
            json!(crate::arm_values::public_access_name(access)),
        );
    }
    properties.insert(
        "networkAcls".into(),
        account
            .network_acls
            .as_ref()
            .map_or(Value::Null, |acls| {
                let mut value = json!({
                    "ipRules": acls.ip_rules.iter().map(|v| json!({ "value": v })).collect::<Vec<_>>(),
                    "virtualNetworkRules": acls.virtual_network_rules.iter().map(VnetRuleState::to_json).collect::<Vec<_>>(),
                });
                if let Some(action) = acls.default_action {
                    value["defaultAction"] = json!(crate::arm_values::default_action_name(action));
                }
                if let Some(bypass) = &acls.bypass {
                    value["bypass"] = json!(bypass);
                }
                value
            }),
    );
    let mut out = Map::new();
    if let Some(id) = &account.id {
        out.insert("id".into(), json!(id));
    }
    if let Some(principal) = &account.principal_id {
        out.insert(
            "identity".into(),
            json!({ "type": "SystemAssigned", "principalId": principal }),
        );
    }
    if !account.endpoint_connections.is_empty() {
        properties.insert(
            "privateEndpointConnections".into(),
            account
                .endpoint_connections
                .iter()
                .map(|c| {
                    json!({
                        "name": c.name,
                        "properties": {
                            "privateEndpoint": { "id": c.private_endpoint_id },
                            "privateLinkServiceConnectionState": { "status": c.status },
                        },
                    })
                })
                .collect(),
        );
    }
    out.insert("properties".into(), Value::Object(properties));
    Value::Object(out)
}

/// The connections a snapshot lists; one without a name, endpoint or status is not read (the
/// import names it).
fn read_connections(properties: &Map<String, Value>) -> Vec<ConnectionState> {
    let items = match properties.get("privateEndpointConnections") {
        Some(Value::Array(items)) => items.as_slice(),
        _ => &[],
    };
    items
        .iter()
        .filter_map(|item| {
            let text = |path: &[&str]| {
                path.iter()
                    .try_fold(item, |v, key| v.get(*key))
                    .and_then(Value::as_str)
            };
            let name = text(&["name"])?;
            Some(ConnectionState {
                name: name.rsplit('/').next().unwrap_or(name).to_owned(),
                private_endpoint_id: text(&["properties", "privateEndpoint", "id"])?.to_owned(),
                status: text(&["properties", "privateLinkServiceConnectionState", "status"])?
                    .to_owned(),
            })
        })
        .collect()
}

/// Properties that mark a bare `properties` object (pasted without its envelope).
const PROPERTY_MARKERS: [&str; 4] = [
    "networkAcls",
    "customSubDomainName",
    "publicNetworkAccess",
    "provisioningState",
];

pub(super) fn read_account(
    value: &Value,
    field: &str,
    target_id: Option<&str>,
    out: &mut Vec<Diagnostic>,
) -> Option<AccountNetwork> {
    let Some(object) = value.as_object() else {
        out.push(Diagnostic::error(
            field,
            format!(
                "Expected the JSON object that az cognitiveservices account show prints, found {}.",
                kind_of(value)
            ),
        ));
        return None;
    };
    let (properties, properties_field) = match object.get("properties") {
        Some(Value::Object(p)) => (p, format!("{field}.properties")),
        Some(other) => {
            out.push(Diagnostic::error(
                format!("{field}.properties"),
                format!(
                    "\"properties\" must be an object, found {}.",
                    kind_of(other)
                ),
            ));
            return None;
        }
        None if PROPERTY_MARKERS.iter().any(|k| object.contains_key(*k)) => {
            (object, field.to_owned())
        }
        None => {
            out.push(Diagnostic::error(
                field,
                "This is not an account's JSON: it has no \"properties\". Paste the output of az cognitiveservices account show (or of the REST GET).",
            ));
            return None;
        }
    };
    if let Some(kind) = object.get("type").and_then(Value::as_str) {
        if !kind.eq_ignore_ascii_case("Microsoft.CognitiveServices/accounts") {
            out.push(Diagnostic::error(
                format!("{field}.type"),
                format!("This is a {kind}, not a Cognitive Services account: paste the target account's settings."),
            ));
            return None;
        }
    }
    let id = match object.get("id") {
        None | Some(Value::Null) => None,
        Some(Value::String(id)) => {
            if let Some(target) = target_id {
                if !id.eq_ignore_ascii_case(target) {
                    out.push(Diagnostic::error(
                        format!("{field}.id"),
                        format!("These settings are of {id}, not of the target {target}: paste the target's settings."),
                    ));
                }
            }
            Some(id.clone())
        }
        Some(other) => {
            out.push(Diagnostic::error(
                format!("{field}.id"),
                format!("\"id\" must be text, found {}.", kind_of(other)),
            ));
            None
        }
    };
    let custom_sub_domain_name =
        optional_text(properties, "customSubDomainName", &properties_field, out);
    let public_network_access =
        optional_text(properties, "publicNetworkAccess", &properties_field, out).and_then(|text| {
            let parsed = parse_public_access(&text);
            if parsed.is_none() {
                out.push(Diagnostic::error(
                    format!("{properties_field}.publicNetworkAccess"),
                    format!("publicNetworkAccess must be Enabled or Disabled, found \"{text}\"."),
                ));
            }
            parsed
        });
    let network_acls = match properties.get("networkAcls") {
        None | Some(Value::Null) => None,
        Some(acls) => read_acls(acls, &format!("{properties_field}.networkAcls"), out),
    };
    Some(AccountNetwork {
        id,
        custom_sub_domain_name,
        public_network_access,
        network_acls,
        principal_id: read_principal(object.get("identity"), &format!("{field}.identity"), out),
        endpoint_connections: read_connections(properties),
    })
}

/// The system-assigned identity's object ID (a GUID), when the account has one.
fn read_principal(
    identity: Option<&Value>,
    field: &str,
    out: &mut Vec<Diagnostic>,
) -> Option<String> {
    let identity = identity.filter(|i| !i.is_null())?;
    let system_assigned = identity
        .get("type")
        .and_then(Value::as_str)
        .is_some_and(|t| {
            t.split(',')
                .any(|part| part.trim().eq_ignore_ascii_case("SystemAssigned"))
        });
    if !system_assigned {
        return None;
    }
    match identity.get("principalId").and_then(Value::as_str) {
        Some(id) if crate::names::check_guid(id, "principal ID").is_ok() => {
            Some(id.to_ascii_lowercase())
        }
        other => {
            out.push(Diagnostic::error(
                format!("{field}.principalId"),
                format!(
                    "The system-assigned identity's principalId must be a GUID, found {}.",
                    other.map_or("nothing".to_owned(), |t| format!("\"{t}\""))
                ),
            ));
            None
        }
    }
}

fn optional_text(
    object: &Map<String, Value>,
    key: &str,
    field: &str,
    out: &mut Vec<Diagnostic>,
) -> Option<String> {
    text_field(object, key, &format!("{field}.{key}"), key, out)
}

/// Keys of networkAcls this reader understands; any other would be lost by a rewrite.
const ACL_KEYS: [&str; 4] = ["defaultAction", "bypass", "ipRules", "virtualNetworkRules"];

fn read_acls(value: &Value, field: &str, out: &mut Vec<Diagnostic>) -> Option<NetworkAcls> {
    let Some(acls) = value.as_object() else {
        out.push(Diagnostic::error(
            field,
            format!("networkAcls must be an object, found {}.", kind_of(value)),
        ));
        return None;
    };
    for key in acls.keys().filter(|k| !ACL_KEYS.contains(&k.as_str())) {
        out.push(Diagnostic::error(
            format!("{field}.{key}"),
            format!("Unknown networkAcls field \"{key}\": a rewrite of networkAcls would drop it, so exact requests cannot be computed."),
        ));
    }
    let default_action = optional_text(acls, "defaultAction", field, out).and_then(|text| {
        let parsed = parse_default_action(&text);
        if parsed.is_none() {
            out.push(Diagnostic::error(
                format!("{field}.defaultAction"),
                format!("defaultAction must be Allow or Deny, found \"{text}\"."),
            ));
        }
        parsed
    });
    let bypass = optional_text(acls, "bypass", field, out).and_then(|text| {
        if matches!(text.as_str(), "None" | "AzureServices") {
            Some(text)
        } else {
            out.push(Diagnostic::error(
                format!("{field}.bypass"),
                format!("bypass must be None or AzureServices, found \"{text}\"."),
            ));
            None
        }
    });
    let ip_rules = list(acls, "ipRules", field, out)
        .iter()
        .enumerate()
        .filter_map(|(index, rule)| {
            let at = format!("{field}.ipRules.{index}");
            let object = entry_object(rule, &at, &["value"], out)?;
            match object.get("value") {
                Some(Value::String(v)) if !v.is_empty() => Some(v.clone()),
                other => {
                    out.push(Diagnostic::error(
                        format!("{at}.value"),
                        format!(
                            "An IP rule's value must be an address or range, found {}.",
                            other.map_or("nothing", kind_of)
                        ),
                    ));
                    None
                }
            }
        })
        .collect();
    let virtual_network_rules = list(acls, "virtualNetworkRules", field, out)
        .iter()
        .enumerate()
        .filter_map(|(index, rule)| {
            let at = format!("{field}.virtualNetworkRules.{index}");
            // `state` is ARM's report on the rule, not a setting: it is not sent back.
            let object = entry_object(
                rule,
                &at,
                &["id", "ignoreMissingVnetServiceEndpoint", "state"],
                out,
            )?;
            let id = match object.get("id") {
                Some(Value::String(id)) if !id.is_empty() => id.clone(),
                other => {
                    out.push(Diagnostic::error(
                        format!("{at}.id"),
                        format!(
                            "A virtual-network rule's id must be a subnet ID, found {}.",
                            other.map_or("nothing", kind_of)
                        ),
                    ));
                    return None;
                }
            };
            let ignore = match object.get("ignoreMissingVnetServiceEndpoint") {
                None | Some(Value::Null) => None,
                Some(Value::Bool(b)) => Some(*b),
                Some(other) => {
                    out.push(Diagnostic::error(
                        format!("{at}.ignoreMissingVnetServiceEndpoint"),
                        format!(
                            "ignoreMissingVnetServiceEndpoint must be true or false, found {}.",
                            kind_of(other)
                        ),
                    ));
                    return None;
                }
            };
            Some(VnetRuleState {
                id,
                ignore_missing_vnet_service_endpoint: ignore,
            })
        })
        .collect();
    Some(NetworkAcls {
        default_action,
        bypass,
        ip_rules,
        virtual_network_rules,
    })
}

fn list<'a>(
    object: &'a Map<String, Value>,
    key: &str,
    field: &str,
    out: &mut Vec<Diagnostic>,
) -> &'a [Value] {
    list_field(object, key, &format!("{field}.{key}"), key, out)
}

fn entry_object<'a>(
    value: &'a Value,
    field: &str,
    known: &[&str],
    out: &mut Vec<Diagnostic>,
) -> Option<&'a Map<String, Value>> {
    let Some(object) = value.as_object() else {
        out.push(Diagnostic::error(
            field,
            format!("Each rule must be an object, found {}.", kind_of(value)),
        ));
        return None;
    };
    let unknown: Vec<&String> = object
        .keys()
        .filter(|k| !known.contains(&k.as_str()))
        .collect();
    if !unknown.is_empty() {
        for key in unknown {
            out.push(Diagnostic::error(
                format!("{field}.{key}"),
                format!("Unknown rule field \"{key}\": a rewrite would drop it, so exact requests cannot be computed."),
            ));
        }
        return None;
    }
    Some(object)
}
