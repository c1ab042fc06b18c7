//! Approve, reject or delete a private endpoint connection: one set of slots for the three
//! script templates (each renderer keeps its own template and quoting).

use super::template::Template;
use super::templates::EndpointConnection;
use crate::config::ConnectionChange;
use crate::draft::ConnectionDecision;
use crate::plan::{connection_description, connection_id, Plan};

/// Fills a connection template with values quoted by `quote`.
pub(super) fn connection_script(
    template: Template<EndpointConnection<'static>>,
    plan: &Plan,
    change: &ConnectionChange,
    quote: fn(&str) -> String,
) -> String {
    let target = plan.target();
    let id = connection_id(target, &change.name);
    let verb = change.decision.verb();
    let status = change.decision.status().unwrap_or_default();
    let q = |text: &str| quote(text);
    EndpointConnection {
        connection_id: &q(&id),
        resource_id: &q(&target.resource_id()),
        verb,
        cmdlet: match change.decision {
            ConnectionDecision::Approve => "Approve-AzPrivateEndpointConnection",
            ConnectionDecision::Reject => "Deny-AzPrivateEndpointConnection",
            ConnectionDecision::Delete => "Remove-AzPrivateEndpointConnection",
        },
        status: &q(status),
        description: &q(connection_description(change.decision)),
        not_found: &q(&format!(
            "  The account has no private endpoint connection {}: stopping (check the name).",
            change.name
        )),
        already: &q(&format!("  already {status}: skipping.")),
        doing: &q(&format!("  {verb}s the connection, now ")),
        removes: &q("  REMOVES private endpoint connection "),
        delete: change.decision.status().is_none(),
    }
    .fill(template)
}
