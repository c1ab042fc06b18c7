//! The app's state: one draft signal, everything derived from it, and the UI-only state
//! (step, tab, which fields were touched, notices) that never reaches the configuration file.

use std::collections::{HashMap, HashSet};

use leptos::prelude::*;

use crate::ui::erased::{derived, effect, memo};

use super::browser;
use crate::core::config_file::{from_config_json, to_config_json};
use crate::core::diagnostics::{step_of_field, Diagnostic, Severity};
use crate::core::draft::Draft;
use crate::core::generate::{generate, Generated};
use crate::core::render::OutputTarget;
use crate::core::share_link::{link_asks, link_json, read_link_payload, LinkError, LinkPayload};
use crate::ui::links;

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

    /// Also the first segment of its fields' paths, and the `step` in the page's URL.
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

    pub fn index(self) -> usize {
        WizardStep::ALL.iter().position(|s| *s == self).unwrap_or(0)
    }
}

/// Which side a phone shows: the form or the script.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Panel {
    Form,
    Output,
}

/// Errors show once their field was left, or its step was left with Next, or everything was
/// loaded from a file, a link or an earlier visit. Warnings and notes show at once. A step just
/// included waits: its errors (say, "this blocks all access" before any rule is added) show
/// once one of its fields is left or Next is pressed, whatever was loaded before.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Touched {
    fields: HashSet<String>,
    steps: HashSet<&'static str>,
    waiting: HashSet<String>,
    all: bool,
}

impl Touched {
    pub fn everything() -> Touched {
        Touched {
            all: true,
            ..Touched::default()
        }
    }

    pub fn shows(&self, d: &Diagnostic) -> bool {
        let step = step_of_field(&d.field);
        // The step's checkbox itself answers at once (e.g. a step this resource cannot have).
        let waits = self.waiting.contains(step) && !d.field.ends_with(".enabled");
        d.severity != Severity::Error
            || (!waits && (self.all || self.steps.contains(step)))
            || self.fields.contains(&d.field)
            // A list's own messages follow its entries (network.ip_rules ← network.ip_rules.3).
            || self.fields.iter().any(|f| f.starts_with(&d.field) && f[d.field.len()..].starts_with('.'))
    }

    pub fn field(&mut self, field: &str) {
        self.waiting.remove(step_of_field(field));
        if !self.fields.contains(field) {
            self.fields.insert(field.to_owned());
        }
    }

    pub fn step(&mut self, step: WizardStep) {
        self.waiting.remove(step.id());
        self.steps.insert(step.id());
    }

    /// A step's "Include this step" was just ticked: the checkbox's own messages show, the
    /// rest of the step waits.
    pub fn included(&mut self, step: &str) {
        self.fields.insert(format!("{step}.enabled"));
        self.waiting.insert(step.to_owned());
    }

    pub fn all(&mut self) {
        self.waiting.clear();
        self.all = true;
    }
}

/// Where a notice shows ([`AppState::say`], [`notice_view`]): the output panel's buttons, the
/// history bar above the form (undo, redo, links opened), the Review step's keep-and-share
/// buttons, and the apply page's token box.
pub const AT_OUTPUT: usize = 0;
pub const AT_FORM: usize = 1;
pub const AT_REVIEW: usize = 2;
#[cfg(feature = "arm-direct")]
pub const AT_TOKEN: usize = 3;

/// The last notice when it reports an action of the controls at `at`, whole, beside them.
pub fn notice_view(at: usize) -> impl IntoView {
    let state = expect_context::<AppState>();
    view! {
        <p class="notice">{move || if state.notice_at.get() == at { state.notice.get() } else { String::new() }}</p>
    }
}

#[derive(Clone, Copy)]
pub struct AppState {
    pub draft: RwSignal<Draft>,
    pub step: RwSignal<WizardStep>,
    pub tab: RwSignal<OutputTarget>,
    pub panel: RwSignal<Panel>,
    /// Validation and plan, recomputed when the draft changes.
    pub generated: Memo<Generated>,
    pub touched: RwSignal<Touched>,
    /// The diagnostics a person sees now, by field: one lookup per field on every change.
    pub shown: Memo<HashMap<String, Vec<Diagnostic>>>,
    /// One signal per field with messages under it, set only when that field's messages
    /// change: a thousand fields read their own signal instead of all subscribing to `shown`
    /// (every subscriber of `shown` is visited again on every keystroke).
    field_messages: StoredValue<HashMap<String, ArcRwSignal<Vec<Diagnostic>>>>,
    /// A message about the last load, copy or download; it clears itself after a while.
    pub notice: RwSignal<String>,
    /// Where [`Self::notice`] shows: beside the controls whose action it reports (`AT_…`).
    pub notice_at: RwSignal<usize>,
    /// What the page's one live region says (see `output_panel::status::announce_after_a_pause`).
    pub spoken: RwSignal<String>,
    /// The scripts' reopen link. Packing the draft (JSON, then the browser's zlib, which
    /// answers asynchronously) is the costliest part of a header, so it is made once typing
    /// pauses and before a script leaves the page ([`Self::refresh_link`]), not on every
    /// keystroke.
    pub reopen_link: RwSignal<String>,
    /// Counts the draft's changes: a link packed for an older draft is not shown as current.
    edits: StoredValue<u32>,
    /// Set from an edit until the reopen link follows it (the code view is `aria-busy` then).
    pub link_pending: RwSignal<bool>,
    /// A share link's configuration that differs from the saved draft, until the person
    /// chooses (the saved draft stays meanwhile), as configuration text; empty: none. Text,
    /// not a `Draft`: a signal of a new type costs the download more than reading it again.
    pub link_choice: RwSignal<String>,
    /// The output panel shows the way back (the rollback) instead of the plan; the apply page's
    /// Apply then sends the rollback.
    pub rollback: RwSignal<bool>,
    /// Whether Undo and Redo (the history module) have anything to do, as bits, as the buttons
    /// show it.
    pub can_undo: RwSignal<usize>,
}

impl AppState {
    pub fn new() -> Self {
        let (draft, notice, loaded, link_choice, packed_link) = initial_draft();
        let draft = RwSignal::new(draft);
        // Every change of the draft changes the plan or the messages: no comparison.
        let generated = derived(move |_| (draft.with(generate), true));
        let touched = RwSignal::new(if loaded {
            Touched::everything()
        } else {
            Touched::default()
        });
        let shown = memo(move |_| {
            touched.with(|t| {
                generated.with(|g| {
                    let mut by_field: HashMap<String, Vec<Diagnostic>> = HashMap::new();
                    for d in g.validation.diagnostics.iter().filter(|d| t.shows(d)) {
                        by_field.entry(d.field.clone()).or_default().push(d.clone());
                    }
                    by_field
                })
            })
        });
        let field_messages = StoredValue::new(HashMap::new());
        effect(move |_| {
            shown.with(|by_field| {
                field_messages.with_value(
                    |fields: &HashMap<String, ArcRwSignal<Vec<Diagnostic>>>| {
                        for (field, messages) in fields {
                            let now = by_field.get(field).map_or(&[][..], Vec::as_slice);
                            if messages.with_untracked(|m| m.as_slice() != now) {
                                messages.set(now.to_vec());
                            }
                        }
                    },
                )
            })
        });
        let (step, tab) = browser::step_and_tab_from_url();
        let state = AppState {
            draft,
            step: RwSignal::new(
                step.and_then(|s| WizardStep::from_id(&s))
                    .unwrap_or(WizardStep::Target),
            ),
            tab: RwSignal::new(
                tab.and_then(|t| OutputTarget::from_id(&t))
                    .unwrap_or(OutputTarget::PowerShell),
            ),
            panel: RwSignal::new(Panel::Form),
            generated,
            touched,
            shown,
            field_messages,
            notice: RwSignal::new(String::new()),
            notice_at: RwSignal::new(AT_FORM),
            spoken: RwSignal::new(String::new()),
            reopen_link: RwSignal::new(String::new()),
            edits: StoredValue::new(0),
            link_pending: RwSignal::new(false),
            link_choice: RwSignal::new(
                link_choice.as_ref().map(to_config_json).unwrap_or_default(),
            ),
            rollback: RwSignal::new(false),
            can_undo: RwSignal::new(0),
        };
        state.say(AT_FORM, notice);
        // Nothing typed is lost on reload: the draft is saved locally once typing pauses, and at
        // once when the page is left (never a token: the draft has no such field).
        let save = move || draft.with_untracked(|d| browser::save_config(&to_config_json(d)));
        let edits = state.edits;
        effect(move |first: Option<()>| {
            draft.track();
            if first.is_some() && !state.link_pending.get_untracked() {
                state.link_pending.set(true);
            }
            edits.update_value(|n| *n = n.wrapping_add(1));
            let mine = edits.get_value();
            set_timeout(
                move || {
                    if edits.try_get_value() == Some(mine) {
                        state.settle();
                        leptos::task::spawn_local(state.refresh_link());
                    }
                },
                std::time::Duration::from_millis(300),
            );
        });
        browser::on_window_event("pagehide", save);
        if let Some(packed) = packed_link {
            leptos::task::spawn_local(async move {
                let link = links::draft_of_packed(&packed).await;
                state.open_link(link);
            });
        }
        state
    }

    /// A version-2 link in the address at start-up, once the browser has unpacked it: it opens
    /// as [`initial_draft`] says, or asks when the draft saved here differs.
    fn open_link(self, link: Result<Draft, LinkError>) {
        match link {
            Ok(link)
                if self
                    .draft
                    .with_untracked(|saved| link_asks(&link, Some(saved))) =>
            {
                self.link_choice.set(to_config_json(&link));
            }
            Ok(link) => {
                browser::clear_location_hash();
                self.draft.set(link);
                self.touched.update(Touched::all);
                self.say(AT_FORM, "Loaded the configuration from the link.".into());
            }
            Err(e) => {
                browser::clear_location_hash();
                self.say(AT_FORM, e.message());
            }
        }
    }

    /// Makes the reopen link of the draft as loaded. The output panel, its only reader, calls
    /// this when it is built: at start-up that is a task after the first field, which then does
    /// not wait for the draft to be packed.
    pub fn make_first_link(self) {
        let json = self.draft.with_untracked(link_json);
        let edits = self.edits.get_value();
        leptos::task::spawn_local(async move {
            let link = links::reopen_link(json).await.unwrap_or_default();
            if self.reopen_link.with_untracked(String::is_empty) && self.edits.get_value() == edits
            {
                self.reopen_link.set(link);
            }
        });
    }

    /// Makes the reopen link of the draft as it is now. Like the script, it follows the last
    /// draft without errors: while the form has one, the link of the script shown is kept.
    /// The browser packs the link asynchronously: a link packed for a draft that has changed
    /// since is dropped (the later change makes its own).
    pub async fn refresh_link(self) {
        let edits = self.edits.get_value();
        let json = self
            .generated
            .with_untracked(|g| g.plan.is_some())
            .then(|| self.draft.with_untracked(link_json));
        let link = match json {
            Some(json) => links::reopen_link(json).await,
            None => None,
        };
        if self.edits.get_value() != edits {
            return;
        }
        if self.link_pending.get_untracked() {
            self.link_pending.set(false);
        }
        if let Some(link) = link {
            if self.reopen_link.with_untracked(|l| *l != link) {
                self.reopen_link.set(link);
            }
        }
    }

    /// Shows a notice beside the controls `at`, and clears it a few seconds later unless
    /// another one replaced it.
    pub fn say(self, at: usize, message: String) {
        if message.is_empty() {
            return;
        }
        self.notice_at.set(at);
        self.notice.set(message.clone());
        let notice = self.notice;
        set_timeout(
            move || {
                if notice.with_untracked(|n| *n == message) {
                    notice.set(String::new());
                }
            },
            std::time::Duration::from_secs(8),
        );
    }

    /// A checkbox (or a fix) set `field` to `on`: a step's "Include this step" just ticked
    /// lets the step wait ([`Touched::included`]); anything else is touched.
    pub fn touch_flag(self, field: &str, on: bool) {
        match field.strip_suffix(".enabled") {
            Some(step) if on => self.touched.update(|t| t.included(step)),
            _ => self.touch(field),
        }
    }

    pub fn touch(self, field: &str) {
        if !self.touched.with_untracked(|t| {
            t.shows(&Diagnostic::error(field, "")) && !t.waiting.contains(step_of_field(field))
        }) {
            self.touched.update(|t| t.field(field));
        }
    }

    /// Opens a step: records it in the history (Back and Forward move between steps) and puts
    /// the focus on its heading, so a screen reader starts reading there.
    pub fn go_to(self, step: WizardStep) {
        if self.step.get_untracked() != step {
            self.step.set(step);
            browser::push_url_state(step.id(), self.tab.get_untracked().id());
        }
        if step == WizardStep::Review && !self.touched.with_untracked(|t| t.all) {
            // The review lists what is missing anywhere.
            self.touched.update(Touched::all);
        }
        self.panel.set(Panel::Form);
        request_animation_frame(move || {
            browser::focus_element(&format!("heading-{}", step.id()));
        });
    }

    pub fn select_tab(self, tab: OutputTarget) {
        self.tab.set(tab);
        browser::replace_url_state(self.step.get_untracked().id(), tab.id());
    }

    /// The messages of this field that a person sees now, as a signal of its own.
    pub fn messages_of(self, field: &str) -> ArcRwSignal<Vec<Diagnostic>> {
        if let Some(messages) = self.field_messages.with_value(|m| m.get(field).cloned()) {
            return messages;
        }
        let messages = ArcRwSignal::new(
            self.shown
                .with_untracked(|m| m.get(field).cloned().unwrap_or_default()),
        );
        self.field_messages
            .update_value(|m| drop(m.insert(field.to_owned(), messages.clone())));
        messages
    }

    /// Errors of this field that a person sees now.
    pub fn shown_for(self, field: &str) -> Vec<Diagnostic> {
        self.shown
            .with(|m| m.get(field).cloned())
            .unwrap_or_default()
    }
}

/// A share link's configuration opens when nothing saved would be lost; when the saved draft
/// differs from it, the saved one stays and the link's waits for the person's choice (its
/// fragment stays in the address until then). A broken link is reported, not used. The flag
/// says whether anything was loaded (then its errors show at once). A version-2 link's packed
/// bytes come back for the browser to unpack; it is then opened the same way.
fn initial_draft() -> (Draft, String, bool, Option<Draft>, Option<Vec<u8>>) {
    let link = browser::location_hash().and_then(|hash| read_link_payload(&hash));
    let saved = saved_draft();
    let loaded = saved.as_ref().is_some_and(|d| *d != Draft::default());
    match link {
        Some(Ok(LinkPayload::Draft(link))) => match saved {
            Some(saved) if link_asks(&link, Some(&saved)) => {
                (saved, String::new(), true, Some(*link), None)
            }
            _ => {
                browser::clear_location_hash();
                let notice = "Loaded the configuration from the link.".into();
                (*link, notice, true, None, None)
            }
        },
        // The saved draft until the browser has unpacked the link (`AppState::open_link`).
        Some(Ok(LinkPayload::Packed(packed))) => (
            saved.unwrap_or_default(),
            String::new(),
            loaded,
            None,
            Some(packed),
        ),
        Some(Err(e)) => {
            browser::clear_location_hash();
            let loaded = saved.is_some();
            (saved.unwrap_or_default(), e.message(), loaded, None, None)
        }
        None => (saved.unwrap_or_default(), String::new(), loaded, None, None),
    }
}

impl AppState {
    /// The person's answer to a link whose configuration differs from the saved one: open it
    /// (Undo brings theirs back) or keep theirs.
    pub fn choose_link(self, open: bool) {
        let Ok(link) = from_config_json(&self.link_choice.get_untracked()) else {
            return;
        };
        browser::clear_location_hash();
        self.link_choice.set(String::new());
        if open {
            self.draft.set(link);
            self.touched.update(Touched::all);
            self.say(AT_FORM, "Opened the link's configuration.".into());
        } else {
            self.say(
                AT_FORM,
                "Kept your configuration; the link's was not opened.".into(),
            );
        }
    }
}

fn saved_draft() -> Option<Draft> {
    browser::load_saved_config().and_then(|text| from_config_json(&text).ok())
}
