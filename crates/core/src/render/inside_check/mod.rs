//! The check to run from inside the network after the plan (a download beside the scripts):
//! for each host clients call, resolve it (a private address when a private endpoint is
//! planned), then one request without credentials, telling "reached the resource" from
//! "refused by its firewall" and "no connection". Bash 3.2+ and Windows PowerShell 5.1+, no
//! Azure sign-in.

use super::header::{hash_comment_block, provenance_lines, reopen_lines};
use super::templates::{inside_check as templates, Check};
use super::RenderContext;
use crate::plan::Plan;
use crate::quote;
use crate::reachability::hosts;

/// The check's file names, bash and PowerShell.
pub const FILE_NAMES: [&str; 2] = ["check-from-inside.sh", "check-from-inside.ps1"];

/// The two checks as files are written (downloads, the zip, `wizard-cli render --target all`):
/// name and text, the `.ps1` with the byte-order mark every `.ps1` download carries.
pub fn inside_check_files(
    plan: &Plan,
    context: &RenderContext,
) -> Option<[(&'static str, String); 2]> {
    let [bash, powershell] = inside_checks(plan, context)?;
    Some([
        (FILE_NAMES[0], bash),
        (
            FILE_NAMES[1],
            super::OutputTarget::PowerShell.download_text(&powershell),
        ),
    ])
}

/// The bash and PowerShell checks, or `None` when the target has no hosts to check (a hub or a
/// Media Services account: their hosts are not in the kind tables).
pub fn inside_checks(plan: &Plan, context: &RenderContext) -> Option<[String; 2]> {
    let config = &plan.config;
    let hosts = hosts(config).ok()?;
    let target = config.target.resource_id();
    let private = config.private_endpoints.as_ref().is_some_and(|pe| {
        pe.endpoints
            .iter()
            .any(|e| e.resource_id.eq_ignore_ascii_case(&target))
    });
    let header = header(plan, context);
    let bash_checks: String = hosts
        .iter()
        .map(|(host, _)| {
            format!(
                "check_host {} {}\n",
                quote::bash(host),
                if private { "yes" } else { "no" }
            )
        })
        .collect();
    let powershell_checks: String = hosts
        .iter()
        .map(|(host, _)| {
            format!(
                "Test-InsideHost -HostName {} -ExpectPrivate ${}\n",
                quote::powershell(host),
                private
            )
        })
        .collect();
    Some([
        Check {
            header: &header,
            checks: bash_checks.trim_end(),
        }
        .fill(templates::CHECK_SH),
        Check {
            header: &header,
            checks: powershell_checks.trim_end(),
        }
        .fill(templates::CHECK_PS1),
    ])
}

fn header(plan: &Plan, context: &RenderContext) -> String {
    let mut lines = provenance_lines(plan, context, "Check from inside the network:");
    lines.extend(reopen_lines(&context.reopen_link));
    let lines: Vec<String> = lines.iter().map(|l| quote::comment(l)).collect();
    hash_comment_block(&lines).trim_end().to_owned()
}
