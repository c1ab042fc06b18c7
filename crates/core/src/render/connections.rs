//! Approve, reject or delete a private endpoint connection: one set of slots for the three
//! script templates (each renderer keeps its own template and quoting).

use super::template::{fill, Flag, Text};
use crate::config::ConnectionChange;
use crate::draft::ConnectionDecision;
use crate::plan::{connection_description, connection_id, Plan};

/// Fills a connection template with values quoted by `quote`.
pub(super) fn connection_script(
    template: &str,
    plan: &Plan,
    change: &ConnectionChange,
    quote: fn(&str) -> String,
) -> String {
    let target = plan.target();
    let id = connection_id(target, &change.name);
    let verb = change.decision.verb();
    let status = change.decision.status().unwrap_or_default();
    let q = |text: &str| quote(text);
    fill(
        template,
        &[
            Text("connection_id", &q(&id)),
            Text("resource_id", &q(&target.resource_id())),
            Text("verb", verb),
            Text(
                "cmdlet",
                match change.decision {
                    ConnectionDecision::Approve => "Approve-AzPrivateEndpointConnection",
                    ConnectionDecision::Reject => "Deny-AzPrivateEndpointConnection",
                    ConnectionDecision::Delete => "Remove-AzPrivateEndpointConnection",
                },
            ),
            Text("status", &q(status)),
            Text("description", &q(connection_description(change.decision))),
            Text(
                "not_found",
                &q(&format!(
                    "  The account has no private endpoint connection {}: stopping (check the name).",
                    change.name
                )),
            ),
            Text("already", &q(&format!("  already {status}: skipping."))),
            Text("doing", &q(&format!("  {verb}s the connection, now "))),
            Text("removes", &q("  REMOVES private endpoint connection ")),
            Flag("delete", change.decision.status().is_none()),
        ],
    )
}
