//! What leaves the page: the script shown, copied or downloaded; all outputs as one .zip; the
//! check to run from inside the network.

use leptos::prelude::*;

use super::plans::Outputs;
use crate::core::render::inside_check::inside_check_files;
use crate::core::render::{render, OutputTarget};
use crate::core::zip::zip_stored;
use crate::ui::browser;
use crate::ui::state::{AppState, AT_OUTPUT};

const ALL_FILE_NAME: &str = "isolate-azure-ai-scripts.zip";

fn mime_of(tab: OutputTarget) -> &'static str {
    match tab {
        OutputTarget::Rest => "text/plain",
        OutputTarget::PowerShell | OutputTarget::AzBash | OutputTarget::AzPowerShell => {
            "text/x-script"
        }
    }
}

/// Copies the script shown. What leaves the page carries the link of the draft as it is now.
pub fn copy(state: AppState, outputs: Outputs) {
    leptos::task::spawn_local(async move {
        state.refresh_link().await;
        let Some(text) = outputs.shown.with(|s| s.as_ref().map(|s| s.text.clone())) else {
            return;
        };
        let ok = browser::copy_to_clipboard(&text).await;
        state.say(AT_OUTPUT, if ok {
            format!("Copied {} lines.", text.lines().count())
        } else {
            "Copying failed: the browser refused. Select the script and copy it, or download it.".to_owned()
        });
    });
}

/// Downloads the script shown.
pub fn download(state: AppState, outputs: Outputs) {
    leptos::task::spawn_local(async move {
        state.refresh_link().await;
        download_shown(state, outputs);
    });
}

fn download_shown(state: AppState, outputs: Outputs) {
    let Some((tab, text)) = outputs
        .shown
        .with(|s| s.as_ref().map(|s| (s.tab, s.text.clone())))
    else {
        return;
    };
    let name = outputs.file_name(state);
    let ok = browser::download(&name, tab.download_text(&text).as_bytes(), mime_of(tab));
    state.say(
        AT_OUTPUT,
        if ok {
            format!("Downloaded {name}.")
        } else {
            "The download could not start.".to_owned()
        },
    );
}

/// Downloads the four scripts, the inside checks and the configuration as one .zip.
pub fn download_all(state: AppState, outputs: Outputs) {
    leptos::task::spawn_local(async move {
        state.refresh_link().await;
        download_zip(state, outputs);
    });
}

fn download_zip(state: AppState, outputs: Outputs) {
    let prefix = if outputs.showing_rollback.get_untracked() {
        "rollback-"
    } else {
        ""
    };
    let files: Option<(Vec<(String, String)>, String)> = outputs.active.with(|planned| {
        planned.as_deref().map(|(plan, context)| {
            let files = OutputTarget::ALL
                .iter()
                .map(|t| {
                    (
                        format!("{prefix}{}", t.file_name()),
                        t.download_text(&render(plan, *t, context)),
                    )
                })
                .collect();
            (files, context.generated_on.clone())
        })
    });
    let Some((mut files, date)) = files else {
        return;
    };
    // And the check to run from inside the network once the plan has run.
    if prefix.is_empty() {
        let checks = outputs.active.with(|planned| {
            planned
                .as_deref()
                .and_then(|(plan, context)| inside_check_files(plan, context))
        });
        for (name, text) in checks.into_iter().flatten() {
            files.push((name.to_owned(), text));
        }
    }
    // The configuration travels with its scripts: opened in the wizard (Load), it gives
    // them again.
    files.push(state.draft.with_untracked(|draft| {
        (
            crate::core::config_file::config_file_name(draft),
            crate::core::config_file::to_config_json(draft),
        )
    }));
    let entries: Vec<(&str, &[u8])> = files
        .iter()
        .map(|(name, text)| (name.as_str(), text.as_bytes()))
        .collect();
    let zip = zip_stored(&entries, &date);
    let name = format!("{prefix}{ALL_FILE_NAME}");
    let ok = browser::download(&name, &zip, "application/zip");
    state.say(
        AT_OUTPUT,
        if ok {
            format!(
                "Downloaded {name} (the four scripts, the inside checks and the configuration)."
            )
        } else {
            "The download could not start.".to_owned()
        },
    );
}

/// Downloads the check for this tab's shell: PowerShell for the two PowerShell tabs, else bash.
pub fn download_check(state: AppState, outputs: Outputs) {
    let powershell = matches!(
        state.tab.get_untracked(),
        OutputTarget::PowerShell | OutputTarget::AzPowerShell
    );
    let checks = outputs.last_plan.with(|planned| {
        planned
            .as_deref()
            .and_then(|(plan, context)| inside_check_files(plan, context))
    });
    let Some([bash, ps1]) = checks else {
        return state.say(AT_OUTPUT, "No inside check for this resource type: the hosts its clients call are not in the wizard's tables.".into());
    };
    let (name, text) = if powershell { ps1 } else { bash };
    let ok = browser::download(name, text.as_bytes(), "text/plain");
    state.say(
        AT_OUTPUT,
        if ok {
            format!(
                "Downloaded {name}: run it on a machine inside the network once the plan has run."
            )
        } else {
            "The download could not start.".to_owned()
        },
    );
}
