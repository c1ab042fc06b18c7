//! The draft as JSON: the `wizard` object of the configuration file, local storage and share
//! links. Keys are the struct fields' names in declaration order; enums are written by name.
//! Fields that files written before them lack (`current_state`, `target.tags`,
//! `network.remove_ip_rules` and `remove_vnet_rules`, `network.endpoint_connections` and its
//! acknowledgement) are left out while empty, so such files read and write as before.

use serde_json::Value;

use super::cloud::Cloud;
use super::current_state::CurrentStateDraft;
use super::draft::{
    Bypass, CustomDomainDraft, DefaultAction, Draft, Existence, NetworkDraft, PublicNetworkAccess,
    SubnetInput, TargetDraft, VnetRuleDraft,
};
use super::json_fields::{name_value, texts_value, Named, ObjectReader};
use super::private_endpoints::draft::{
    DnsMode, EndpointDraft, PrivateEndpointsDraft, RemovalDraft,
};
use super::private_endpoints::LinkService;
use super::resource_kinds::ResourceType;
use super::storage_draft::StorageDraft;

pub fn to_value(draft: &Draft) -> Value {
    let mut fields = vec![
        ("target", target_value(&draft.target)),
        ("custom_domain", custom_domain_value(&draft.custom_domain)),
        ("network", network_value(&draft.network)),
        ("storage", storage_value(&draft.storage)),
    ];
    if let Some(current) = &draft.current_state {
        fields.push(("current_state", current_state_value(current)));
    }
    fields.push((
        "private_endpoints",
        private_endpoints_value(&draft.private_endpoints),
    ));
    object(fields)
}

/// Reads a draft; `path` names where it sits in the document, for messages (`wizard`).
pub fn from_value(value: &Value, path: &str) -> Result<Draft, String> {
    let mut draft = Draft::default();
    let mut read = ObjectReader::new(value, path)?;
    read.object("target", &mut draft.target, read_target);
    read.object(
        "custom_domain",
        &mut draft.custom_domain,
        read_custom_domain,
    );
    read.object("network", &mut draft.network, read_network);
    read.object("storage", &mut draft.storage, read_storage);
    read.optional(
        "current_state",
        &mut draft.current_state,
        read_current_state,
    );
    read.object(
        "private_endpoints",
        &mut draft.private_endpoints,
        read_private_endpoints,
    );
    read.finish().map(|()| draft)
}

fn object(fields: Vec<(&'static str, Value)>) -> Value {
    Value::Object(
        fields
            .into_iter()
            .map(|(key, value)| (key.to_owned(), value))
            .collect(),
    )
}

fn target_value(target: &TargetDraft) -> Value {
    let mut fields = vec![
        ("cloud", name_value(target.cloud)),
        ("subscription_id", target.subscription_id.as_str().into()),
        ("resource_group", target.resource_group.as_str().into()),
        ("resource_type", name_value(target.resource_type)),
        ("kind", target.kind.as_str().into()),
        ("sku", target.sku.as_str().into()),
        ("name", target.name.as_str().into()),
        ("region", target.region.as_str().into()),
        ("existence", name_value(target.existence)),
    ];
    if !target.tags.is_empty() {
        fields.push(("tags", texts_value(&target.tags)));
    }
    object(fields)
}

fn read_target(value: &Value, path: &str) -> Result<TargetDraft, String> {
    let mut target = TargetDraft::default();
    let mut read = ObjectReader::new(value, path)?;
    read.choice("cloud", &mut target.cloud);
    read.text("subscription_id", &mut target.subscription_id);
    read.text("resource_group", &mut target.resource_group);
    read.choice("resource_type", &mut target.resource_type);
    read.text("kind", &mut target.kind);
    read.text("sku", &mut target.sku);
    read.text("name", &mut target.name);
    read.text("region", &mut target.region);
    read.choice("existence", &mut target.existence);
    read.texts("tags", &mut target.tags);
    read.finish().map(|()| target)
}

fn custom_domain_value(domain: &CustomDomainDraft) -> Value {
    object(vec![
        ("enabled", domain.enabled.into()),
        ("subdomain", domain.subdomain.as_str().into()),
        (
            "acknowledge_irreversible",
            domain.acknowledge_irreversible.into(),
        ),
    ])
}

fn read_custom_domain(value: &Value, path: &str) -> Result<CustomDomainDraft, String> {
    let mut domain = CustomDomainDraft::default();
    let mut read = ObjectReader::new(value, path)?;
    read.flag("enabled", &mut domain.enabled);
    read.text("subdomain", &mut domain.subdomain);
    read.flag(
        "acknowledge_irreversible",
        &mut domain.acknowledge_irreversible,
    );
    read.finish().map(|()| domain)
}

fn network_value(network: &NetworkDraft) -> Value {
    let mut fields = vec![
        ("enabled", network.enabled.into()),
        (
            "public_network_access",
            name_value(network.public_network_access),
        ),
        ("default_action", name_value(network.default_action)),
        ("bypass", name_value(network.bypass)),
        ("ip_rules", texts_value(&network.ip_rules)),
        (
            "vnet_rules",
            network.vnet_rules.iter().map(vnet_rule_value).collect(),
        ),
        ("ip_rules_exact", network.ip_rules_exact.into()),
        ("vnet_rules_exact", network.vnet_rules_exact.into()),
        ("accept_no_access", network.accept_no_access.into()),
    ];
    let optional_lists = [
        ("remove_ip_rules", &network.remove_ip_rules),
        ("remove_vnet_rules", &network.remove_vnet_rules),
        ("endpoint_connections", &network.endpoint_connections),
    ];
    for (key, list) in optional_lists {
        if !list.is_empty() {
            fields.push((key, texts_value(list)));
        }
    }
    if network.acknowledge_connection_delete {
        fields.push(("acknowledge_connection_delete", true.into()));
    }
    object(fields)
}

fn read_network(value: &Value, path: &str) -> Result<NetworkDraft, String> {
    // A `network` section that leaves `enabled` out means the step is wanted; only a draft
    // without the section starts with it off.
    let mut network = NetworkDraft {
        enabled: true,
        ..NetworkDraft::default()
    };
    let mut read = ObjectReader::new(value, path)?;
    read.flag("enabled", &mut network.enabled);
    read.choice("public_network_access", &mut network.public_network_access);
    read.choice("default_action", &mut network.default_action);
    read.choice("bypass", &mut network.bypass);
    read.texts("ip_rules", &mut network.ip_rules);
    read.list("vnet_rules", &mut network.vnet_rules, read_vnet_rule);
    read.flag("ip_rules_exact", &mut network.ip_rules_exact);
    read.flag("vnet_rules_exact", &mut network.vnet_rules_exact);
    read.flag("accept_no_access", &mut network.accept_no_access);
    read.texts("remove_ip_rules", &mut network.remove_ip_rules);
    read.texts("remove_vnet_rules", &mut network.remove_vnet_rules);
    read.texts("endpoint_connections", &mut network.endpoint_connections);
    read.flag(
        "acknowledge_connection_delete",
        &mut network.acknowledge_connection_delete,
    );
    read.finish().map(|()| network)
}

fn vnet_rule_value(rule: &VnetRuleDraft) -> Value {
    object(vec![
        ("input", name_value(rule.input)),
        ("subnet_id", rule.subnet_id.as_str().into()),
        ("subscription_id", rule.subscription_id.as_str().into()),
        ("resource_group", rule.resource_group.as_str().into()),
        ("vnet", rule.vnet.as_str().into()),
        ("subnet", rule.subnet.as_str().into()),
        ("tenant_id", rule.tenant_id.as_str().into()),
        (
            "enable_service_endpoint",
            rule.enable_service_endpoint.into(),
        ),
    ])
}

fn read_vnet_rule(value: &Value, path: &str) -> Result<VnetRuleDraft, String> {
    let mut rule = VnetRuleDraft::default();
    let mut read = ObjectReader::new(value, path)?;
    read.choice("input", &mut rule.input);
    read.text("subnet_id", &mut rule.subnet_id);
    read.text("subscription_id", &mut rule.subscription_id);
    read.text("resource_group", &mut rule.resource_group);
    read.text("vnet", &mut rule.vnet);
    read.text("subnet", &mut rule.subnet);
    read.text("tenant_id", &mut rule.tenant_id);
    read.flag("enable_service_endpoint", &mut rule.enable_service_endpoint);
    read.finish().map(|()| rule)
}

fn storage_value(storage: &StorageDraft) -> Value {
    object(vec![
        ("enabled", storage.enabled.into()),
        ("input", name_value(storage.input)),
        (
            "storage_account_id",
            storage.storage_account_id.as_str().into(),
        ),
        ("subscription_id", storage.subscription_id.as_str().into()),
        ("resource_group", storage.resource_group.as_str().into()),
        ("account_name", storage.account_name.as_str().into()),
        ("region", storage.region.as_str().into()),
        ("harden", storage.harden.into()),
        (
            "acknowledge_irreversible",
            storage.acknowledge_irreversible.into(),
        ),
    ])
}

fn read_storage(value: &Value, path: &str) -> Result<StorageDraft, String> {
    let mut storage = StorageDraft::default();
    let mut read = ObjectReader::new(value, path)?;
    read.flag("enabled", &mut storage.enabled);
    read.choice("input", &mut storage.input);
    read.text("storage_account_id", &mut storage.storage_account_id);
    read.text("subscription_id", &mut storage.subscription_id);
    read.text("resource_group", &mut storage.resource_group);
    read.text("account_name", &mut storage.account_name);
    read.text("region", &mut storage.region);
    read.flag("harden", &mut storage.harden);
    read.flag(
        "acknowledge_irreversible",
        &mut storage.acknowledge_irreversible,
    );
    read.finish().map(|()| storage)
}

fn current_state_value(current: &CurrentStateDraft) -> Value {
    let mut fields = vec![
        ("read_at", current.read_at.as_str().into()),
        ("source", current.source.as_str().into()),
    ];
    if let Some(account) = &current.account {
        fields.push(("account", account.clone()));
    }
    if !current.subnets.is_empty() {
        fields.push(("subnets", Value::Array(current.subnets.clone())));
    }
    object(fields)
}

fn read_current_state(value: &Value, path: &str) -> Result<CurrentStateDraft, String> {
    let mut current = CurrentStateDraft::default();
    let mut read = ObjectReader::new(value, path)?;
    read.text("read_at", &mut current.read_at);
    read.text("source", &mut current.source);
    read.any("account", &mut current.account);
    read.list("subnets", &mut current.subnets, |subnet, _| {
        Ok(subnet.clone())
    });
    read.finish().map(|()| current)
}

fn private_endpoints_value(endpoints: &PrivateEndpointsDraft) -> Value {
    object(vec![
        ("enabled", endpoints.enabled.into()),
        (
            "endpoints",
            endpoints.endpoints.iter().map(endpoint_value).collect(),
        ),
        ("dns_mode", name_value(endpoints.dns_mode)),
        (
            "zone_resource_group",
            endpoints.zone_resource_group.as_str().into(),
        ),
        (
            "existing_zone_ids",
            texts_value(&endpoints.existing_zone_ids),
        ),
        ("close_public_access", endpoints.close_public_access.into()),
        (
            "removals",
            endpoints.removals.iter().map(removal_value).collect(),
        ),
        (
            "reopen_public_access",
            endpoints.reopen_public_access.into(),
        ),
    ])
}

fn read_private_endpoints(value: &Value, path: &str) -> Result<PrivateEndpointsDraft, String> {
    let mut endpoints = PrivateEndpointsDraft::default();
    let mut read = ObjectReader::new(value, path)?;
    read.flag("enabled", &mut endpoints.enabled);
    read.list("endpoints", &mut endpoints.endpoints, read_endpoint);
    read.choice("dns_mode", &mut endpoints.dns_mode);
    read.text("zone_resource_group", &mut endpoints.zone_resource_group);
    read.texts("existing_zone_ids", &mut endpoints.existing_zone_ids);
    read.flag("close_public_access", &mut endpoints.close_public_access);
    read.list("removals", &mut endpoints.removals, read_removal);
    read.flag("reopen_public_access", &mut endpoints.reopen_public_access);
    read.finish().map(|()| endpoints)
}

fn endpoint_value(endpoint: &EndpointDraft) -> Value {
    object(vec![
        ("service", name_value(endpoint.service)),
        ("resource_id", endpoint.resource_id.as_str().into()),
        ("group_id", endpoint.group_id.as_str().into()),
        ("input", name_value(endpoint.input)),
        ("subnet_id", endpoint.subnet_id.as_str().into()),
        ("subscription_id", endpoint.subscription_id.as_str().into()),
        ("resource_group", endpoint.resource_group.as_str().into()),
        ("vnet", endpoint.vnet.as_str().into()),
        ("subnet", endpoint.subnet.as_str().into()),
        ("tenant_id", endpoint.tenant_id.as_str().into()),
        ("name", endpoint.name.as_str().into()),
        ("connection_name", endpoint.connection_name.as_str().into()),
        (
            "endpoint_resource_group",
            endpoint.endpoint_resource_group.as_str().into(),
        ),
        ("location", endpoint.location.as_str().into()),
        ("manual_approval", endpoint.manual_approval.into()),
        ("request_message", endpoint.request_message.as_str().into()),
        (
            "disable_network_policies",
            endpoint.disable_network_policies.into(),
        ),
    ])
}

fn read_endpoint(value: &Value, path: &str) -> Result<EndpointDraft, String> {
    let mut endpoint = EndpointDraft::default();
    let mut read = ObjectReader::new(value, path)?;
    read.choice("service", &mut endpoint.service);
    read.text("resource_id", &mut endpoint.resource_id);
    read.text("group_id", &mut endpoint.group_id);
    read.choice("input", &mut endpoint.input);
    read.text("subnet_id", &mut endpoint.subnet_id);
    read.text("subscription_id", &mut endpoint.subscription_id);
    read.text("resource_group", &mut endpoint.resource_group);
    read.text("vnet", &mut endpoint.vnet);
    read.text("subnet", &mut endpoint.subnet);
    read.text("tenant_id", &mut endpoint.tenant_id);
    read.text("name", &mut endpoint.name);
    read.text("connection_name", &mut endpoint.connection_name);
    read.text(
        "endpoint_resource_group",
        &mut endpoint.endpoint_resource_group,
    );
    read.text("location", &mut endpoint.location);
    read.flag("manual_approval", &mut endpoint.manual_approval);
    read.text("request_message", &mut endpoint.request_message);
    read.flag(
        "disable_network_policies",
        &mut endpoint.disable_network_policies,
    );
    read.finish().map(|()| endpoint)
}

fn removal_value(removal: &RemovalDraft) -> Value {
    object(vec![
        ("endpoint_id", removal.endpoint_id.as_str().into()),
        ("delete_zone_group", removal.delete_zone_group.into()),
    ])
}

fn read_removal(value: &Value, path: &str) -> Result<RemovalDraft, String> {
    let mut removal = RemovalDraft::default();
    let mut read = ObjectReader::new(value, path)?;
    read.text("endpoint_id", &mut removal.endpoint_id);
    read.flag("delete_zone_group", &mut removal.delete_zone_group);
    read.finish().map(|()| removal)
}

impl Named for Cloud {
    const ALL: &'static [Self] = &Cloud::ALL;
    const NAMES: &'static [&'static str] = &["AzureCloud", "AzureUSGovernment", "AzureChinaCloud"];
}

impl Named for ResourceType {
    const ALL: &'static [Self] = &ResourceType::ALL;
    const NAMES: &'static [&'static str] = &["cognitive_services", "ml_hub", "media_services"];
}

impl Named for DnsMode {
    const ALL: &'static [Self] = &DnsMode::ALL;
    const NAMES: &'static [&'static str] = &["create_zones", "existing_zones", "own_dns"];
}

impl Named for LinkService {
    const ALL: &'static [Self] = &LinkService::ALL;
    const NAMES: &'static [&'static str] = &[
        "target",
        "storage",
        "key_vault",
        "container_registry",
        "search",
        "ai_services",
    ];
}

impl Named for Existence {
    const ALL: &'static [Self] = &[Existence::Existing, Existence::Create];
    const NAMES: &'static [&'static str] = &["existing", "create"];
}

impl Named for PublicNetworkAccess {
    const ALL: &'static [Self] = &[PublicNetworkAccess::Enabled, PublicNetworkAccess::Disabled];
    const NAMES: &'static [&'static str] = &["Enabled", "Disabled"];
}

impl Named for DefaultAction {
    const ALL: &'static [Self] = &[DefaultAction::Allow, DefaultAction::Deny];
    const NAMES: &'static [&'static str] = &["Allow", "Deny"];
}

impl Named for Bypass {
    const ALL: &'static [Self] = &[Bypass::KeepCurrent, Bypass::None, Bypass::AzureServices];
    const NAMES: &'static [&'static str] = &["KeepCurrent", "None", "AzureServices"];
}

impl Named for SubnetInput {
    const ALL: &'static [Self] = &[SubnetInput::ResourceId, SubnetInput::Parts];
    const NAMES: &'static [&'static str] = &["resource_id", "parts"];
}
