//! The ARM shape: the REST GET, `az cognitiveservices account show` and `az resource show`
//! print the same object (az adds `resourceGroup`, `systemData`).

use crate::json;
use serde_json::{Map, Value};

use super::{
    cloud_of, join, kind_of, list_at, parse_resource_id, region_name, text_at, EndpointConnection,
    Imported, ShowSource,
};
use crate::diagnostics::Diagnostic;
use crate::draft::{
    Bypass, CustomDomainDraft, DefaultAction, Draft, Existence, NetworkDraft, PublicNetworkAccess,
    TargetDraft, VnetRuleDraft,
};
use crate::resource_kinds::ResourceType;

const ACCOUNT_TYPE: &str = "Microsoft.CognitiveServices/accounts";

pub(super) fn read_account(
    object: &Map<String, Value>,
    source: ShowSource,
    out: &mut Vec<Diagnostic>,
) -> Option<Imported> {
    let Some(id_text) = text_at(object, "id", "", out) else {
        if object.get("id").is_some_and(|id| !id.is_null()) {
            return None; // named by text_at
        }
        out.push(Diagnostic::error(
            "id",
            "The JSON has no \"id\": paste the whole output of the show command (the resource ID names the subscription, group and account).",
        ));
        return None;
    };
    let Some(id) = parse_resource_id(&id_text) else {
        out.push(Diagnostic::error(
            "id",
            format!("\"{id_text}\" is not a resource ID (/subscriptions/…/resourceGroups/…/providers/…/…/NAME)."),
        ));
        return None;
    };
    let declared_type =
        text_at(object, "type", "", out).unwrap_or_else(|| id.resource_type.clone());
    if !declared_type.eq_ignore_ascii_case(ACCOUNT_TYPE)
        || !id.resource_type.eq_ignore_ascii_case(ACCOUNT_TYPE)
    {
        out.push(Diagnostic::error(
            "type",
            format!("This is a {declared_type}: the wizard imports Azure AI services / Cognitive Services accounts ({ACCOUNT_TYPE}) and AI Studio hubs (az ml workspace show)."),
        ));
        return None;
    }
    let properties = match object.get("properties") {
        Some(Value::Object(p)) => p.clone(),
        None | Some(Value::Null) => {
            out.push(Diagnostic::error(
                "properties",
                "The JSON has no \"properties\": paste the whole output of the show command.",
            ));
            return None;
        }
        Some(other) => {
            out.push(Diagnostic::error(
                "properties",
                format!(
                    "\"properties\" must be an object, found {}.",
                    kind_of(other)
                ),
            ));
            return None;
        }
    };
    let region = region_name(&text_at(object, "location", "", out).unwrap_or_default());
    let kind = text_at(object, "kind", "", out).unwrap_or_default();
    let sku = match object.get("sku") {
        Some(Value::Object(sku)) => text_at(sku, "name", "sku", out),
        _ => None,
    };
    let endpoint = text_at(&properties, "endpoint", "properties", out);
    let subdomain = text_at(&properties, "customSubDomainName", "properties", out);
    let public_access = text_at(&properties, "publicNetworkAccess", "properties", out);
    let public_network_access = match public_access.as_deref() {
        None => PublicNetworkAccess::Enabled,
        Some(text) if text.eq_ignore_ascii_case("Enabled") => PublicNetworkAccess::Enabled,
        Some(text) if text.eq_ignore_ascii_case("Disabled") => PublicNetworkAccess::Disabled,
        Some(text) => {
            out.push(Diagnostic::error(
                "properties.publicNetworkAccess",
                format!("publicNetworkAccess must be Enabled or Disabled, found \"{text}\"."),
            ));
            PublicNetworkAccess::Enabled
        }
    };
    let acls = read_acls(&properties, out);
    let connections = read_connections(&properties, out);
    if list_at(&properties, "userOwnedStorage", "properties", out)
        .iter()
        .next()
        .is_some()
    {
        out.push(Diagnostic::info(
            "properties.userOwnedStorage",
            "The account keeps its data in its own storage account (BYOS): that is fixed at creation and is not imported or rolled back.",
        ));
    }

    super::name_not_carried(object, &properties, out);

    let mut network = NetworkDraft {
        enabled: true,
        public_network_access,
        ..NetworkDraft::default()
    };
    match &acls {
        None => {
            // No networkAcls: every network may call the account, as with Allow.
            network.default_action = DefaultAction::Allow;
            network.bypass = Bypass::KeepCurrent;
            out.push(Diagnostic::info(
                "properties.networkAcls",
                "The account has no network rules (every network may call it): the form starts from default action Allow.",
            ));
        }
        Some(acls) => {
            network.default_action = acls.default_action;
            network.bypass = acls.bypass;
            network.ip_rules = acls.ip_rules.clone();
            network.vnet_rules = acls
                .subnet_ids
                .iter()
                .map(|id| VnetRuleDraft {
                    subnet_id: id.clone(),
                    // The rule exists, so its subnet already has what it needs.
                    enable_service_endpoint: false,
                    ..VnetRuleDraft::default()
                })
                .collect();
        }
    }
    let custom_domain = match &subdomain {
        Some(name) => CustomDomainDraft {
            enabled: true,
            subdomain: name.clone(),
            // Already set: the step only checks it, nothing irreversible happens.
            acknowledge_irreversible: true,
        },
        None => {
            out.push(Diagnostic::info(
                "properties.customSubDomainName",
                "The account has no custom subdomain: the Custom domain step starts switched off (network rules and private endpoints need one).",
            ));
            CustomDomainDraft {
                enabled: false,
                ..CustomDomainDraft::default()
            }
        }
    };
    let draft = Draft {
        target: TargetDraft {
            cloud: cloud_of(endpoint.as_deref(), &region),
            subscription_id: id.subscription_id.clone(),
            resource_group: id.resource_group.clone(),
            resource_type: ResourceType::CognitiveServices,
            kind,
            sku: sku.unwrap_or_else(|| TargetDraft::default().sku),
            name: id.name.clone(),
            region,
            existence: Existence::Existing,
            // The account's own tags stay on it (`NOT_CARRIED` names them).
            tags: Vec::new(),
        },
        custom_domain,
        network,
        ..Draft::default()
    };
    Some(Imported {
        draft,
        source,
        account_snapshot: Some(snapshot(&id_text, subdomain, public_access, &properties)),
        endpoint_connections: connections,
        notes: Vec::new(),
    })
}

struct Acls {
    default_action: DefaultAction,
    bypass: Bypass,
    ip_rules: Vec<String>,
    subnet_ids: Vec<String>,
}

/// Keys of networkAcls the wizard reads and writes back; any other is named, not dropped.
const ACL_KEYS: [&str; 4] = ["defaultAction", "bypass", "ipRules", "virtualNetworkRules"];

fn read_acls(properties: &Map<String, Value>, out: &mut Vec<Diagnostic>) -> Option<Acls> {
    const PATH: &str = "properties.networkAcls";
    let acls = match properties.get("networkAcls") {
        None | Some(Value::Null) => return None,
        Some(Value::Object(acls)) => acls,
        Some(other) => {
            out.push(Diagnostic::error(
                PATH,
                format!("networkAcls must be an object, found {}.", kind_of(other)),
            ));
            return None;
        }
    };
    for key in acls.keys().filter(|k| !ACL_KEYS.contains(&k.as_str())) {
        out.push(Diagnostic::error(
            join(PATH, key),
            format!("Unknown networkAcls field \"{key}\": the wizard rewrites networkAcls whole and would drop it."),
        ));
    }
    let default_action = match text_at(acls, "defaultAction", PATH, out).as_deref() {
        None => DefaultAction::Allow,
        Some(t) if t.eq_ignore_ascii_case("Allow") => DefaultAction::Allow,
        Some(t) if t.eq_ignore_ascii_case("Deny") => DefaultAction::Deny,
        Some(t) => {
            out.push(Diagnostic::error(
                join(PATH, "defaultAction"),
                format!("defaultAction must be Allow or Deny, found \"{t}\"."),
            ));
            DefaultAction::Allow
        }
    };
    let bypass = match text_at(acls, "bypass", PATH, out).as_deref() {
        None => Bypass::KeepCurrent,
        Some(t) if t.eq_ignore_ascii_case("AzureServices") => Bypass::AzureServices,
        Some(t) if t.eq_ignore_ascii_case("None") => Bypass::None,
        Some(t) => {
            out.push(Diagnostic::error(
                join(PATH, "bypass"),
                format!("bypass must be AzureServices or None, found \"{t}\"."),
            ));
            Bypass::KeepCurrent
        }
    };
    let mut ip_rules = Vec::new();
    for (i, rule) in list_at(acls, "ipRules", PATH, out).iter().enumerate() {
        let path = format!("{PATH}.ipRules.{i}");
        match rule
            .as_object()
            .and_then(|r| text_at(r, "value", &path, out))
        {
            Some(value) => ip_rules.push(value),
            None => out.push(Diagnostic::error(
                join(&path, "value"),
                "Each IP rule needs its \"value\" (an address or CIDR range).",
            )),
        }
    }
    let mut subnet_ids = Vec::new();
    for (i, rule) in list_at(acls, "virtualNetworkRules", PATH, out)
        .iter()
        .enumerate()
    {
        let path = format!("{PATH}.virtualNetworkRules.{i}");
        match rule.as_object().and_then(|r| text_at(r, "id", &path, out)) {
            Some(id) => subnet_ids.push(id),
            None => out.push(Diagnostic::error(
                join(&path, "id"),
                "Each virtual network rule needs its subnet's \"id\".",
            )),
        }
    }
    Some(Acls {
        default_action,
        bypass,
        ip_rules,
        subnet_ids,
    })
}

fn read_connections(
    properties: &Map<String, Value>,
    out: &mut Vec<Diagnostic>,
) -> Vec<EndpointConnection> {
    let mut connections = Vec::new();
    let items = list_at(properties, "privateEndpointConnections", "properties", out);
    for (i, item) in items.iter().enumerate() {
        let path = format!("properties.privateEndpointConnections.{i}");
        let Some(item) = item.as_object() else {
            out.push(Diagnostic::error(
                path,
                "Each private endpoint connection must be an object.",
            ));
            continue;
        };
        let inner = item.get("properties").and_then(Value::as_object);
        let endpoint_id = inner
            .and_then(|p| p.get("privateEndpoint"))
            .and_then(|e| e.get("id"))
            .and_then(Value::as_str);
        let status = inner
            .and_then(|p| p.get("privateLinkServiceConnectionState"))
            .and_then(|s| s.get("status"))
            .and_then(Value::as_str);
        let name = item
            .get("name")
            .and_then(Value::as_str)
            .map(|n| n.rsplit('/').next().unwrap_or(n).to_owned());
        match (name, endpoint_id, status) {
            (Some(name), Some(endpoint), Some(status)) => {
                out.push(Diagnostic::info(
                    path,
                    format!("Private endpoint connection {name} ({status}) from {endpoint}: kept as it is."),
                ));
                connections.push(EndpointConnection {
                    name,
                    private_endpoint_id: endpoint.to_owned(),
                    status: status.to_owned(),
                });
            }
            _ => out.push(Diagnostic::warning(
                path,
                "This private endpoint connection has no name, endpoint or status: it was not read (it is kept as it is).",
            )),
        }
    }
    connections
}

/// The settings rollback restores, in ARM's shape and order.
fn snapshot(
    id: &str,
    subdomain: Option<String>,
    public_access: Option<String>,
    properties: &Map<String, Value>,
) -> Value {
    let mut p = Map::new();
    if let Some(name) = subdomain {
        p.insert("customSubDomainName".into(), json!(name));
    }
    if let Some(access) = public_access {
        p.insert("publicNetworkAccess".into(), json!(access));
    }
    let acls = properties
        .get("networkAcls")
        .cloned()
        .unwrap_or(Value::Null);
    p.insert("networkAcls".into(), strip_rule_state(acls));
    // The connections, for the before/after view and the decisions on other teams' endpoints.
    if let Some(Value::Array(connections)) = properties.get("privateEndpointConnections") {
        if !connections.is_empty() {
            p.insert(
                "privateEndpointConnections".into(),
                Value::Array(connections.clone()),
            );
        }
    }
    json!({ "id": id, "properties": p })
}

/// `state` on a subnet rule is ARM's report, not a setting: it is not written back.
fn strip_rule_state(mut acls: Value) -> Value {
    if let Some(rules) = acls
        .get_mut("virtualNetworkRules")
        .and_then(Value::as_array_mut)
    {
        for rule in rules.iter_mut().filter_map(Value::as_object_mut) {
            rule.remove("state");
        }
    }
    acls
}
