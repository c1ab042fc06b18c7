//! The checks before a step closes public access (plan/close_guard.rs), as script text: put
//! inside the closing step's branch that is about to close, so a run that finds the resource
//! closed already skips them with the rest.

use crate::api_versions;
use crate::plan::close_guard::{CloseGuard, PRIVATE_RANGES};
use crate::plan::{Action, Plan};
use crate::quote::{bash, powershell, powershell_array};
use crate::render::template::{fill, Text};

/// The bash checks, indented for the closing branch ("" when the step needs none).
pub(super) fn bash_guard(plan: &Plan, action: &Action) -> String {
    let guard = plan.close_guard(action);
    let mut out = String::new();
    if !guard.hosts.is_empty() {
        let hosts: Vec<String> = guard.hosts.iter().map(|h| bash(h)).collect();
        out += &fill(
            include_str!("cli_bash/templates/check_resolution.sh"),
            &[
                Text("hosts", &hosts.join(" ")),
                Text("ranges", PRIVATE_RANGES),
            ],
        );
    }
    for endpoint in &guard.endpoints {
        out += &fill(
            include_str!("cli_bash/templates/check_approved.sh"),
            &[
                Text("subscription", &bash(endpoint.subscription_id())),
                Text("resource_group", &bash(&endpoint.resource_group)),
                Text("name", &bash(&endpoint.name)),
            ],
        );
    }
    indented(&out, 2)
}

/// The PowerShell checks of both PowerShell scripts (each defines `Invoke-ArmRequest`).
pub(super) fn powershell_guard(plan: &Plan, action: &Action) -> String {
    let guard: CloseGuard = plan.close_guard(action);
    let mut out = String::new();
    if !guard.hosts.is_empty() {
        out += &fill(
            include_str!("powershell_shared/templates/check_resolution.ps1"),
            &[
                Text("hosts", &powershell_array(&guard.hosts)),
                Text("ranges", PRIVATE_RANGES),
            ],
        );
    }
    for endpoint in &guard.endpoints {
        let path = format!("{}?api-version={}", endpoint.id(), api_versions::NETWORK);
        out += &fill(
            include_str!("powershell_shared/templates/check_approved.ps1"),
            &[
                Text("path", &powershell(&path)),
                Text("name", &powershell(&endpoint.name)),
            ],
        );
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
