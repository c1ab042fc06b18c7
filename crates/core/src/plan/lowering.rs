//! The ARM lowering: each step's requests, in order, as the REST tab prints them and the apply
//! page's client sends them. The plan (mod.rs) decides the steps and their order; this says
//! what each one is on the wire.

use crate::json;
use serde_json::Value;

// The plan's own types (steps, actions, config parts) and helpers.
use super::*;
use crate::arm_values::ConnectionDecision;

/// Whether a custom subdomain is free: the request the plan sends before setting one, and the
/// one the apply page sends as the person types it.
pub fn subdomain_availability(
    subscription_id: &str,
    subdomain: &str,
    kind: Option<&str>,
) -> ArmRequest {
    let mut body =
        json!({ "subdomainName": subdomain, "type": "Microsoft.CognitiveServices/accounts" });
    if let Some(k) = kind {
        body["kind"] = json!(k);
    }
    ArmRequest::new(
        "POST",
        format!("/subscriptions/{subscription_id}/providers/Microsoft.CognitiveServices/checkDomainAvailability"),
        api_versions::COGNITIVE_SERVICES,
    )
    .body(body)
    .note("Stop unless \"isSubdomainAvailable\" is true.")
}

/// One ARM call. The REST renderer prints it; the live client would send it unchanged.
#[derive(Clone, Debug, PartialEq)]
pub struct ArmRequest {
    pub method: &'static str,
    /// Path below the ARM endpoint, without the query string.
    pub path: String,
    pub api_version: &'static str,
    pub body: Option<Value>,
    /// Send `If-None-Match: *`: ARM itself refuses the PUT when the resource exists. Only
    /// where the operation documents the header (private DNS zones and their links).
    pub if_none_match: bool,
    /// A create that must never replace: sent only when the read before it found nothing
    /// (the runner skips it otherwise; the REST note says so). Set with `if_none_match`, and
    /// alone where the operation documents no such header (a private endpoint).
    pub create_only: bool,
    /// What to do with the answer (read-merge-write, checks), for the REST comment.
    pub note: Option<String>,
    /// ARM refuses the body as it stands (the current state it needs is not known): sent
    /// unedited it changes nothing; the note says what to edit.
    pub refused_until_edited: bool,
    /// A guarded create's body once edited as its note says (the `tags` line deleted, or the
    /// plan's tags in it): what the apply page sends after its GET answered 404.
    pub after_edit: Option<Value>,
}

impl ArmRequest {
    /// A request with no body, header or note (the builders below add them).
    pub fn new(method: &'static str, path: String, api_version: &'static str) -> Self {
        ArmRequest {
            method,
            path,
            api_version,
            body: None,
            if_none_match: false,
            create_only: false,
            note: None,
            refused_until_edited: false,
            after_edit: None,
        }
    }
    /// See [`ArmRequest::after_edit`].
    pub(super) fn after_edit(mut self, body: Value) -> Self {
        self.after_edit = Some(body);
        self
    }
    pub(super) fn if_none_match(mut self) -> Self {
        self.if_none_match = true;
        self.create_only = true;
        self
    }
    pub(super) fn create_only(mut self) -> Self {
        self.create_only = true;
        self
    }
    pub(super) fn body(mut self, body: Value) -> Self {
        self.body = Some(body);
        self
    }
    pub(super) fn note(mut self, note: impl Into<String>) -> Self {
        self.note = Some(note.into());
        self
    }
    /// ARM refuses the body until a person edits it as the note says.
    pub(super) fn refused_until_edited(mut self) -> Self {
        self.refused_until_edited = true;
        self
    }
    /// A body that depends on the current state, with its note.
    pub(super) fn state_body(mut self, body: request_bodies::Body) -> Self {
        self.body = Some(body.body);
        self.note = Some(body.note);
        self.refused_until_edited = body.refused_until_edited;
        self
    }
}

/// The connection's ARM ID: below the resource, by its name.
pub fn connection_id(target: &Target, name: &str) -> String {
    format!("{}/privateEndpointConnections/{name}", target.resource_id())
}

/// The description a decision records on the connection.
pub fn connection_description(decision: ConnectionDecision) -> &'static str {
    match decision {
        ConnectionDecision::Approve => "Approved by the network isolation script",
        ConnectionDecision::Reject => "Rejected by the network isolation script",
        ConnectionDecision::Delete => "Deleted by the network isolation script",
    }
}

fn connection_requests(t: &Target, change: &ConnectionChange) -> Vec<ArmRequest> {
    let path = connection_id(t, &change.name);
    let version = api_versions::COGNITIVE_SERVICES;
    match change.decision.status() {
        Some(status) => vec![
            ArmRequest::new("GET", path.clone(), version).note(format!(
                "If properties.privateLinkServiceConnectionState.status is already \"{status}\", skip this step; 404: there is no such connection (check the name) and the next request fails."
            )),
            ArmRequest::new("PUT", path, version)
                .body(json!({ "properties": { "privateLinkServiceConnectionState": {
                    "status": status,
                    "description": connection_description(change.decision),
                } } }))
                .note("Long-running: poll the GET above until properties.provisioningState is Succeeded."),
        ],
        None => vec![
            ArmRequest::new("GET", path.clone(), version).note(
                "404: the connection is gone already; skip the next request. 200: it REMOVES the connection shown, for good (its endpoint's owner must request a new one).",
            ),
            ArmRequest::new("DELETE", path, version).note(
                "DESTRUCTIVE. Long-running: expect 200, 202 or 204; the GET above answers 404 once it is gone.",
            ),
        ],
    }
}

impl Plan {
    /// The ARM requests of a step, in order: what the REST tab shows and the live client sends.
    pub fn target(&self) -> &Target {
        &self.config.target
    }

    /// The rules the plan adds, for the bodies that merge them.
    pub(super) fn wanted_rules(&self) -> (Vec<AllowedSubnet>, Option<&NetworkRules>) {
        match &self.config.network {
            Some(n) => (
                n.vnet_rules.iter().map(AllowedSubnet::from_rule).collect(),
                Some(n),
            ),
            None => (Vec::new(), None),
        }
    }

    pub fn requests(&self, step: &Step) -> Vec<ArmRequest> {
        let mut requests = self.step_requests(step);
        close_guard::guard_requests(self, &step.action, &mut requests);
        requests
    }

    fn step_requests(&self, step: &Step) -> Vec<ArmRequest> {
        let t = self.target();
        let state = self.config.current_state.as_ref();
        let account_state = state.and_then(|s| s.account.as_ref());
        let resource_path = t.resource_id();
        let account_get = || {
            ArmRequest::new(
                "GET",
                resource_path.clone(),
                t.resource.resource_type().api_version(),
            )
        };
        let availability = |subdomain: &str, kind: Option<&str>| {
            subdomain_availability(&t.subscription_id, subdomain, kind)
        };
        let kind = match &t.resource {
            Resource::CognitiveServices { kind, .. } => Some(kind.id),
            _ => None,
        };
        match &step.action {
            Action::SelectSubscription => vec![ArmRequest::new(
                "GET",
                format!("/subscriptions/{}", t.subscription_id),
                api_versions::SUBSCRIPTIONS,
            )
            .note("Confirms the token can see the subscription (expect 200).")],
            // The groups first, so a missing one is named as such; then, still before anything
            // changes, each endpoint's virtual network for its region.
            Action::CheckResourceGroups { groups, tenant_id } => {
                let mut requests = resource_groups::requests(groups);
                if let (None, Some(endpoints)) = (tenant_id, &self.config.private_endpoints) {
                    requests.extend(private_endpoints::region_checks(endpoints));
                }
                requests
            }
            Action::VerifyResource => vec![account_get().note(if matches!(t.resource, Resource::CognitiveServices { .. }) {
                "Expect 200; 404 means the name, group or subscription is wrong. Save this response to a file before sending anything else: it is the way back (see the header)."
            } else {
                "Expect 200; 404 means the name, group or subscription is wrong."
            })],
            Action::CreateAccount { .. } if account_state.is_some() => vec![account_get().note(format!(
                "The current settings ({}) show that the account exists: nothing to create. Expect 200.",
                state.map(|s| s.provenance()).unwrap_or_default()
            ))],
            Action::CreateAccount { kind, sku, custom_subdomain, storage } => {
                let tags = self.tags_object();
                let group_path = format!("/subscriptions/{}/resourceGroups/{}", t.subscription_id, t.resource_group);
                let mut requests = vec![
                    ArmRequest::new("GET", resource_path.clone(), api_versions::COGNITIVE_SERVICES)
                        .note(storage::existing_account_note(storage.as_ref())),
                    ArmRequest::new("GET", group_path.clone(), api_versions::RESOURCES)
                        .note("404: the resource group is missing and the next request creates it. 200: it exists; skip the next request."),
                    ArmRequest::new("PUT", group_path, api_versions::RESOURCES)
                        .state_body(request_bodies::create_only_if_missing("resource group", "the GET above", json!({ "location": t.region }), tags.as_ref()))
                        .after_edit(private_endpoints::with_tags(json!({ "location": t.region }), tags.as_ref())),
                ];
                if let Some(storage) = storage {
                    requests.push(storage::location_check(t, storage));
                }
                let mut properties = json!({});
                if let Some(sub) = custom_subdomain {
                    requests.push(availability(sub, Some(kind)));
                    properties["customSubDomainName"] = json!(sub);
                }
                let mut body = json!({
                    "location": t.region,
                    "kind": kind,
                    "sku": { "name": sku },
                    "properties": properties,
                });
                if let Some(storage) = storage {
                    storage::add_user_owned_storage(&mut body, storage);
                }
                let mut create = request_bodies::create_only_if_missing(
                    "account",
                    "the first GET of this step",
                    body.clone(),
                    tags.as_ref(),
                );
                create.note += " Long-running: poll GET until properties.provisioningState is Succeeded.";
                requests.push(
                    ArmRequest::new("PUT", resource_path.clone(), api_versions::COGNITIVE_SERVICES)
                        .state_body(create)
                        .after_edit(private_endpoints::with_tags(body, tags.as_ref())),
                );
                requests
            }
            Action::SetCustomSubdomain { subdomain } => vec![
                account_get().note(format!(
                    "If properties.customSubDomainName is already \"{subdomain}\", skip this step; if it is another name, stop: it cannot be changed."
                )),
                availability(subdomain, kind),
                ArmRequest::new("PATCH", resource_path.clone(), api_versions::COGNITIVE_SERVICES)
                    .body(json!({ "properties": { "customSubDomainName": subdomain } }))
                    .note("IRREVERSIBLE. Long-running: poll GET until properties.provisioningState is Succeeded."),
            ],
            Action::RegisterResourceProvider { subscription_id } => vec![ArmRequest::new(
                "POST",
                format!("/subscriptions/{subscription_id}/providers/Microsoft.CognitiveServices/register"),
                api_versions::RESOURCES,
            )
            .note("Safe to repeat; registration can take a few minutes (GET the provider until registrationState is Registered).")],
            Action::EnableServiceEndpoint { subnet, .. } => vec![
                ArmRequest::new("GET", subnet.to_string(), api_versions::NETWORK).note(
                    "Read the complete subnet. If properties.serviceEndpoints already lists Microsoft.CognitiveServices, skip this step.",
                ),
                ArmRequest::new("PUT", subnet.to_string(), api_versions::NETWORK).state_body(
                    request_bodies::subnet_with_endpoint(state.and_then(|s| s.subnet(subnet)), state),
                ),
            ],
            Action::MergeNetworkRules { ip_rules, subnets, bypass, exact, removals } => vec![
                account_get().note("Read properties.networkAcls: its rules and default action must be kept."),
                ArmRequest::new("PATCH", resource_path.clone(), api_versions::COGNITIVE_SERVICES).state_body(
                    request_bodies::add_rules(
                        account_state,
                        state,
                        WantedRules { ip_rules, subnets, bypass: *bypass, exact: *exact, removals },
                        self.config.network.as_ref().map_or("Allow", |n| default_action_name(n.default_action)),
                    ),
                ),
            ],
            Action::SetDefaultAction { action } => {
                let (subnets, network) = self.wanted_rules();
                let wanted = WantedRules {
                    ip_rules: network.map_or(&[][..], |n| &n.ip_rules),
                    subnets: &subnets,
                    bypass: network.and_then(|n| n.bypass),
                    exact: network.map(|n| n.exact).unwrap_or_default(),
                    removals: network.map_or(&NO_REMOVALS, |n| &n.removals),
                };
                vec![
                    account_get().note("Read properties.networkAcls again."),
                    ArmRequest::new("PATCH", resource_path.clone(), api_versions::COGNITIVE_SERVICES).state_body(
                        request_bodies::set_default_action(account_state, state, wanted, default_action_name(*action)),
                    ),
                ]
            }
            Action::SetPublicNetworkAccess { access } => vec![ArmRequest::new(
                "PATCH",
                resource_path.clone(),
                t.resource.resource_type().api_version(),
            )
            .body(json!({ "properties": { "publicNetworkAccess": public_access_name(*access) } }))
            .note("Long-running: poll GET until properties.provisioningState is Succeeded.")],
            Action::AssignStorageRole { storage } => storage::assign_role_requests(
                t,
                storage,
                account_state.and_then(|a| a.principal_id.as_deref()).zip(state),
            ),
            Action::HardenStorage { storage } => storage::harden_requests(t, storage),
            Action::VerifyUserOwnedStorage { storage } => storage::verify_requests(t, storage),
            Action::PrivateEndpoint(action) => {
                private_endpoints::requests(t, state, action, self.tags_object().as_ref())
            }
            Action::EndpointConnection(change) => connection_requests(t, change),
        }
    }
}
