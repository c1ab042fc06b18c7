//! Who gets in (core::reachability): one table of clients, hosts and configurations, each with
//! the verdict after the change (and before it, where a snapshot is attached), and the CLI.

use ai_network_wizard::core::cloud::Cloud;
use ai_network_wizard::core::config::Config;
use ai_network_wizard::core::current_state::CurrentStateDraft;
use ai_network_wizard::core::draft::{Bypass, DefaultAction, Draft, PublicNetworkAccess};
use ai_network_wizard::core::generate::generate;
use ai_network_wizard::core::reachability::{
    hosts, reachability, Client, HostAnswer, Query, Resolves,
};
use ai_network_wizard::core::subnet_id::SubnetId;

use crate::support::{fixture, text, wizard_cli};

const OPENAI: &str = "openai-existing-current-state";
const FOUNDRY: &str = "ai-services-private-endpoint-three-zones";
const NET_0B: &str =
    "/subscriptions/0b3d9c2e-7a41-4f6b-8e25-c91d4a7f3e60/resourceGroups/rg-network/providers/Microsoft.Network/virtualNetworks";
const NET_6F: &str =
    "/subscriptions/6f1c2a8e-4b7d-4e15-9a3c-2d8f0b7e5a91/resourceGroups/rg-network/providers/Microsoft.Network/virtualNetworks";
const SPOKE: &str =
    "/subscriptions/3b9d7c21-5e4f-4a8b-9c6d-1e2f3a4b5c6d/resourceGroups/rg-spoke-network/providers/Microsoft.Network/virtualNetworks/vnet-spoke";

/// What one verdict must say: allowed or not, how the name resolves, and text the reason and
/// the DNS explanation must contain ("" for the DNS: not checked).
#[derive(Clone, Copy, Debug)]
struct Expect {
    allowed: bool,
    resolves: Resolves,
    reason: &'static str,
    dns: &'static str,
}

const fn allowed(resolves: Resolves, reason: &'static str, dns: &'static str) -> Expect {
    Expect {
        allowed: true,
        resolves,
        reason,
        dns,
    }
}

const fn refused(resolves: Resolves, reason: &'static str, dns: &'static str) -> Expect {
    Expect {
        allowed: false,
        resolves,
        reason,
        dns,
    }
}

use Resolves::{Private, Public};

#[derive(Clone, Copy, Debug)]
enum Before {
    /// No snapshot: no "before" answer.
    Absent,
    Is(Expect),
}

struct Case {
    name: &'static str,
    draft: fn() -> Draft,
    query: fn() -> Query,
    host: &'static str,
    after: Expect,
    before: Before,
    /// The chain's CNAME hop, when the case is about it.
    hop: Option<&'static str>,
}

fn ip(text: &str) -> Query {
    Client::PublicIp(text.parse().unwrap()).into()
}

fn subnet(id: &str) -> Query {
    Client::Subnet(SubnetId::parse(id).unwrap()).into()
}

fn onprem(vnet: Option<&str>) -> Query {
    Client::OnPremises {
        forwards_to: vnet.map(str::to_owned),
    }
    .into()
}

fn trusted() -> Query {
    Client::TrustedService.into()
}

fn openai() -> Draft {
    fixture(OPENAI)
}

fn openai_without_snapshot() -> Draft {
    let mut d = fixture(OPENAI);
    d.current_state = None;
    d
}

/// The snapshot's account JSON, to change what Azure held before.
fn snapshot_account(d: &mut Draft) -> &mut serde_json::Value {
    d.current_state
        .as_mut()
        .and_then(|s| s.account.as_mut())
        .expect("the fixture has a snapshot of the account")
}

fn foundry() -> Draft {
    fixture(FOUNDRY)
}

/// The AI Services fixture with a snapshot: Deny, no rules, and this plan's endpoint already
/// there with its connection in `status` (a second run).
fn foundry_rerun(status: &str) -> Draft {
    let mut d = fixture(FOUNDRY);
    let endpoint = "/subscriptions/6f1c2a8e-4b7d-4e15-9a3c-2d8f0b7e5a91/resourceGroups/rg-network/providers/Microsoft.Network/privateEndpoints/pe-contoso-foundry-account";
    d.current_state = Some(CurrentStateDraft {
        read_at: "2026-12-01T09:00Z".into(),
        source: "az cognitiveservices account show".into(),
        account: Some(serde_json::json!({
            "id": "/subscriptions/6f1c2a8e-4b7d-4e15-9a3c-2d8f0b7e5a91/resourceGroups/rg-foundry/providers/Microsoft.CognitiveServices/accounts/contoso-foundry",
            "properties": {
                "customSubDomainName": "contoso-foundry",
                "publicNetworkAccess": "Enabled",
                "networkAcls": { "defaultAction": "Deny", "bypass": "None", "ipRules": [], "virtualNetworkRules": [] },
                "privateEndpointConnections": [{
                    "name": "contoso-foundry/pe-contoso-foundry-account.1",
                    "properties": {
                        "privateEndpoint": { "id": endpoint },
                        "privateLinkServiceConnectionState": { "status": status }
                    }
                }]
            }
        })),
        subnets: Vec::new(),
    });
    d
}

fn foundry_closed() -> Draft {
    let mut d = fixture(FOUNDRY);
    d.private_endpoints.close_public_access = true;
    d
}

fn foundry_deny() -> Draft {
    let mut d = fixture(FOUNDRY);
    d.network.enabled = true;
    d.network.default_action = DefaultAction::Deny;
    d.network.ip_rules = vec!["203.0.113.0/24".into()];
    d
}

const OAI_COG: &str = "contoso-openai.cognitiveservices.azure.com";
const OAI: &str = "contoso-openai.openai.azure.com";
const F_COG: &str = "contoso-foundry.cognitiveservices.azure.com";
const F_OAI: &str = "contoso-foundry.openai.azure.com";
const F_AI: &str = "contoso-foundry.services.ai.azure.com";

const BEFORE_ALLOW: Before = Before::Is(allowed(Public, "allowed by default action Allow", ""));

fn cases() -> Vec<Case> {
    vec![
        // ---- public addresses and IP rules (snapshot: Allow; plan: Deny with rules added) ----
        Case {
            name: "an address inside an added range",
            draft: openai,
            query: || ip("203.0.113.9"),
            host: OAI,
            after: allowed(Public, "allowed by IP rule 203.0.113.0/24", "resolves publicly"),
            before: BEFORE_ALLOW,
            hop: None,
        },
        Case {
            name: "the first address of the range",
            draft: openai,
            query: || ip("203.0.113.0"),
            host: OAI_COG,
            after: allowed(Public, "allowed by IP rule 203.0.113.0/24", ""),
            before: BEFORE_ALLOW,
            hop: None,
        },
        Case {
            name: "an added single address",
            draft: openai,
            query: || ip("198.51.100.7"),
            host: OAI,
            after: allowed(Public, "allowed by IP rule 198.51.100.7", ""),
            before: BEFORE_ALLOW,
            hop: None,
        },
        Case {
            name: "the address next to a single-address rule",
            draft: openai,
            query: || ip("198.51.100.8"),
            host: OAI,
            after: refused(Public, "refused: default action Deny and no rule matches", ""),
            before: BEFORE_ALLOW,
            hop: None,
        },
        Case {
            name: "an address just outside the range",
            draft: openai,
            query: || ip("203.0.114.0"),
            host: OAI_COG,
            after: refused(Public, "refused: default action Deny and no rule matches", ""),
            before: BEFORE_ALLOW,
            hop: None,
        },
        Case {
            name: "an address in a rule the account already had (lists are added to)",
            draft: openai,
            query: || ip("192.0.2.70"),
            host: OAI,
            after: allowed(Public, "allowed by IP rule 192.0.2.64/26", ""),
            before: BEFORE_ALLOW,
            hop: None,
        },
        Case {
            name: "an old rule dropped by an exact list",
            draft: || {
                let mut d = openai();
                d.network.ip_rules_exact = true;
                d
            },
            query: || ip("192.0.2.70"),
            host: OAI,
            after: refused(Public, "no rule matches", ""),
            before: BEFORE_ALLOW,
            hop: None,
        },
        Case {
            name: "a single rule named for removal",
            draft: || {
                let mut d = openai();
                d.network.remove_ip_rules = vec!["192.0.2.10".into()];
                d
            },
            query: || ip("192.0.2.10"),
            host: OAI,
            after: refused(Public, "no rule matches", ""),
            before: BEFORE_ALLOW,
            hop: None,
        },
        Case {
            name: "public network access Disabled refuses a matching address",
            draft: || {
                let mut d = openai();
                d.network.public_network_access = PublicNetworkAccess::Disabled;
                d.network.accept_no_access = true;
                d
            },
            query: || ip("203.0.113.9"),
            host: OAI,
            after: refused(Public, "refused: public network access Disabled", ""),
            before: BEFORE_ALLOW,
            hop: None,
        },
        Case {
            name: "default action Allow lets any address in",
            draft: || {
                let mut d = openai();
                d.network.default_action = DefaultAction::Allow;
                d
            },
            query: || ip("8.8.8.8"),
            host: OAI,
            after: allowed(Public, "allowed by default action Allow", ""),
            before: BEFORE_ALLOW,
            hop: None,
        },
        Case {
            name: "before: the snapshot already denied an unknown address",
            draft: || {
                let mut d = openai();
                snapshot_account(&mut d)["properties"]["networkAcls"]["defaultAction"] =
                    "Deny".into();
                d
            },
            query: || ip("8.8.8.8"),
            host: OAI,
            after: refused(Public, "no rule matches", ""),
            before: Before::Is(refused(Public, "refused: default action Deny and no rule matches", "")),
            hop: None,
        },
        Case {
            name: "before: public access was Disabled, the plan opens it to the rules",
            draft: || {
                let mut d = openai();
                snapshot_account(&mut d)["properties"]["publicNetworkAccess"] = "Disabled".into();
                d
            },
            query: || ip("203.0.113.9"),
            host: OAI,
            after: allowed(Public, "allowed by IP rule 203.0.113.0/24", ""),
            before: Before::Is(refused(Public, "refused: public network access Disabled", "")),
            hop: None,
        },
        Case {
            name: "before: an address in the snapshot's own rule",
            draft: || {
                let mut d = openai();
                snapshot_account(&mut d)["properties"]["networkAcls"]["defaultAction"] =
                    "Deny".into();
                d
            },
            query: || ip("192.0.2.10"),
            host: OAI_COG,
            after: allowed(Public, "allowed by IP rule 192.0.2.10", ""),
            before: Before::Is(allowed(Public, "allowed by IP rule 192.0.2.10", "")),
            hop: None,
        },
        Case {
            name: "without a snapshot only the plan's rules count, and it says so",
            draft: openai_without_snapshot,
            query: || ip("192.0.2.70"),
            host: OAI,
            after: refused(Public, "without a snapshot only the plan's rules are known", ""),
            before: Before::Absent,
            hop: None,
        },
        Case {
            name: "without a snapshot a planned rule still lets its address in",
            draft: openai_without_snapshot,
            query: || ip("203.0.113.200"),
            host: OAI,
            after: allowed(Public, "allowed by IP rule 203.0.113.0/24", ""),
            before: Before::Absent,
            hop: None,
        },
        // ---- subnets and service endpoints ----
        Case {
            name: "a subnet rule with the service endpoint the plan adds",
            draft: openai,
            query: || subnet(&format!("{NET_0B}/vnet-apps/subnets/snet-api")),
            host: OAI,
            after: allowed(Public, "allowed by the subnet rule for snet-api", "no private endpoint"),
            before: BEFORE_ALLOW,
            hop: None,
        },
        Case {
            name: "a subnet rule without the service endpoint (the snapshot shows only Storage)",
            draft: || {
                let mut d = openai();
                d.network.vnet_rules[0].enable_service_endpoint = false;
                d
            },
            query: || subnet(&format!("{NET_0B}/vnet-apps/subnets/snet-api")),
            host: OAI,
            after: refused(
                Public,
                "does not let traffic in without the Microsoft.CognitiveServices service endpoint",
                "",
            ),
            before: BEFORE_ALLOW,
            hop: None,
        },
        Case {
            name: "a kept subnet rule whose service endpoint nothing shows",
            draft: openai,
            query: || subnet(&format!("{NET_0B}/vnet-apps/subnets/snet-legacy")),
            host: OAI,
            after: refused(Public, "refused unless subnet snet-legacy has the Microsoft.CognitiveServices service endpoint", ""),
            before: BEFORE_ALLOW,
            hop: None,
        },
        Case {
            name: "a kept subnet rule whose service endpoint the person confirms",
            draft: openai,
            query: || Query {
                service_endpoint: Some(true),
                ..subnet(&format!("{NET_0B}/vnet-apps/subnets/snet-legacy"))
            },
            host: OAI,
            after: allowed(Public, "allowed by the subnet rule for snet-legacy", ""),
            before: BEFORE_ALLOW,
            hop: None,
        },
        Case {
            name: "a subnet with the service endpoint but no rule",
            draft: openai,
            query: || Query {
                service_endpoint: Some(true),
                ..subnet(&format!("{NET_0B}/vnet-apps/subnets/snet-other"))
            },
            host: OAI,
            after: refused(Public, "refused: default action Deny and no subnet rule for snet-other", ""),
            before: BEFORE_ALLOW,
            hop: None,
        },
        Case {
            name: "a subnet with neither rule nor service endpoint",
            draft: openai,
            query: || subnet(&format!("{NET_0B}/vnet-apps/subnets/snet-other")),
            host: OAI_COG,
            after: refused(Public, "no rule matches", ""),
            before: BEFORE_ALLOW,
            hop: None,
        },
        Case {
            name: "a subnet rule removed by an exact list",
            draft: || {
                let mut d = openai();
                d.network.vnet_rules_exact = true;
                d
            },
            query: || Query {
                service_endpoint: Some(true),
                ..subnet(&format!("{NET_0B}/vnet-apps/subnets/snet-legacy"))
            },
            host: OAI,
            after: refused(Public, "no subnet rule for snet-legacy", ""),
            before: BEFORE_ALLOW,
            hop: None,
        },
        // ---- trusted services ----
        Case {
            name: "trusted services with the bypass AzureServices",
            draft: openai,
            query: trusted,
            host: OAI,
            after: allowed(Public, "allowed by the trusted-services bypass (AzureServices)", ""),
            before: BEFORE_ALLOW,
            hop: None,
        },
        Case {
            name: "trusted services with the bypass None",
            draft: || {
                let mut d = openai();
                d.network.bypass = Bypass::None;
                d
            },
            query: trusted,
            host: OAI,
            after: refused(Public, "refused: default action Deny and bypass None", ""),
            before: BEFORE_ALLOW,
            hop: None,
        },
        Case {
            name: "trusted services while public network access is Disabled",
            draft: || {
                let mut d = openai();
                d.network.public_network_access = PublicNetworkAccess::Disabled;
                d.network.accept_no_access = true;
                d
            },
            query: trusted,
            host: OAI,
            after: refused(Public, "refused: public network access Disabled", ""),
            before: BEFORE_ALLOW,
            hop: None,
        },
        Case {
            name: "before: the snapshot's bypass None under Deny",
            draft: || {
                let mut d = openai();
                let acls = &mut snapshot_account(&mut d)["properties"]["networkAcls"];
                acls["defaultAction"] = "Deny".into();
                acls["bypass"] = "None".into();
                d
            },
            query: trusted,
            host: OAI,
            after: allowed(Public, "trusted-services bypass", ""),
            before: Before::Is(refused(Public, "bypass None", "")),
            hop: None,
        },
        // ---- private endpoints, zones created and linked (AI Services, three zones) ----
        Case {
            name: "the endpoint's network resolves the cognitiveservices host privately",
            draft: foundry,
            query: || subnet(&format!("{NET_6F}/vnet-apps/subnets/snet-app")),
            host: F_COG,
            after: allowed(
                Private,
                "allowed through the private endpoint pe-contoso-foundry-account, network rules do not apply",
                "privatelink.cognitiveservices.azure.com holds the record and is linked to vnet-apps",
            ),
            before: Before::Absent,
            hop: Some("contoso-foundry.privatelink.cognitiveservices.azure.com"),
        },
        Case {
            name: "the endpoint's network resolves the openai host privately",
            draft: foundry,
            query: || subnet(&format!("{NET_6F}/vnet-apps/subnets/snet-app")),
            host: F_OAI,
            after: allowed(Private, "through the private endpoint", "privatelink.openai.azure.com"),
            before: Before::Absent,
            hop: Some("contoso-foundry.privatelink.openai.azure.com"),
        },
        Case {
            name: "the endpoint's network resolves the services.ai host privately",
            draft: foundry,
            query: || subnet(&format!("{NET_6F}/vnet-apps/subnets/snet-app")),
            host: F_AI,
            after: allowed(Private, "through the private endpoint", "privatelink.services.ai.azure.com"),
            before: Before::Absent,
            hop: Some("contoso-foundry.privatelink.services.ai.azure.com"),
        },
        Case {
            name: "a network without a link resolves publicly (and rules apply)",
            draft: foundry_deny,
            query: || subnet(&format!("{NET_6F}/vnet-other/subnets/snet-app")),
            host: F_OAI,
            after: refused(
                Public,
                "no rule matches",
                "vnet-other has no link to privatelink.openai.azure.com",
            ),
            before: Before::Absent,
            hop: Some("contoso-foundry.privatelink.openai.azure.com"),
        },
        Case {
            name: "the endpoint's network is not subject to Deny",
            draft: foundry_deny,
            query: || subnet(&format!("{NET_6F}/vnet-apps/subnets/snet-app")),
            host: F_OAI,
            after: allowed(Private, "network rules do not apply", ""),
            before: Before::Absent,
            hop: None,
        },
        Case {
            name: "public access closed: an unlinked network is refused",
            draft: foundry_closed,
            query: || subnet(&format!("{NET_6F}/vnet-other/subnets/snet-app")),
            host: F_COG,
            after: refused(Public, "refused: public network access Disabled", "has no link"),
            before: Before::Absent,
            hop: None,
        },
        Case {
            name: "public access closed: the internet is refused, the name gains the privatelink hop",
            draft: foundry_closed,
            query: || ip("203.0.113.9"),
            host: F_AI,
            after: refused(Public, "public network access Disabled", "internet DNS"),
            before: Before::Absent,
            hop: Some("contoso-foundry.privatelink.services.ai.azure.com"),
        },
        Case {
            name: "a link the person knows of resolves another network privately",
            draft: foundry_closed,
            query: || Query {
                linked_zones: vec!["privatelink.openai.azure.com".into()],
                ..subnet(&format!("{NET_6F}/vnet-other/subnets/snet-app"))
            },
            host: F_OAI,
            after: allowed(Private, "through the private endpoint", "you say it is linked to vnet-other"),
            before: Before::Absent,
            hop: None,
        },
        Case {
            name: "that link covers only its own zone",
            draft: foundry_closed,
            query: || Query {
                linked_zones: vec!["privatelink.openai.azure.com".into()],
                ..subnet(&format!("{NET_6F}/vnet-other/subnets/snet-app"))
            },
            host: F_COG,
            after: refused(Public, "public network access Disabled", "no link to privatelink.cognitiveservices.azure.com"),
            before: Before::Absent,
            hop: None,
        },
        // ---- on-premises clients ----
        Case {
            name: "on-premises forwarding to a resolver in the endpoint's network",
            draft: foundry_closed,
            query: || onprem(Some(&format!("{NET_6F}/vnet-apps"))),
            host: F_OAI,
            after: allowed(Private, "through the private endpoint", "linked to vnet-apps"),
            before: Before::Absent,
            hop: None,
        },
        Case {
            name: "on-premises forwarding to a resolver in an unlinked network",
            draft: foundry_closed,
            query: || onprem(Some(&format!("{NET_6F}/vnet-hub"))),
            host: F_OAI,
            after: refused(Public, "public network access Disabled", "vnet-hub has no link"),
            before: Before::Absent,
            hop: None,
        },
        Case {
            name: "on-premises without a forwarder, under Deny",
            draft: foundry_deny,
            query: || onprem(None),
            host: F_COG,
            after: refused(
                Public,
                "refused unless the site's public address is in an IP rule (203.0.113.0/24)",
                "does not forward cognitiveservices.azure.com",
            ),
            before: Before::Absent,
            hop: None,
        },
        Case {
            name: "own DNS servers holding the records, no forwarder",
            draft: || fixture("openai-own-dns-close-public-access"),
            query: || onprem(None),
            host: OAI,
            after: allowed(Private, "through the private endpoint pe-openai-onprem", "your own DNS servers hold the A record"),
            before: Before::Absent,
            hop: None,
        },
        Case {
            name: "own DNS mode, forwarding to Azure DNS in a network: no zone there",
            draft: || fixture("openai-own-dns-close-public-access"),
            query: || onprem(Some(&format!("{NET_6F}/vnet-apps"))),
            host: OAI,
            after: refused(Public, "public network access Disabled", "no private zone in Azure holds contoso-openai.privatelink.openai.azure.com"),
            before: Before::Absent,
            hop: None,
        },
        Case {
            name: "own DNS mode, a subnet using Azure DNS",
            draft: || fixture("private-endpoint-custom-dns"),
            query: || subnet(&format!("{NET_6F}/vnet-apps/subnets/snet-app")),
            host: "contoso-speech.cognitiveservices.azure.com",
            after: allowed(Public, "allowed unless the account already denies", "with your own DNS servers"),
            before: Before::Absent,
            hop: None,
        },
        // ---- existing zones (hub and spoke) ----
        Case {
            name: "existing zones: the plan links nothing, so the endpoint's network is public",
            draft: || {
                let mut d = fixture("private-endpoint-existing-zones-other-subscription");
                d.private_endpoints.close_public_access = true;
                d
            },
            query: || subnet(&format!("{NET_6F}/vnet-apps/subnets/snet-app")),
            host: OAI,
            after: refused(Public, "public network access Disabled", "the zone exists elsewhere and the plan does not link it"),
            before: Before::Absent,
            hop: None,
        },
        Case {
            name: "existing zones linked to the network, as the person says",
            draft: || {
                let mut d = fixture("private-endpoint-existing-zones-other-subscription");
                d.private_endpoints.close_public_access = true;
                d
            },
            query: || Query {
                linked_zones: vec!["privatelink.openai.azure.com".into()],
                ..subnet(&format!("{NET_6F}/vnet-apps/subnets/snet-app"))
            },
            host: OAI,
            after: allowed(Private, "through the private endpoint", "the existing zone privatelink.openai.azure.com holds the record"),
            before: Before::Absent,
            hop: None,
        },
        // ---- manual approval ----
        Case {
            name: "a manual endpoint is Pending until approved",
            draft: || fixture("openai-manual-approval-close-public-access"),
            query: || subnet(&format!("{SPOKE}/subnets/snet-app")),
            host: OAI,
            after: refused(Private, "Pending (manual approval) until the resource's owner approves it", "linked to vnet-spoke"),
            before: Before::Absent,
            hop: None,
        },
        Case {
            name: "a manual endpoint pending, public access closed: the internet is refused",
            draft: || fixture("openai-manual-approval-close-public-access"),
            query: || ip("203.0.113.9"),
            host: OAI_COG,
            after: refused(Public, "public network access Disabled", ""),
            before: Before::Absent,
            hop: None,
        },
        // ---- endpoints the plan does not make, removals, a second run ----
        Case {
            name: "other teams' endpoints: approved by the plan, but their links are unseen",
            draft: || fixture("openai-endpoint-connections"),
            query: || subnet(&format!("{NET_6F}/vnet-apps/subnets/snet-app")),
            host: OAI,
            after: refused(Public, "no rule matches", "pe-analytics (Approved)"),
            before: Before::Is(refused(Public, "no rule matches", "pe-analytics (Pending)")),
            hop: None,
        },
        Case {
            name: "a removed endpoint leaves the name public, reopened",
            draft: || {
                let mut d = fixture("private-endpoint-remove-reopen-public-access");
                d.custom_domain.enabled = true;
                d.custom_domain.subdomain = "contoso-speech".into();
                d.custom_domain.acknowledge_irreversible = true;
                d
            },
            query: || subnet(&format!("{NET_6F}/vnet-apps/subnets/snet-app")),
            host: "contoso-speech.cognitiveservices.azure.com",
            after: allowed(Public, "allowed unless the account already denies", "the plan leaves no private endpoint"),
            before: Before::Absent,
            hop: None,
        },
        Case {
            name: "a second run: the snapshot's approved endpoint is this plan's, private after",
            draft: || foundry_rerun("Approved"),
            query: || subnet(&format!("{NET_6F}/vnet-apps/subnets/snet-app")),
            host: F_OAI,
            after: allowed(Private, "through the private endpoint pe-contoso-foundry-account", "linked to vnet-apps"),
            before: Before::Is(refused(Public, "refused: default action Deny and no rule matches", "pe-contoso-foundry-account (Approved)")),
            hop: None,
        },
        Case {
            name: "a second run: the snapshot's endpoint still Pending stays refused",
            draft: || foundry_rerun("Pending"),
            query: || subnet(&format!("{NET_6F}/vnet-apps/subnets/snet-app")),
            host: F_COG,
            after: refused(Private, "connection is Pending until the resource's owner approves it", ""),
            before: Before::Is(refused(Public, "no rule matches", "")),
            hop: None,
        },
        // ---- the three clouds ----
        Case {
            name: "US Government: the .us host, privately in the endpoint's network",
            draft: || fixture("speech-private-endpoint-us-government"),
            query: || subnet(&format!("{NET_6F}/vnet-apps/subnets/snet-app")),
            host: "contoso-speech.cognitiveservices.azure.us",
            after: allowed(Private, "through the private endpoint", "privatelink.cognitiveservices.azure.us"),
            before: Before::Absent,
            hop: Some("contoso-speech.privatelink.cognitiveservices.azure.us"),
        },
        Case {
            name: "US Government: closed to the internet",
            draft: || fixture("speech-private-endpoint-us-government"),
            query: || ip("203.0.113.9"),
            host: "contoso-speech.cognitiveservices.azure.us",
            after: refused(Public, "public network access Disabled", ""),
            before: Before::Absent,
            hop: None,
        },
        Case {
            name: "China: the .cn openai host, privately in the endpoint's network",
            draft: || fixture("openai-private-endpoint-china"),
            query: || subnet(&format!("{NET_6F}/vnet-apps/subnets/snet-app")),
            host: "contoso-openai.openai.azure.cn",
            after: allowed(Private, "through the private endpoint", "privatelink.openai.azure.cn"),
            before: Before::Absent,
            hop: Some("contoso-openai.privatelink.openai.azure.cn"),
        },
        Case {
            name: "China: another network resolves publicly and is refused",
            draft: || fixture("openai-private-endpoint-china"),
            query: || subnet(&format!("{NET_6F}/vnet-other/subnets/snet-app")),
            host: "contoso-openai.cognitiveservices.azure.cn",
            after: refused(Public, "public network access Disabled", "vnet-other has no link to privatelink.cognitiveservices.azure.cn"),
            before: Before::Absent,
            hop: None,
        },
        Case {
            name: "US Government rules on the .us openai host",
            draft: || {
                let mut d = openai();
                d.target.cloud = Cloud::AzureUSGovernment;
                d.target.region = "usgovvirginia".into();
                d.current_state = None;
                d
            },
            query: || ip("203.0.113.9"),
            host: "contoso-openai.openai.azure.us",
            after: allowed(Public, "allowed by IP rule 203.0.113.0/24", ""),
            before: Before::Absent,
            hop: None,
        },
    ]
}

fn config_of(name: &str, draft: &Draft) -> Config {
    let generated = generate(draft);
    let errors: Vec<String> = generated
        .validation
        .diagnostics
        .iter()
        .filter(|d| d.severity == ai_network_wizard::core::diagnostics::Severity::Error)
        .map(|d| format!("{}: {}", d.field, d.message))
        .collect();
    assert!(
        errors.is_empty(),
        "{name}: the draft must be valid: {errors:#?}"
    );
    generated.plan.expect("no errors").config
}

fn answer_for(name: &str, draft: &Draft, query: &Query, host: &str) -> HostAnswer {
    let plan = generate(draft)
        .plan
        .unwrap_or_else(|| panic!("{name}: no plan"));
    let answers = reachability(&plan, query, Some(host)).unwrap_or_else(|e| panic!("{name}: {e}"));
    assert_eq!(answers.len(), 1, "{name}: one host asked for");
    answers.into_iter().next().unwrap()
}

fn check(
    name: &str,
    when: &str,
    verdict: &ai_network_wizard::core::reachability::Verdict,
    want: Expect,
) {
    assert_eq!(
        verdict.allowed, want.allowed,
        "{name} ({when}): allowed? {verdict:#?}"
    );
    assert_eq!(
        verdict.resolves, want.resolves,
        "{name} ({when}): resolves {verdict:#?}"
    );
    assert!(
        verdict.reason.contains(want.reason),
        "{name} ({when}): the reason must say {:?}, it says {:?}",
        want.reason,
        verdict.reason
    );
    assert!(
        verdict.dns.contains(want.dns),
        "{name} ({when}): the DNS must say {:?}, it says {:?}",
        want.dns,
        verdict.dns
    );
}

#[test]
fn the_table_of_clients_hosts_and_configurations() {
    let cases = cases();
    assert!(cases.len() >= 40, "at least 40 cases, {} now", cases.len());
    for case in &cases {
        let draft = (case.draft)();
        config_of(case.name, &draft);
        let answer = answer_for(case.name, &draft, &(case.query)(), case.host);
        assert_eq!(answer.host, case.host, "{}", case.name);
        check(case.name, "after", &answer.after, case.after);
        match (case.before, &answer.before) {
            (Before::Absent, None) => {}
            (Before::Is(want), Some(got)) => check(case.name, "before", got, want),
            (want, got) => panic!("{}: before should be {want:?}, is {got:?}", case.name),
        }
        let chain = &answer.after.chain;
        assert_eq!(
            chain[0], case.host,
            "{}: the chain starts at the host",
            case.name
        );
        let last = chain.last().unwrap();
        match answer.after.resolves {
            Private => assert!(
                last.contains("private address of endpoint"),
                "{}: {chain:?}",
                case.name
            ),
            Public => assert!(last.contains("public address"), "{}: {chain:?}", case.name),
        }
        if let Some(hop) = case.hop {
            assert_eq!(
                chain.get(1).map(String::as_str),
                Some(hop),
                "{}: {chain:?}",
                case.name
            );
        }
    }
}

#[test]
fn each_kind_and_cloud_has_its_hosts() {
    let hosts_of = |draft: Draft| -> Vec<String> {
        hosts(&config_of("hosts", &draft))
            .unwrap()
            .into_iter()
            .map(|(h, _)| h)
            .collect()
    };
    assert_eq!(hosts_of(openai()), [OAI_COG, OAI]);
    assert_eq!(hosts_of(foundry()), [F_COG, F_OAI, F_AI]);
    assert_eq!(
        hosts_of(fixture("speech-private-endpoint-us-government")),
        ["contoso-speech.cognitiveservices.azure.us"]
    );
    assert_eq!(
        hosts_of(fixture("openai-private-endpoint-china")),
        [
            "contoso-openai.cognitiveservices.azure.cn",
            "contoso-openai.openai.azure.cn"
        ]
    );
}

#[test]
fn a_host_the_kind_does_not_use_is_refused_with_the_hosts_it_has() {
    let plan = generate(&openai()).plan.unwrap();
    let error = reachability(&plan, &ip("203.0.113.9"), Some(F_AI)).unwrap_err();
    assert!(error.contains(OAI) && error.contains(OAI_COG), "{error}");
}

#[test]
fn an_account_without_a_custom_subdomain_has_no_host_to_check() {
    let mut draft = openai();
    draft.custom_domain.enabled = false;
    draft.current_state = None;
    let plan = generate(&draft).plan.expect("valid");
    let error = reachability(&plan, &ip("203.0.113.9"), None).unwrap_err();
    assert!(error.contains("no custom subdomain"), "{error}");
}

// ---- wizard-cli check ----

fn fixture_path(name: &str) -> String {
    format!("tests/fixtures/{name}.json")
}

#[test]
fn cli_exit_0_when_every_host_is_allowed() {
    let out = wizard_cli(&["check", &fixture_path(OPENAI), "--from-ip", "203.0.113.9"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 2, "one line per host: {stdout}");
    assert!(lines[0].starts_with(&format!("{OAI_COG}: allowed by IP rule 203.0.113.0/24")));
    assert!(lines[1].starts_with(&format!("{OAI}: allowed by IP rule 203.0.113.0/24")));
    assert!(lines[1].contains("before the change: allowed by default action Allow"));
}

#[test]
fn cli_exit_1_when_a_host_is_refused() {
    let out = wizard_cli(&[
        "check",
        &fixture_path(OPENAI),
        "--from-ip",
        "8.8.8.8",
        "--host",
        OAI,
    ]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert_eq!(
        stdout.lines().count(),
        1,
        "only the host asked for: {stdout}"
    );
    assert!(
        stdout.contains("refused: default action Deny and no rule matches"),
        "{stdout}"
    );
}

#[test]
fn cli_json_is_one_object_per_host_with_before_and_after() {
    let out = wizard_cli(&[
        "check",
        &fixture_path(FOUNDRY),
        "--from-subnet",
        &format!("{NET_6F}/vnet-other/subnets/snet-app"),
        "--json",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    let objects: Vec<serde_json::Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is one JSON object"))
        .collect();
    assert_eq!(objects.len(), 3);
    let hosts: Vec<&str> = objects
        .iter()
        .map(|o| o["host"].as_str().unwrap())
        .collect();
    assert_eq!(hosts, [F_COG, F_OAI, F_AI]);
    for o in &objects {
        assert!(o["before"].is_null(), "no snapshot, no before: {o}");
        let after = &o["after"];
        assert_eq!(after["resolves"], "public");
        assert_eq!(after["allowed"], true);
        assert!(after["chain"].as_array().unwrap().len() >= 2);
        assert!(after["reason"].as_str().unwrap().starts_with("allowed"));
    }
    let with_snapshot = wizard_cli(&[
        "check",
        &fixture_path(OPENAI),
        "--trusted-service",
        "--json",
    ]);
    let first: serde_json::Value =
        serde_json::from_str(text(&with_snapshot.stdout).lines().next().unwrap()).unwrap();
    assert_eq!(first["before"]["allowed"], true);
    assert_eq!(first["before"]["reason"], "allowed by default action Allow");
    assert_eq!(
        first["after"]["reason"],
        "allowed by the trusted-services bypass (AzureServices)"
    );
}

#[test]
fn cli_onprem_via_a_network_without_the_link_is_refused() {
    let out = wizard_cli(&[
        "check",
        &fixture_path("openai-manual-approval-close-public-access"),
        "--from-onprem-via",
        &format!("{NET_6F}/vnet-hub"),
        "--host",
        OAI,
    ]);
    assert_eq!(out.status.code(), Some(1));
    let stdout = text(&out.stdout);
    assert!(
        stdout.contains("refused: public network access Disabled"),
        "{stdout}"
    );
    assert!(
        stdout.contains("vnet-hub has no link to privatelink.openai.azure.com"),
        "{stdout}"
    );
}

#[test]
fn cli_exit_2_on_bad_input_with_a_clear_message() {
    let cfg = fixture_path(OPENAI);
    let cases: &[(&[&str], &str)] = &[
        (&["check", &cfg], "check needs exactly one of --from-ip"),
        (
            &[
                "check",
                &cfg,
                "--from-ip",
                "203.0.113.9",
                "--trusted-service",
            ],
            "check needs exactly one of",
        ),
        (
            &["check", &cfg, "--from-ip", "not-an-ip"],
            "--from-ip: not-an-ip is not an IPv4 address",
        ),
        (
            &["check", &cfg, "--from-ip", "10.1.2.3"],
            "10.1.2.3 is not a public address",
        ),
        (
            &["check", &cfg, "--from-subnet", "snet-api"],
            "--from-subnet: The subnet ID must start with /subscriptions/",
        ),
        (
            &["check", &cfg, "--from-onprem-via", "/subscriptions/x"],
            "--from-onprem-via: /subscriptions/x is not a virtual network's resource ID",
        ),
        (
            &["check", &cfg, "--trusted-service", "--host", "example.com"],
            "example.com is not a host of this account",
        ),
        (
            &["check", &cfg, "--trusted-service", "--target", "rest"],
            "unknown option --target for check",
        ),
        (
            &["check", &cfg, "--trusted-service", "--json", "--json"],
            "--json given twice",
        ),
        (
            &[
                "check",
                &cfg,
                "--trusted-service",
                "--host",
                OAI,
                "--host",
                OAI,
            ],
            "--host given twice",
        ),
        (
            &["render", &cfg, "--trusted-service"],
            "unknown option --trusted-service for render",
        ),
        (
            &[
                "check",
                "tests/fixtures/invalid/does-not-exist.json",
                "--trusted-service",
            ],
            "cannot read",
        ),
    ];
    for (args, message) in cases {
        let out = wizard_cli(args);
        assert_eq!(
            out.status.code(),
            Some(2),
            "{args:?}: {}",
            text(&out.stdout)
        );
        let stderr = text(&out.stderr);
        assert!(
            stderr.contains(message),
            "{args:?}: expected {message:?} in {stderr}"
        );
        assert!(out.stdout.is_empty(), "{args:?}: nothing on stdout");
    }
}

#[test]
fn cli_linked_zones_and_service_endpoint_change_the_answer() {
    let existing = fixture_path("private-endpoint-existing-zones-other-subscription");
    let from = format!("{NET_6F}/vnet-apps/subnets/snet-app");
    let unlinked = wizard_cli(&["check", &existing, "--from-subnet", &from, "--host", OAI]);
    assert!(
        text(&unlinked.stdout).contains("the zone exists elsewhere and the plan does not link it"),
        "{}",
        text(&unlinked.stdout)
    );
    let linked = wizard_cli(&[
        "check",
        &existing,
        "--from-subnet",
        &from,
        "--host",
        OAI,
        "--linked",
        "privatelink.openai.azure.com",
        "--json",
    ]);
    assert_eq!(linked.status.code(), Some(0), "{}", text(&linked.stderr));
    let answer: serde_json::Value = serde_json::from_str(text(&linked.stdout).trim()).unwrap();
    assert_eq!(answer["after"]["resolves"], "private");
    assert_eq!(
        answer["after"]["chain"][1],
        "contoso-openai.privatelink.openai.azure.com"
    );

    let api = format!("{NET_0B}/vnet-apps/subnets/snet-legacy");
    let cfg = fixture_path(OPENAI);
    let unknown = wizard_cli(&["check", &cfg, "--from-subnet", &api, "--host", OAI]);
    assert_eq!(unknown.status.code(), Some(1));
    let present = wizard_cli(&[
        "check",
        &cfg,
        "--from-subnet",
        &api,
        "--host",
        OAI,
        "--service-endpoint",
        "present",
    ]);
    assert_eq!(present.status.code(), Some(0), "{}", text(&present.stdout));
    assert!(text(&present.stdout).contains("allowed by the subnet rule for snet-legacy"));
    let absent = wizard_cli(&[
        "check",
        &cfg,
        "--from-subnet",
        &api,
        "--host",
        OAI,
        "--service-endpoint",
        "absent",
    ]);
    assert_eq!(absent.status.code(), Some(1));
    assert!(
        text(&absent.stdout).contains("without the Microsoft.CognitiveServices service endpoint")
    );
}

#[test]
fn cli_exit_2_for_a_configuration_with_errors() {
    let dir = std::env::temp_dir().join(format!("reach-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("bad.json");
    let mut draft = openai();
    draft.network.ip_rules = vec!["10.0.0.0/8".into()];
    std::fs::write(
        &path,
        ai_network_wizard::core::config_file::to_config_json(&draft),
    )
    .unwrap();
    let out = wizard_cli(&["check", path.to_str().unwrap(), "--trusted-service"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = text(&out.stderr);
    assert!(stderr.contains("network.ip_rules"), "{stderr}");
    assert!(
        stderr.contains("fix them (wizard-cli validate)"),
        "{stderr}"
    );
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn every_fixture_answers_every_client_consistently() {
    let clients = [
        ip("203.0.113.9"),
        subnet(&format!("{NET_6F}/vnet-apps/subnets/snet-app")),
        onprem(Some(&format!("{NET_6F}/vnet-apps"))),
        onprem(None),
        trusted(),
    ];
    let mut answered = 0;
    for (name, draft) in crate::support::fixtures() {
        let Some(plan) = generate(&draft).plan else {
            continue;
        };
        for query in &clients {
            let Ok(answers) = reachability(&plan, query, None) else {
                continue;
            };
            answered += 1;
            assert!(!answers.is_empty(), "{name}: at least one host");
            for a in &answers {
                for v in std::iter::once(&a.after).chain(a.before.as_ref()) {
                    // A private answer is decided by the endpoint, a public one by the rules.
                    match v.resolves {
                        Private => assert!(
                            v.reason.contains("private endpoint"),
                            "{name} {}: {v:?}",
                            a.host
                        ),
                        Public => assert!(
                            !v.reason.contains("private endpoint"),
                            "{name} {}: {v:?}",
                            a.host
                        ),
                    }
                    assert_eq!(
                        v.allowed,
                        v.reason.starts_with("allowed"),
                        "{name} {}: the reason says the verdict: {v:?}",
                        a.host
                    );
                    assert_eq!(v.chain[0], a.host, "{name}");
                }
            }
        }
    }
    assert!(answered >= 100, "most fixtures are answered: {answered}");
}

/// The page's question (a kind of client and what was typed) gets the same lines as the
/// command line's check, a message for a client that cannot be read, and nothing before
/// anything is typed.
#[test]
fn the_pages_question_answers_per_host_like_the_command_line() {
    use ai_network_wizard::core::generate::generate;
    use ai_network_wizard::core::reachability::answer_lines;
    let plan = generate(&crate::support::fixture(
        "speech-byos-custom-domain-network-rules",
    ))
    .plan
    .expect("a plan");
    let allowed = answer_lines(&plan, "ip", " 203.0.113.7 ").unwrap();
    assert_eq!(allowed.len(), 2, "{allowed:?}");
    assert!(
        allowed[0].starts_with(
            "contoso-speech-private.cognitiveservices.azure.com: allowed by IP rule 203.0.113.0/24"
        ),
        "{allowed:?}"
    );
    // Then how the name resolves, step by step: no endpoint, no privatelink hop.
    assert_eq!(
        allowed[1],
        "  name resolution: contoso-speech-private.cognitiveservices.azure.com → the account's public address"
    );
    let refused = answer_lines(&plan, "ip", "198.51.100.9").unwrap();
    assert!(refused[0].contains(": refused"), "{refused:?}");
    assert!(answer_lines(&plan, "ip", "10.0.0.4")
        .unwrap_err()
        .contains("not a public address"));
    assert!(answer_lines(&plan, "subnet", "/subscriptions/x")
        .unwrap_err()
        .contains("subnet"));
    assert_eq!(
        answer_lines(&plan, "ip", "  ").unwrap(),
        Vec::<String>::new()
    );
    assert_eq!(answer_lines(&plan, "trusted", "").unwrap().len(), 2);

    // Behind a private endpoint, from a subnet of a linked network: the CNAME to the privatelink
    // name, then the endpoint's private address.
    let plan = generate(&crate::support::fixture(
        "speech-private-endpoint-created-zones",
    ))
    .plan
    .expect("a plan");
    let endpoint = &plan.config.private_endpoints.as_ref().unwrap().endpoints[0];
    let lines = answer_lines(&plan, "subnet", &endpoint.subnet.to_string()).unwrap();
    let chain = lines
        .iter()
        .find(|l| l.starts_with("  name resolution: "))
        .unwrap_or_else(|| panic!("{lines:#?}"));
    assert!(
        chain.contains(" → CNAME ")
            && chain.contains(
                ".privatelink.cognitiveservices.azure.com → the private address of endpoint "
            ),
        "{chain}"
    );
}
