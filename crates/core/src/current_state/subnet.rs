//! A subnet's writable body from its GET / `az network vnet subnet show` JSON.
//!
//! A subnet PUT replaces the whole subnet: whatever the body leaves out is removed. So the
//! snapshot keeps every writable property (Microsoft.Network 2024-05-01, `SubnetPropertiesFormat`)
//! and drops the read-only ones the spec refuses in a request; a property it does not know is an
//! error, because the exact PUT would silently drop it.

use crate::json;
use serde_json::{Map, Value};

use super::kind_of;
use crate::diagnostics::Diagnostic;
use crate::subnet_id::SubnetId;

#[derive(Clone, Debug, PartialEq)]
pub struct SubnetState {
    pub id: SubnetId,
    /// Writable properties only, in the shape a PUT takes.
    pub properties: Map<String, Value>,
}

impl SubnetState {
    /// Whether the subnet already lists this service endpoint.
    pub fn has_service_endpoint(&self, service: &str) -> bool {
        self.properties
            .get("serviceEndpoints")
            .and_then(Value::as_array)
            .is_some_and(|list| {
                list.iter().any(|e| {
                    e.get("service")
                        .and_then(Value::as_str)
                        .is_some_and(|s| s.eq_ignore_ascii_case(service))
                })
            })
    }

    /// The complete PUT body: every setting it has, plus the service endpoint when missing.
    pub fn put_body_with_service_endpoint(&self, service: &str) -> Value {
        let mut properties = self.properties.clone();
        if !self.has_service_endpoint(service) {
            let list = properties
                .entry("serviceEndpoints")
                .or_insert_with(|| Value::Array(Vec::new()));
            if let Value::Array(items) = list {
                items.push(json!({ "service": service }));
            }
        }
        json!({ "properties": properties })
    }

    /// The subnet's privateEndpointNetworkPolicies as read (absent: not set).
    pub fn endpoint_policies(&self) -> Option<&str> {
        self.properties
            .get("privateEndpointNetworkPolicies")
            .and_then(Value::as_str)
    }

    /// The complete PUT body: every setting it has, with privateEndpointNetworkPolicies Disabled.
    pub fn put_body_with_endpoint_policies_disabled(&self) -> Value {
        let mut properties = self.properties.clone();
        properties.insert("privateEndpointNetworkPolicies".into(), json!("Disabled"));
        json!({ "properties": properties })
    }
}

/// The smallest JSON that reads back as the same snapshot.
pub fn minimal_subnet_json(state: &SubnetState) -> Value {
    json!({ "id": state.id.to_string(), "properties": state.properties })
}

/// How a writable property is checked and reduced to what a PUT takes.
#[derive(Clone, Copy)]
enum Shape {
    Text,
    Bool,
    TextList,
    /// `{ "id": … }`; other keys (az adds `resourceGroup`) are dropped.
    Reference,
    ReferenceList,
    ServiceEndpoints,
    Delegations,
    IpamAllocations,
}

/// Writable subnet properties (the spec's `SubnetPropertiesFormat`, api-version 2024-05-01).
pub const SUBNET_WRITABLE: [&str; 15] = [
    "addressPrefix",
    "addressPrefixes",
    "networkSecurityGroup",
    "routeTable",
    "natGateway",
    "serviceEndpoints",
    "serviceEndpointPolicies",
    "ipAllocations",
    "delegations",
    "privateEndpointNetworkPolicies",
    "privateLinkServiceNetworkPolicies",
    "applicationGatewayIPConfigurations",
    "sharingScope",
    "defaultOutboundAccess",
    "ipamPoolPrefixAllocations",
];

/// Read-only properties: ARM reports them, a request must not carry them.
pub const SUBNET_READ_ONLY: [&str; 7] = [
    "privateEndpoints",
    "ipConfigurations",
    "ipConfigurationProfiles",
    "resourceNavigationLinks",
    "serviceAssociationLinks",
    "purpose",
    "provisioningState",
];

/// Keys around the properties: in ARM's shape beside `properties`, in az's flattened shape
/// beside the properties themselves (az adds `resourceGroup`).
const ENVELOPE: [&str; 5] = ["id", "name", "type", "etag", "resourceGroup"];

fn shape_of(key: &str) -> Option<Shape> {
    Some(match key {
        "addressPrefix"
        | "privateEndpointNetworkPolicies"
        | "privateLinkServiceNetworkPolicies"
        | "sharingScope" => Shape::Text,
        "defaultOutboundAccess" => Shape::Bool,
        "addressPrefixes" => Shape::TextList,
        "networkSecurityGroup" | "routeTable" | "natGateway" => Shape::Reference,
        "serviceEndpointPolicies" | "ipAllocations" | "applicationGatewayIPConfigurations" => {
            Shape::ReferenceList
        }
        "serviceEndpoints" => Shape::ServiceEndpoints,
        "delegations" => Shape::Delegations,
        "ipamPoolPrefixAllocations" => Shape::IpamAllocations,
        _ => return None,
    })
}

pub(super) fn read_subnet(
    value: &Value,
    field: &str,
    out: &mut Vec<Diagnostic>,
) -> Option<SubnetState> {
    let Some(object) = value.as_object() else {
        out.push(Diagnostic::error(
            field,
            format!(
                "Expected the JSON object that az network vnet subnet show prints, found {}.",
                kind_of(value)
            ),
        ));
        return None;
    };
    let id = match object.get("id") {
        Some(Value::String(text)) => match SubnetId::parse(text) {
            Ok(id) => id,
            Err(message) => {
                out.push(Diagnostic::error(format!("{field}.id"), message));
                return None;
            }
        },
        _ => {
            out.push(Diagnostic::error(
                format!("{field}.id"),
                "The subnet's JSON has no \"id\": paste the whole output of az network vnet subnet show --ids <subnet ID> -o json.",
            ));
            return None;
        }
    };
    let (source, source_field): (Vec<(&String, &Value)>, String) = match object.get("properties") {
        Some(Value::Object(p)) => (p.iter().collect(), format!("{field}.properties")),
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
        // az prints the properties flattened beside the envelope.
        None => (
            object
                .iter()
                .filter(|(k, _)| !ENVELOPE.contains(&k.as_str()))
                .collect(),
            field.to_owned(),
        ),
    };
    let before = out.len();
    let mut properties = Map::new();
    for (key, value) in source {
        let at = format!("{source_field}.{key}");
        if value.is_null() || SUBNET_READ_ONLY.contains(&key.as_str()) {
            continue;
        }
        let Some(shape) = shape_of(key) else {
            out.push(Diagnostic::error(
                at,
                format!("Unknown subnet property \"{key}\": a subnet PUT replaces everything, so the exact request would remove it. Remove it from the pasted JSON only if you know it is read-only."),
            ));
            continue;
        };
        if let Some(reduced) = reduce(value, shape, &at, out) {
            properties.insert(key.clone(), reduced);
        }
    }
    if !properties.contains_key("addressPrefix") && !properties.contains_key("addressPrefixes") {
        out.push(Diagnostic::error(
            source_field,
            "The subnet's JSON has no addressPrefix or addressPrefixes: it cannot be written back. Paste the whole output of az network vnet subnet show.",
        ));
    }
    (out.len() == before).then_some(SubnetState { id, properties })
}

fn reduce(value: &Value, shape: Shape, at: &str, out: &mut Vec<Diagnostic>) -> Option<Value> {
    let wrong = |out: &mut Vec<Diagnostic>, expected: &str| {
        out.push(Diagnostic::error(
            at,
            format!("Expected {expected}, found {}.", kind_of(value)),
        ));
        None
    };
    match shape {
        Shape::Text => match value {
            Value::String(_) => Some(value.clone()),
            _ => wrong(out, "text"),
        },
        Shape::Bool => match value {
            Value::Bool(_) => Some(value.clone()),
            _ => wrong(out, "true or false"),
        },
        Shape::TextList => match value.as_array() {
            Some(items) if items.iter().all(Value::is_string) => Some(value.clone()),
            _ => wrong(out, "a list of text"),
        },
        Shape::Reference => reference(value, at, out),
        Shape::ReferenceList => each(value, at, out, reference),
        Shape::ServiceEndpoints => each(value, at, out, |entry, at, out| {
            let object = entry
                .as_object()
                .filter(|o| o.get("service").is_some_and(Value::is_string));
            let Some(object) = object else {
                out.push(Diagnostic::error(
                    at,
                    "A service endpoint must be an object with a \"service\" name.",
                ));
                return None;
            };
            let mut kept = Map::new();
            for (key, item) in object {
                match key.as_str() {
                    "service" | "locations" if !item.is_null() => {
                        kept.insert(key.clone(), item.clone());
                    }
                    "networkIdentifier" if !item.is_null() => {
                        kept.insert(key.clone(), reference(item, &format!("{at}.{key}"), out)?);
                    }
                    "provisioningState" | "service" | "locations" | "networkIdentifier" => {}
                    other => {
                        out.push(Diagnostic::error(
                            format!("{at}.{other}"),
                            format!("Unknown service-endpoint field \"{other}\": the exact request would drop it."),
                        ));
                        return None;
                    }
                }
            }
            Some(Value::Object(kept))
        }),
        Shape::Delegations => each(value, at, out, |entry, at, out| {
            let object = entry.as_object();
            let name = object.and_then(|o| o.get("name")).and_then(Value::as_str);
            // ARM nests serviceName under properties; az prints it flattened.
            let service = object.and_then(|o| {
                o.get("properties")
                    .and_then(|p| p.get("serviceName"))
                    .or_else(|| o.get("serviceName"))
                    .and_then(Value::as_str)
            });
            match (name, service) {
                (Some(name), Some(service)) => {
                    Some(json!({ "name": name, "properties": { "serviceName": service } }))
                }
                _ => {
                    out.push(Diagnostic::error(
                        at,
                        "A delegation must have a name and a serviceName.",
                    ));
                    None
                }
            }
        }),
        Shape::IpamAllocations => each(value, at, out, |entry, at, out| {
            let object = entry.as_object();
            let pool = object.and_then(|o| o.get("pool"));
            let Some(pool) = pool else {
                out.push(Diagnostic::error(
                    at,
                    "An IPAM pool allocation must name its pool.",
                ));
                return None;
            };
            let mut kept = json!({ "pool": reference(pool, &format!("{at}.pool"), out)? });
            if let Some(count) = object
                .and_then(|o| o.get("numberOfIpAddresses"))
                .filter(|c| !c.is_null())
            {
                kept["numberOfIpAddresses"] = count.clone();
            }
            Some(kept)
        }),
    }
}

fn reference(value: &Value, at: &str, out: &mut Vec<Diagnostic>) -> Option<Value> {
    match value.get("id") {
        Some(Value::String(id)) => Some(json!({ "id": id })),
        _ => {
            out.push(Diagnostic::error(
                at,
                "Expected a reference with an \"id\".",
            ));
            None
        }
    }
}

fn each(
    value: &Value,
    at: &str,
    out: &mut Vec<Diagnostic>,
    item: impl Fn(&Value, &str, &mut Vec<Diagnostic>) -> Option<Value>,
) -> Option<Value> {
    let Some(items) = value.as_array() else {
        out.push(Diagnostic::error(
            at,
            format!("Expected a list, found {}.", kind_of(value)),
        ));
        return None;
    };
    let mut kept = Vec::new();
    for (index, entry) in items.iter().enumerate() {
        kept.push(item(entry, &format!("{at}.{index}"), out)?);
    }
    Some(Value::Array(kept))
}
