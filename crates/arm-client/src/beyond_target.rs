//! What a plan touches beyond its target resource. A configuration can come from a link, a
//! file or another tab, and it can name any resource the token may change: a private endpoint
//! in another subscription, a key vault's public access, a subnet. The apply page lists those
//! resources and asks for an acknowledgement before Apply, and the executor asks for a
//! confirmation before each step that deletes anything or writes beyond the target.
//!
//! The target is the resource named in the Target step and everything below its ID (its
//! private endpoint connections, for example), plus the creation of its own resource group
//! when that group is missing (the create is sent only after a 404, so it never changes an
//! existing group). Everything else a write reaches is beyond it: subnets, private endpoints,
//! DNS zones and their links, a hub's dependent resources, storage accounts and role
//! assignments on them, provider registrations, any other subscription.

use wizard_core::config::Target;
use wizard_core::plan::{ArmRequest, Plan, Step};

/// What a write does to the resource it reaches.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Effect {
    Deletes,
    Changes,
}

impl Effect {
    pub fn verb(self) -> &'static str {
        match self {
            Effect::Deletes => "deletes",
            Effect::Changes => "changes",
        }
    }
}

/// One write that reaches a resource beyond the target.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Touch {
    pub method: &'static str,
    /// The resource ID (the request's path).
    pub path: String,
    pub effect: Effect,
    /// In another subscription than the target's.
    pub other_subscription: bool,
}

/// The one predicate: the write `request` reaches a resource beyond `target`. Reads (GETs and
/// the subdomain availability check) never do.
pub fn beyond_target(target: &Target, request: &ArmRequest) -> Option<Touch> {
    if is_read(request) {
        return None;
    }
    let effect = if request.method == "DELETE" {
        Effect::Deletes
    } else {
        Effect::Changes
    };
    let touch = Touch {
        method: request.method,
        path: request.path.clone(),
        effect,
        other_subscription: !within(
            &request.path,
            &format!("/subscriptions/{}", target.subscription_id),
        ),
    };
    let target_id = target.resource_id();
    if within(&request.path, &target_id) {
        return None;
    }
    let own_group = format!(
        "/subscriptions/{}/resourceGroups/{}",
        target.subscription_id, target.resource_group
    );
    if request.method == "PUT" && creates_only(request) && same_path(&request.path, &own_group) {
        return None;
    }
    Some(touch)
}

/// The request must be confirmed before it is sent: it deletes something (anywhere) or writes
/// beyond the target.
pub fn needs_confirmation(target: &Target, request: &ArmRequest) -> bool {
    request.method == "DELETE" || beyond_target(target, request).is_some()
}

/// Every write of the plan beyond its target, once each (a subnet written by two steps is
/// listed once), deletions first, then in plan order: what the apply page asks the person to
/// acknowledge.
pub fn plan_beyond_target(plan: &Plan) -> Vec<Touch> {
    let mut touches: Vec<Touch> = Vec::new();
    for step in &plan.steps {
        for touch in step_beyond_target(plan, step) {
            let seen = touches
                .iter()
                .any(|t| t.method == touch.method && same_path(&t.path, &touch.path));
            if !seen {
                touches.push(touch);
            }
        }
    }
    // Deletions first, each group in plan order (a stable partition; a sort would bring a
    // stable sort's code for one list of two kinds).
    let (mut ordered, changes): (Vec<Touch>, Vec<Touch>) = touches
        .into_iter()
        .partition(|t| t.effect == Effect::Deletes);
    ordered.extend(changes);
    ordered
}

/// The writes of one step beyond the plan's target.
pub fn step_beyond_target(plan: &Plan, step: &Step) -> Vec<Touch> {
    plan.requests(step)
        .iter()
        .filter_map(|r| beyond_target(plan.target(), r))
        .collect()
}

/// What the confirmation before a step says: what it deletes or changes beyond the target and
/// why this is asked. `None` when the step needs no such confirmation.
pub fn confirmation_warning(plan: &Plan, step: &Step) -> Option<String> {
    let target = plan.target();
    let requests = plan.requests(step);
    let asked: Vec<&ArmRequest> = requests
        .iter()
        .filter(|r| needs_confirmation(target, r))
        .collect();
    if asked.is_empty() {
        return None;
    }
    let lines: Vec<String> = asked
        .iter()
        .map(|r| {
            let effect = if r.method == "DELETE" {
                Effect::Deletes
            } else {
                Effect::Changes
            };
            let place = match beyond_target(target, r) {
                Some(t) if t.other_subscription => "; another subscription",
                Some(_) => "",
                None => "; below the target",
            };
            format!("- {} {} ({}{place})", effect.verb(), r.path, r.method)
        })
        .collect();
    let deletes = asked.iter().any(|r| r.method == "DELETE");
    let changes = asked.iter().any(|r| r.method != "DELETE");
    let verbs = match (deletes, changes) {
        (true, true) => "deletes and changes",
        (true, false) => "deletes",
        _ => "changes",
    };
    Some(format!(
        "CONFIRM: this step {verbs} these resources (the target resource is {}):\n{}\nAsked before every deletion and every change beyond the target resource: a configuration can come from a link, a file or another tab and name any resource your token may change. Check each one before going on.",
        target.resource_id(),
        lines.join("\n")
    ))
}

fn is_read(request: &ArmRequest) -> bool {
    request.method == "GET"
        || (request.method == "POST" && request.path.ends_with("/checkDomainAvailability"))
}

/// The PUT only creates: with If-None-Match: *, or guarded by an edit mark whose edited body
/// the executor sends only after its GET answered 404.
fn creates_only(request: &ArmRequest) -> bool {
    request.if_none_match || request.after_edit.is_some()
}

/// `path` is `prefix` or below it, compared as ARM compares IDs (case-insensitively), and
/// neither has a segment a browser would rewrite (`.`, `..`, their percent-encoded forms, a
/// backslash, an empty segment): such a path may end up anywhere, so it is within nothing.
fn within(path: &str, prefix: &str) -> bool {
    if !plain(path) || !plain(prefix) {
        return false;
    }
    let (path, prefix) = (path.to_ascii_lowercase(), prefix.to_ascii_lowercase());
    path == prefix || path.starts_with(&format!("{prefix}/"))
}

fn same_path(a: &str, b: &str) -> bool {
    plain(a) && plain(b) && a.eq_ignore_ascii_case(b)
}

fn plain(path: &str) -> bool {
    let Some(rest) = path.strip_prefix('/') else {
        return false;
    };
    !path.contains(['\\', '?', '#'])
        && rest.split('/').all(|segment| {
            let decoded = segment.to_ascii_lowercase().replace("%2e", ".");
            !segment.is_empty() && decoded != "." && decoded != ".."
        })
}
