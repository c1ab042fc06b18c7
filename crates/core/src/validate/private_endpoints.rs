//! The Private endpoints step: endpoints (subnet, names, region, approval, sub-resource), DNS
//! mode and zones, closing and reopening public access, removals.

use std::collections::HashMap;

use super::optional_tenant_id;
use crate::config::{CustomDomain, NetworkRules, Resource, Target};
use crate::diagnostics::Diagnostic;
use crate::draft::{Draft, Existence, PublicNetworkAccess, SubnetInput};
use crate::names;
use crate::private_endpoints::config::{
    Approval, Dns, Endpoint, PrivateEndpoints, Removal, ZoneRef,
};
use crate::private_endpoints::draft::{DnsMode, EndpointDraft};
use crate::private_endpoints::zones::zones_for;
use crate::private_endpoints::{
    default_connection_name, default_endpoint_name, parse_resource_id, LinkService, LinkType,
};
use crate::subnet_id::SubnetId;

/// The longest request message Azure accepts on a manual connection.
pub const MAX_REQUEST_MESSAGE: usize = 140;

const PREFIX: &str = "private_endpoints";

pub(super) fn validate_private_endpoints(
    draft: &Draft,
    target: Option<&Target>,
    custom_domain: Option<&CustomDomain>,
    network: Option<&NetworkRules>,
    out: &mut Vec<Diagnostic>,
) -> Option<PrivateEndpoints> {
    let step = &draft.private_endpoints;
    if !step.enabled {
        return None;
    }
    let mut ok = true;
    let zone_ids = match step.dns_mode {
        DnsMode::ExistingZones => existing_zone_ids(&step.existing_zone_ids, &mut ok, out),
        _ => Vec::new(),
    };
    let dns = match step.dns_mode {
        DnsMode::CreateZones => {
            let resource_group = if step.zone_resource_group.is_empty() {
                draft.target.resource_group.clone()
            } else {
                if let Err(m) = names::check_resource_group(&step.zone_resource_group) {
                    out.push(Diagnostic::error(
                        format!("{PREFIX}.zone_resource_group"),
                        m,
                    ));
                    ok = false;
                }
                step.zone_resource_group.clone()
            };
            Dns::CreateZones {
                subscription_id: draft.target.subscription_id.to_ascii_lowercase(),
                resource_group,
            }
        }
        DnsMode::ExistingZones => Dns::ExistingZones,
        DnsMode::OwnDns => Dns::OwnDns,
    };

    let mut endpoints = Vec::new();
    // Each valid endpoint's place in the form, so that messages address the right entry.
    let mut places = Vec::new();
    for (index, entry) in step.endpoints.iter().enumerate() {
        match endpoint(draft, target, &dns, &zone_ids, index, entry, out) {
            Some(e) => {
                endpoints.push(e);
                places.push(index);
            }
            None => ok = false,
        }
    }
    if !endpoints.is_empty() {
        ok &= check_custom_domain(draft, target, custom_domain, &endpoints, out);
    }
    ok &= check_duplicate_names(&endpoints, &places, out);
    same_record_warnings(&endpoints, &places, &step.endpoints, &dns, out);
    ok &= check_hub_storage(draft, &endpoints, &places, out);

    let removals = removals(draft, &mut ok, out);
    ok &= check_public_access(draft, network, !endpoints.is_empty(), out);
    ok &= check_close_guards(draft, target, network, &dns, &endpoints, out);
    ok.then_some(PrivateEndpoints {
        endpoints,
        dns,
        close_public_access: step.close_public_access,
        removals,
        reopen_public_access: step.reopen_public_access,
    })
}

fn existing_zone_ids(entries: &[String], ok: &mut bool, out: &mut Vec<Diagnostic>) -> Vec<ZoneRef> {
    let mut zones = Vec::new();
    if entries.is_empty() {
        out.push(Diagnostic::error(
            format!("{PREFIX}.existing_zone_ids"),
            "Enter the resource ID of each private DNS zone the endpoints use (for example from the central DNS subscription of a hub-and-spoke network).",
        ));
        *ok = false;
    }
    for (index, entry) in entries.iter().enumerate() {
        match parse_resource_id(
            entry,
            "Microsoft.Network/privateDnsZones",
            "private DNS zone",
            names::check_resource_name,
        ) {
            Ok(parts) => zones.push(ZoneRef {
                name: parts.name.to_ascii_lowercase(),
                id: entry.clone(),
            }),
            // The IDs are one field in the form: the message says which one.
            Err(m) => {
                out.push(Diagnostic::error(
                    format!("{PREFIX}.existing_zone_ids"),
                    format!("Zone ID {}: {m}", index + 1),
                ));
                *ok = false;
            }
        }
    }
    zones
}

fn endpoint(
    draft: &Draft,
    target: Option<&Target>,
    dns: &Dns,
    existing_zones: &[ZoneRef],
    index: usize,
    entry: &EndpointDraft,
    out: &mut Vec<Diagnostic>,
) -> Option<Endpoint> {
    let prefix = format!("{PREFIX}.endpoints.{index}");
    let mut ok = true;
    let link_type = LinkType::of(entry.service, draft.target.resource_type);
    let resource_id = match entry.service {
        LinkService::Target => target.map(Target::resource_id),
        _ => match parse_resource_id(
            &entry.resource_id,
            link_type.arm_type(),
            entry.service.label_noun(),
            link_type.name_check(),
        ) {
            Ok(_) => Some(entry.resource_id.clone()),
            Err(m) => {
                out.push(Diagnostic::error(format!("{prefix}.resource_id"), m));
                ok = false;
                None
            }
        },
    };
    if entry.service == LinkService::ContainerRegistry {
        out.push(Diagnostic::info(
            format!("{prefix}.resource_id"),
            crate::plan::HUB_REGISTRY_IMAGE_BUILDS,
        ));
    }
    let kind = match (entry.service, link_type) {
        (LinkService::AiServices, _) => "AIServices".to_owned(),
        (_, LinkType::CognitiveServices) => draft.target.kind.clone(),
        _ => String::new(),
    };

    let offered = link_type.group_ids();
    let group_id = if entry.group_id.is_empty() {
        offered[0].to_owned()
    } else if let Some(g) = offered
        .iter()
        .find(|g| g.eq_ignore_ascii_case(&entry.group_id))
    {
        (*g).to_owned()
    } else {
        out.push(Diagnostic::error(
            format!("{prefix}.group_id"),
            format!(
                "\"{}\" is not a sub-resource of {}: choose one of {}.",
                entry.group_id,
                link_type.arm_type(),
                offered.join(", ")
            ),
        ));
        ok = false;
        offered[0].to_owned()
    };

    let subnet = subnet_of(entry, &draft.target.subscription_id, &prefix, out);
    let tenant_id = optional_tenant_id(&entry.tenant_id, &prefix, &mut ok, out);

    let resource_name = resource_id
        .as_deref()
        .map(crate::private_endpoints::resource_name_of)
        .unwrap_or(draft.target.name.as_str());
    let name = if entry.name.is_empty() {
        default_endpoint_name(resource_name, &group_id)
    } else {
        entry.name.clone()
    };
    if let Err(m) = names::check_private_endpoint(&name) {
        let field = if entry.name.is_empty() {
            "resource_id"
        } else {
            "name"
        };
        out.push(Diagnostic::error(format!("{prefix}.{field}"), m));
        ok = false;
    }
    let connection_name = if entry.connection_name.is_empty() {
        default_connection_name(&name)
    } else {
        entry.connection_name.clone()
    };
    if let Err(m) = names::check_connection_name(&connection_name) {
        out.push(Diagnostic::error(format!("{prefix}.connection_name"), m));
        ok = false;
    }

    let location = if entry.location.is_empty() {
        if !draft.target.region.is_empty() {
            out.push(Diagnostic::info(
                format!("{prefix}.location"),
                format!(
                    "The endpoint is created in its virtual network's region; left empty, that is taken to be the resource's region ({}). If the virtual network is elsewhere, enter its region.",
                    draft.target.region
                ),
            ));
        }
        draft.target.region.clone()
    } else {
        if let Err(m) = names::check_region(&entry.location) {
            out.push(Diagnostic::error(format!("{prefix}.location"), m));
            ok = false;
        } else if entry.location != draft.target.region && entry.service == LinkService::Target {
            out.push(Diagnostic::info(
                format!("{prefix}.location"),
                format!(
                    "The endpoint goes in the virtual network's region ({}), the resource is in {}: that works; traffic crosses regions.",
                    entry.location, draft.target.region
                ),
            ));
        }
        entry.location.clone()
    };

    let approval = if entry.manual_approval {
        let length = entry.request_message.chars().count();
        if length > MAX_REQUEST_MESSAGE {
            out.push(Diagnostic::error(
                format!("{prefix}.request_message"),
                format!("The request message has {length} characters; Azure accepts at most {MAX_REQUEST_MESSAGE}."),
            ));
            ok = false;
        }
        out.push(Diagnostic::info(
            format!("{prefix}.manual_approval"),
            "The endpoint stays Pending until the resource's owner approves it; the script prints the command for them. DNS records appear once it is approved.",
        ));
        Approval::Manual {
            request_message: entry.request_message.clone(),
        }
    } else {
        Approval::Automatic
    };

    let answer = zones_for(draft.target.cloud, link_type, &kind, &group_id);
    for gap in &answer.gaps {
        out.push(Diagnostic::warning(
            format!("{prefix}.group_id"),
            gap.clone(),
        ));
    }
    for zone in answer.zones.iter().filter(|z| !z.confirmed) {
        out.push(Diagnostic::info(
            format!("{prefix}.group_id"),
            format!(
                "The zone {} is common practice but not listed in Microsoft's tables for {}: check GET {{resource}}/privateLinkResources (requiredZoneNames).",
                zone.name,
                draft.target.cloud.label()
            ),
        ));
    }
    let zones: Vec<ZoneRef> = answer
        .zones
        .iter()
        .filter_map(|zone| match dns {
            Dns::CreateZones {
                subscription_id,
                resource_group,
            } => Some(ZoneRef {
                name: zone.name.to_owned(),
                id: format!(
                    "/subscriptions/{subscription_id}/resourceGroups/{resource_group}/providers/Microsoft.Network/privateDnsZones/{}",
                    zone.name
                ),
            }),
            Dns::ExistingZones => match existing_zones.iter().find(|z| z.name == zone.name) {
                Some(z) => Some(z.clone()),
                None => {
                    out.push(Diagnostic::error(
                        format!("{PREFIX}.existing_zone_ids"),
                        format!("No zone ID for {} (endpoint {} needs it): add the zone's resource ID.", zone.name, index + 1),
                    ));
                    ok = false;
                    None
                }
            },
            Dns::OwnDns => Some(ZoneRef {
                name: zone.name.to_owned(),
                id: String::new(),
            }),
        })
        .collect();

    let subnet = subnet?;
    if !subnet
        .subscription_id
        .eq_ignore_ascii_case(&draft.target.subscription_id)
    {
        out.push(Diagnostic::info(
            subnet_field(entry, &prefix),
            format!(
                "The endpoint is created in its virtual network's subscription ({}); whoever runs the script needs access there too.",
                subnet.subscription_id
            ),
        ));
    }
    let resource_group = if entry.endpoint_resource_group.is_empty() {
        subnet.resource_group.clone()
    } else {
        if let Err(m) = names::check_resource_group(&entry.endpoint_resource_group) {
            out.push(Diagnostic::error(
                format!("{prefix}.endpoint_resource_group"),
                m,
            ));
            ok = false;
        }
        entry.endpoint_resource_group.clone()
    };
    let resource_id = resource_id?;
    ok.then_some(Endpoint {
        name,
        connection_name,
        resource_group,
        subnet,
        tenant_id,
        location,
        link_type,
        kind,
        resource_id,
        group_id,
        zones,
        approval,
        disable_network_policies: entry.disable_network_policies,
    })
}

fn subnet_field(entry: &EndpointDraft, prefix: &str) -> String {
    match entry.input {
        SubnetInput::ResourceId => format!("{prefix}.subnet_id"),
        SubnetInput::Parts => format!("{prefix}.subnet"),
    }
}

fn subnet_of(
    entry: &EndpointDraft,
    target_subscription: &str,
    prefix: &str,
    out: &mut Vec<Diagnostic>,
) -> Option<SubnetId> {
    let result = match entry.input {
        SubnetInput::ResourceId => {
            SubnetId::parse(&entry.subnet_id).map_err(|m| (format!("{prefix}.subnet_id"), m))
        }
        SubnetInput::Parts => {
            let subscription = if entry.subscription_id.is_empty() {
                target_subscription
            } else {
                entry.subscription_id.as_str()
            };
            SubnetId::from_parts(
                subscription,
                &entry.resource_group,
                &entry.vnet,
                &entry.subnet,
            )
            .map_err(|(part, m)| (format!("{prefix}.{part}"), m))
        }
    };
    match result {
        Ok(s) => Some(s),
        Err((field, message)) => {
            out.push(super::subnet_error(
                field,
                message,
                entry.input,
                &entry.subnet_id,
            ));
            None
        }
    }
}

/// Clients reach an account through an endpoint only by its custom subdomain.
fn check_custom_domain(
    draft: &Draft,
    target: Option<&Target>,
    custom_domain: Option<&CustomDomain>,
    endpoints: &[Endpoint],
    out: &mut Vec<Diagnostic>,
) -> bool {
    let Some(target) = target else { return true };
    let on_account = matches!(target.resource, Resource::CognitiveServices { .. })
        && endpoints
            .iter()
            .any(|e| e.resource_id.eq_ignore_ascii_case(&target.resource_id()));
    if !on_account || custom_domain.is_some() || draft.custom_domain.enabled {
        return true;
    }
    let name = target.resource.name().to_ascii_lowercase();
    let fix = |d: Diagnostic| {
        d.with_fix(
            format!("Use custom subdomain \"{name}\""),
            vec![name.clone()],
        )
    };
    if target.existence == Existence::Create {
        out.push(fix(Diagnostic::error(
            format!("{PREFIX}.custom_domain"),
            "A private endpoint on an account without a custom subdomain does not work: clients in the virtual network must call https://{subdomain}.cognitiveservices… Include the Custom domain step.",
        )));
        false
    } else {
        out.push(fix(Diagnostic::warning(
            format!("{PREFIX}.custom_domain"),
            "A private endpoint needs the account's custom subdomain. The Custom domain step is not included: the script stops before the endpoint if the account has none.",
        )));
        true
    }
}

/// The sub-resources a hub's default storage needs endpoints for (azure-facts §14).
const HUB_STORAGE_GROUPS: [&str; 2] = ["blob", "file"];

/// A hub's default storage behind private endpoints needs both a blob and a file endpoint:
/// closing public access with one of them missing cuts the hub's clients off from the other.
/// An error when public access closes, a warning otherwise; the fix adds the missing endpoint.
fn check_hub_storage(
    draft: &Draft,
    endpoints: &[Endpoint],
    places: &[usize],
    out: &mut Vec<Diagnostic>,
) -> bool {
    let closing = draft.private_endpoints.close_public_access;
    let mut ok = true;
    let mut seen: Vec<String> = Vec::new();
    for (e, &index) in endpoints.iter().zip(places) {
        let storage = &draft.private_endpoints.endpoints[index];
        let key = e.resource_id.to_ascii_lowercase();
        if storage.service != LinkService::Storage || seen.contains(&key) {
            continue;
        }
        seen.push(key);
        let missing: Vec<String> = HUB_STORAGE_GROUPS
            .into_iter()
            .filter(|group| {
                !endpoints.iter().any(|o| {
                    o.resource_id.eq_ignore_ascii_case(&e.resource_id) && o.group_id == *group
                })
            })
            .map(str::to_owned)
            .collect();
        if missing.is_empty() {
            continue;
        }
        let message = format!(
            "The hub's default storage needs both a blob and a file endpoint (Microsoft's hub private-link requirements); {} has no {} endpoint, so clients in the network would reach that part only over the internet{}.",
            e.resource_name(),
            missing.join(" or "),
            if closing { ", which closing public access cuts off" } else { ": add it before public access closes" },
        );
        let field = format!("{PREFIX}.endpoints.{index}.group_id");
        let diagnostic = if closing {
            ok = false;
            Diagnostic::error(field, message)
        } else {
            Diagnostic::warning(field, message)
        };
        let label = format!("Add the {} endpoint", missing.join(" and "));
        out.push(diagnostic.with_fix(label, missing));
    }
    if closing && !seen.is_empty() {
        out.push(Diagnostic::info(
            format!("{PREFIX}.close_public_access"),
            "The hub reaches its default storage through the trusted-services exception or a resource-instance rule for the workspace, not through its private endpoint: the closing step checks the storage account's firewall for one of them and stops before disabling public access if neither is there.",
        ));
    }
    ok
}

fn check_duplicate_names(
    endpoints: &[Endpoint],
    places: &[usize],
    out: &mut Vec<Diagnostic>,
) -> bool {
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut ok = true;
    for (e, &index) in endpoints.iter().zip(places) {
        if let Some(first) = seen.insert(e.id().to_ascii_lowercase(), index) {
            out.push(Diagnostic::error(
                format!("{PREFIX}.endpoints.{index}.name"),
                format!(
                    "Endpoint {} has the same name in the same resource group.",
                    first + 1
                ),
            ));
            ok = false;
        }
    }
    ok
}

/// Two endpoints for the same resource and sub-resource write the same A record into one zone:
/// the second overwrites the first (azure-facts §4).
fn same_record_warnings(
    endpoints: &[Endpoint],
    places: &[usize],
    drafts: &[EndpointDraft],
    dns: &Dns,
    out: &mut Vec<Diagnostic>,
) {
    let mut seen: HashMap<String, usize> = HashMap::new();
    // One warning per pair of endpoints, at the later one, naming both.
    let mut warned: Vec<(usize, usize)> = Vec::new();
    for (e, &index) in endpoints.iter().zip(places) {
        for zone in &e.zones {
            let scope = match dns {
                Dns::OwnDns => e.subnet.vnet_id().to_ascii_lowercase(),
                _ => zone.id.to_ascii_lowercase(),
            };
            let key = format!(
                "{}|{}|{}|{scope}",
                e.resource_id.to_ascii_lowercase(),
                e.group_id,
                zone.name
            );
            let Some(&first) = seen.get(&key) else {
                seen.insert(key, index);
                continue;
            };
            if warned.contains(&(first, index)) {
                continue;
            }
            warned.push((first, index));
            out.push(Diagnostic::warning(
                subnet_field(&drafts[index], &format!("{PREFIX}.endpoints.{index}")),
                format!(
                    "Endpoints {} and {} write the same resource's record into {} (and into every other zone they share): the later one would overwrite it, so clients resolve only one of the two IPs. Use one endpoint per resource per DNS zone (or separate zones for separate networks).",
                    first + 1,
                    index + 1,
                    zone.name
                ),
            ));
        }
    }
}

fn removals(draft: &Draft, ok: &mut bool, out: &mut Vec<Diagnostic>) -> Vec<Removal> {
    let mut removals = Vec::new();
    for (index, entry) in draft.private_endpoints.removals.iter().enumerate() {
        match parse_resource_id(
            &entry.endpoint_id,
            "Microsoft.Network/privateEndpoints",
            "private endpoint",
            names::check_private_endpoint,
        ) {
            Ok(parts) => removals.push(Removal {
                subscription_id: parts.subscription_id,
                resource_group: parts.resource_group,
                name: parts.name,
                delete_zone_group: entry.delete_zone_group,
            }),
            Err(m) => {
                out.push(Diagnostic::error(
                    format!("{PREFIX}.removals.{index}.endpoint_id"),
                    m,
                ));
                *ok = false;
            }
        }
    }
    if !removals.is_empty() && !draft.private_endpoints.reopen_public_access {
        out.push(Diagnostic::info(
            format!("{PREFIX}.reopen_public_access"),
            "Removing a private endpoint does not make the resource publicly reachable again (seed: AI Studio private link): enable public access too if clients should use the internet.",
        ));
    }
    removals
}

fn check_public_access(
    draft: &Draft,
    network: Option<&NetworkRules>,
    has_endpoints: bool,
    out: &mut Vec<Diagnostic>,
) -> bool {
    let step = &draft.private_endpoints;
    let field = format!("{PREFIX}.close_public_access");
    if step.close_public_access && step.reopen_public_access {
        out.push(Diagnostic::error(
            &field,
            "Choose either closing or reopening public access, not both.",
        ));
        return false;
    }
    let network_access = network.map(|n| n.public_network_access);
    if step.close_public_access && network_access == Some(PublicNetworkAccess::Enabled) {
        out.push(
            Diagnostic::error(
                &field,
                "The Network rules step keeps public network access Enabled: set it to Disabled there, or untick this.",
            )
            .with_fix("Disable it in the Network rules step", vec!["Disabled".to_owned()]),
        );
        return false;
    }
    if step.reopen_public_access && network_access == Some(PublicNetworkAccess::Disabled) {
        out.push(
            Diagnostic::error(
                format!("{PREFIX}.reopen_public_access"),
                "The Network rules step disables public network access: set it to Enabled there, or untick this.",
            )
            .with_fix("Enable it in the Network rules step", vec!["Enabled".to_owned()]),
        );
        return false;
    }
    if has_endpoints
        && !step.close_public_access
        && network_access != Some(PublicNetworkAccess::Disabled)
    {
        out.push(Diagnostic::info(
            &field,
            "A private endpoint does not close the public endpoint: the resource stays reachable from the internet (subject to its firewall) until public network access is disabled.",
        ));
    }
    true
}

/// Closing public access waits for what makes the endpoints carry traffic (plan/close_guard.rs):
/// said here, at the field, before any run stops on it.
fn check_close_guards(
    draft: &Draft,
    target: Option<&Target>,
    network: Option<&NetworkRules>,
    dns: &Dns,
    endpoints: &[Endpoint],
    out: &mut Vec<Diagnostic>,
) -> bool {
    let step = &draft.private_endpoints;
    let closing = step.close_public_access
        || network.is_some_and(|n| n.public_network_access == PublicNetworkAccess::Disabled);
    let Some(target) = target else { return true };
    if !closing || endpoints.is_empty() {
        return true;
    }
    let field = format!("{PREFIX}.close_public_access");
    let mut ok = true;
    if *dns == Dns::OwnDns {
        let on_account_only = matches!(target.resource, Resource::CognitiveServices { .. })
            && endpoints
                .iter()
                .all(|e| e.resource_id.eq_ignore_ascii_case(&target.resource_id()));
        if on_account_only {
            out.push(Diagnostic::warning(
                &field,
                format!(
                    "With your own DNS servers, clients reach the endpoint only once those servers answer its private address. Before closing, the scripts resolve the account's hosts on the machine they run on and stop unless each answers a private address ({}); run them from a machine that uses your clients' DNS servers, and once the records are there, run the same script again: it skips what is done and closes. The apply page cannot resolve names: it asks you to confirm before closing.",
                    crate::plan::close_guard::PRIVATE_RANGES
                ),
            ));
        } else if step.close_public_access {
            let api_zone = zones_for(target.cloud, LinkType::MachineLearning, "", "amlworkspace")
                .zones
                .first()
                .map_or("api.azureml.ms", |z| z.public);
            out.push(
                Diagnostic::error(
                    &field,
                    format!("With your own DNS servers, the outputs can check before closing only an account's client hosts; those of a hub, its resources or a Media Services account are known only in Azure, so closing here would cut off every client whose DNS servers do not hold the records yet. Untick this; once nslookup of each host (for a hub: <workspace-id>.workspace.<region>.{api_zone}) answers a private address on your clients' network, disable public network access on each resource's Networking page in the portal."),
                )
                .with_fix("Do not close public access in this run", vec!["false".to_owned()]),
            );
            ok = false;
        }
    }
    if target.existence == Existence::Existing {
        let manual: Vec<&str> = endpoints
            .iter()
            .filter(|e| matches!(e.approval, Approval::Manual { .. }))
            .map(|e| e.name.as_str())
            .collect();
        if !manual.is_empty() {
            out.push(Diagnostic::warning(
                &field,
                format!(
                    "Only an Approved endpoint carries traffic, and {} {} for the resource owner's approval. Before closing, every output reads the connection and stops while it is Pending, so nothing closes early: once the owner has approved {}, run the same script (or Resume) again: it skips what is done and closes.",
                    manual.join(", "),
                    if manual.len() == 1 { "waits" } else { "wait" },
                    if manual.len() == 1 { "it" } else { "them" }
                ),
            ));
        }
    }
    ok
}
