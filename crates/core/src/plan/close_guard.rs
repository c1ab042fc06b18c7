//! What must hold before a step closes public access, so that nobody is cut off: with your own
//! DNS servers, clients must already resolve the private address; with manual approval, each
//! endpoint's connection must be Approved (only an Approved endpoint carries traffic). Every
//! output checks these right before the close and stops, saying how to finish, when they fail.

use super::{Action, ArmRequest, EndpointAction, Plan};
use crate::api_versions;
use crate::arm_values::PublicNetworkAccess;
use crate::config::Resource;
use crate::private_endpoints::config::{Approval, Dns, Endpoint};

/// The address ranges that count as private: RFC 1918 and the shared address space of
/// RFC 6598, which Azure virtual networks may use too. The public endpoints never answer there.
pub const PRIVATE_RANGES: &str = "10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16 or 100.64.0.0/10";

/// Where the approval state of an endpoint's connection is, in the endpoint's GET answer.
pub const APPROVAL_STATUS: &str =
    "properties.manualPrivateLinkServiceConnections[0].properties.privateLinkServiceConnectionState.status";

/// The checks before one closing step (both empty: the step needs none).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CloseGuard {
    /// Own DNS servers: the hosts clients call, which must resolve to a private address.
    pub hosts: Vec<String>,
    /// Manual approval: the endpoints whose connection must be Approved first.
    pub endpoints: Vec<Endpoint>,
}

impl CloseGuard {
    pub fn is_empty(&self) -> bool {
        self.hosts.is_empty() && self.endpoints.is_empty()
    }
}

impl Plan {
    /// The checks a step must pass before it closes public access.
    pub fn close_guard(&self, action: &Action) -> CloseGuard {
        let Some(pe) = &self.config.private_endpoints else {
            return CloseGuard::default();
        };
        let closed = match action {
            Action::SetPublicNetworkAccess {
                access: PublicNetworkAccess::Disabled,
            } => self.target().resource_id(),
            Action::PrivateEndpoint(EndpointAction::CloseDependentPublicAccess {
                resource_id,
                ..
            }) => resource_id.clone(),
            _ => return CloseGuard::default(),
        };
        let on_closed = |e: &&Endpoint| e.resource_id.eq_ignore_ascii_case(&closed);
        let endpoints = pe
            .endpoints
            .iter()
            .filter(on_closed)
            .filter(|e| matches!(e.approval, Approval::Manual { .. }))
            .cloned()
            .collect();
        let hosts = match pe.dns {
            Dns::OwnDns => client_hosts(self, &closed),
            Dns::CreateZones { .. } | Dns::ExistingZones => Vec::new(),
        };
        CloseGuard { hosts, endpoints }
    }
}

/// The hosts clients of an account call, one per zone of its endpoints: the custom subdomain
/// in each public zone (`{sub}.cognitiveservices…`, `{sub}.openai…`, …). Only the target
/// account's are known here; validation refuses own DNS servers with closing for the rest.
pub fn client_hosts(plan: &Plan, resource_id: &str) -> Vec<String> {
    let target = plan.target();
    let Resource::CognitiveServices { name, .. } = &target.resource else {
        return Vec::new();
    };
    if !resource_id.eq_ignore_ascii_case(&target.resource_id()) {
        return Vec::new();
    }
    let subdomain = plan
        .config
        .custom_domain
        .as_ref()
        .map_or(name.as_str(), |d| d.subdomain.as_str());
    let mut hosts: Vec<String> = Vec::new();
    let endpoints = plan
        .config
        .private_endpoints
        .iter()
        .flat_map(|pe| &pe.endpoints);
    for endpoint in endpoints.filter(|e| e.resource_id.eq_ignore_ascii_case(resource_id)) {
        for zone in &endpoint.zones {
            let host = format!("{subdomain}.{}", zone.forwarded_zone());
            if !hosts.contains(&host) {
                hosts.push(host);
            }
        }
    }
    hosts
}

/// The REST form of the checks: a read of each endpoint before the closing write, and the
/// resolution check in the write's note.
pub(super) fn guard_requests(plan: &Plan, action: &Action, requests: &mut Vec<ArmRequest>) {
    let guard = plan.close_guard(action);
    if guard.is_empty() {
        return;
    }
    let Some(at) = requests.iter().rposition(|r| r.method == "PATCH") else {
        return;
    };
    if !guard.hosts.is_empty() {
        let checks: Vec<String> = guard
            .hosts
            .iter()
            .map(|h| format!("nslookup {h}"))
            .collect();
        let wait = format!(
            "WAIT: your own DNS servers must answer first. Send this only once, on a machine that uses the DNS servers your clients use, {} each answer a private address ({PRIVATE_RANGES}). If one answers a public address or nothing, stop here: create the A records in those DNS servers, check again, then send this. Sent too early, it cuts off every client that still resolves the public address.",
            checks.join(", ")
        );
        let patch = &mut requests[at];
        patch.note = Some(match patch.note.take() {
            Some(note) => format!("{wait} {note}"),
            None => wait,
        });
    }
    let reads = guard.endpoints.iter().map(|endpoint| {
        ArmRequest::new("GET", endpoint.id(), api_versions::NETWORK).note(format!(
            "Only an Approved endpoint carries traffic: stop here unless {APPROVAL_STATUS} is Approved. While it is Pending, the resource's owner approves it first (see the step that creates {}); then send the rest from here.",
            endpoint.name
        ))
    });
    requests.splice(at..at, reads);
}
