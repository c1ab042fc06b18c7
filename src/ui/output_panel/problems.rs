//! Every error and warning a person sees now, each a link to its field.

use leptos::prelude::*;

use crate::core::diagnostics::{
    dom_id, errors_phrase, list_entry_label, step_of_field, Diagnostic, Severity,
};
use crate::ui::browser;
use crate::ui::erased::memo;
use crate::ui::state::{AppState, WizardStep};

/// "Problems: 2 errors, 1 warning": the errors counted as the status line counts them.
fn problems_heading(items: &[Diagnostic]) -> String {
    let errors = items
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    let warnings = items.len() - errors;
    let plural = if warnings == 1 { "" } else { "s" };
    format!(
        "Problems: {}, {warnings} warning{plural}",
        errors_phrase(errors)
    )
}

/// Every error and warning a person sees now, each a link that opens its step and focuses
/// its field.
pub fn diagnostics_list() -> AnyView {
    let state = expect_context::<AppState>();
    let items = memo(move |_| {
        state.touched.with(|t| {
            state.generated.with(|g| {
                g.validation
                    .diagnostics
                    .iter()
                    .filter(|d| d.severity != Severity::Info && t.shows(d))
                    .cloned()
                    .collect::<Vec<_>>()
            })
        })
    });
    view! {
        <section id="diagnostics" aria-labelledby="problems-heading">
            <h2 id="problems-heading">{move || items.with(|items| problems_heading(items))}</h2>
            <ul>
                {move || {
                    items
                        .get()
                        .into_iter()
                        .map(|d| {
                            let target_id = dom_id(&d.field);
                            // A line of a list edited as text: its box, when the line has no field.
                            let list_id = d.field.rsplit_once('.').filter(|(_, i)| i.parse::<usize>().is_ok()).map(|(list, _)| dom_id(list));
                            let step = WizardStep::from_id(step_of_field(&d.field)).unwrap_or(WizardStep::Target);
                            let class = if d.severity == Severity::Error { "diag error" } else { "diag warning" };
                            let href = format!("#{target_id}");
                            let place = match list_entry_label(&d.field) {
                                Some(entry) => format!("{} · {entry}", step.label()),
                                None => step.label().to_owned(),
                            };
                            view! {
                                <li>
                                    <a
                                        class=class
                                        href=href
                                        on:click=move |ev| {
                                            ev.prevent_default();
                                            state.go_to(step);
                                            let id = target_id.clone();
                                            let list_id = list_id.clone();
                                            request_animation_frame(move || {
                                                request_animation_frame(move || {
            if !browser::focus_element(&id) {
                if let Some(list_id) = list_id {
                    browser::focus_element(&list_id);
                }
            }
        })
                                            });
                                        }
                                    >
                                        <span class="where">{place}</span>
                                        " "
                                        {d.message}
                                    </a>
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ul>
        </section>
    }
    .into_any()
}
