//! Before a write that closes public access, the checks the scripts make (plan/close_guard.rs):
//! each manual endpoint read in the same step must be Approved, or the run stops; with your own
//! DNS servers, which this page cannot query, the person confirms that clients resolve the
//! private address, or the run stops there.

use serde_json::Value;

use super::super::policy::Failure;
use super::Executor;
use wizard_core::plan::close_guard::PRIVATE_RANGES;
use wizard_core::plan::ArmRequest;

impl Executor {
    /// The closing write of the current step, when an endpoint read before it is not Approved.
    pub(super) fn unapproved_before_close(&self, request: &ArmRequest) -> Option<Failure> {
        if request.method != "PATCH" {
            return None;
        }
        let guard = self.plan.close_guard(&self.plan.steps[self.at.step].action);
        let waiting: Vec<String> = guard
            .endpoints
            .iter()
            .filter_map(|endpoint| {
                let read = self.lookup(&endpoint.id().to_ascii_lowercase());
                let status = read
                    .and_then(Option::as_ref)
                    .and_then(approval_status)
                    .unwrap_or("not found");
                (status != "Approved").then(|| format!("{} ({status})", endpoint.name))
            })
            .collect();
        (!waiting.is_empty()).then(|| Failure {
            code: "PrivateEndpointNotApproved".into(),
            message: format!(
                "Public access was not closed: only an Approved private endpoint carries traffic, and the connection of {} is not Approved. Closing now would cut every client off.",
                waiting.join(", ")
            ),
            advice: "The resource's owner approves the connection first (the endpoint's step says how). Then Resume: the steps done already are skipped, the connection is read again and public access closes.".into(),
        })
    }

    /// The confirmation to ask before the closing write, when clients use your own DNS servers.
    pub(super) fn resolution_unconfirmed(&self, request: &ArmRequest) -> Option<String> {
        if request.method != "PATCH" || self.confirmed == Some(self.at.step) {
            return None;
        }
        let guard = self.plan.close_guard(&self.plan.steps[self.at.step].action);
        if guard.hosts.is_empty() {
            return None;
        }
        let checks: Vec<String> = guard
            .hosts
            .iter()
            .map(|h| format!("nslookup {h}"))
            .collect();
        Some(format!(
            "CLOSING PUBLIC ACCESS: with your own DNS servers, clients reach the private endpoint only once those servers answer its private address, and this page cannot query them. Confirm only if, on a machine that uses your clients' DNS servers, {} each answer a private address ({PRIVATE_RANGES}). Otherwise cancel: public access stays open; create the A records in those DNS servers, check again, then Resume (it asks again), or run the script from such a machine: it checks for you.",
            checks.join(", ")
        ))
    }
}

/// The state of the endpoint's manual connection, as the endpoint's GET shows it.
fn approval_status(endpoint: &Value) -> Option<&str> {
    endpoint
        .pointer("/properties/manualPrivateLinkServiceConnections/0/properties/privateLinkServiceConnectionState/status")
        .and_then(Value::as_str)
}
