//! `Get-AzCognitiveServicesAccount | ConvertTo-Json -Depth 10`: the Az module's own object,
//! PascalCase, with the SDK's `Properties` nested inside. `NetworkRuleSet` has no bypass and
//! ConvertTo-Json writes its DefaultAction enum as a number (0 Deny, 1 Allow), so
//! `Properties.NetworkAcls` (strings, with Bypass) is read first. The result is the ARM shape.

use crate::json;
use serde_json::{Map, Value};

use super::list_at;
use crate::diagnostics::Diagnostic;

pub(super) fn is_powershell_shape(object: &Map<String, Value>) -> bool {
    ["AccountName", "AccountType", "NetworkRuleSet"]
        .iter()
        .any(|k| object.contains_key(*k))
}

fn get<'a>(object: &'a Map<String, Value>, key: &str) -> Option<&'a Value> {
    object
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case(key))
        .map(|(_, v)| v)
        .filter(|v| !v.is_null())
}

fn object_at<'a>(object: &'a Map<String, Value>, key: &str) -> Option<&'a Map<String, Value>> {
    get(object, key).and_then(Value::as_object)
}

pub(super) fn to_arm_shape(
    object: &Map<String, Value>,
    out: &mut Vec<Diagnostic>,
) -> Option<Map<String, Value>> {
    let sdk_properties = object_at(object, "Properties");
    let mut properties = Map::new();
    for (arm, ps) in [
        ("customSubDomainName", "CustomSubDomainName"),
        ("publicNetworkAccess", "PublicNetworkAccess"),
        ("endpoint", "Endpoint"),
    ] {
        if let Some(value) = get(object, ps) {
            properties.insert(arm.into(), value.clone());
        }
    }
    let acls = match sdk_properties.and_then(|p| object_at(p, "NetworkAcls")) {
        Some(acls) => Some(sdk_acls(acls, "Properties.NetworkAcls", out)),
        None => object_at(object, "NetworkRuleSet").map(|set| rule_set(set, out)),
    };
    properties.insert("networkAcls".into(), acls.unwrap_or(Value::Null));
    let connections = sdk_properties
        .and_then(|p| get(p, "PrivateEndpointConnections"))
        .or_else(|| get(object, "PrivateEndpointConnections"));
    if let Some(Value::Array(items)) = connections {
        properties.insert(
            "privateEndpointConnections".into(),
            Value::Array(items.iter().map(connection).collect()),
        );
    }
    if let Some(storage) = sdk_properties.and_then(|p| get(p, "UserOwnedStorage")) {
        properties.insert("userOwnedStorage".into(), storage.clone());
    }
    // Settings the wizard does not carry go into the ARM shape as well, so the ARM reader names
    // them (by their ARM path) like those of any other `show` output. The Az object holds the
    // SDK's properties under Properties and most of them again at the top level.
    let mut top = Map::new();
    for name in super::NOT_CARRIED {
        let (key, found) = match name.strip_prefix("properties.") {
            Some(key) => (
                key,
                sdk_properties
                    .and_then(|p| get(p, key))
                    .or_else(|| get(object, key)),
            ),
            None => (*name, get(object, name)),
        };
        if let Some(value) = found {
            let map = if key == *name {
                &mut top
            } else {
                &mut properties
            };
            map.insert(key.into(), value.clone());
        }
    }
    let mut arm = top;
    for (key, ps) in [
        ("id", "Id"),
        ("name", "AccountName"),
        ("kind", "AccountType"),
        ("location", "Location"),
        ("type", "ResourceType"),
    ] {
        if let Some(value) = get(object, ps) {
            arm.insert(key.into(), value.clone());
        }
    }
    if let Some(name) = object_at(object, "Sku").and_then(|s| get(s, "Name")) {
        arm.insert("sku".into(), json!({ "name": name }));
    }
    arm.insert("properties".into(), Value::Object(properties));
    Some(arm)
}

/// The SDK's NetworkRuleSet: Bypass, DefaultAction, IPRules[].Value, VirtualNetworkRules[].Id.
fn sdk_acls(acls: &Map<String, Value>, path: &str, out: &mut Vec<Diagnostic>) -> Value {
    let mut arm = Map::new();
    for (key, value) in acls {
        match key.to_ascii_lowercase().as_str() {
            "bypass" => {
                arm.insert("bypass".into(), value.clone());
            }
            "defaultaction" => {
                arm.insert("defaultAction".into(), default_action(value));
            }
            "iprules" => {
                arm.insert("ipRules".into(), ip_rules(acls, key, path, out));
            }
            "virtualnetworkrules" => {
                arm.insert(
                    "virtualNetworkRules".into(),
                    subnet_rules(acls, key, path, out),
                );
            }
            _ if value.is_null() => {}
            _ => {
                // Named by the ARM reader as an unknown networkAcls field.
                arm.insert(key.clone(), value.clone());
            }
        }
    }
    Value::Object(arm)
}

/// The Az module's own NetworkRuleSet (no bypass: the account keeps its current one).
fn rule_set(set: &Map<String, Value>, out: &mut Vec<Diagnostic>) -> Value {
    out.push(Diagnostic::warning(
        "NetworkRuleSet",
        "Read from NetworkRuleSet, which has no trusted-services bypass: the bypass stays as it is. Use ConvertTo-Json -Depth 10 so that Properties.NetworkAcls is included.",
    ));
    sdk_acls(set, "NetworkRuleSet", out)
}

/// Windows PowerShell writes the enum as 0 (Deny) or 1 (Allow); the SDK writes text.
fn default_action(value: &Value) -> Value {
    match value.as_u64() {
        Some(0) => json!("Deny"),
        Some(1) => json!("Allow"),
        _ => value.clone(),
    }
}

fn ip_rules(acls: &Map<String, Value>, key: &str, path: &str, out: &mut Vec<Diagnostic>) -> Value {
    let items = list_at(acls, key, path, out);
    Value::Array(
        items
            .iter()
            .map(|rule| {
                let value = rule
                    .as_object()
                    .and_then(|r| get(r, "Value").or_else(|| get(r, "IpAddress")));
                json!({ "value": value.cloned().unwrap_or(Value::Null) })
            })
            .collect(),
    )
}

fn subnet_rules(
    acls: &Map<String, Value>,
    key: &str,
    path: &str,
    out: &mut Vec<Diagnostic>,
) -> Value {
    let items = list_at(acls, key, path, out);
    Value::Array(
        items
            .iter()
            .map(|rule| {
                let Some(rule) = rule.as_object() else {
                    return json!({});
                };
                let mut arm = Map::new();
                arm.insert("id".into(), get(rule, "Id").cloned().unwrap_or(Value::Null));
                if let Some(ignore) = get(rule, "IgnoreMissingVnetServiceEndpoint") {
                    arm.insert("ignoreMissingVnetServiceEndpoint".into(), ignore.clone());
                }
                Value::Object(arm)
            })
            .collect(),
    )
}

fn connection(item: &Value) -> Value {
    let Some(item) = item.as_object() else {
        return item.clone();
    };
    let properties = object_at(item, "Properties");
    let endpoint = properties
        .and_then(|p| object_at(p, "PrivateEndpoint"))
        .and_then(|e| get(e, "Id"));
    let state = properties.and_then(|p| object_at(p, "PrivateLinkServiceConnectionState"));
    json!({
        "id": get(item, "Id").cloned(),
        "name": get(item, "Name").cloned(),
        "properties": {
            "privateEndpoint": { "id": endpoint.cloned() },
            "privateLinkServiceConnectionState": {
                "status": state.and_then(|s| get(s, "Status")).cloned(),
                "description": state.and_then(|s| get(s, "Description")).cloned(),
            }
        }
    })
}
