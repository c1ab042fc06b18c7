//! The live output: one tab per target, copy and download, and the list of problems.

use leptos::prelude::*;

use super::browser;
use super::state::{AppState, WizardStep};
use crate::core::diagnostics::{dom_id, list_entry_label, step_of_field, Severity};
use crate::core::render::{render, OutputTarget, RenderContext};

pub fn output_panel() -> impl IntoView {
    let state = expect_context::<AppState>();
    let today = browser::today();
    // The last plan without errors, with the link to the draft it came from (for the header):
    // shown greyed out while the form has errors.
    let last_plan = RwSignal::new(None);
    Effect::new(move |_| {
        if let Some(plan) = state.generated.with(|g| g.plan.clone()) {
            let address = browser::app_address();
            let context = state
                .draft
                .with(|d| RenderContext::for_draft(&today, address.as_deref(), d));
            last_plan.set(Some((plan, context)));
        }
    });
    let stale = Memo::new(move |_| state.generated.with(|g| g.plan.is_none()));
    let output = Memo::new(move |_| {
        let target = state.tab.get();
        last_plan.with(|p| p.as_ref().map(|(p, context)| render(p, target, context)))
    });
    let error_count = Memo::new(move |_| state.generated.with(|g| g.validation.errors().count()));

    let copy = move |_| {
        if let Some(text) = output.get() {
            let ok = browser::copy_to_clipboard(&text);
            state.notice.set(if ok {
                "Copied.".into()
            } else {
                "Copying is not available here.".into()
            });
        }
    };
    let download = move |_| {
        if let Some(text) = output.get() {
            let target = state.tab.get();
            let mime = if target == OutputTarget::Rest {
                "text/plain"
            } else {
                "text/x-script"
            };
            let ok = browser::download(target.file_name(), &target.download_text(&text), mime);
            state.notice.set(if ok {
                format!("Downloaded {}.", target.file_name())
            } else {
                "The download could not start.".into()
            });
        }
    };
    let on_tab_key = move |ev: leptos::ev::KeyboardEvent| {
        let all = OutputTarget::ALL;
        let current = all.iter().position(|t| *t == state.tab.get()).unwrap_or(0);
        let next = match ev.key().as_str() {
            "ArrowRight" => (current + 1) % all.len(),
            "ArrowLeft" => (current + all.len() - 1) % all.len(),
            "Home" => 0,
            "End" => all.len() - 1,
            _ => return,
        };
        ev.prevent_default();
        state.tab.set(all[next]);
        browser::focus_element(&format!("tab-{}", all[next].id()));
    };

    view! {
        <section class="output" aria-label="Generated scripts">
            <div role="tablist" aria-label="Output format" class="tabs" on:keydown=on_tab_key>
                {OutputTarget::ALL
                    .into_iter()
                    .map(|t| {
                        let selected = move || state.tab.get() == t;
                        view! {
                            <button
                                type="button"
                                role="tab"
                                id=format!("tab-{}", t.id())
                                aria-controls="output-tabpanel"
                                aria-selected=move || if selected() { "true" } else { "false" }
                                tabindex=move || if selected() { "0" } else { "-1" }
                                on:click=move |_| state.tab.set(t)
                            >
                                {t.label()}
                            </button>
                        }
                    })
                    .collect_view()}
            </div>
            <div role="tabpanel" id="output-tabpanel" aria-labelledby=move || format!("tab-{}", state.tab.get().id())>
                <div class="output-bar">
                    <p id="output-status" aria-live="polite">
                        {move || {
                            let n = error_count.get();
                            if n == 0 {
                                "Ready to run. Review it first.".to_owned()
                            } else if output.with(|o| o.is_some()) {
                                format!("{n} error(s) to fix: the script below is out of date.")
                            } else {
                                format!("{n} error(s) to fix before a script can be generated.")
                            }
                        }}
                    </p>
                    <button type="button" id="copy-output" disabled=move || stale.get() on:click=copy>"Copy"</button>
                    <button type="button" id="download-output" disabled=move || stale.get() on:click=download>
                        {move || format!("Download {}", state.tab.get().file_name())}
                    </button>
                </div>
                <p class="notice" aria-live="polite">{move || state.notice.get()}</p>
                <pre id="output-code" class:stale=move || stale.get() tabindex="0"><code>
                        {move || {
                            output
                                .get()
                                .unwrap_or_else(|| "The script appears here once the errors listed below are fixed.".to_owned())
                        }}
                    </code></pre>
            </div>
            {diagnostics_list()}
        </section>
    }
}

/// Every error and warning, each a link that opens its step and focuses its field.
fn diagnostics_list() -> impl IntoView {
    let state = expect_context::<AppState>();
    let items = Memo::new(move |_| {
        state.generated.with(|g| {
            g.validation
                .diagnostics
                .iter()
                .filter(|d| d.severity != Severity::Info)
                .cloned()
                .collect::<Vec<_>>()
        })
    });
    view! {
        <section id="diagnostics" aria-label="Problems">
            <h2>{move || format!("Problems ({})", items.with(Vec::len))}</h2>
            <ul>
                {move || {
                    items
                        .get()
                        .into_iter()
                        .map(|d| {
                            let target_id = dom_id(&d.field);
                            let step = WizardStep::from_id(step_of_field(&d.field)).unwrap_or(WizardStep::Target);
                            let class = if d.severity == Severity::Error { "diag error" } else { "diag warning" };
                            let href = format!("#{target_id}");
                            view! {
                                <li>
                                    <a
                                        class=class
                                        href=href
                                        on:click=move |ev| {
                                            ev.prevent_default();
                                            state.step.set(step);
                                            let id = target_id.clone();
                                            request_animation_frame(move || browser::focus_element(&id));
                                        }
                                    >
                                        <span class="where">
                                            {match list_entry_label(&d.field) {
                                                Some(entry) => format!("{} · {entry}", step.label()),
                                                None => step.label().to_owned(),
                                            }}
                                        </span>
                                        " "
                                        {d.message.clone()}
                                    </a>
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ul>
        </section>
    }
}
