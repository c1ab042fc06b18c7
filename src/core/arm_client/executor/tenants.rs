//! A subnet in another Entra tenant. Resource Manager takes a request only with a token of the
//! tenant that the request's subscription belongs to (401 `InvalidAuthenticationTokenTenant`
//! otherwise), and one pasted token is of one tenant. Before a request is sent, the token's
//! `tid` is compared with the tenant the request needs: the tenant its step's action names (a
//! subnet in another tenant, as the form says), or else the tenant its subscription was seen in
//! during this run (the `tid` of a token it answered 2xx, or the tenant Resource Manager asked
//! for when it refused one). When they differ the step stops, nothing sent with that token, and
//! says which token to paste before Resume. So a plan with a subnet in another tenant runs the
//! account's steps with the account's token, stops at the subnet's step for that tenant's token,
//! and at the account's next step for the account's token again. A token whose tenant cannot be
//! read (not a JWT, no `tid`) is left to Resource Manager.

use super::super::http::HttpResponse;
use super::super::policy::{is_guid, tenant_asked_for, Failure, WRONG_TENANT};
use super::super::token::{same_tenant, tenant_token_commands, token_tenant};
use super::Executor;
use crate::core::plan::{Action, ArmRequest, EndpointAction, Plan, Step};
use crate::core::subnet_id::SubnetId;

/// The code of a step stopped before sending, its token being of another tenant.
pub const TOKEN_FOR_ANOTHER_TENANT: &str = "TokenForAnotherTenant";

impl Executor {
    /// Why `request` of the current step must not be sent with `token`, if it must not.
    pub(super) fn tenant_mismatch(&self, request: &ArmRequest, token: &str) -> Option<Failure> {
        let have = token_tenant(token)?;
        let step = &self.plan.steps[self.at.step];
        let (want, acts_on) = match step_tenant(&self.plan, step) {
            Some((tenant, what)) => {
                let acts_on = format!("{what}, in Entra tenant {tenant}");
                (tenant, acts_on)
            }
            None => {
                let subscription = subscription_of(&request.path)?;
                let tenant = self.tenant_seen(&subscription)?;
                let whose =
                    if subscription.eq_ignore_ascii_case(&self.plan.target().subscription_id) {
                        "the account's subscription"
                    } else {
                        "subscription"
                    };
                let acts_on = format!("{whose} {subscription}, in Entra tenant {tenant} (as Resource Manager said earlier in this run)");
                (tenant, acts_on)
            }
        };
        if same_tenant(&want, &have) {
            return None;
        }
        Some(Failure {
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
            match response.arm_error() {
                Some((code, message)) if response.status == 401 && code == WRONG_TENANT => {
                    tenant_asked_for(&message)
                }
                _ => None,
            }
        };
        if let Some(tenant) = tenant {
            self.tenants.retain(|(s, _)| *s != subscription);
            self.tenants.push((subscription, tenant));
        }
    }

    /// When Resource Manager refused a token of the tenant the form names for this step's
    /// subnet: the form's tenant is not the subnet's, and Resume goes by the form.
    pub(super) fn form_tenant_refused(&self, response: &HttpResponse) -> Option<String> {
        let (code, _) = response.arm_error()?;
        if response.status != 401 || code != WRONG_TENANT {
            return None;
        }
        let (tenant, what) = step_tenant(&self.plan, &self.plan.steps[self.at.step])?;
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

/// The subscription (lower case) of an ARM path `/subscriptions/{id}/…`.
fn subscription_of(path: &str) -> Option<String> {
    let rest = path
        .get(..15)?
        .eq_ignore_ascii_case("/subscriptions/")
        .then(|| &path[15..])?;
    let id = rest.split(['/', '?']).next()?;
    (!id.is_empty()).then(|| id.to_ascii_lowercase())
}

/// The other tenant a step acts in and what it acts on: the tenant its action names (a subnet's
/// service endpoint or endpoint network policies, a private endpoint in a subnet there), or,
/// for the resource provider registered in a subnet's subscription, that subnet's tenant.
fn step_tenant(plan: &Plan, step: &Step) -> Option<(String, String)> {
    let subnet_in = |subnet: &SubnetId, tenant: &Option<String>| {
        let tenant = tenant.as_deref().map(str::trim).filter(|t| !t.is_empty())?;
        Some((tenant.to_owned(), describe(subnet)))
    };
    match &step.action {
        Action::EnableServiceEndpoint { subnet, tenant_id }
        | Action::PrivateEndpoint(EndpointAction::DisableNetworkPolicies { subnet, tenant_id }) => {
            subnet_in(subnet, tenant_id)
        }
        Action::PrivateEndpoint(
            EndpointAction::CreateEndpoint { endpoint }
            | EndpointAction::AttachZoneGroup { endpoint }
            | EndpointAction::ShowDnsRecords { endpoint },
        ) => subnet_in(&endpoint.subnet, &endpoint.tenant_id).map(|(tenant, subnet)| {
            (
                tenant,
                format!("private endpoint {} in {subnet}", endpoint.name),
            )
        }),
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
                let (tenant, _) = subnet_in(&rule.subnet, &rule.tenant_id)?;
                Some((
                    tenant,
                    format!(
                        "subscription {subscription_id} (of subnet {})",
                        rule.subnet.subnet
                    ),
                ))
            })
        }
        _ => None,
    }
}

fn describe(subnet: &SubnetId) -> String {
    format!(
        "subnet {} (virtual network {}, subscription {})",
        subnet.subnet, subnet.vnet, subnet.subscription_id
    )
}
