//! Plan → text, one folder per target with a file per step family and the script text in
//! template files, typed by the build script (`templates.rs`, `template.rs`). Each matches `Action` exhaustively, without a wildcard.

/// Azure PowerShell: the Az module's cmdlets.
mod az_module;
/// Azure CLI in bash.
mod cli_bash;
/// Azure CLI in PowerShell.
mod cli_powershell;
mod close_guard;
mod connections;
mod header;
pub mod inside_check;
mod powershell_shared;
mod private_endpoint_steps;
mod resource_groups;
mod rest;
mod subnet_tenant;
mod tags;
mod template;
mod templates;
pub use template::blocks_rendered;
/// Every template file (its path under `src/render/` and its text), for the coverage test.
pub use templates::ALL as TEMPLATE_FILES;

use super::plan::Plan;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OutputTarget {
    PowerShell,
    AzBash,
    AzPowerShell,
    Rest,
}

impl OutputTarget {
    pub const ALL: [OutputTarget; 4] = [
        OutputTarget::PowerShell,
        OutputTarget::AzBash,
        OutputTarget::AzPowerShell,
        OutputTarget::Rest,
    ];

    /// Stable identifier used on the command line and in the page (`tab-{id}`).
    pub fn id(self) -> &'static str {
        match self {
            OutputTarget::PowerShell => "powershell",
            OutputTarget::AzBash => "az-bash",
            OutputTarget::AzPowerShell => "az-powershell",
            OutputTarget::Rest => "rest",
        }
    }

    pub fn from_id(id: &str) -> Option<OutputTarget> {
        OutputTarget::ALL.into_iter().find(|t| t.id() == id)
    }

    pub fn label(self) -> &'static str {
        match self {
            OutputTarget::PowerShell => "Azure PowerShell",
            OutputTarget::AzBash => "Azure CLI (bash)",
            OutputTarget::AzPowerShell => "Azure CLI (PowerShell)",
            OutputTarget::Rest => "REST",
        }
    }

    /// The file a download saves: the script itself, except that `.ps1` files start with a
    /// UTF-8 byte-order mark. Windows PowerShell 5.1 reads a `.ps1` without one in the ANSI code
    /// page and would mangle every non-ASCII character (an accented resource group name).
    /// Copying takes the text without the mark: a pasted script has no encoding to guess.
    pub fn download_text(self, script: &str) -> String {
        match self {
            OutputTarget::PowerShell | OutputTarget::AzPowerShell => format!("\u{FEFF}{script}"),
            OutputTarget::AzBash | OutputTarget::Rest => script.to_owned(),
        }
    }

    pub fn file_name(self) -> &'static str {
        match self {
            OutputTarget::PowerShell => "isolate-azure-ai.ps1",
            OutputTarget::AzBash => "isolate-azure-ai.sh",
            OutputTarget::AzPowerShell => "isolate-azure-ai-cli.ps1",
            OutputTarget::Rest => "isolate-azure-ai.http",
        }
    }
}

/// What a header needs besides the plan.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RenderContext {
    /// `YYYY-MM-DD`.
    pub generated_on: String,
    /// The share link (or `#fragment` when the wizard's address is unknown) that reopens the
    /// draft the plan came from; empty to leave it out.
    pub reopen_link: String,
    /// Lines the header adds after the provenance (a rollback says what it restores).
    pub header_notes: Vec<String>,
}

impl RenderContext {
    /// The context for a draft: `app_address` is the wizard's page when known (outside the
    /// browser; the page packs its links with the browser's own zlib, asynchronously).
    #[cfg(not(target_arch = "wasm32"))]
    pub fn for_draft(
        generated_on: &str,
        app_address: Option<&str>,
        draft: &crate::draft::Draft,
    ) -> Self {
        Self::with_link(generated_on, Self::reopen_link(app_address, draft))
    }

    /// A context whose reopen link was made earlier.
    pub fn with_link(generated_on: &str, reopen_link: String) -> Self {
        RenderContext {
            generated_on: generated_on.to_owned(),
            reopen_link,
            header_notes: Vec::new(),
        }
    }

    /// The link that reopens `draft`: the whole share link when the wizard's address is known,
    /// otherwise its `#fragment`.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn reopen_link(app_address: Option<&str>, draft: &crate::draft::Draft) -> String {
        let fragment = crate::share_link::share_fragment(draft);
        crate::share_link::link_of_fragment(app_address, &fragment)
    }
}

pub fn render(plan: &Plan, target: OutputTarget, context: &RenderContext) -> String {
    match target {
        OutputTarget::PowerShell => az_module::render(plan, context),
        OutputTarget::AzBash => cli_bash::render(plan, context),
        OutputTarget::AzPowerShell => cli_powershell::render(plan, context),
        OutputTarget::Rest => rest::render(plan, context),
    }
}
