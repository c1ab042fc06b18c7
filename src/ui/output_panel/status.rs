//! Where things stand, in one line above the script (and spoken once typing pauses): ready,
//! how many errors and where, or why the way back cannot be made.

use leptos::prelude::*;

use super::plans::Outputs;
use crate::core::diagnostics::{errors_phrase, step_of_field, Severity};
use crate::ui::erased::{effect, memo};
use crate::ui::state::{AppState, WizardStep};

/// The status line, and how many errors the problems list shows (the empty code view says
/// where to look by it).
pub fn status(state: AppState, outputs: Outputs) -> (Memo<String>, Memo<usize>) {
    let Outputs {
        rollback_problem,
        showing_rollback,
        shown,
        ..
    } = outputs;
    let error_count = memo(move |_| state.generated.with(|g| g.validation.errors().count()));
    let shown_errors = memo(move |_| {
        state.shown.with(|m| {
            m.values()
                .flatten()
                .filter(|d| d.severity == Severity::Error)
                .count()
        })
    });
    // The steps that still hold an error nobody has been shown yet, in wizard order: a new
    // user sees where to go, not an empty or partial problems list.
    let steps_to_fill = memo(move |_| {
        state.touched.with(|touched| {
            state.generated.with(|g| {
                let hidden: Vec<WizardStep> = g
                    .validation
                    .errors()
                    .filter(|d| !touched.shows(d))
                    .filter_map(|d| WizardStep::from_id(step_of_field(&d.field)))
                    .collect();
                WizardStep::ALL
                    .iter()
                    .filter(|s| hidden.contains(s))
                    .map(|s| s.label())
                    .collect::<Vec<_>>()
                    .join(", ")
            })
        })
    });
    let status = memo(move |_| {
        if let Some(problem) = rollback_problem.get() {
            return problem;
        }
        if showing_rollback.get() {
            return "Rollback: restores the network settings of the imported snapshot. Review it first.".to_owned();
        }
        let (all, visible) = (error_count.get(), shown_errors.get());
        let has_script = shown.with(Option::is_some);
        if all == 0 {
            "Ready to run. Review it first.".to_owned()
        } else if visible == 0 {
            format!(
                "Fill in the steps still missing a required field: {}.",
                steps_to_fill.get()
            )
        } else {
            let what = if has_script {
                format!(
                    "{} to fix: the script below is from before the last change.",
                    errors_phrase(all)
                )
            } else {
                format!(
                    "{} to fix before a script can be generated.",
                    errors_phrase(all)
                )
            };
            // Errors of steps nobody has filled yet are counted, not listed: say where they are.
            if visible < all {
                format!(
                    "{what} {visible} listed below; {} in steps not filled yet: {}.",
                    all - visible,
                    steps_to_fill.get()
                )
            } else {
                what
            }
        }
    });
    announce_after_a_pause(state, status);
    (status, shown_errors)
}

/// What the empty code view says: before any field is touched no problem is listed yet,
/// so it must not point at a list that is empty.
pub fn placeholder(listed_errors: usize) -> &'static str {
    if listed_errors == 0 {
        "The script appears here once the required fields of the steps are filled in."
    } else {
        "The script appears here once the problems listed below are fixed."
    }
}

/// The page's one live region: it speaks the status once typing has paused, and notices
/// (copied, downloaded, loaded) at once.
fn announce_after_a_pause(state: AppState, status: Memo<String>) {
    let spoken = state.spoken;
    let said = StoredValue::new(String::new());
    let generation = StoredValue::new(0u32);
    effect(move |first: Option<()>| {
        let text = status.get();
        if first.is_none() {
            // Nothing to announce on load: the page itself is being read.
            said.set_value(text);
            return;
        }
        generation.update_value(|g| *g += 1);
        let mine = generation.get_value();
        set_timeout(
            move || {
                if generation.get_value() == mine && said.with_value(|s| *s != text) {
                    said.set_value(text.clone());
                    spoken.set(text);
                }
            },
            std::time::Duration::from_millis(1200),
        );
    });
    effect(move |_| {
        let notice = state.notice.get();
        if !notice.is_empty() {
            spoken.set(notice);
        }
    });
}
