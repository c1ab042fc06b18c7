//! A subnet in another Entra tenant. Resource Manager takes a request only with a token of the
//! tenant that the request's subscription belongs to (401 `InvalidAuthenticationTokenTenant`
//! otherwise), and one pasted token is of one tenant. Before a request is sent, the token's
//! `tid` is compared with the tenant the request needs: for a request on the subnet's
//! subscription in a step whose action names the subnet's tenant, that tenant; for any other,
//! the tenant its subscription was seen in during this run (the `tid` of a token it answered
//! 2xx, or the tenant Resource Manager asked for when it refused one). When they differ the step
//! stops, nothing sent with that token, and says which token to paste before Resume. So a plan
//! with a subnet in another tenant runs the account's steps with the account's token, stops at
//! the subnet's step for that tenant's token, and at the account's next step for the account's
//! token again. The one request of a subnet's step outside its subscription, the read of the
//! resource's connections that a manually approved endpoint prints for the resource's owner, is
//! passed over rather than stopped at: no single token could finish that step. A token whose
//! tenant cannot be read (not a JWT, no `tid`) is left to Resource Manager.

use super::super::http::HttpResponse;
use super::super::policy::{tenant_asked_for, wrong_tenant_message, Failure};
use super::super::token::{same_tenant, tenant_token_commands, token_tenant};
use super::Executor;
use wizard_core::names::is_guid;
use wizard_core::plan::{Action, ArmRequest, EndpointAction, Plan, Step};
use wizard_core::subnet_id::SubnetId;

/// The code of a step stopped before sending, its token being of another tenant.
pub const TOKEN_FOR_ANOTHER_TENANT: &str = "TokenForAnotherTenant";

/// What to do with a request, given the token's tenant.
pub(super) enum TenantCheck {
    Send,
    /// Stop the step: the token is of another tenant than the request's subscription.
    Stop(Failure),
    /// A read of another tenant's subscription within a step of a subnet's tenant (the
    /// resource's connections, read for its owner): passed over, with why.
    SkipRead(String),
}

impl Executor {
    /// Whether `request` of the current step may be sent with `token`. A step of a subnet in
    /// another tenant sends its requests on that subnet's subscription with a token of that
    /// tenant; any other request goes with a token of the tenant its subscription was seen in.
    pub(super) fn tenant_check(&self, request: &ArmRequest, token: &str) -> TenantCheck {
        let Some(have) = token_tenant(token) else {
            return TenantCheck::Send;
        };
        let step = &self.plan.steps[self.at.step];
        let subscription = subscription_of(&request.path);
        let of_step = step_tenant(&self.plan, step);
        // `outside`: a request of a subnet's step outside the subnet's subscription.
        let (want, acts_on, outside) = match (&of_step, &subscription) {
            (Some(of), s)
                if s.as_deref()
                    .is_none_or(|s| s.eq_ignore_ascii_case(&of.subscription)) =>
            {
                (
                    of.tenant.clone(),
                    format!("{}, in Entra tenant {}", of.what, of.tenant),
                    false,
                )
            }
            (_, Some(subscription)) => {
                let Some(tenant) = self.tenant_seen(subscription) else {
                    return TenantCheck::Send;
                };
                let whose =
                    if subscription.eq_ignore_ascii_case(&self.plan.target().subscription_id) {
                        "the account's subscription"
                    } else {
                        "subscription"
                    };
                let acts_on = format!("{whose} {subscription}, in Entra tenant {tenant} (as Resource Manager said earlier in this run)");
                (tenant, acts_on, of_step.is_some())
            }
            (_, None) => return TenantCheck::Send,
        };
        if same_tenant(&want, &have) {
            return TenantCheck::Send;
        }
        if outside && request.method == "GET" {
            return TenantCheck::SkipRead(format!(
                "{} {} not read: it is in Entra tenant {want}, and this step goes with a token of tenant {have}",
                request.method, request.path
            ));
        }
        TenantCheck::Stop(Failure {
            code: TOKEN_FOR_ANOTHER_TENANT.into(),
            message: format!(
                "This step acts on {acts_on}, but the token pasted is from tenant {have}: Resource Manager would refuse it. Nothing was sent with it."
            ),
            advice: format!(
                "Get a token of tenant {want}:\n{}\nPaste it, then Resume: the steps done are kept.",
                tenant_token_commands(self.plan.target().cloud, &want)
            ),
        })
    }

    /// What an answer to the request in flight says of its subscription's tenant: a 2xx, that
    /// it is the tenant of the token sent; a refusal for another tenant, the tenant asked for.
    pub(super) fn learn_tenant(&mut self, response: &HttpResponse) {
        let Some(subscription) = subscription_of(&self.current_request().path) else {
            return;
        };
        let tenant = if (200..300).contains(&response.status) {
            self.at.sent_tenant.clone().filter(|t| is_guid(t))
        } else {
            wrong_tenant_message(response).and_then(|message| tenant_asked_for(&message))
        };
        if let Some(tenant) = tenant {
            self.tenants.retain(|(s, _)| *s != subscription);
            self.tenants.push((subscription, tenant));
        }
    }

    /// When Resource Manager refused a token of the tenant the form names for this step's
    /// subnet: the form's tenant is not the subnet's, and Resume goes by the form.
    pub(super) fn form_tenant_refused(&self, response: &HttpResponse) -> Option<String> {
        wrong_tenant_message(response)?;
        let StepTenant { tenant, what, .. } =
            step_tenant(&self.plan, &self.plan.steps[self.at.step])?;
        Some(format!(
            "The form says {what} is in Entra tenant {tenant}, and the token was of that tenant: correct the tenant in the form to the one Resource Manager asks for, then do as follows (Resume runs the step as the form says then)."
        ))
    }

    fn tenant_seen(&self, subscription: &str) -> Option<String> {
        self.tenants
            .iter()
            .find(|(s, _)| s == subscription)
            .map(|(_, t)| t.clone())
    }

    /// Remembers the tenant of the token a request goes with.
    pub(super) fn sending_with(&mut self, token: &str) {
        self.at.sent_tenant = token_tenant(token);
    }
}

/// Per step, before the run: which token it will ask for when the token changes tenant there.
/// A step on a subnet in another tenant needs that tenant's token, and the first step after it
/// that does not needs the account's tenant's again (the run stops at each to ask). `None` for a
/// step that goes with the token of the step before it.
pub(super) fn token_changes(plan: &Plan) -> Vec<Option<String>> {
    let mut before: Option<String> = None;
    plan.steps
        .iter()
        .map(|step| {
            let now = step_tenant(plan, step);
            let note = match (&now, &before) {
                (Some(of), Some(t)) if same_tenant(&of.tenant, t) => None,
                (Some(of), _) => Some(format!(
                    "Needs a token of Entra tenant {}: it acts on {}. The run stops before this step to ask for it.",
                    of.tenant, of.what
                )),
                (None, Some(_)) => Some(
                    "Needs a token of the account's tenant again: the run stops before this step to ask for it."
                        .to_owned(),
                ),
                (None, None) => None,
            };
            before = now.map(|of| of.tenant);
            note
        })
        .collect()
}

/// The subscription (lower case) of an ARM path `/subscriptions/{id}/…`.
/// Whether `request` of `step` goes to a subnet's subscription in another Entra tenant: only a
/// token of that tenant may read it, and the run asks for one when it gets there.
pub(super) fn in_other_tenant(plan: &Plan, step: &Step, request: &ArmRequest) -> bool {
    step_tenant(plan, step).is_some_and(|of| {
        subscription_of(&request.path).is_none_or(|s| s.eq_ignore_ascii_case(&of.subscription))
    })
}

fn subscription_of(path: &str) -> Option<String> {
    let rest = path
        .get(..15)?
        .eq_ignore_ascii_case("/subscriptions/")
        .then(|| &path[15..])?;
    let id = rest.split(['/', '?']).next()?;
    (!id.is_empty()).then(|| id.to_ascii_lowercase())
}

/// The other tenant a step acts in: the tenant its action names (a subnet's service endpoint
/// or endpoint network policies, a private endpoint in a subnet there), or, for the resource
/// provider registered in a subnet's subscription, that subnet's tenant.
struct StepTenant {
    tenant: String,
    /// The subscription in that tenant (the subnet's).
    subscription: String,
    /// What the step acts on, for the message.
    what: String,
}

fn step_tenant(plan: &Plan, step: &Step) -> Option<StepTenant> {
    let subnet_in = |subnet: &SubnetId, tenant: &Option<String>, what: String| {
        let tenant = tenant.as_deref().map(str::trim).filter(|t| !t.is_empty())?;
        Some(StepTenant {
            tenant: tenant.to_owned(),
            subscription: subnet.subscription_id.clone(),
            what,
        })
    };
    match &step.action {
        Action::EnableServiceEndpoint { subnet, tenant_id }
        | Action::PrivateEndpoint(EndpointAction::DisableNetworkPolicies { subnet, tenant_id }) => {
            subnet_in(subnet, tenant_id, describe(subnet))
        }
        Action::PrivateEndpoint(
            EndpointAction::CreateEndpoint { endpoint }
            | EndpointAction::AttachZoneGroup { endpoint }
            | EndpointAction::ShowDnsRecords { endpoint },
        ) => subnet_in(
            &endpoint.subnet,
            &endpoint.tenant_id,
            format!(
                "private endpoint {} in {}",
                endpoint.name,
                describe(&endpoint.subnet)
            ),
        ),
        Action::CheckResourceGroups {
            groups,
            tenant_id: Some(tenant),
        } => {
            let subscription = &groups.first()?.subscription_id;
            in_tenant(
                subscription,
                tenant,
                format!("subscription {subscription} (its resource groups)"),
            )
        }
        Action::RegisterResourceProvider { subscription_id } => {
            let rules = plan.config.network.as_ref()?;
            rules.vnet_rules.iter().find_map(|rule| {
                if !rule
                    .subnet
                    .subscription_id
                    .eq_ignore_ascii_case(subscription_id)
                {
                    return None;
                }
                let what = format!(
                    "subscription {subscription_id} (of subnet {})",
                    rule.subnet.subnet
                );
                subnet_in(&rule.subnet, &rule.tenant_id, what)
            })
        }
        _ => None,
    }
}

fn in_tenant(subscription: &str, tenant: &str, what: String) -> Option<StepTenant> {
    let tenant = tenant.trim();
    (!tenant.is_empty()).then(|| StepTenant {
        tenant: tenant.to_owned(),
        subscription: subscription.to_owned(),
        what,
    })
}

fn describe(subnet: &SubnetId) -> String {
    format!(
        "subnet {} (virtual network {}, subscription {})",
        subnet.subnet, subnet.vnet, subnet.subscription_id
    )
}
