//! The Private endpoints steps and their ARM requests.
//!
//! subnet preparation → zones → VNet links → each endpoint (then its zone group, or the records
//! to create with your own DNS) → what clients change → [network default action and public
//! access] → close public access → removals → reopen public access.

use super::{ArmRequest, Step};
use crate::api_versions;
use crate::cloud::Cloud;
use crate::config::{Config, Resource, Target};
use crate::current_state::CurrentState;
use crate::json;
use crate::private_endpoints::config::{Approval, Endpoint, PrivateEndpoints, Removal, ZoneRef};
use crate::private_endpoints::zones::{client_host, Zone, ZoneAnswer};
use crate::private_endpoints::LinkType;
use crate::request_bodies;
use crate::subnet_id::SubnetId;

/// The Azure DNS address conditional forwarders point to.
pub const AZURE_DNS: &str = "168.63.129.16";

/// The private endpoint actions (a block of `Action`, kept together here).
#[derive(Clone, Debug, PartialEq)]
pub enum EndpointAction {
    /// Set the subnet's privateEndpointNetworkPolicies to Disabled, keeping every other property.
    DisableNetworkPolicies {
        subnet: SubnetId,
        tenant_id: Option<String>,
    },
    /// Create the private DNS zone unless it exists.
    CreateZone { zone: ZoneRef },
    /// Link the zone to a virtual network unless it is linked to it already, under any name
    /// (a zone links to a network once); `link_name` names a new link.
    LinkZone {
        zone: ZoneRef,
        vnet_id: String,
        link_name: String,
    },
    /// Create the endpoint unless it exists (retrying the "Accepted" race), then wait for it.
    CreateEndpoint { endpoint: Box<Endpoint> },
    /// Give the endpoint a zone group naming all its zones: its existing group, whatever its
    /// name (an endpoint has at most one), keeping the zones it has; `default` for a new one.
    AttachZoneGroup { endpoint: Box<Endpoint> },
    /// Own DNS servers: print the A records and the conditional forwarders to create.
    ShowDnsRecords { endpoint: Box<Endpoint> },
    /// Print what clients change: the host to call, the nslookup check.
    ClientGuidance { lines: Vec<String> },
    /// Delete an endpoint (its zone group first when asked); zones are never deleted.
    DeleteEndpoint { removal: Removal },
    /// Set publicNetworkAccess to disabled on a hub's dependent resource unless it is already.
    CloseDependentPublicAccess {
        resource_id: String,
        link_type: LinkType,
    },
}

impl EndpointAction {
    /// The ARM path (with its api-version) and the wire value of a dependent's closing.
    pub fn dependent_access(resource_id: &str, link_type: LinkType) -> (String, &'static str) {
        let (api_version, value) = link_type.public_access_api();
        (format!("{resource_id}?api-version={api_version}"), value)
    }
}

/// Link name of a zone to a virtual network: `link-{vnet}`, within 80 characters.
pub fn link_name(subnet: &SubnetId) -> String {
    let mut name = format!("link-{}", subnet.vnet);
    name.truncate(80);
    name
}

/// The steps that create endpoints and DNS (before the network's default action and access).
pub(super) fn creation_steps(config: &Config, pe: &PrivateEndpoints) -> Vec<Step> {
    use crate::private_endpoints::config::Dns;
    let mut steps = Vec::new();
    let mut subnets: Vec<String> = Vec::new();
    for e in pe.endpoints.iter().filter(|e| e.disable_network_policies) {
        let key = e.subnet.to_string().to_ascii_lowercase();
        if subnets.contains(&key) {
            continue;
        }
        subnets.push(key);
        steps.push(step(
            format!("Disable private endpoint network policies on subnet {}", e.subnet.subnet),
            "Only where wanted (no longer required for creating endpoints; AI Studio's guide asks for it): with policies Disabled, NSGs and route tables do not apply to the endpoints in this subnet. Every other property of the subnet is kept.",
            EndpointAction::DisableNetworkPolicies { subnet: e.subnet.clone(), tenant_id: e.tenant_id.clone() },
        ));
    }
    if let Dns::CreateZones { .. } = pe.dns {
        let mut zones: Vec<String> = Vec::new();
        let mut links: Vec<String> = Vec::new();
        for e in &pe.endpoints {
            for zone in &e.zones {
                if !zones.contains(&zone.name) {
                    zones.push(zone.name.clone());
                    steps.push(step(
                        format!("Create the private DNS zone {} unless it exists", zone.name),
                        "Endpoints write their A records here; an existing zone is reused, never replaced.",
                        EndpointAction::CreateZone { zone: zone.clone() },
                    ));
                }
            }
        }
        for e in &pe.endpoints {
            for zone in &e.zones {
                let key = format!("{}|{}", zone.name, e.subnet.vnet_id().to_ascii_lowercase());
                if links.contains(&key) {
                    continue;
                }
                links.push(key);
                steps.push(step(
                    format!("Link {} to virtual network {}", zone.name, e.subnet.vnet),
                    "Only virtual networks linked to the zone resolve the resource's name to the endpoint's private IP.",
                    EndpointAction::LinkZone { zone: zone.clone(), vnet_id: e.subnet.vnet_id(), link_name: link_name(&e.subnet) },
                ));
            }
        }
    }
    for e in &pe.endpoints {
        let approval = match &e.approval {
            Approval::Automatic => "Approved automatically when whoever runs this may approve on the resource.".to_owned(),
            Approval::Manual { .. } => "Manual approval: the connection stays Pending until the resource's owner approves it (the script prints how).".to_owned(),
        };
        let image_builds = if e.link_type == LinkType::ContainerRegistry
            && matches!(config.target.resource, Resource::MlHub { .. })
        {
            format!(" {HUB_REGISTRY_IMAGE_BUILDS}")
        } else {
            String::new()
        };
        steps.push(step(
            format!("Create private endpoint {} ({})", e.name, e.group_id),
            &format!(
                "The endpoint gets a private IP in subnet {} ({}) for {}. {approval} Creating it does not close public access.{image_builds}",
                e.subnet.subnet, e.location, crate::private_endpoints::resource_name_of(&e.resource_id)
            ),
            EndpointAction::CreateEndpoint { endpoint: Box::new(e.clone()) },
        ));
        if e.zones.is_empty() {
            continue;
        }
        match pe.dns {
            Dns::CreateZones { .. } | Dns::ExistingZones => steps.push(step(
                format!("Attach the DNS zone group of {}", e.name),
                "The zone group makes Azure write (and later remove) the endpoint's A records in the zones.",
                EndpointAction::AttachZoneGroup { endpoint: Box::new(e.clone()) },
            )),
            Dns::OwnDns => steps.push(step(
                format!("Show the DNS records for {}", e.name),
                "Your own DNS servers: nothing in Azure creates these records in this mode; they go in the privatelink zones there, before public access closes.",
                EndpointAction::ShowDnsRecords { endpoint: Box::new(e.clone()) },
            )),
        }
    }
    let guidance = client_guidance(
        &config.target,
        config.custom_domain.as_ref().map(|d| d.subdomain.as_str()),
        pe,
    );
    if !guidance.is_empty() {
        steps.push(step(
            "What clients change",
            "The host clients call and where its name resolves: check each host from inside the virtual network.",
            EndpointAction::ClientGuidance { lines: guidance },
        ));
    }
    steps
}

/// Seed 003: a hub's default resources (storage, key vault, registry, search, AI services)
/// get their public access disabled too, each once, after every endpoint and its DNS.
pub(super) fn dependent_closing_steps(config: &Config, pe: &PrivateEndpoints) -> Vec<Step> {
    let target = config.target.resource_id();
    let mut seen: Vec<String> = Vec::new();
    let mut steps = Vec::new();
    for e in &pe.endpoints {
        let key = e.resource_id.to_ascii_lowercase();
        if e.resource_id.eq_ignore_ascii_case(&target) || seen.contains(&key) {
            continue;
        }
        seen.push(key);
        let extra = match e.link_type {
            LinkType::ContainerRegistry => " A container registry accepts this only on the Premium tier (as for its private endpoint).",
            LinkType::Storage => " The hub service itself does not use these endpoints: it reaches its default storage through the trusted-services exception or a resource-instance rule for the workspace, so this step checks the storage account's firewall for one of them first and stops before disabling if neither is there.",
            _ => "",
        };
        steps.push(step(
            format!("Disable public network access on {}", e.resource_name()),
            &format!("Nothing on the internet reaches it from now on: clients in the linked virtual networks use its private endpoints. After every endpoint and its DNS, so nobody is locked out midway.{extra}"),
            EndpointAction::CloseDependentPublicAccess { resource_id: e.resource_id.clone(), link_type: e.link_type },
        ));
    }
    steps
}

/// Removals run after everything else.
pub(super) fn removal_steps(config: &Config, pe: &PrivateEndpoints) -> Vec<Step> {
    let speech = match &config.target.resource {
        Resource::CognitiveServices { kind, .. } if kind.id == "SpeechServices" => {
            format!(" {SPEECH_LAST_ENDPOINT_REMOVED}")
        }
        _ => String::new(),
    };
    pe.removals
        .iter()
        .map(|r| {
            step(
                format!("Delete private endpoint {}", r.name),
                &format!("Removes the endpoint and its private IP. The private DNS zones stay (other endpoints may use them); removing an endpoint does not make the resource public again.{speech}"),
                EndpointAction::DeleteEndpoint { removal: r.clone() },
            )
        })
        .collect()
}

/// A hub whose registry is behind a private endpoint cannot build images there (azure-facts
/// §14).
pub const HUB_REGISTRY_IMAGE_BUILDS: &str = "With its container registry behind a private endpoint, the hub builds environment images on a compute cluster: create one and set it as the hub's image build compute (imageBuildCompute), or image builds fail.";

/// Said at the removal of a Speech account's endpoint (Speech private-link page, "without
/// private endpoints").
pub const SPEECH_LAST_ENDPOINT_REMOVED: &str = "Speech: once the account's last private endpoint is gone, applications that switched to SpeechConfig.FromEndpoint with the custom-domain URL get 404: they must go back to SpeechConfig.FromSubscription(key, region) and the regional hosts.";

/// Said where a Speech account's firewall or public access closes (Speech private-link page).
pub const SPEECH_TOKENS_NEED_ALL_NETWORKS: &str = "Speech with a custom domain accepts access tokens (the Authorization header) only while all networks are allowed: from here on token clients fail; they must send the key (Ocp-Apim-Subscription-Key) instead.";

/// Said where a Translator account's firewall or public access closes (Translator v3
/// reference, virtual network support).
pub fn translator_with_network_rules(target: &Target) -> String {
    format!(
        "Translator with a custom domain and network rules accepts no access tokens and no calls to the global endpoint: clients send the key to https://<custom subdomain>.{}/translator/text/v3.0/<operation>.",
        target.cloud.cognitive_services_suffix()
    )
}

/// The warning for the target's kind where its firewall or public access closes, if any.
pub fn closing_warning(target: &Target) -> Option<String> {
    match &target.resource {
        Resource::CognitiveServices { kind, .. } => match kind.id {
            "SpeechServices" => Some(SPEECH_TOKENS_NEED_ALL_NETWORKS.to_owned()),
            "TextTranslation" => Some(translator_with_network_rules(target)),
            _ => None,
        },
        _ => None,
    }
}

/// What an endpoint's clients need from DNS servers of their own, after its A records: the
/// conditional forwarders from the zone table, why forwarding alone is not enough in this mode,
/// and the hub's compute-instance record.
pub fn own_dns_lines(target: &Target, endpoint: &Endpoint) -> Vec<String> {
    let table = endpoint.zone_table(target.cloud);
    let zones: Vec<&str> = endpoint.zones.iter().map(|z| z.name.as_str()).collect();
    let mut lines = vec![
        format!(
            "Conditional forwarders (the public zones): {}.",
            table.forwarders.join(", ")
        ),
        format!(
            "A forwarder to Azure DNS ({AZURE_DNS}) returns the private IP only from a virtual network linked to private DNS zones that hold these records; this mode creates none, so forwarding alone returns the public address."
        ),
        format!(
            "So either host {} with the records above on your DNS servers, or create those private DNS zones (the wizard's \"Create the zones\" mode), link them to a resolver's virtual network (for example an Azure DNS Private Resolver inbound endpoint) and forward the public zones above to that resolver.",
            zones.join(", ")
        ),
    ];
    if endpoint.link_type == LinkType::MachineLearning {
        if let Some(instances) = table
            .forwarders
            .iter()
            .find(|f| f.starts_with("instances."))
        {
            lines.push(format!(
                "Each compute instance also needs an A record: <instance-name>.{}.{instances} pointing to this endpoint's private IP.",
                target.region
            ));
        }
    }
    lines
}

/// How an fqdn becomes a record name, per zone: "`<x>.cognitiveservices.azure.com` is `<x>` in
/// privatelink.cognitiveservices.azure.com".
fn record_naming(target: &Target, endpoint: &Endpoint) -> String {
    let table = endpoint.zone_table(target.cloud);
    endpoint
        .zones
        .iter()
        .map(|zone| {
            let public = public_name(&table, zone);
            format!("<x>.{public} is the record <x> in {}", zone.name)
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// The public zone whose names go in `zone` (the table's, else the zone without its prefix).
fn public_name<'a>(table: &ZoneAnswer, zone: &'a ZoneRef) -> &'a str {
    match table.zones.iter().find(|z| z.name == zone.name) {
        Some(z) => z.public,
        None => zone.forwarded_zone(),
    }
}

/// The public name and privatelink zone of each of an endpoint's zones, as JSON for the
/// scripts: a name `{x}.{public}` goes in `zone` as the record `{x}`.
pub fn record_zones_json(target: &Target, endpoint: &Endpoint) -> String {
    let table = endpoint.zone_table(target.cloud);
    let pairs: Vec<serde_json::Value> = endpoint
        .zones
        .iter()
        .map(|zone| json!({ "public": public_name(&table, zone), "zone": zone.name }))
        .collect();
    crate::json_text::compact(&serde_json::Value::Array(pairs))
}

fn step(title: impl Into<String>, why: &str, action: EndpointAction) -> Step {
    Step {
        title: title.into(),
        why: why.to_owned(),
        irreversible: false,
        action: super::Action::PrivateEndpoint(action),
    }
}

/// Lines a person reads after the endpoints exist (seed 000 for Speech): one nslookup check per
/// zone the resource's clients resolve through (from the zone table), and the host to call.
fn client_guidance(target: &Target, subdomain: Option<&str>, pe: &PrivateEndpoints) -> Vec<String> {
    let own = pe
        .endpoints
        .iter()
        .find(|e| e.resource_id.eq_ignore_ascii_case(&target.resource_id()));
    let Some(own) = own else {
        return Vec::new();
    };
    let cloud = target.cloud;
    let table = own.zone_table(cloud);
    match &target.resource {
        Resource::CognitiveServices { kind, name, .. } => {
            let sub = subdomain.unwrap_or(name.as_str());
            let host = format!("{sub}.{}", cloud.cognitive_services_suffix());
            let mut lines = vec!["Check from inside the virtual network, one host per zone:".to_owned()];
            lines.extend(nslookup_checks(&table, sub, &target.region));
            match kind.id {
                "SpeechServices" => lines.extend([
                    "Speech through a private endpoint needs the custom-domain host:".to_owned(),
                    format!("  REST: https://{host}/{{stt|tts|s2s|voice}}/<path> instead of https://<region>.<offering>.{}/<path>", speech_regional_suffix(cloud)),
                    format!("  e.g. voices list: https://{host}/tts/cognitiveservices/voices/list"),
                    format!("  batch transcription: https://{host}/speechtotext/v3.1/transcriptions"),
                    format!("  SDK: SpeechConfig.FromEndpoint(new Uri(\"wss://{host}\"), key)"),
                    "  SpeechConfig.FromSubscription(key, region) stops working; the key header Ocp-Apim-Subscription-Key still works.".to_owned(),
                    "  Access tokens (the Authorization header) work on the custom domain only while all networks are allowed: once a firewall or closed public access applies, send the key header instead.".to_owned(),
                ]),
                "TextTranslation" => lines.extend([
                    format!("Translator clients call https://{host}/translator/text/v3.0/<operation> (for example translate?api-version=3.0&to=de), not the global endpoint."),
                    "  With network rules or a private endpoint, access tokens are refused: send the key header Ocp-Apim-Subscription-Key.".to_owned(),
                ]),
                _ => lines.extend(table.zones.iter().map(|zone| {
                    format!("Clients call https://{}/ ({})", client_host(zone, sub, &target.region), zone_clients(zone))
                })),
            }
            lines
        }
        Resource::MlHub { .. } => {
            let mut lines = vec![
                "Clients (AI Studio, SDK) resolve the hub's hosts to private IPs inside the linked virtual networks.".to_owned(),
                "Check from inside the virtual network (<workspace-id> is the hub's properties.workspaceId):".to_owned(),
            ];
            lines.extend(nslookup_checks(&table, target.resource.name(), &target.region));
            lines
        }
        Resource::MediaServices { name } => vec![
            "Media Services was retired on 2024-06-30: plan the move to another video platform.".to_owned(),
            format!("The endpoint does not close internet access to {name}'s streaming endpoints, live events and key delivery: restrict each with its IP allow list."),
            "Streaming through a CDN has no private link: CDN-enabled streaming endpoints stay public.".to_owned(),
        ],
    }
}

/// Before anything changes: the virtual network of each endpoint to create, read to compare
/// its region with the endpoint's (an endpoint is created in its virtual network's region). A
/// network in another Entra tenant is read in its endpoint's step, with that tenant's token.
pub(super) fn region_checks(pe: &PrivateEndpoints) -> Vec<ArmRequest> {
    let mut checks: Vec<ArmRequest> = Vec::new();
    let same_tenant = |e: &&Endpoint| e.tenant_id.as_deref().is_none_or(|t| t.trim().is_empty());
    for endpoint in pe.endpoints.iter().filter(same_tenant) {
        let vnet = endpoint.subnet.vnet_id();
        if checks.iter().any(|c| c.path.eq_ignore_ascii_case(&vnet)) {
            continue;
        }
        let mut wanted: Vec<&str> = pe
            .endpoints
            .iter()
            .filter(|e| e.subnet.vnet_id().eq_ignore_ascii_case(&vnet))
            .map(|e| e.location.as_str())
            .collect();
        wanted.dedup();
        checks.push(
            ArmRequest::new("GET", vnet, api_versions::NETWORK).note(format!(
                "Before anything changes: the virtual network's location must be {}, where its private endpoints are created. If it is another region, stop here and set that region for the endpoint in the wizard.",
                wanted.join(" and ")
            )),
        );
    }
    checks
}

/// `nslookup <host>` for each zone, with the alias it must show.
fn nslookup_checks(table: &ZoneAnswer, name: &str, region: &str) -> Vec<String> {
    table
        .zones
        .iter()
        .map(|zone| {
            let host = client_host(zone, name, region);
            let alias = match host.strip_suffix(zone.public) {
                Some(prefix) => format!("{prefix}{}", zone.name),
                None => format!("<name>.{}", zone.name),
            };
            format!("  nslookup {host} must show the alias {alias} and a private IP.")
        })
        .collect()
}

/// Who calls a Cognitive Services account's host of this zone.
fn zone_clients(zone: &Zone) -> &'static str {
    if zone.public.starts_with("openai.") {
        "Azure OpenAI clients: the SDK's endpoint"
    } else if zone.public.starts_with("services.ai.") {
        "Foundry project and model inference clients"
    } else {
        "the Azure AI services SDKs and REST calls"
    }
}

/// Where Speech's regional hosts live in each cloud (azure-facts §14).
fn speech_regional_suffix(cloud: Cloud) -> &'static str {
    match cloud {
        Cloud::AzureCloud => "speech.microsoft.com",
        Cloud::AzureUSGovernment => "speech.azure.us",
        Cloud::AzureChinaCloud => "speech.azure.cn",
    }
}

fn zone_path(zone: &ZoneRef) -> String {
    zone.id.clone()
}

/// The ARM requests of a private endpoint step.
pub(super) fn requests(
    target: &Target,
    state: Option<&CurrentState>,
    action: &EndpointAction,
    tags: Option<&serde_json::Value>,
) -> Vec<ArmRequest> {
    match action {
        EndpointAction::DisableNetworkPolicies { subnet, .. } => vec![
            ArmRequest::new("GET", subnet.to_string(), api_versions::NETWORK).note(
                "Read the complete subnet. If properties.privateEndpointNetworkPolicies is already Disabled, skip this step.",
            ),
            ArmRequest::new("PUT", subnet.to_string(), api_versions::NETWORK).state_body(
                request_bodies::subnet_without_endpoint_policies(
                    state.and_then(|s| s.subnet(subnet)),
                    state,
                ),
            ),
        ],
        EndpointAction::CreateZone { zone } => vec![
            ArmRequest::new("GET", zone_path(zone), api_versions::PRIVATE_DNS)
                .note("200: the zone exists, skip the PUT (it is reused as it is)."),
            ArmRequest::new("PUT", zone_path(zone), api_versions::PRIVATE_DNS)
                .if_none_match()
                .body(with_tags(json!({ "location": "global" }), tags))
                .note("Creates the zone only if it does not exist (If-None-Match: *). Long-running: poll GET until provisioningState is Succeeded."),
        ],
        EndpointAction::LinkZone { zone, vnet_id, link_name } => {
            let path = format!("{}/virtualNetworkLinks/{link_name}", zone_path(zone));
            vec![
                ArmRequest::new("GET", format!("{}/virtualNetworkLinks", zone_path(zone)), api_versions::PRIVATE_DNS)
                    .note(format!("A zone links to a virtual network once, under any name (a second link to it is refused): if a link listed here has properties.virtualNetwork.id {vnet_id} (in any case), the zone is linked already under that link's name; skip this step.")),
                ArmRequest::new("GET", path.clone(), api_versions::PRIVATE_DNS)
                    .note("200: the link exists, skip the PUT."),
                ArmRequest::new("PUT", path, api_versions::PRIVATE_DNS)
                    .if_none_match()
                    .body(with_tags(json!({
                        "location": "global",
                        "properties": { "virtualNetwork": { "id": vnet_id }, "registrationEnabled": false }
                    }), tags))
                    .note("Creates the link only if it does not exist (If-None-Match: *). Long-running: poll GET until provisioningState is Succeeded."),
            ]
        }
        EndpointAction::CreateEndpoint { endpoint } => {
            let mut requests = vec![
                ArmRequest::new("GET", endpoint.subnet.vnet_id(), api_versions::NETWORK)
                    .note(format!("The virtual network's location must be {}: an endpoint is created in its virtual network's region. If it is another region, stop and set that region for the endpoint in the wizard.", endpoint.location)),
                ArmRequest::new("GET", endpoint.id(), api_versions::NETWORK)
                    .note("200: the endpoint exists, skip the PUT."),
                // No If-None-Match: the operation does not document it (as it does for zones
                // and links), so the read above is what keeps an existing endpoint unreplaced.
                ArmRequest::new("PUT", endpoint.id(), api_versions::NETWORK)
                    .create_only()
                    .body(with_tags(endpoint_body(endpoint), tags))
                    .note("Only when the GET above answered 404: a PUT over an existing endpoint would replace it. Long-running: poll GET until properties.provisioningState is Succeeded. If it fails with AccountProvisioningStateInvalid (\"state Accepted\") right after the account changed, wait a minute and send it again."),
            ];
            if let Approval::Manual { .. } = endpoint.approval {
                requests.extend(approval_requests(endpoint));
            }
            requests
        }
        EndpointAction::AttachZoneGroup { endpoint } => {
            let group = format!("{}/privateDnsZoneGroups/{DEFAULT_ZONE_GROUP}", endpoint.id());
            vec![
                zone_groups_list(&endpoint.id()).note(format!("A private endpoint has at most one zone group, of any name (a second one is refused): if this lists one, use its name in place of {DEFAULT_ZONE_GROUP} in the two requests below; if it lists none, send them as they are.")),
                ArmRequest::new("GET", group.clone(), api_versions::NETWORK)
                    .note("200 with every zone below already listed: skip the PUT. Zones listed there but not below: add them to the body, so none is dropped."),
                ArmRequest::new("PUT", group, api_versions::NETWORK)
                    .body(zone_group_body(&endpoint.zones))
                    .note("The group is written whole with these zones. Long-running: poll GET until provisioningState is Succeeded."),
            ]
        }
        EndpointAction::ShowDnsRecords { endpoint } => vec![ArmRequest::new("GET", endpoint.id(), api_versions::NETWORK)
            .note(format!(
                "properties.customDnsConfigs lists each fqdn and its private IP. Create each A record in its privatelink zone by its name there: {}. {}",
                record_naming(target, endpoint),
                own_dns_lines(target, endpoint).join(" "),
            ))],
        EndpointAction::ClientGuidance { lines } => vec![ArmRequest::new(
            "GET",
            target.resource_id(),
            target.resource.resource_type().api_version(),
        )
        .note(lines.join(" "))],
        EndpointAction::CloseDependentPublicAccess { resource_id, link_type } => {
            let (api_version, value) = link_type.public_access_api();
            let mut read = format!("If properties.publicNetworkAccess is already {value} (in any case), skip the PATCH.");
            if let Some(hub_id) = hub_of_storage(target, *link_type) {
                read = format!("{read} {}", hub_storage_check_note(resource_id, &hub_id));
            }
            vec![
                ArmRequest::new("GET", resource_id.clone(), api_version).note(read),
                ArmRequest::new("PATCH", resource_id.clone(), api_version)
                    .body(json!({ "properties": { "publicNetworkAccess": value } }))
                    .note("Only this property changes. Long-running for some types: poll GET until properties.provisioningState is Succeeded."),
            ]
        }
        EndpointAction::DeleteEndpoint { removal } => {
            let mut requests = Vec::new();
            if removal.delete_zone_group {
                requests.push(zone_groups_list(&removal.id()).note(format!(
                    "A private endpoint has at most one zone group, of any name: if this lists one, use its name in place of {DEFAULT_ZONE_GROUP} in the next request; if it lists none (or answers 404), skip the next request."
                )));
                requests.push(
                    ArmRequest::new("DELETE", format!("{}/privateDnsZoneGroups/{DEFAULT_ZONE_GROUP}", removal.id()), api_versions::NETWORK)
                        .note("Removes the endpoint's A records from its zones (the zones stay). 404: nothing to remove."),
                );
            }
            requests.push(
                ArmRequest::new("DELETE", removal.id(), api_versions::NETWORK)
                    .note("Long-running (202): poll GET until 404. 204 means it was already gone."),
            );
            requests
        }
    }
}

/// The zone group name the requests carry when the endpoint has none yet; a group that exists
/// keeps its own name (an endpoint has at most one, of any name).
pub const DEFAULT_ZONE_GROUP: &str = "default";

/// The endpoint's zone groups (at most one), to learn the existing group's name.
fn zone_groups_list(endpoint_id: &str) -> ArmRequest {
    ArmRequest::new(
        "GET",
        format!("{endpoint_id}/privateDnsZoneGroups"),
        api_versions::NETWORK,
    )
}

/// The workspace whose default storage a closing step closes: the target, when it is a hub and
/// the resource a storage account.
pub fn hub_of_storage(target: &Target, link_type: LinkType) -> Option<String> {
    (link_type == LinkType::Storage && matches!(target.resource, Resource::MlHub { .. }))
        .then(|| target.resource_id())
}

/// Whether a storage account's firewall lets the hub through without its private endpoint:
/// trusted Azure services in `networkAcls.bypass`, or a resource-instance rule for the
/// workspace. `storage` is the account as ARM returns it.
pub fn hub_reaches_storage(storage: &serde_json::Value, hub_id: &str) -> bool {
    let acls = &storage["properties"]["networkAcls"];
    let trusted = acls["bypass"].as_str().is_some_and(|bypass| {
        bypass
            .split(',')
            .any(|b| b.trim().eq_ignore_ascii_case("AzureServices"))
    });
    let instance = acls["resourceAccessRules"].as_array().is_some_and(|rules| {
        rules.iter().any(|rule| {
            rule["resourceId"]
                .as_str()
                .is_some_and(|id| id.eq_ignore_ascii_case(hub_id))
        })
    });
    trusted || instance
}

/// What the REST tab's reader checks before closing a hub's storage (the scripts and the
/// apply page check it themselves).
fn hub_storage_check_note(storage_id: &str, hub_id: &str) -> String {
    format!("The hub reaches its default storage through the trusted-services exception or a resource-instance rule, not through its private endpoint: properties.networkAcls.bypass must include AzureServices, or properties.networkAcls.resourceAccessRules must list resourceId {hub_id}. If neither, do not send the PATCH: {}, then send it.", hub_storage_remedy(storage_id, hub_id, false))
}

/// Why a hub's storage stays open: its firewall would keep the hub out once public access is off.
pub fn hub_storage_unreachable(storage_id: &str, hub_id: &str) -> String {
    format!(
        "Storage account {} lets neither trusted Azure services (networkAcls.bypass AzureServices) nor the hub (a resource-instance rule for {hub_id}) through its firewall: with public network access disabled, the hub could no longer reach its default storage. Public access stays as it is.",
        crate::private_endpoints::resource_name_of(storage_id)
    )
}

/// How to let the hub through the storage firewall (both commands add one rule, keeping the
/// others): with the Az cmdlet when `cmdlet`, with az otherwise. Values are single-quoted, which
/// bash and PowerShell read alike: a validated ID holds no quote.
pub fn hub_storage_remedy(storage_id: &str, hub_id: &str, cmdlet: bool) -> String {
    let resource_group = storage_id
        .split('/')
        .nth(4)
        .unwrap_or("<its resource group>");
    let name = crate::private_endpoints::resource_name_of(storage_id);
    let command = if cmdlet {
        format!("Add-AzStorageAccountNetworkRule -ResourceGroupName '{resource_group}' -Name '{name}' -TenantId <tenant ID> -ResourceId '{hub_id}'")
    } else {
        format!("az storage account network-rule add --resource-group '{resource_group}' --account-name '{name}' --resource-id '{hub_id}' --tenant-id <tenant ID>")
    };
    format!("add a resource-instance rule for the hub ({command}) or allow trusted Azure services (bypass AzureServices)")
}

/// A create body with the plan's tags, when it has any.
pub(super) fn with_tags(
    mut body: serde_json::Value,
    tags: Option<&serde_json::Value>,
) -> serde_json::Value {
    if let Some(tags) = tags {
        body["tags"] = tags.clone();
    }
    body
}

pub fn endpoint_body(endpoint: &Endpoint) -> serde_json::Value {
    let mut connection = json!({
        "name": endpoint.connection_name,
        "properties": { "privateLinkServiceId": endpoint.resource_id, "groupIds": [endpoint.group_id] }
    });
    let key = match &endpoint.approval {
        Approval::Automatic => "privateLinkServiceConnections",
        Approval::Manual { request_message } => {
            connection["properties"]["requestMessage"] = json!(request_message);
            "manualPrivateLinkServiceConnections"
        }
    };
    json!({
        "location": endpoint.location,
        "properties": { "subnet": { "id": endpoint.subnet.to_string() }, key: [connection] }
    })
}

pub fn zone_group_body(zones: &[ZoneRef]) -> serde_json::Value {
    json!({ "properties": { "privateDnsZoneConfigs": zones.iter().map(|z| json!({
        "name": z.config_name(),
        "properties": { "privateDnsZoneId": z.id }
    })).collect::<Vec<_>>() } })
}

/// For the resource's owner: list the connections, approve the pending one. Every linkable
/// type lists them under its own api-version (a hub's dependent resources included).
fn approval_requests(endpoint: &Endpoint) -> Vec<ArmRequest> {
    let (api_version, _) = endpoint.link_type.public_access_api();
    vec![ArmRequest::new(
        "GET",
        format!("{}/privateEndpointConnections", endpoint.resource_id),
        api_version,
    )
    .note(format!(
        "For the resource's owner: find the Pending connection whose properties.privateEndpoint.id ends with /{}, then PUT that connection's id (same api-version) with the body {{\"properties\": {{\"privateLinkServiceConnectionState\": {{\"status\": \"Approved\", \"description\": \"Approved\"}}}}}}.",
        endpoint.name
    ))]
}
