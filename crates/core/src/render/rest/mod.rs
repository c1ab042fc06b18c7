//! REST requests in the `.http` format (VS Code REST Client, httpyac, JetBrains HTTP client):
//! each request with its method, URL, headers and JSON body, separated by `###`.
//!
//! Sent block by block, unedited, after setting the variables at the top, every request either
//! does what its comment says or is refused by ARM and changes nothing: bodies that need the
//! current state are exact when it was imported, and otherwise refused until edited. No request
//! depends on request chaining, whose syntax differs between clients.

use super::header::{
    hash_comment_block, header_lines, push_quoted_hash_comment, step_comment, wrap,
};
use super::RenderContext;
use crate::current_state::{account_show_command, subnet_show_command};
use crate::http::HttpRequest;
use crate::plan::{Action, Plan};
use crate::quote;
use crate::request_bodies;

/// First comment line of a request that ARM refuses until edited.
pub const EDIT_BEFORE_SENDING: &str =
    "EDIT BEFORE SENDING: as it stands ARM refuses this request, so sending it unedited changes nothing.";

pub(super) fn render(plan: &Plan, context: &RenderContext) -> String {
    let endpoint = plan.target().cloud.arm_endpoint();
    let mut lines = header_lines(
        plan,
        context,
        &[
            "An ARM access token: az account get-access-token --query accessToken --output tsv",
            "Set @token below. Never commit a token. @armEndpoint is the cloud's Resource Manager.",
        ],
    );
    lines.extend(current_state_lines(plan));
    let mut out = hash_comment_block(&lines);
    out += "\n@token = <paste an ARM access token>\n";
    out += &format!("@armEndpoint = {endpoint}\n");
    for (index, step) in plan.steps.iter().enumerate() {
        for (request_index, request) in plan.requests(step).iter().enumerate() {
            out += "\n###\n";
            if request_index == 0 {
                out += &step_comment(index + 1, step);
            }
            if request.refused_until_edited {
                push_quoted_hash_comment(&mut out, EDIT_BEFORE_SENDING);
            }
            for line in request.note.iter().flat_map(|note| wrap(note, 96)) {
                push_quoted_hash_comment(&mut out, &line);
            }
            HttpRequest::from_arm(request, "{{armEndpoint}}", "{{token}}").push_http_text(&mut out);
        }
    }
    out
}

/// What the exact bodies were computed from, or how to get it: the header's last lines.
fn current_state_lines(plan: &Plan) -> Vec<String> {
    let needs_account = plan.steps.iter().any(|s| {
        matches!(
            s.action,
            Action::CreateAccount { .. }
                | Action::MergeNetworkRules { .. }
                | Action::SetDefaultAction { .. }
        )
    });
    let mut subnets: Vec<&crate::subnet_id::SubnetId> = Vec::new();
    // IDs compare case-insensitively; a set of lowercased IDs keeps this linear (comparing
    // each subnet with every earlier one was half the REST tab's time with 100 subnets).
    let mut seen = std::collections::HashSet::new();
    for subnet in plan
        .steps
        .iter()
        .filter_map(|s| s.action.rewritten_subnet())
    {
        if seen.insert(subnet.to_string().to_ascii_lowercase()) {
            subnets.push(subnet);
        }
    }
    if !needs_account && subnets.is_empty() {
        return Vec::new();
    }
    let state = plan.config.current_state.as_ref();
    let target = plan.target();
    let mut known = Vec::new();
    let mut missing = Vec::new();
    if needs_account {
        match state.and_then(|s| s.account.as_ref()) {
            Some(_) => known.push("the account's network settings".to_owned()),
            None => missing.push(account_show_command(
                &target.resource_group,
                target.resource.name(),
            )),
        }
    }
    for subnet in subnets {
        match state.and_then(|s| s.subnet(subnet)) {
            Some(_) => known.push(format!("subnet {}", subnet.subnet)),
            None => missing.push(subnet_show_command(subnet)),
        }
    }
    let mut lines = vec![String::new()];
    if let (Some(state), false) = (state, known.is_empty()) {
        lines.push(format!(
            "Current state: computed from {}, {}.",
            known.join(", "),
            state.provenance()
        ));
        lines.push(
            "Those requests are exact; if the settings may have changed since, import them again."
                .to_owned(),
        );
        let compared = plan.steps.iter().flat_map(|s| plan.requests(s)).any(|r| {
            r.note
                .as_deref()
                .is_some_and(|n| n.contains(request_bodies::COMPARE_FIRST))
        });
        if compared {
            lines.push("Resource Manager cannot refuse them for you when the settings changed after they were read: the account PATCH and the subnet PUT declare no If-Match in their API specs. So each exact request says what the GET before it must show; if it shows anything else, stop there.".to_owned());
        }
    }
    if !missing.is_empty() {
        lines.push("Import the current settings for exact requests: paste what these commands print into the wizard".to_owned());
        lines.push("(Review step) or the configuration file's current_state:".to_owned());
        lines.extend(missing.into_iter().map(|c| format!("  {c}")));
        lines.push("Until then, requests that need them are refused by ARM until edited (marked EDIT BEFORE SENDING).".to_owned());
    }
    lines
        .iter()
        .flat_map(|l| {
            if l.len() > 96 && !l.starts_with("  ") {
                wrap(l, 96)
            } else {
                vec![l.clone()]
            }
        })
        .map(|l| quote::comment(&l))
        .collect()
}
