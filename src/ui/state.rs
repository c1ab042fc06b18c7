//! The app's state: one draft signal, and everything else derived from it.

use leptos::prelude::*;

use super::browser;
use crate::core::config_file::{from_config_json, to_config_json};
use crate::core::draft::Draft;
use crate::core::generate::{generate, Generated};
use crate::core::render::OutputTarget;
use crate::core::share_link::read_link;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WizardStep {
    Target,
    CustomDomain,
    Network,
    PrivateEndpoints,
    Storage,
    Review,
}

impl WizardStep {
    pub const ALL: [WizardStep; 6] = [
        WizardStep::Target,
        WizardStep::CustomDomain,
        WizardStep::Network,
        WizardStep::PrivateEndpoints,
        WizardStep::Storage,
        WizardStep::Review,
    ];

    /// Also the first segment of its fields' paths.
    pub fn id(self) -> &'static str {
        match self {
            WizardStep::Target => "target",
            WizardStep::CustomDomain => "custom_domain",
            WizardStep::Network => "network",
            WizardStep::PrivateEndpoints => "private_endpoints",
            WizardStep::Storage => "storage",
            WizardStep::Review => "review",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            WizardStep::Target => "Target",
            WizardStep::CustomDomain => "Custom domain",
            WizardStep::Network => "Network rules",
            WizardStep::PrivateEndpoints => "Private endpoints",
            WizardStep::Storage => "Storage (BYOS)",
            WizardStep::Review => "Review",
        }
    }

    pub fn from_id(id: &str) -> Option<WizardStep> {
        WizardStep::ALL.into_iter().find(|s| s.id() == id)
    }
}

#[derive(Clone, Copy)]
pub struct AppState {
    pub draft: RwSignal<Draft>,
    pub step: RwSignal<WizardStep>,
    pub tab: RwSignal<OutputTarget>,
    /// Validation and plan, recomputed when the draft changes.
    pub generated: Memo<Generated>,
    /// A message about the last load, copy or download, for the status line.
    pub notice: RwSignal<String>,
}

impl AppState {
    pub fn new() -> Self {
        let (draft, notice) = initial_draft();
        let draft = RwSignal::new(draft);
        let generated = Memo::new(move |_| draft.with(generate));
        let state = AppState {
            draft,
            step: RwSignal::new(WizardStep::Target),
            tab: RwSignal::new(OutputTarget::PowerShell),
            generated,
            notice: RwSignal::new(notice),
        };
        // Nothing typed is lost on reload: every change is saved locally (never a token: the
        // draft has no such field).
        Effect::new(move |_| draft.with(|d| browser::save_config(&to_config_json(d))));
        state
    }
}

/// A share link's configuration wins over the saved one; a broken one is reported, not used.
fn initial_draft() -> (Draft, String) {
    let link = browser::location_hash().and_then(|hash| read_link(&hash));
    if let Some(result) = link {
        browser::clear_location_hash();
        return match result {
            Ok(draft) => (draft, "Loaded the configuration from the link.".into()),
            Err(e) => (saved_draft(), e.message()),
        };
    }
    (saved_draft(), String::new())
}

fn saved_draft() -> Draft {
    browser::load_saved_config()
        .and_then(|text| from_config_json(&text).ok())
        .unwrap_or_default()
}
