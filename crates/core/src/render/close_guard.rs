//! The checks before a step closes public access (plan/close_guard.rs), as script text: put
//! inside the closing step's branch that is about to close, so a run that finds the resource
//! closed already skips them with the rest.

use crate::api_versions;
use crate::plan::close_guard::{CloseGuard, PRIVATE_RANGES};
use crate::plan::{Action, Plan};
use crate::quote::{bash, powershell, powershell_array};
use crate::render::templates::{cli_bash, powershell_shared, CheckApproved, CheckResolution};

/// The bash checks, indented for the closing branch ("" when the step needs none).
pub(super) fn bash_guard(plan: &Plan, action: &Action) -> String {
    let guard = plan.close_guard(action);
    let mut out = String::new();
    if !guard.hosts.is_empty() {
        let hosts: Vec<String> = guard.hosts.iter().map(|h| bash(h)).collect();
        out += &CheckResolution {
            hosts: &hosts.join(" "),
            ranges: PRIVATE_RANGES,
        }
        .fill(cli_bash::CHECK_RESOLUTION);
    }
    for endpoint in &guard.endpoints {
        out += &CheckApproved {
            subscription: &bash(endpoint.subscription_id()),
            resource_group: &bash(&endpoint.resource_group),
            name: &bash(&endpoint.name),
            path: "",
        }
        .fill(cli_bash::CHECK_APPROVED);
    }
    indented(&out, 2)
}

/// The PowerShell checks of both PowerShell scripts (each defines `Invoke-ArmRequest`).
pub(super) fn powershell_guard(plan: &Plan, action: &Action) -> String {
    let guard: CloseGuard = plan.close_guard(action);
    let mut out = String::new();
    if !guard.hosts.is_empty() {
        out += &CheckResolution {
            hosts: &powershell_array(&guard.hosts),
            ranges: PRIVATE_RANGES,
        }
        .fill(powershell_shared::CHECK_RESOLUTION);
    }
    for endpoint in &guard.endpoints {
        let path = format!("{}?api-version={}", endpoint.id(), api_versions::NETWORK);
        out += &CheckApproved {
            path: &powershell(&path),
            name: &powershell(&endpoint.name),
            subscription: "",
            resource_group: "",
        }
        .fill(powershell_shared::CHECK_APPROVED);
    }
    indented(&out, 4)
}

/// Each line indented, without the last line break: the template's line ends it.
fn indented(text: &str, spaces: usize) -> String {
    let pad = " ".repeat(spaces);
    text.lines()
        .map(|l| {
            if l.is_empty() {
                String::new()
            } else {
                format!("{pad}{l}")
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}
