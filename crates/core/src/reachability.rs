//! Who gets in: for one client and each host the account's kind uses, how the name resolves
//! and whether the request is allowed, after the plan and (with a snapshot) before it.
//!
//! The model (azure-facts §2, §4, §14):
//! - A client resolves a host to its private endpoint only where a private DNS zone holding the
//!   endpoint's record is linked to the client's virtual network (or to the network of the
//!   resolver it forwards to). Everywhere else the name resolves publicly.
//! - Private endpoint traffic ignores the network rules but needs the endpoint's connection
//!   Approved (a manual one is Pending until the owner approves it).
//! - Public traffic: public network access Disabled refuses everything; else default action
//!   Allow lets everything in; Deny lets in only a matching IP rule, a subnet rule for a subnet
//!   that has the Microsoft.CognitiveServices service endpoint, or trusted Azure services when
//!   the bypass is AzureServices.
//!
//! Approximations, said in the answers where they matter: a subnet's network is assumed to use
//! Azure's DNS (168.63.129.16), not DNS servers of its own, and to route to the endpoint's
//! network (peering, NSGs and route tables are not looked at); the snapshot holds no DNS zones
//! or links, so "before" only knows the public path, and the zones of endpoints the plan does
//! not create are never seen (the answer names them); without a snapshot the account's current
//! rules are unknown and only the plan's count; an on-premises client's public address is not
//! known. Not modelled: a hub or a media account, a hub's dependent resources (their own
//! endpoints and firewalls), resource-instance rules, a second endpoint overwriting the first's
//! record in a shared zone, and the regional endpoint an account without a custom subdomain
//! serves.

use std::net::Ipv4Addr;

use ipnet::Ipv4Net;
use serde_json::Value;

use super::arm_values::PublicNetworkAccess;
use super::config::{Config, Resource};
use super::current_state::{AccountNetwork, NetworkAcls};
use super::draft::DefaultAction;
use super::network_diff::account_after;
use super::plan::Plan;
use super::private_endpoints::config::{Approval, Dns, Endpoint};
use super::private_endpoints::zones::{client_host, zones_for, Zone};
use super::private_endpoints::LinkType;
use super::subnet_id::SubnetId;
use crate::json;

/// The service endpoint a subnet needs for its subnet rule to count.
pub const SERVICE: &str = "Microsoft.CognitiveServices";

/// Where a request comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Client {
    /// A client on the internet with this public address.
    PublicIp(Ipv4Addr),
    /// A client in this subnet, using its virtual network's Azure-provided DNS.
    Subnet(SubnetId),
    /// An on-premises client. `forwards_to`: the virtual network (resource ID) whose resolver
    /// its DNS forwards the public zones to; `None` when it does not forward.
    OnPremises { forwards_to: Option<String> },
    /// Trusted Azure services (the `AzureServices` bypass).
    TrustedService,
}

/// A client and what the person knows that the configuration does not say.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Query {
    pub client: Client,
    /// Private DNS zones linked to the client's virtual network (or its resolver's) besides
    /// those the plan links: existing zones elsewhere, for example.
    pub linked_zones: Vec<String>,
    /// Whether the client's subnet has the service endpoint, when the snapshot and the plan do
    /// not say.
    pub service_endpoint: Option<bool>,
}

impl From<Client> for Query {
    fn from(client: Client) -> Query {
        Query {
            client,
            linked_zones: Vec::new(),
            service_endpoint: None,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Resolves {
    Private,
    Public,
}

impl Resolves {
    pub fn id(self) -> &'static str {
        match self {
            Resolves::Private => "private",
            Resolves::Public => "public",
        }
    }
}

/// The answer for one host in one state.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Verdict {
    pub resolves: Resolves,
    /// The host, its CNAME hops, and what the last name's address is.
    pub chain: Vec<String>,
    /// Why it resolves so (which zone and link, or which is missing).
    pub dns: String,
    pub allowed: bool,
    /// The one rule or setting that decides.
    pub reason: String,
}

impl Verdict {
    pub fn to_json(&self) -> Value {
        json!({
            "resolves": self.resolves.id(),
            "chain": self.chain.clone(),
            "dns": self.dns.clone(),
            "allowed": self.allowed,
            "reason": self.reason.clone(),
        })
    }

    /// "allowed by …" / "refused: …", with the resolution.
    pub fn describe(&self) -> String {
        format!("{} ({})", self.reason, self.dns)
    }

    /// The name resolution step by step: the host, each CNAME it is answered with, and the
    /// address the last one ends at.
    pub fn chain_text(&self) -> String {
        let mut text = String::new();
        for (index, name) in self.chain.iter().enumerate() {
            text.push_str(match index {
                0 => "",
                i if i + 1 == self.chain.len() => " → ",
                _ => " → CNAME ",
            });
            text.push_str(name);
        }
        text
    }
}

/// One host the kind uses, before (with a snapshot) and after the change.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HostAnswer {
    pub host: String,
    /// The private DNS zone the host resolves through.
    pub zone: String,
    pub before: Option<Verdict>,
    pub after: Verdict,
}

impl HostAnswer {
    pub fn to_json(&self) -> Value {
        json!({
            "host": self.host.clone(),
            "zone": self.zone.clone(),
            "before": self.before.as_ref().map_or(Value::Null, Verdict::to_json),
            "after": self.after.to_json(),
        })
    }

    /// One line: the host, the verdict after, and before when known.
    pub fn line(&self) -> String {
        let mut line = format!("{}: {}", self.host, self.after.describe());
        if let Some(before) = &self.before {
            line.push_str(&format!("; before the change: {}", before.describe()));
        }
        line
    }
}

/// The hosts clients call for the target, with their zones: each zone of the kind's table
/// (`zones.rs`) and its client host, for the account's custom subdomain.
pub fn hosts(config: &Config) -> Result<Vec<(String, Zone)>, String> {
    let Resource::CognitiveServices { kind, .. } = &config.target.resource else {
        return Err("Reachability is answered for Cognitive Services accounts only, not for a hub or a media account.".into());
    };
    let subdomain = config
        .custom_domain
        .as_ref()
        .map(|d| d.subdomain.clone())
        .or_else(|| {
            config
                .current_state
                .as_ref()
                .and_then(|s| s.account.as_ref())
                .and_then(|a| a.custom_sub_domain_name.clone())
        })
        .ok_or("The account has no custom subdomain: clients call the regional endpoint, which neither private endpoints nor subnet rules serve. Include the custom-subdomain step first.")?;
    let answer = zones_for(
        config.target.cloud,
        LinkType::CognitiveServices,
        kind.id,
        "account",
    );
    Ok(answer
        .zones
        .into_iter()
        .map(|zone| (client_host(&zone, &subdomain, &config.target.region), zone))
        .collect())
}

/// The answer for every host of the kind (or only `host`, compared case-insensitively).
pub fn reachability(
    plan: &Plan,
    query: &Query,
    host: Option<&str>,
) -> Result<Vec<HostAnswer>, String> {
    let config = &plan.config;
    let mut hosts = hosts(config)?;
    if let Some(wanted) = host {
        let known: Vec<String> = hosts.iter().map(|(h, _)| h.clone()).collect();
        hosts.retain(|(h, _)| h.eq_ignore_ascii_case(wanted.trim_end_matches('.')));
        if hosts.is_empty() {
            return Err(format!(
                "{wanted} is not a host of this account: its hosts are {}.",
                known.join(", ")
            ));
        }
    }
    let snapshot = config.current_state.as_ref();
    let before = snapshot.and_then(|s| s.account.as_ref()).map(State::before);
    let after = State::after(plan);
    Ok(hosts
        .into_iter()
        .map(|(host, zone)| HostAnswer {
            before: before
                .as_ref()
                .map(|state| verdict(config, state, query, &host, &zone, Moment::Before)),
            after: verdict(config, &after, query, &host, &zone, Moment::After),
            zone: zone.name.to_owned(),
            host,
        })
        .collect())
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Moment {
    Before,
    After,
}

/// A private endpoint of the account as far as this state knows it.
struct EndpointState {
    name: String,
    /// `None`: an endpoint the snapshot lists but the plan does not describe.
    endpoint: Option<Endpoint>,
    status: String,
}

/// The account's settings in one state.
struct State {
    /// `false` without a snapshot: the account's own rules are unknown.
    known: bool,
    account: AccountNetwork,
    endpoints: Vec<EndpointState>,
}

impl State {
    fn before(account: &AccountNetwork) -> State {
        State {
            known: true,
            endpoints: account
                .endpoint_connections
                .iter()
                .map(|c| EndpointState {
                    name: last_segment(&c.private_endpoint_id).to_owned(),
                    // Before the plan, the zones and links of an endpoint are not known.
                    endpoint: None,
                    status: c.status.clone(),
                })
                .collect(),
            account: account.clone(),
        }
    }

    fn after(plan: &Plan) -> State {
        let config = &plan.config;
        let snapshot = config
            .current_state
            .as_ref()
            .and_then(|s| s.account.as_ref());
        let start = snapshot.cloned().unwrap_or(AccountNetwork {
            id: None,
            custom_sub_domain_name: None,
            public_network_access: None,
            network_acls: None,
            principal_id: None,
            endpoint_connections: Vec::new(),
        });
        let account = account_after(plan, &start);
        let planned = planned_endpoints(config);
        let mut endpoints: Vec<EndpointState> = Vec::new();
        for c in &account.endpoint_connections {
            let endpoint = planned
                .iter()
                .find(|e| e.id().eq_ignore_ascii_case(&c.private_endpoint_id))
                .cloned();
            endpoints.push(EndpointState {
                name: last_segment(&c.private_endpoint_id).to_owned(),
                endpoint,
                status: c.status.clone(),
            });
        }
        // Without a snapshot the connections come from the plan alone (account_after adds the
        // ones it creates), so every planned endpoint is listed.
        State {
            known: snapshot.is_some(),
            account,
            endpoints,
        }
    }
}

/// The planned endpoints to the target itself (not a hub's dependent resources).
fn planned_endpoints(config: &Config) -> Vec<Endpoint> {
    let target = config.target.resource_id();
    config
        .private_endpoints
        .as_ref()
        .map(|pe| {
            pe.endpoints
                .iter()
                .filter(|e| e.resource_id.eq_ignore_ascii_case(&target))
                .cloned()
                .collect()
        })
        .unwrap_or_default()
}

fn last_segment(id: &str) -> &str {
    id.rsplit('/').next().unwrap_or(id)
}

/// How the client resolves the host.
struct Resolution<'a> {
    resolves: Resolves,
    chain: Vec<String>,
    dns: String,
    /// The endpoint the name resolves to, when private.
    endpoint: Option<&'a EndpointState>,
}

fn resolve<'a>(
    config: &Config,
    state: &'a State,
    query: &Query,
    host: &str,
    zone: &Zone,
    moment: Moment,
) -> Resolution<'a> {
    let label = host.split('.').next().unwrap_or(host);
    let private_name = format!("{label}.{}", zone.name);
    let dns_mode = config.private_endpoints.as_ref().map(|pe| &pe.dns);
    // Endpoints whose record for this host exists somewhere: in an Azure zone (create or
    // existing zones), or in the person's own DNS servers.
    let carrying: Vec<&EndpointState> = state
        .endpoints
        .iter()
        .filter(|s| match (&s.endpoint, dns_mode) {
            (Some(e), Some(Dns::OwnDns)) => e
                .zone_table(config.target.cloud)
                .zones
                .iter()
                .any(|z| z.name.eq_ignore_ascii_case(zone.name)),
            (Some(e), Some(_)) => e
                .zones
                .iter()
                .any(|z| z.name.eq_ignore_ascii_case(zone.name)),
            _ => false,
        })
        .collect();
    let public = |dns: String, hop: bool| Resolution {
        resolves: Resolves::Public,
        chain: if hop {
            vec![
                host.to_owned(),
                private_name.clone(),
                "the account's public address".to_owned(),
            ]
        } else {
            vec![host.to_owned(), "the account's public address".to_owned()]
        },
        dns,
        endpoint: None,
    };
    // Azure's public DNS adds the privatelink hop once the account has an endpoint.
    let hop = !state.endpoints.is_empty();
    // Endpoints this plan does not create (other teams', or any endpoint before the change):
    // their zones and links are not in the snapshot.
    let unseen: Vec<String> = state
        .endpoints
        .iter()
        .filter(|s| s.endpoint.is_none())
        .map(|s| format!("{} ({})", s.name, s.status))
        .collect();
    let unknown_links = || {
        if unseen.is_empty() {
            String::new()
        } else {
            format!(
                " (the wizard does not see the zones and links of endpoints this plan does not create: {})",
                unseen.join(", ")
            )
        }
    };
    let no_endpoint = || {
        if state.known || moment == Moment::Before {
            "resolves publicly: the account has no private endpoint".to_owned()
        } else {
            "resolves publicly: the plan leaves no private endpoint (without a snapshot the account's other endpoints are not known)".to_owned()
        }
    };
    let vnet = match &query.client {
        Client::PublicIp(_) => {
            return public(
                "resolves publicly: internet DNS answers with the public address".to_owned(),
                hop,
            )
        }
        Client::TrustedService => {
            return public(
                "trusted services reach the account's public endpoint over Microsoft's network"
                    .to_owned(),
                hop,
            )
        }
        Client::OnPremises { forwards_to: None } => {
            if let (Some(Dns::OwnDns), Some(e)) = (dns_mode, carrying.first()) {
                return Resolution {
                    resolves: Resolves::Private,
                    chain: vec![
                        host.to_owned(),
                        private_name.clone(),
                        format!("the private address of endpoint {}", e.name),
                    ],
                    dns: format!(
                        "resolves privately only because your own DNS servers hold the A record {private_name} the script prints (nothing in Azure creates it in this mode)"
                    ),
                    endpoint: Some(e),
                };
            }
            return public(
                format!(
                    "resolves publicly: the site's DNS does not forward {} to a resolver in a virtual network linked to {}{}",
                    zone.public,
                    zone.name,
                    unknown_links()
                ),
                hop,
            );
        }
        Client::OnPremises {
            forwards_to: Some(vnet),
        } => vnet.clone(),
        Client::Subnet(subnet) => subnet.vnet_id(),
    };
    let vnet_name = last_segment(&vnet).to_owned();
    if carrying.is_empty() {
        let why = if state.endpoints.is_empty() {
            no_endpoint()
        } else {
            format!(
                "resolves publicly: no private endpoint of the account has its record in {}{}",
                zone.name,
                unknown_links()
            )
        };
        return public(why, hop);
    }
    let known_link = query
        .linked_zones
        .iter()
        .any(|z| z.eq_ignore_ascii_case(zone.name));
    let private = |e: &'a EndpointState, dns: String| Resolution {
        resolves: Resolves::Private,
        chain: vec![
            host.to_owned(),
            private_name.clone(),
            format!("the private address of endpoint {}", e.name),
        ],
        dns,
        endpoint: Some(e),
    };
    match dns_mode {
        Some(Dns::CreateZones { .. }) => {
            let linked = carrying.iter().find(|s| {
                s.endpoint
                    .as_ref()
                    .is_some_and(|e| e.subnet.vnet_id().eq_ignore_ascii_case(&vnet))
            });
            match (linked, known_link) {
                (Some(e), _) => private(
                    e,
                    format!(
                        "resolves privately: {} holds the record and is linked to {vnet_name} (the endpoint's network)",
                        zone.name
                    ),
                ),
                (None, true) => private(
                    carrying[0],
                    format!(
                        "resolves privately: {} holds the record and you say it is linked to {vnet_name}",
                        zone.name
                    ),
                ),
                (None, false) => public(
                    format!(
                        "resolves publicly: {vnet_name} has no link to {} (the plan links only the endpoints' networks)",
                        zone.name
                    ),
                    hop,
                ),
            }
        }
        Some(Dns::ExistingZones) => {
            if known_link {
                private(
                    carrying[0],
                    format!(
                        "resolves privately: the existing zone {} holds the record (zone group) and you say it is linked to {vnet_name}",
                        zone.name
                    ),
                )
            } else {
                public(
                    format!(
                        "resolves publicly unless {} is linked to {vnet_name}: the zone exists elsewhere and the plan does not link it (the wizard cannot see its links)",
                        zone.name
                    ),
                    hop,
                )
            }
        }
        Some(Dns::OwnDns) => public(
            format!(
                "resolves publicly: with your own DNS servers no private zone in Azure holds {private_name}, so {vnet_name}'s Azure DNS answers publicly; the record must be in the DNS servers the clients ask"
            ),
            hop,
        ),
        None => public(no_endpoint(), hop),
    }
}

fn verdict(
    config: &Config,
    state: &State,
    query: &Query,
    host: &str,
    zone: &Zone,
    moment: Moment,
) -> Verdict {
    let resolution = resolve(config, state, query, host, zone, moment);
    let (allowed, reason) = match resolution.endpoint {
        Some(e) => private_decision(e),
        None => public_decision(config, state, query, moment),
    };
    Verdict {
        resolves: resolution.resolves,
        chain: resolution.chain,
        dns: resolution.dns,
        allowed,
        reason,
    }
}

fn private_decision(e: &EndpointState) -> (bool, String) {
    let manual = e
        .endpoint
        .as_ref()
        .is_some_and(|e| matches!(e.approval, Approval::Manual { .. }));
    match e.status.as_str() {
        s if s.eq_ignore_ascii_case("Approved") => (
            true,
            format!(
                "allowed through the private endpoint {}, network rules do not apply",
                e.name
            ),
        ),
        s if s.eq_ignore_ascii_case("Pending") => (
            false,
            format!(
                "refused: private endpoint {}'s connection is Pending{} until the resource's owner approves it",
                e.name,
                if manual { " (manual approval)" } else { "" }
            ),
        ),
        other => (
            false,
            format!(
                "refused: private endpoint {}'s connection is {other}: only an Approved endpoint carries traffic",
                e.name
            ),
        ),
    }
}

fn public_decision(
    config: &Config,
    state: &State,
    query: &Query,
    moment: Moment,
) -> (bool, String) {
    let unknown = if state.known {
        ""
    } else {
        " (without a snapshot only the plan's rules are known, not the account's own)"
    };
    if state.account.public_network_access == Some(PublicNetworkAccess::Disabled) {
        return (false, "refused: public network access Disabled".to_owned());
    }
    let empty = NetworkAcls {
        default_action: None,
        bypass: None,
        ip_rules: Vec::new(),
        virtual_network_rules: Vec::new(),
    };
    let acls = state.account.network_acls.as_ref().unwrap_or(&empty);
    if acls.default_action != Some(DefaultAction::Deny) {
        let what = match (acls.default_action.is_some(), state.known) {
            (true, _) => format!("allowed by default action Allow{unknown}"),
            (false, true) => "allowed: the account has no default action, so every network is allowed".to_owned(),
            (false, false) => "allowed unless the account already denies: the plan sets no default action and, without a snapshot, the account's own is not known".to_owned(),
        };
        return (true, what);
    }
    let no_match = format!("refused: default action Deny and no rule matches{unknown}");
    match &query.client {
        Client::PublicIp(ip) => {
            for rule in &acls.ip_rules {
                if rule_contains(rule, *ip) {
                    return (true, format!("allowed by IP rule {rule}"));
                }
            }
            (false, no_match)
        }
        Client::Subnet(subnet) => {
            let rule = acls
                .virtual_network_rules
                .iter()
                .find(|r| r.id.eq_ignore_ascii_case(&subnet.to_string()));
            match (service_endpoint(config, query, subnet, moment), rule) {
                (Some(true), Some(_)) => (
                    true,
                    format!("allowed by the subnet rule for {}", subnet.subnet),
                ),
                (Some(true), None) => (
                    false,
                    format!(
                        "refused: default action Deny and no subnet rule for {}{unknown}",
                        subnet.subnet
                    ),
                ),
                (Some(false), Some(_)) => (
                    false,
                    format!(
                        "refused: the subnet rule for {} does not let traffic in without the {SERVICE} service endpoint on the subnet",
                        subnet.subnet
                    ),
                ),
                (None, Some(_)) => (
                    false,
                    format!(
                        "refused unless subnet {} has the {SERVICE} service endpoint: the plan does not add it and no snapshot shows it, and the subnet rule counts only with it",
                        subnet.subnet
                    ),
                ),
                (_, None) => (
                    false,
                    format!(
                        "{no_match} (without the service endpoint the subnet's requests come from a public address the wizard does not know)"
                    ),
                ),
            }
        }
        Client::OnPremises { .. } => (
            false,
            format!(
                "refused unless the site's public address is in an IP rule ({}): default action Deny; check that address with --from-ip",
                if acls.ip_rules.is_empty() {
                    "there is none".to_owned()
                } else {
                    acls.ip_rules.join(", ")
                }
            ),
        ),
        Client::TrustedService => match acls.bypass.as_deref() {
            Some(b) if b.eq_ignore_ascii_case("AzureServices") => (
                true,
                "allowed by the trusted-services bypass (AzureServices)".to_owned(),
            ),
            Some(b) => (
                false,
                format!("refused: default action Deny and bypass {b}"),
            ),
            None => (
                false,
                format!(
                    "refused: default action Deny and the trusted-services bypass is not set{unknown}"
                ),
            ),
        },
    }
}

/// Whether the subnet has the service endpoint in this state: what the person says, else what
/// the plan adds (after), else what the snapshot shows; `None` when nothing says.
fn service_endpoint(
    config: &Config,
    query: &Query,
    subnet: &SubnetId,
    moment: Moment,
) -> Option<bool> {
    if let Some(known) = query.service_endpoint {
        return Some(known);
    }
    let wanted = subnet.to_string();
    if moment == Moment::After
        && config.network.as_ref().is_some_and(|n| {
            n.vnet_rules.iter().any(|r| {
                r.enable_service_endpoint && r.subnet.to_string().eq_ignore_ascii_case(&wanted)
            })
        })
    {
        return Some(true);
    }
    config
        .current_state
        .as_ref()
        .and_then(|s| s.subnet(subnet))
        .map(|s| s.has_service_endpoint(SERVICE))
}

/// Whether an IP rule's value (an address or a CIDR range, as ARM prints it) holds `ip`.
fn rule_contains(rule: &str, ip: Ipv4Addr) -> bool {
    if let Ok(net) = rule.parse::<Ipv4Net>() {
        return net.contains(&ip);
    }
    rule.parse::<Ipv4Addr>().is_ok_and(|a| a == ip)
}

/// Reads a client's public address, refusing one that cannot come from the internet.
pub fn parse_public_ip(text: &str) -> Result<Ipv4Addr, String> {
    let ip: Ipv4Addr = text.trim().parse().map_err(|_| {
        format!("{text} is not an IPv4 address: give the public address the request comes from, for example 203.0.113.7.")
    })?;
    let shared = Ipv4Net::new(Ipv4Addr::new(100, 64, 0, 0), 10).expect("valid prefix");
    if ip.is_private()
        || ip.is_loopback()
        || ip.is_link_local()
        || ip.is_unspecified()
        || ip.is_multicast()
        || ip.is_broadcast()
        || shared.contains(&ip)
    {
        return Err(format!(
            "{ip} is not a public address: a request from the internet comes from a public one. For a client in a virtual network, give its subnet instead."
        ));
    }
    Ok(ip)
}

/// Reads a virtual network's resource ID, returning it in ARM's spelling.
pub fn parse_vnet_id(text: &str) -> Result<String, String> {
    let text = text.trim_end_matches('/');
    SubnetId::parse(&format!("{text}/subnets/x"))
        .map(|s| s.vnet_id())
        .map_err(|_| {
            format!("{text} is not a virtual network's resource ID: expected /subscriptions/<subscription GUID>/resourceGroups/<group>/providers/Microsoft.Network/virtualNetworks/<vnet>.")
        })
}

/// The page's question: a client of this kind (`ip`, `subnet`, `onprem`, `trusted`), given as
/// this text; per host, the command line's line (after, and before when the current settings
/// are known) and then the name resolution step by step (after, and before when it differs);
/// or why the client cannot be read. Nothing typed yet: no lines.
pub fn answer_lines(plan: &Plan, kind: &str, text: &str) -> Result<Vec<String>, String> {
    let text = text.trim();
    let client = match kind {
        "trusted" => Client::TrustedService,
        _ if text.is_empty() => return Ok(Vec::new()),
        "subnet" => Client::Subnet(SubnetId::parse(text)?),
        "onprem" => Client::OnPremises {
            forwards_to: Some(parse_vnet_id(text)?),
        },
        _ => Client::PublicIp(parse_public_ip(text)?),
    };
    let answers = reachability(plan, &client.into(), None)?;
    let mut lines = Vec::new();
    for answer in &answers {
        lines.push(answer.line());
        let after = answer.after.chain_text();
        match answer.before.as_ref().map(Verdict::chain_text) {
            Some(before) if before != after => {
                lines.push(format!("  name resolution after: {after}"));
                lines.push(format!("  name resolution before: {before}"));
            }
            _ => lines.push(format!("  name resolution: {after}")),
        }
    }
    Ok(lines)
}
