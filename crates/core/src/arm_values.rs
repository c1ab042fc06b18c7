//! The values of Resource Manager's network settings that the form chooses from, and their
//! spellings on the wire. A leaf: the form, the plan, the ARM lowering and the readers of ARM
//! answers all take these from here, so none of them has to ask another how to spell "Deny".

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum PublicNetworkAccess {
    #[default]
    Enabled,
    Disabled,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum DefaultAction {
    Allow,
    #[default]
    Deny,
}

/// Trusted-services bypass (`networkAcls.bypass`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Bypass {
    /// Send no bypass value: the account keeps what it has (a new one gets Azure's default).
    /// The default, so that re-running never switches off a bypass something relies on.
    #[default]
    KeepCurrent,
    None,
    AzureServices,
}

/// Approve, reject or delete a private endpoint connection from the resource's side.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ConnectionDecision {
    Approve,
    Reject,
    /// Destructive: the endpoint's owner must create a new connection.
    Delete,
}

impl ConnectionDecision {
    pub const ALL: [ConnectionDecision; 3] = [
        ConnectionDecision::Approve,
        ConnectionDecision::Reject,
        ConnectionDecision::Delete,
    ];

    /// "approve NAME": one entry of `network.endpoint_connections`.
    pub fn entry(self, name: &str) -> String {
        format!("{} {name}", self.verb())
    }

    /// The decision and the connection's name of an entry, when it starts with a verb.
    pub fn parse(entry: &str) -> Option<(ConnectionDecision, &str)> {
        let (verb, name) = entry.trim().split_once(' ')?;
        let decision = Self::ALL.into_iter().find(|d| d.verb() == verb)?;
        Some((decision, name.trim()))
    }

    /// ARM's status after the decision (`None`: the connection is gone).
    pub fn status(self) -> Option<&'static str> {
        match self {
            ConnectionDecision::Approve => Some("Approved"),
            ConnectionDecision::Reject => Some("Rejected"),
            ConnectionDecision::Delete => None,
        }
    }

    pub fn verb(self) -> &'static str {
        match self {
            ConnectionDecision::Approve => "approve",
            ConnectionDecision::Reject => "reject",
            ConnectionDecision::Delete => "delete",
        }
    }
}

pub fn default_action_name(action: DefaultAction) -> &'static str {
    match action {
        DefaultAction::Allow => "Allow",
        DefaultAction::Deny => "Deny",
    }
}

pub fn public_access_name(access: PublicNetworkAccess) -> &'static str {
    match access {
        PublicNetworkAccess::Enabled => "Enabled",
        PublicNetworkAccess::Disabled => "Disabled",
    }
}

/// The wire value of a bypass choice; `KeepCurrent` has none (nothing is sent).
pub fn bypass_name(bypass: Bypass) -> Option<&'static str> {
    match bypass {
        Bypass::KeepCurrent => None,
        Bypass::None => Some("None"),
        Bypass::AzureServices => Some("AzureServices"),
    }
}

/// ARM's spelling of a default action, as the account reader meets it.
pub fn parse_default_action(text: &str) -> Option<DefaultAction> {
    match text {
        "Allow" => Some(DefaultAction::Allow),
        "Deny" => Some(DefaultAction::Deny),
        _ => None,
    }
}

/// ARM's spelling of public network access.
pub fn parse_public_access(text: &str) -> Option<PublicNetworkAccess> {
    match text {
        "Enabled" => Some(PublicNetworkAccess::Enabled),
        "Disabled" => Some(PublicNetworkAccess::Disabled),
        _ => None,
    }
}
