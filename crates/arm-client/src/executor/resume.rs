//! Resume after a stop, with the plan as the form says now: the person fixed the cause (another
//! subdomain, another region, a rule more) and the plan changed with it. Steps are matched by
//! what they act on ([`step_identity`]), not by their place in the plan. A step that was done or
//! skipped before and is exactly the same now is kept (not sent again); any other step runs,
//! reading first as every step does, so an earlier step the fix changed is checked again and
//! what is already so is skipped, never sent blindly.

use super::{Cursor, Executor, Outcome, StepRun, StepStatus};
use wizard_core::plan::{Action, ArmRequest, EndpointAction, Plan, Step};

/// What Resume did, for the line after the run.
#[derive(Clone, Debug, PartialEq)]
pub struct Resumed {
    /// The stopped step's place in the current plan; `None` when the form no longer has it.
    pub at: Option<usize>,
    /// The stopped step's title as it was.
    pub stopped: String,
    /// Earlier steps done before and unchanged: not sent again.
    pub kept: usize,
    /// Earlier steps the fix changed (or added): they run again, reading first.
    pub rechecked: Vec<String>,
}

/// A step as it was planned, to tell later whether the form changed it.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Planned {
    identity: String,
    step: Step,
    requests: Vec<ArmRequest>,
}

pub(super) fn planned(plan: &Plan) -> Vec<Planned> {
    plan.steps
        .iter()
        .map(|step| Planned {
            identity: step_identity(step),
            step: step.clone(),
            requests: plan.requests(step),
        })
        .collect()
}

/// What a step acts on, the same whatever the fix changed in it (a subdomain's name, an
/// endpoint's region, the rules): one step per identity in a plan.
pub fn step_identity(step: &Step) -> String {
    let lower = |text: &str| text.to_ascii_lowercase();
    match &step.action {
        Action::SelectSubscription => "subscription".into(),
        // The groups (or their tenant) may be what the fix corrected: by subscription of
        // another tenant.
        Action::CheckResourceGroups { groups, tenant_id } => match tenant_id {
            Some(_) => format!(
                "resource-groups:{}",
                lower(groups.first().map_or("", |g| g.subscription_id.as_str()))
            ),
            None => "resource-groups".into(),
        },
        Action::VerifyResource => "verify-resource".into(),
        Action::CreateAccount { .. } => "create-account".into(),
        Action::SetCustomSubdomain { .. } => "custom-subdomain".into(),
        Action::RegisterResourceProvider { subscription_id } => {
            format!("register-provider:{}", lower(subscription_id))
        }
        Action::EnableServiceEndpoint { subnet, .. } => {
            format!("service-endpoint:{}", lower(&subnet.to_string()))
        }
        Action::MergeNetworkRules { .. } => "network-rules".into(),
        Action::SetDefaultAction { .. } => "default-action".into(),
        Action::SetPublicNetworkAccess { .. } => "public-network-access".into(),
        Action::PrivateEndpoint(action) => match action {
            EndpointAction::DisableNetworkPolicies { subnet, .. } => {
                format!("endpoint-network-policies:{}", lower(&subnet.to_string()))
            }
            EndpointAction::CreateZone { zone } => format!("zone:{}", lower(&zone.name)),
            EndpointAction::LinkZone { zone, vnet_id, .. } => {
                format!("zone-link:{}|{}", lower(&zone.name), lower(vnet_id))
            }
            EndpointAction::CreateEndpoint { endpoint } => {
                format!("endpoint:{}", lower(&endpoint.id()))
            }
            EndpointAction::AttachZoneGroup { endpoint } => {
                format!("zone-group:{}", lower(&endpoint.id()))
            }
            EndpointAction::ShowDnsRecords { endpoint } => {
                format!("dns-records:{}", lower(&endpoint.id()))
            }
            EndpointAction::ClientGuidance { .. } => "client-guidance".into(),
            EndpointAction::DeleteEndpoint { removal } => {
                format!("delete-endpoint:{}", lower(&removal.id()))
            }
            EndpointAction::CloseDependentPublicAccess { resource_id, .. } => {
                format!("dependent-public-access:{}", lower(resource_id))
            }
        },
        Action::EndpointConnection(change) => format!("connection:{}", lower(&change.name)),
        Action::AssignStorageRole { .. } => "storage-role".into(),
        Action::HardenStorage { .. } => "harden-storage".into(),
        Action::VerifyUserOwnedStorage { .. } => "verify-storage".into(),
    }
}

impl Executor {
    /// After a failure or a cancel: run `plan` (the form as it is now). Steps done before and
    /// unchanged are kept; every other step runs in plan order, the stopped one included, each
    /// reading what is there first. Does nothing unless the run stopped.
    pub fn resume(&mut self, plan: Plan) {
        let Some(Outcome::Failed { step } | Outcome::Cancelled { step }) = self.outcome.clone()
        else {
            return;
        };
        let stopped = self.planned.get(step).cloned();
        let fresh = planned(&plan);
        let at = stopped
            .as_ref()
            .and_then(|s| fresh.iter().position(|p| p.identity == s.identity));
        let mut steps = Vec::new();
        let mut kept = Vec::new();
        let mut rechecked = Vec::new();
        for (index, now) in fresh.iter().enumerate() {
            let before = self
                .planned
                .iter()
                .position(|p| p.identity == now.identity)
                .filter(|&o| {
                    matches!(
                        self.steps[o].status,
                        StepStatus::Done | StepStatus::Skipped(_)
                    )
                });
            match before {
                Some(o)
                    if self.planned[o].step == now.step
                        && self.planned[o].requests == now.requests =>
                {
                    steps.push(self.steps[o].clone());
                    kept.push(true);
                }
                _ => {
                    if before.is_some() || at.is_some_and(|at| index < at) {
                        rechecked.push(now.step.title.clone());
                    }
                    steps.push(StepRun {
                        title: now.step.title.clone(),
                        irreversible: now.step.irreversible,
                        status: StepStatus::Pending,
                        sent: Vec::new(),
                    });
                    kept.push(false);
                }
            }
        }
        self.resumed = Some(Resumed {
            at,
            stopped: stopped.map(|s| s.step.title).unwrap_or_default(),
            kept: kept.iter().filter(|&&k| k).count(),
            rechecked,
        });
        self.plan = plan;
        self.planned = fresh;
        self.steps = steps;
        self.kept = kept;
        self.at = Cursor::default();
        self.outcome = None;
        self.cancel_requested = false;
        self.confirmed = None;
        // What this run read stays the latest word on what is there.
        self.refresh_requests();
    }

    /// What the last Resume did.
    pub fn resumed(&self) -> Option<&Resumed> {
        self.resumed.as_ref()
    }

    /// A step kept from before the Resume: passed over.
    pub(super) fn is_kept(&self, step: usize) -> bool {
        self.kept.get(step).copied().unwrap_or(false)
    }
}
