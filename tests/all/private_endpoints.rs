//! Private endpoints and private DNS: the zone table covers every type, kind and cloud the UI
//! offers; validation messages at their fields; the plan's order; the REST bodies' shapes.

use serde::Deserialize;

use ai_network_wizard::core::cloud::Cloud;
use ai_network_wizard::core::diagnostics::Severity;
use ai_network_wizard::core::draft::{Draft, Existence};
use ai_network_wizard::core::generate::generate;
use ai_network_wizard::core::plan::{Action, EndpointAction};
use ai_network_wizard::core::private_endpoints::config::Approval;
use ai_network_wizard::core::private_endpoints::draft::{DnsMode, EndpointDraft, RemovalDraft};
use ai_network_wizard::core::private_endpoints::zones::{client_host, zones_for};
use ai_network_wizard::core::private_endpoints::{LinkService, LinkType};
use ai_network_wizard::core::resource_kinds::{ResourceType, KINDS};
use ai_network_wizard::core::validate::validate;

use ai_network_wizard::core::quote;
use ai_network_wizard::core::render::OutputTarget;

use crate::support::{
    fixture, fixtures, messages_at, powershell_verbatim, render_draft, valid_draft,
};

const SUBNET: &str = "/subscriptions/6f1c2a8e-4b7d-4e15-9a3c-2d8f0b7e5a91/resourceGroups/rg-network/providers/Microsoft.Network/virtualNetworks/vnet-apps/subnets/snet-endpoints";

fn endpoint() -> EndpointDraft {
    EndpointDraft {
        subnet_id: SUBNET.into(),
        ..EndpointDraft::default()
    }
}

fn with_endpoints(endpoints: Vec<EndpointDraft>) -> Draft {
    let mut draft = valid_draft();
    draft.network.enabled = false;
    draft.private_endpoints.endpoints = endpoints;
    draft
}

fn dependent_id(service: LinkService) -> String {
    let arm_type = LinkType::of(service, ResourceType::MlHub).arm_type();
    format!("/subscriptions/6f1c2a8e-4b7d-4e15-9a3c-2d8f0b7e5a91/resourceGroups/rg-hub/providers/{arm_type}/dependent1")
}

/// Every type, kind, dependent service and sub-resource the UI offers, in every cloud: the
/// table gives zones or says what it lacks, and the person sees that message.
#[test]
fn zone_table_covers_every_type_kind_and_cloud() {
    let mut checked = 0;
    for cloud in Cloud::ALL {
        for resource_type in ResourceType::ALL {
            let kinds: Vec<&str> = match resource_type {
                ResourceType::CognitiveServices => KINDS.iter().map(|k| k.id).collect(),
                _ => vec![""],
            };
            let services: Vec<LinkService> = match resource_type {
                ResourceType::MlHub => LinkService::ALL.to_vec(),
                _ => vec![LinkService::Target],
            };
            for kind in &kinds {
                for service in &services {
                    let link_type = LinkType::of(*service, resource_type);
                    for group in link_type.group_ids() {
                        let kind = if *service == LinkService::AiServices {
                            "AIServices"
                        } else {
                            kind
                        };
                        let answer = zones_for(cloud, link_type, kind, group);
                        let what =
                            format!("{cloud:?} {resource_type:?} {kind} {service:?} {group}");
                        assert!(
                            !answer.zones.is_empty() || !answer.gaps.is_empty(),
                            "{what}: neither zones nor a message"
                        );
                        for zone in &answer.zones {
                            assert!(
                                zone.name.starts_with("privatelink."),
                                "{what}: {}",
                                zone.name
                            );
                            // The forwarders and the client host come from the table, not
                            // from the zone's name.
                            assert!(
                                answer.forwarders.contains(&zone.public),
                                "{what}: {} is not forwarded",
                                zone.public
                            );
                            let host = client_host(zone, "contoso1", "region1");
                            assert!(
                                host.ends_with(&format!(".{}", zone.public)) && !host.contains('{'),
                                "{what}: client host {host} does not resolve through {}",
                                zone.name
                            );
                        }
                        assert_eq!(
                            answer.zones.is_empty(),
                            answer.forwarders.is_empty(),
                            "{what}: forwarders {:?}",
                            answer.forwarders
                        );
                        // Every gap reaches the person as a warning at the endpoint.
                        let mut draft = with_endpoints(vec![EndpointDraft {
                            service: *service,
                            resource_id: if *service == LinkService::Target {
                                String::new()
                            } else {
                                dependent_id(*service)
                            },
                            group_id: (*group).to_owned(),
                            ..endpoint()
                        }]);
                        draft.target.cloud = cloud;
                        draft.target.region = cloud.known_regions()[0].into();
                        draft.target.resource_type = resource_type;
                        draft.target.name = "contoso1".into();
                        if !kind.is_empty() && *service == LinkService::Target {
                            draft.target.kind = (*kind).into();
                        }
                        let validation = validate(&draft);
                        let mut warnings = messages_at(
                            &validation,
                            "private_endpoints.endpoints.0.group_id",
                            Severity::Warning,
                        );
                        // A lone hub storage endpoint also hears that blob and file go together.
                        warnings.retain(|w| !w.starts_with("The hub's default storage needs"));
                        assert_eq!(warnings, answer.gaps, "{what}");
                        checked += 1;
                    }
                }
            }
        }
    }
    assert!(checked > 80, "only {checked} combinations");
}

#[test]
fn kinds_decide_the_zones() {
    let zones = |kind: &str| -> Vec<&str> {
        zones_for(
            Cloud::AzureCloud,
            LinkType::CognitiveServices,
            kind,
            "account",
        )
        .zones
        .iter()
        .map(|z| z.name)
        .collect()
    };
    assert_eq!(
        zones("SpeechServices"),
        ["privatelink.cognitiveservices.azure.com"]
    );
    assert_eq!(
        zones("OpenAI"),
        [
            "privatelink.cognitiveservices.azure.com",
            "privatelink.openai.azure.com"
        ]
    );
    assert_eq!(
        zones("AIServices"),
        [
            "privatelink.cognitiveservices.azure.com",
            "privatelink.openai.azure.com",
            "privatelink.services.ai.azure.com"
        ]
    );
    let hub = zones_for(
        Cloud::AzureUSGovernment,
        LinkType::MachineLearning,
        "",
        "amlworkspace",
    );
    let names: Vec<&str> = hub.zones.iter().map(|z| z.name).collect();
    assert_eq!(
        names,
        [
            "privatelink.api.ml.azure.us",
            "privatelink.notebooks.usgovcloudapi.net"
        ]
    );
}

/// Microsoft's "public DNS zone forwarders" per type: a hub needs five public zones in each
/// cloud, Key Vault both vault and vaultcore; none is the zone name without "privatelink.".
#[test]
fn forwarders_come_from_the_table_per_type_and_cloud() {
    let forwarders = |cloud, link_type, group| zones_for(cloud, link_type, "", group).forwarders;
    assert_eq!(
        forwarders(Cloud::AzureCloud, LinkType::MachineLearning, "amlworkspace"),
        [
            "api.azureml.ms",
            "notebooks.azure.net",
            "instances.azureml.ms",
            "aznbcontent.net",
            "inference.ml.azure.com"
        ]
    );
    assert_eq!(
        forwarders(
            Cloud::AzureUSGovernment,
            LinkType::MachineLearning,
            "amlworkspace"
        ),
        [
            "api.ml.azure.us",
            "notebooks.usgovcloudapi.net",
            "instances.azureml.us",
            "aznbcontent.net",
            "inference.ml.azure.us"
        ]
    );
    assert_eq!(
        forwarders(
            Cloud::AzureChinaCloud,
            LinkType::MachineLearning,
            "amlworkspace"
        )
        .len(),
        5
    );
    assert_eq!(
        forwarders(Cloud::AzureCloud, LinkType::KeyVault, "vault"),
        ["vault.azure.net", "vaultcore.azure.net"]
    );
    assert_eq!(
        forwarders(Cloud::AzureUSGovernment, LinkType::KeyVault, "vault"),
        ["vault.usgovcloudapi.net", "vaultcore.usgovcloudapi.net"]
    );
    assert_eq!(
        zones_for(
            Cloud::AzureCloud,
            LinkType::CognitiveServices,
            "AIServices",
            "account"
        )
        .forwarders,
        [
            "cognitiveservices.azure.com",
            "openai.azure.com",
            "services.ai.azure.com"
        ]
    );
}

/// The "confirmed" marks follow Microsoft's tables (azure-facts §14), and the person reads the
/// same at the endpoint.
#[test]
fn confirmed_marks_match_microsofts_tables() {
    let unconfirmed = |cloud, link_type, kind, group| -> Vec<&'static str> {
        zones_for(cloud, link_type, kind, group)
            .zones
            .iter()
            .filter(|z| !z.confirmed)
            .map(|z| z.name)
            .collect()
    };
    let none: [&str; 0] = [];
    assert_eq!(
        unconfirmed(
            Cloud::AzureCloud,
            LinkType::CognitiveServices,
            "AIServices",
            "account"
        ),
        none,
        "services.ai is in the public-cloud table"
    );
    assert_eq!(
        unconfirmed(
            Cloud::AzureUSGovernment,
            LinkType::CognitiveServices,
            "OpenAI",
            "account"
        ),
        ["privatelink.openai.azure.us"]
    );
    assert_eq!(
        unconfirmed(
            Cloud::AzureChinaCloud,
            LinkType::ContainerRegistry,
            "",
            "registry"
        ),
        ["privatelink.azurecr.cn"]
    );
    assert_eq!(
        unconfirmed(
            Cloud::AzureChinaCloud,
            LinkType::Search,
            "",
            "searchService"
        ),
        ["privatelink.search.azure.cn"]
    );
    assert_eq!(
        unconfirmed(
            Cloud::AzureUSGovernment,
            LinkType::ContainerRegistry,
            "",
            "registry"
        ),
        none
    );

    let mut draft = with_endpoints(vec![endpoint()]);
    draft.target.kind = "OpenAI".into();
    draft.target.cloud = Cloud::AzureUSGovernment;
    draft.target.region = "usgovvirginia".into();
    let validation = validate(&draft);
    assert_eq!(
        messages_at(&validation, "private_endpoints.endpoints.0.group_id", Severity::Info),
        ["The zone privatelink.openai.azure.us is common practice but not listed in Microsoft's tables for Azure US Government: check GET {resource}/privateLinkResources (requiredZoneNames)."]
    );
    draft.target.kind = "AIServices".into();
    draft.target.cloud = Cloud::AzureCloud;
    draft.target.region = "westeurope".into();
    let validation = validate(&draft);
    assert!(
        messages_at(
            &validation,
            "private_endpoints.endpoints.0.group_id",
            Severity::Info
        )
        .is_empty(),
        "no zone of AI Services is called unconfirmed in the public cloud"
    );
}

/// A hub's registry behind an endpoint: the person learns at the field that image builds need
/// a compute cluster.
#[test]
fn hub_registry_endpoint_says_image_builds_need_a_compute_cluster() {
    let validation = validate(&fixture("hub-us-government-own-dns-registry"));
    assert!(validation.config.is_some());
    assert_eq!(
        messages_at(&validation, "private_endpoints.endpoints.2.resource_id", Severity::Info),
        ["With its container registry behind a private endpoint, the hub builds environment images on a compute cluster: create one and set it as the hub's image build compute (imageBuildCompute), or image builds fail."]
    );
}

#[test]
fn request_message_is_at_most_140_characters() {
    let draft = with_endpoints(vec![EndpointDraft {
        manual_approval: true,
        request_message: "x".repeat(141),
        ..endpoint()
    }]);
    let validation = validate(&draft);
    assert_eq!(
        messages_at(
            &validation,
            "private_endpoints.endpoints.0.request_message",
            Severity::Error
        ),
        ["The request message has 141 characters; Azure accepts at most 140."]
    );
    let mut ok = draft.clone();
    ok.private_endpoints.endpoints[0].request_message = "é".repeat(140);
    assert!(validate(&ok).config.is_some());
}

/// Windows PowerShell 5.1 drops the double quotes inside an argument to az (a .cmd file): the
/// az-in-PowerShell script writes the message to a temporary file and passes `@file`, which az
/// reads back, so the resource owner sees the message as typed.
#[test]
fn az_powershell_passes_the_request_message_through_a_file() {
    let message = "Team \"chat\" asks: O'Brien’s app, 50% & more";
    let draft = with_endpoints(vec![EndpointDraft {
        manual_approval: true,
        request_message: message.into(),
        ..endpoint()
    }]);
    let script = render_draft(&draft, OutputTarget::AzPowerShell);
    let written: Vec<String> = script
        .lines()
        .filter_map(|l| {
            l.trim()
                .strip_prefix("[System.IO.File]::WriteAllText($requestMessageFile.FullName, ")?
                .strip_suffix(')')
        })
        .map(|literal| powershell_verbatim(literal).expect("a verbatim string"))
        .collect();
    assert_eq!(written, [message], "the file holds the message as typed");
    let passed: Vec<&str> = script
        .lines()
        .filter(|l| l.contains("'--request-message'"))
        .map(str::trim)
        .collect();
    assert_eq!(
        passed,
        ["$endpointArguments += @('--request-message', \"@$($requestMessageFile.FullName)\")"]
    );
    assert_eq!(
        script
            .matches("Remove-Item -LiteralPath $requestMessageFile.FullName -Force")
            .count(),
        2,
        "the file is removed after the creation and before a failure stops the script"
    );
    // The bash script quotes it on the command line, where nothing is lost.
    let bash = render_draft(&draft, OutputTarget::AzBash);
    assert!(bash.contains(&format!(" --request-message {} ", quote::bash(message))));
}

#[test]
fn endpoint_on_a_new_account_without_custom_subdomain_is_an_error_with_a_fix() {
    let mut draft = with_endpoints(vec![endpoint()]);
    draft.target.existence = Existence::Create;
    draft.custom_domain.enabled = false;
    let validation = validate(&draft);
    let error = validation
        .errors()
        .find(|d| d.field == "private_endpoints.custom_domain")
        .expect("an error at the step");
    let fix = error.fix.clone().expect("a one-click fix");
    assert_eq!(fix.replacement, ["contoso-speech"]);
    assert!(draft.apply_fix(&error.field, &fix.replacement));
    assert!(draft.custom_domain.enabled);
    assert_eq!(draft.custom_domain.subdomain, "contoso-speech");
    assert!(
        validate(&draft).config.is_some(),
        "{:?}",
        validate(&draft).diagnostics
    );
}

#[test]
fn two_endpoints_writing_the_same_record_warn() {
    let draft = with_endpoints(vec![
        endpoint(),
        EndpointDraft {
            name: "pe-second".into(),
            ..endpoint()
        },
    ]);
    let validation = validate(&draft);
    let warnings = messages_at(
        &validation,
        "private_endpoints.endpoints.1.subnet_id",
        Severity::Warning,
    );
    assert_eq!(warnings.len(), 1, "{:?}", validation.diagnostics);
    assert!(warnings[0].starts_with("Endpoints 1 and 2 write the same resource's record into privatelink.cognitiveservices.azure.com (and into every other zone they share): the later one would overwrite it"), "{}", warnings[0]);
}

/// Three endpoints of an AI Services account (three zones each): one warning per pair, at the
/// later endpoint, naming both, not one per zone.
#[test]
fn endpoints_sharing_zones_get_one_warning_per_pair() {
    let mut draft = with_endpoints(vec![
        endpoint(),
        EndpointDraft {
            name: "pe-second".into(),
            ..endpoint()
        },
        EndpointDraft {
            name: "pe-third".into(),
            ..endpoint()
        },
    ]);
    draft.target.kind = "AIServices".into();
    let validation = validate(&draft);
    let at = |i: usize| {
        messages_at(
            &validation,
            &format!("private_endpoints.endpoints.{i}.subnet_id"),
            Severity::Warning,
        )
    };
    let zones = "privatelink.cognitiveservices.azure.com (and into every other zone they share): the later one would overwrite it";
    assert_eq!(at(0), Vec::<String>::new());
    assert_eq!(at(1).len(), 1, "{:?}", validation.diagnostics);
    assert!(
        at(1)[0].starts_with(&format!(
            "Endpoints 1 and 2 write the same resource's record into {zones}"
        )),
        "{}",
        at(1)[0]
    );
    assert_eq!(at(2).len(), 1, "{:?}", at(2));
    assert!(
        at(2)[0].starts_with(&format!(
            "Endpoints 1 and 3 write the same resource's record into {zones}"
        )),
        "{}",
        at(2)[0]
    );
}

#[test]
fn sub_resource_comes_from_the_types_table() {
    let draft = with_endpoints(vec![EndpointDraft {
        group_id: "blob".into(),
        ..endpoint()
    }]);
    assert_eq!(
        messages_at(&validate(&draft), "private_endpoints.endpoints.0.group_id", Severity::Error),
        ["\"blob\" is not a sub-resource of Microsoft.CognitiveServices/accounts: choose one of account."]
    );
}

#[test]
fn existing_zones_must_cover_every_zone() {
    let mut draft = with_endpoints(vec![endpoint()]);
    draft.target.kind = "OpenAI".into();
    draft.private_endpoints.dns_mode = DnsMode::ExistingZones;
    draft.private_endpoints.existing_zone_ids = vec!["/subscriptions/9a8b7c6d-5e4f-4321-8fed-cba987654321/resourceGroups/rg-dns/providers/Microsoft.Network/privateDnsZones/privatelink.cognitiveservices.azure.com".into()];
    assert_eq!(
        messages_at(&validate(&draft), "private_endpoints.existing_zone_ids", Severity::Error),
        ["No zone ID for privatelink.openai.azure.com (endpoint 1 needs it): add the zone's resource ID."]
    );
}

/// Endpoint and DNS come before public access is closed; reopening comes before removals.
#[test]
fn public_access_closes_after_endpoint_and_dns_and_reopens_before_removal() {
    let plan = generate(&fixture("speech-private-endpoint-created-zones"))
        .plan
        .expect("valid");
    let position =
        |pred: &dyn Fn(&Action) -> bool| plan.steps.iter().position(|s| pred(&s.action)).unwrap();
    let endpoint = position(&|a| {
        matches!(
            a,
            Action::PrivateEndpoint(EndpointAction::CreateEndpoint { .. })
        )
    });
    let group = position(&|a| {
        matches!(
            a,
            Action::PrivateEndpoint(EndpointAction::AttachZoneGroup { .. })
        )
    });
    let close = position(&|a| matches!(a, Action::SetPublicNetworkAccess { .. }));
    assert!(endpoint < group && group < close);

    let plan = generate(&fixture("private-endpoint-remove-reopen-public-access"))
        .plan
        .expect("valid");
    let reopen = position_in(&plan, |a| {
        matches!(a, Action::SetPublicNetworkAccess { .. })
    });
    let delete = position_in(&plan, |a| {
        matches!(
            a,
            Action::PrivateEndpoint(EndpointAction::DeleteEndpoint { .. })
        )
    });
    assert!(reopen < delete);
}

fn position_in(
    plan: &ai_network_wizard::core::plan::Plan,
    pred: impl Fn(&Action) -> bool,
) -> usize {
    plan.steps.iter().position(|s| pred(&s.action)).unwrap()
}

#[test]
fn closing_and_reopening_conflicts_are_errors() {
    let mut draft = with_endpoints(vec![endpoint()]);
    draft.private_endpoints.close_public_access = true;
    draft.private_endpoints.reopen_public_access = true;
    draft.private_endpoints.removals = vec![RemovalDraft::default()];
    let validation = validate(&draft);
    assert_eq!(
        messages_at(
            &validation,
            "private_endpoints.close_public_access",
            Severity::Error
        ),
        ["Choose either closing or reopening public access, not both."]
    );
    assert!(!messages_at(
        &validation,
        "private_endpoints.removals.0.endpoint_id",
        Severity::Error
    )
    .is_empty());
}

/// Closing (or reopening) public access while the Network rules step says the opposite is a
/// conflict across two steps: its one-click fix sets the Network rules step to match, and the
/// plan is then valid, with public access as the endpoint step asked.
#[test]
fn cross_step_public_access_conflicts_are_fixed_in_one_click() {
    use ai_network_wizard::core::draft::PublicNetworkAccess;
    let mut closing = with_endpoints(vec![endpoint()]);
    closing.network.enabled = true;
    closing.private_endpoints.close_public_access = true;
    let mut reopening = with_endpoints(vec![]);
    reopening.target.existence = Existence::Existing;
    reopening.network.enabled = true;
    reopening.network.public_network_access = PublicNetworkAccess::Disabled;
    reopening.private_endpoints.reopen_public_access = true;
    reopening.private_endpoints.removals = vec![RemovalDraft {
        endpoint_id: "/subscriptions/6f1c2a8e-4b7d-4e15-9a3c-2d8f0b7e5a91/resourceGroups/rg-network/providers/Microsoft.Network/privateEndpoints/pe-old".into(),
        ..RemovalDraft::default()
    }];
    for (mut draft, field, label, after) in [
        (
            closing,
            "private_endpoints.close_public_access",
            "Disable it in the Network rules step",
            PublicNetworkAccess::Disabled,
        ),
        (
            reopening,
            "private_endpoints.reopen_public_access",
            "Enable it in the Network rules step",
            PublicNetworkAccess::Enabled,
        ),
    ] {
        let validation = validate(&draft);
        let conflict = validation
            .for_field(field)
            .find(|d| d.severity == Severity::Error)
            .unwrap_or_else(|| panic!("a conflict at {field}: {:#?}", validation.diagnostics));
        let fix = conflict.fix.clone().expect("a one-click fix");
        assert_eq!(fix.label, label);
        assert!(draft.apply_fix(field, &fix.replacement));
        assert_eq!(draft.network.public_network_access, after);
        let validation = validate(&draft);
        let errors: Vec<_> = validation.errors().collect();
        assert!(errors.is_empty(), "{errors:#?}");
    }
    // The values are the fix's own: anything else leaves the draft as it was.
    let mut draft = with_endpoints(vec![endpoint()]);
    let before = draft.clone();
    assert!(!draft.apply_fix(
        "private_endpoints.close_public_access",
        &["Enabled".to_owned()]
    ));
    assert!(!draft.apply_fix(
        "private_endpoints.reopen_public_access",
        &["Disabled".to_owned()]
    ));
    assert_eq!(draft, before);
}

#[test]
fn media_services_says_what_an_endpoint_does_not_do() {
    let plan = generate(&fixture("media-services-private-endpoint"))
        .plan
        .expect("valid");
    let guidance = plan
        .steps
        .iter()
        .find_map(|s| match &s.action {
            Action::PrivateEndpoint(EndpointAction::ClientGuidance { lines }) => {
                Some(lines.join("\n"))
            }
            _ => None,
        })
        .expect("guidance");
    assert!(guidance.contains("retired on 2024-06-30"));
    assert!(guidance.contains("does not close internet access"));
    assert!(guidance.contains("CDN has no private link"));
}

// ---- REST bodies (azure-facts §3, §4; Microsoft.Network 2024-05-01, privateDns 2024-06-01) ----

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ZonePut {
    location: String,
    /// Tags of the plan (Resource.tags in the specs: an object of strings).
    #[allow(dead_code)]
    tags: Option<std::collections::HashMap<String, String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LinkPut {
    location: String,
    /// Tags of the plan (Resource.tags in the specs: an object of strings).
    #[allow(dead_code)]
    tags: Option<std::collections::HashMap<String, String>>,
    properties: LinkProperties,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
struct LinkProperties {
    virtual_network: IdRef,
    registration_enabled: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct IdRef {
    id: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct EndpointPut {
    location: String,
    /// Tags of the plan (Resource.tags in the specs: an object of strings).
    #[allow(dead_code)]
    tags: Option<std::collections::HashMap<String, String>>,
    properties: EndpointProperties,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
struct EndpointProperties {
    subnet: IdRef,
    private_link_service_connections: Option<Vec<Connection>>,
    manual_private_link_service_connections: Option<Vec<Connection>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Connection {
    name: String,
    properties: ConnectionProperties,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
struct ConnectionProperties {
    private_link_service_id: String,
    group_ids: Vec<String>,
    request_message: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
struct ZoneGroupPut {
    properties: ZoneGroupProperties,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
struct ZoneGroupProperties {
    private_dns_zone_configs: Vec<ZoneConfig>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
struct ZoneConfig {
    name: String,
    properties: ZoneConfigProperties,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
struct ZoneConfigProperties {
    private_dns_zone_id: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
struct AccessPatch {
    properties: AccessProperties,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
struct AccessProperties {
    public_network_access: Access,
}

#[derive(Deserialize)]
enum Access {
    Enabled,
    Disabled,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
struct SearchAccessPatch {
    properties: SearchAccessProperties,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
struct SearchAccessProperties {
    public_network_access: SearchAccess,
}

#[derive(Deserialize)]
#[serde(rename_all = "lowercase")]
enum SearchAccess {
    #[allow(dead_code)]
    Enabled,
    Disabled,
}

fn parse<'a, T: Deserialize<'a>>(body: &'a str, what: &str) -> T {
    serde_json::from_str(body)
        .unwrap_or_else(|e| panic!("{what}: body is not a valid shape: {e}\n{body}"))
}

/// Checks a private endpoint or DNS request body strictly; false when the request is not one.
pub fn is_valid_body(method: &str, path: &str, body: &str, what: &str) -> bool {
    let last_type = path.rsplit('/').nth(1).unwrap_or_default();
    match (method, last_type) {
        ("PUT", "privateDnsZones") => {
            let zone: ZonePut = parse(body, what);
            assert_eq!(zone.location, "global", "{what}");
        }
        ("PUT", "virtualNetworkLinks") => {
            let link: LinkPut = parse(body, what);
            assert_eq!(link.location, "global", "{what}");
            assert!(
                link.properties
                    .virtual_network
                    .id
                    .contains("/virtualNetworks/"),
                "{what}"
            );
            assert!(!link.properties.registration_enabled, "{what}");
        }
        ("PUT", "privateEndpoints") => {
            let endpoint: EndpointPut = parse(body, what);
            assert!(!endpoint.location.is_empty(), "{what}");
            assert!(
                endpoint.properties.subnet.id.contains("/subnets/"),
                "{what}"
            );
            let p = &endpoint.properties;
            let connections = match (
                &p.private_link_service_connections,
                &p.manual_private_link_service_connections,
            ) {
                (Some(c), None) => {
                    assert!(
                        c.iter().all(|c| c.properties.request_message.is_none()),
                        "{what}"
                    );
                    c
                }
                (None, Some(c)) => c,
                _ => panic!("{what}: exactly one kind of connection"),
            };
            for c in connections {
                assert!(
                    !c.name.is_empty() && !c.properties.private_link_service_id.is_empty(),
                    "{what}"
                );
                assert_eq!(c.properties.group_ids.len(), 1, "{what}");
                assert!(c
                    .properties
                    .request_message
                    .as_ref()
                    .is_none_or(|m| m.chars().count() <= 140));
            }
        }
        ("PUT", "privateDnsZoneGroups") => {
            let group: ZoneGroupPut = parse(body, what);
            assert!(
                !group.properties.private_dns_zone_configs.is_empty(),
                "{what}"
            );
            for config in group.properties.private_dns_zone_configs {
                assert!(
                    config
                        .properties
                        .private_dns_zone_id
                        .contains("/privateDnsZones/privatelink."),
                    "{what}"
                );
                assert!(!config.name.contains('.'), "{what}");
            }
        }
        // A hub's key vault and registry ("Disabled"), its search service (lower case in
        // 2023-11-01): only publicNetworkAccess, only to close.
        ("PATCH", "vaults" | "registries") => {
            let patch: AccessPatch = parse(body, what);
            assert!(matches!(
                patch.properties.public_network_access,
                Access::Disabled
            ));
        }
        ("PATCH", "searchServices") => {
            let patch: SearchAccessPatch = parse(body, what);
            assert!(matches!(
                patch.properties.public_network_access,
                SearchAccess::Disabled
            ));
        }
        ("PATCH", "workspaces" | "mediaservices") => {
            let patch: AccessPatch = parse(body, what);
            assert!(matches!(
                patch.properties.public_network_access,
                Access::Enabled | Access::Disabled
            ));
        }
        _ => return false,
    }
    true
}

/// A share link carries the endpoints and reopens the same draft.
#[test]
fn share_links_carry_the_endpoints() {
    use ai_network_wizard::core::share_link::{read_link, share_link};
    for name in [
        "ai-studio-hub-private-endpoints",
        "private-endpoint-remove-reopen-public-access",
    ] {
        let draft = fixture(name);
        let link = share_link("https://wizard.example/", &draft);
        assert_eq!(read_link(&link), Some(Ok(draft)), "{name}");
    }
}

/// The hub fixture without its file endpoint: only blob for the hub's default storage.
fn hub_storage_blob_only(close_public_access: bool) -> Draft {
    let mut draft = fixture("ai-studio-hub-private-endpoints");
    let removed = draft.private_endpoints.endpoints.remove(2);
    assert_eq!(removed.group_id, "file");
    draft.private_endpoints.close_public_access = close_public_access;
    draft
}

const HUB_STORAGE_GROUP_FIELD: &str = "private_endpoints.endpoints.1.group_id";

#[test]
fn closing_a_hub_whose_storage_has_only_a_blob_endpoint_is_an_error_with_a_fix() {
    let draft = hub_storage_blob_only(true);
    let validation = validate(&draft);
    assert!(validation.config.is_none(), "refused");
    let expected = "The hub's default storage needs both a blob and a file endpoint (Microsoft's hub private-link requirements); contosohubstorage has no file endpoint, so clients in the network would reach that part only over the internet, which closing public access cuts off.";
    assert_eq!(
        messages_at(&validation, HUB_STORAGE_GROUP_FIELD, Severity::Error),
        [expected]
    );
    let diagnostic = validation
        .diagnostics
        .iter()
        .find(|d| d.field == HUB_STORAGE_GROUP_FIELD)
        .unwrap();
    let fix = diagnostic.fix.clone().expect("a one-click fix");
    assert_eq!(fix.label, "Add the file endpoint");

    let mut fixed = draft.clone();
    assert!(fixed.apply_fix(&diagnostic.field, &fix.replacement));
    let added = &fixed.private_endpoints.endpoints[2];
    assert_eq!(
        (
            added.service,
            added.resource_id.as_str(),
            added.group_id.as_str(),
            added.subnet_id.as_str()
        ),
        (
            LinkService::Storage,
            draft.private_endpoints.endpoints[1].resource_id.as_str(),
            "file",
            draft.private_endpoints.endpoints[1].subnet_id.as_str()
        )
    );
    assert_eq!(
        fixed.private_endpoints.endpoints,
        fixture("ai-studio-hub-private-endpoints")
            .private_endpoints
            .endpoints,
        "the fix gives back the fixture's file endpoint"
    );
    let plan = generate(&fixed).plan.expect("valid after the fix");
    assert!(plan.steps.iter().any(|s| matches!(
        &s.action,
        Action::PrivateEndpoint(EndpointAction::CreateEndpoint { endpoint })
            if endpoint.group_id == "file" && endpoint.name == "pe-contosohubstorage-file"
    )));
}

#[test]
fn a_hub_storage_endpoint_without_its_sibling_warns_while_public_access_stays_open() {
    let validation = validate(&hub_storage_blob_only(false));
    assert!(validation.config.is_some(), "only a warning");
    assert_eq!(
        messages_at(&validation, HUB_STORAGE_GROUP_FIELD, Severity::Warning),
        ["The hub's default storage needs both a blob and a file endpoint (Microsoft's hub private-link requirements); contosohubstorage has no file endpoint, so clients in the network would reach that part only over the internet: add it before public access closes."]
    );
}

#[test]
fn closing_a_hub_with_its_storage_says_the_closing_step_checks_the_storage_firewall() {
    let validation = validate(&fixture("ai-studio-hub-private-endpoints"));
    assert!(validation.config.is_some());
    assert!(messages_at(&validation, HUB_STORAGE_GROUP_FIELD, Severity::Error).is_empty());
    assert_eq!(
        messages_at(
            &validation,
            "private_endpoints.close_public_access",
            Severity::Info
        ),
        ["The hub reaches its default storage through the trusted-services exception or a resource-instance rule for the workspace, not through its private endpoint: the closing step checks the storage account's firewall for one of them and stops before disabling public access if neither is there."]
    );
}

/// Every endpoint waiting for manual approval, on the target or on a hub's dependent resource,
/// gets the owner's request in the REST tab as the scripts print their command: the resource's
/// connections listed under its own api-version, with how to approve the pending one.
#[test]
fn the_rest_tab_asks_the_owner_of_every_manual_endpoint_to_approve_it() {
    let mut dependents = 0;
    for (name, draft) in fixtures() {
        let Some(plan) = generate(&draft).plan else {
            continue;
        };
        for step in &plan.steps {
            let Action::PrivateEndpoint(EndpointAction::CreateEndpoint { endpoint }) = &step.action
            else {
                continue;
            };
            if endpoint.approval == Approval::Automatic {
                continue;
            }
            let listed = format!("{}/privateEndpointConnections", endpoint.resource_id);
            let requests = plan.requests(step);
            let approval = requests
                .iter()
                .find(|r| r.method == "GET" && r.path == listed)
                .unwrap_or_else(|| panic!("{name}: no approval request for {}", endpoint.name));
            assert_eq!(
                approval.api_version,
                endpoint.link_type.public_access_api().0,
                "{name}"
            );
            let note = approval.note.as_deref().unwrap_or_default();
            assert!(
                note.contains(&format!("ends with /{}", endpoint.name))
                    && note.contains("\"status\": \"Approved\""),
                "{name}: {note}"
            );
            if endpoint.link_type != LinkType::CognitiveServices {
                dependents += 1;
            }
        }
    }
    assert!(dependents >= 3, "hub dependents checked: {dependents}");
}
