//! Before and after of the account's network settings. Before is the imported snapshot; after
//! is what the plan leaves, found by applying every step to the snapshot with the same merge
//! the exact REST bodies use. One line per setting and per rule or connection, each with the
//! change named in words (never a colour alone).

use super::current_state::{AccountNetwork, ConnectionState, NetworkAcls};
use super::plan::{default_action_name, public_access_name, Action, EndpointAction, Plan};
use super::private_endpoints::config::Approval;
use super::request_bodies::{merged_acls, WantedRules};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DiffLine {
    /// "Public network access", "IP rule", "Private endpoint connection NAME (endpoint E)"…
    pub setting: String,
    /// `None`: not there before (added).
    pub before: Option<String>,
    /// `None`: not there after (removed).
    pub after: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Change {
    Unchanged,
    Added,
    Removed,
    Changed,
}

impl Change {
    pub fn label(self) -> &'static str {
        match self {
            Change::Unchanged => "unchanged",
            Change::Added => "added",
            Change::Removed => "removed",
            Change::Changed => "changed",
        }
    }
}

impl DiffLine {
    /// One line for people, the change first, in words and with a sign.
    pub fn describe(&self) -> String {
        let (setting, before, after) = (
            &self.setting,
            self.before.as_deref().unwrap_or_default(),
            self.after.as_deref().unwrap_or_default(),
        );
        match self.change() {
            Change::Unchanged => format!("unchanged: {setting} {before}"),
            Change::Added => format!("+ added: {setting} {after}"),
            Change::Removed => format!("− removed: {setting} {before}"),
            Change::Changed => format!("~ changed: {setting} {before} → {after}"),
        }
    }

    pub fn change(&self) -> Change {
        match (&self.before, &self.after) {
            (None, _) => Change::Added,
            (_, None) => Change::Removed,
            (Some(b), Some(a)) if b == a => Change::Unchanged,
            _ => Change::Changed,
        }
    }
}

/// The network settings the view compares.
#[derive(Clone, Debug)]
struct Settings {
    public_access: String,
    acls: NetworkAcls,
    connections: Vec<ConnectionState>,
}

impl Settings {
    fn of(account: &AccountNetwork) -> Settings {
        Settings {
            public_access: account
                .public_network_access
                .map_or("Enabled", public_access_name)
                .to_owned(),
            acls: account.network_acls.clone().unwrap_or(NetworkAcls {
                // No networkAcls: every network is allowed.
                default_action: None,
                bypass: None,
                ip_rules: Vec::new(),
                virtual_network_rules: Vec::new(),
            }),
            connections: account.endpoint_connections.clone(),
        }
    }

    /// What one step leaves. Every action is named: a new one must say what it changes here.
    fn apply(&mut self, plan: &Plan, action: &Action) {
        let target_id = plan.target().resource_id();
        match action {
            Action::MergeNetworkRules {
                ip_rules,
                subnets,
                bypass,
                exact,
                removals,
            } => {
                self.acls = merged_acls(
                    Some(&self.acls),
                    WantedRules {
                        ip_rules,
                        subnets,
                        bypass: *bypass,
                        exact: *exact,
                        removals,
                    },
                );
            }
            Action::SetDefaultAction { action } => self.acls.default_action = Some(*action),
            Action::SetPublicNetworkAccess { access } => {
                self.public_access = public_access_name(*access).to_owned();
            }
            Action::PrivateEndpoint(EndpointAction::CreateEndpoint { endpoint })
                if endpoint.resource_id.eq_ignore_ascii_case(&target_id) =>
            {
                let id = endpoint.id();
                if !self
                    .connections
                    .iter()
                    .any(|c| c.private_endpoint_id.eq_ignore_ascii_case(&id))
                {
                    self.connections.push(ConnectionState {
                        name: format!("(new) {}", endpoint.connection_name),
                        private_endpoint_id: id,
                        status: match endpoint.approval {
                            Approval::Automatic => "Approved".to_owned(),
                            Approval::Manual { .. } => "Pending".to_owned(),
                        },
                    });
                }
            }
            Action::PrivateEndpoint(EndpointAction::DeleteEndpoint { removal }) => {
                let id = removal.id();
                self.connections
                    .retain(|c| !c.private_endpoint_id.eq_ignore_ascii_case(&id));
            }
            Action::EndpointConnection(change) => match change.decision.status() {
                Some(status) => {
                    for c in self
                        .connections
                        .iter_mut()
                        .filter(|c| c.name.eq_ignore_ascii_case(&change.name))
                    {
                        c.status = status.to_owned();
                    }
                }
                None => self
                    .connections
                    .retain(|c| !c.name.eq_ignore_ascii_case(&change.name)),
            },
            Action::PrivateEndpoint(_)
            | Action::SelectSubscription
            | Action::CheckResourceGroups { .. }
            | Action::VerifyResource
            | Action::CreateAccount { .. }
            | Action::SetCustomSubdomain { .. }
            | Action::RegisterResourceProvider { .. }
            | Action::EnableServiceEndpoint { .. }
            | Action::AssignStorageRole { .. }
            | Action::HardenStorage { .. }
            | Action::VerifyUserOwnedStorage { .. } => {}
        }
    }
}

/// The account's network settings once every step of the plan has run on `before` (the
/// snapshot, or what a caller assumes without one), with the same merge as the diff.
pub fn account_after(plan: &Plan, before: &AccountNetwork) -> AccountNetwork {
    let mut settings = Settings::of(before);
    for step in &plan.steps {
        settings.apply(plan, &step.action);
    }
    AccountNetwork {
        public_network_access: super::arm_values::parse_public_access(&settings.public_access),
        network_acls: Some(settings.acls),
        endpoint_connections: settings.connections,
        ..before.clone()
    }
}

/// The before/after lines, or `None` when the configuration carries no snapshot of the account.
pub fn network_diff(plan: &Plan) -> Option<Vec<DiffLine>> {
    let account = plan.config.current_state.as_ref()?.account.as_ref()?;
    let before = Settings::of(account);
    let mut after = before.clone();
    for step in &plan.steps {
        after.apply(plan, &step.action);
    }
    let default_action = |acls: &NetworkAcls| {
        acls.default_action
            .map_or("Allow (no rules set)", default_action_name)
            .to_owned()
    };
    let bypass = |acls: &NetworkAcls| acls.bypass.clone().unwrap_or_else(|| "not set".to_owned());
    let mut lines = vec![
        line(
            "Public network access",
            &before.public_access,
            &after.public_access,
        ),
        line(
            "Default action",
            &default_action(&before.acls),
            &default_action(&after.acls),
        ),
        line(
            "Trusted-services bypass",
            &bypass(&before.acls),
            &bypass(&after.acls),
        ),
    ];
    lines.extend(list_lines(
        "IP rule",
        &before.acls.ip_rules,
        &after.acls.ip_rules,
    ));
    let subnets = |acls: &NetworkAcls| -> Vec<String> {
        acls.virtual_network_rules
            .iter()
            .map(|r| r.id.clone())
            .collect()
    };
    lines.extend(list_lines(
        "Subnet rule",
        &subnets(&before.acls),
        &subnets(&after.acls),
    ));
    // Connections are matched by name; their status is what changes.
    let label = |c: &ConnectionState| {
        let endpoint = c.private_endpoint_id.rsplit('/').next().unwrap_or_default();
        format!(
            "Private endpoint connection {} (endpoint {endpoint})",
            c.name
        )
    };
    for c in &before.connections {
        let now = after
            .connections
            .iter()
            .find(|a| a.name.eq_ignore_ascii_case(&c.name));
        lines.push(DiffLine {
            setting: label(c),
            before: Some(c.status.clone()),
            after: now.map(|a| a.status.clone()),
        });
    }
    for c in after.connections.iter().filter(|a| {
        !before
            .connections
            .iter()
            .any(|b| b.name.eq_ignore_ascii_case(&a.name))
    }) {
        lines.push(DiffLine {
            setting: label(c),
            before: None,
            after: Some(c.status.clone()),
        });
    }
    Some(lines)
}

fn line(setting: &str, before: &str, after: &str) -> DiffLine {
    DiffLine {
        setting: setting.to_owned(),
        before: Some(before.to_owned()),
        after: Some(after.to_owned()),
    }
}

/// One line per rule: those of before in their order, then the added ones (compared as ARM
/// does, case-insensitively).
fn list_lines(setting: &str, before: &[String], after: &[String]) -> Vec<DiffLine> {
    let has = |list: &[String], item: &str| list.iter().any(|x| x.eq_ignore_ascii_case(item));
    let mut lines: Vec<DiffLine> = before
        .iter()
        .map(|item| DiffLine {
            setting: setting.to_owned(),
            before: Some(item.clone()),
            after: has(after, item).then(|| item.clone()),
        })
        .collect();
    lines.extend(
        after
            .iter()
            .filter(|item| !has(before, item))
            .map(|item| DiffLine {
                setting: setting.to_owned(),
                before: None,
                after: Some(item.clone()),
            }),
    );
    lines
}
