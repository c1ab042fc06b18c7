//! The live output: one tab per target, a highlighted code view (line numbers, wrap, the lines
//! an edit changed marked for a moment), copy and downloads, one status line, and the problems.
//! `plans.rs` derives what is shown from the draft, `code_view.rs` writes it into the page,
//! `status.rs` says where things stand, `downloads.rs` is what leaves the page, and
//! `problems.rs` lists what to fix.

mod code_view;
mod downloads;
mod plans;
mod problems;
mod status;

use leptos::prelude::*;

use crate::ui::erased::Show;

use super::attr::bool_attr;
use super::browser;
use super::state::{notice_view, AppState, AT_OUTPUT};
use crate::core::render::OutputTarget;
use crate::core::rollback::NOT_ROLLED_BACK;
use crate::ui::markup::{markup, Part, Part::*};
use plans::Outputs;

/// What no rollback undoes, above the rollback script: one markup string (see `ui::markup`).
/// The pattern takes every entry, so a new one cannot be left out.
const ROLLBACK_LIMITS: [Part; 7] = {
    let [custom_domain, storage, endpoints] = NOT_ROLLED_BACK;
    [
        Html(r#"<div class="callout" id="rollback-limits"><p>Cannot be rolled back:</p><ul><li>"#),
        Text(custom_domain),
        Html("</li><li>"),
        Text(storage),
        Html("</li><li>"),
        Text(endpoints),
        Html("</li></ul></div>"),
    ]
};

pub fn output_panel() -> AnyView {
    let state = expect_context::<AppState>();
    state.make_first_link();
    let outputs = Outputs::new(state);
    let Outputs {
        has_snapshot,
        showing_rollback,
        out_of_date,
        shown,
        diff,
        ..
    } = outputs;
    let rollback = state.rollback;
    let code_ref = code_view::follow(shown);
    let (status, shown_errors) = status::status(state, outputs);
    let wrap = RwSignal::new(false);
    let file_name = move || outputs.file_name(state);
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
        state.select_tab(all[next]);
        browser::focus_element(&format!("tab-{}", all[next].id()));
    };

    view! {
        <section class="output" aria-labelledby="output-heading">
            <h2 id="output-heading" class="visually-hidden">"Generated script"</h2>
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
                                aria-selected=move || bool_attr(selected())
                                tabindex=move || if selected() { "0" } else { "-1" }
                                on:click=move |_| state.select_tab(t)
                            >
                                <span class="long">{t.label()}</span>
                                <span class="short">{short_label(t)}</span>
                            </button>
                        }
                    })
                    .collect_view()}
            </div>
            <div role="tabpanel" id="output-tabpanel" aria-labelledby=move || format!("tab-{}", state.tab.get().id())>
                <Show when=move || has_snapshot.get()>
                    <div class="direction" role="group" aria-label="Direction">
                        <button type="button" id="show-forward" aria-pressed=move || bool_attr(!rollback.get()) on:click=move |_| rollback.set(false)>"Forward"</button>
                        <button type="button" id="show-rollback" aria-pressed=move || bool_attr(rollback.get()) on:click=move |_| rollback.set(true)>"Rollback"</button>
                    </div>
                </Show>
                <Show when=move || showing_rollback.get()>
                    {markup(&ROLLBACK_LIMITS)}
                </Show>
                <p id="output-status">{move || status.get()}</p>
                <div class="output-bar">
                    <button type="button" id="copy-output" disabled=move || out_of_date.get() on:click=move |_| downloads::copy(state, outputs)>"Copy"</button>
                    <button type="button" id="download-output" disabled=move || out_of_date.get() on:click=move |_| downloads::download(state, outputs)>
                        "Download "{file_name}
                    </button>
                    <button type="button" id="download-all" disabled=move || out_of_date.get() on:click=move |_| downloads::download_all(state, outputs)>
                        "Download all (.zip)"
                    </button>
                    <button type="button" id="download-check" disabled=move || out_of_date.get() || showing_rollback.get() on:click=move |_| downloads::download_check(state, outputs) title="A bash or PowerShell check to run inside the network after the plan: name resolution and one request per host">
                        "Check from inside"
                    </button>
                    <label class="wrap-toggle">
                        <input type="checkbox" id="wrap-lines" prop:checked=move || wrap.get() on:change=move |ev| wrap.set(event_target_checked(&ev)) />
                        " Wrap lines"
                    </label>
                    {super::page_link::other_page_link()}
                </div>
                {notice_view(AT_OUTPUT)}
                <pre
                    id="output-code"
                    tabindex="0"
                    aria-label="Script"
                    class:stale=move || out_of_date.get()
                    class:wrap=move || wrap.get()
                    aria-busy=move || state.link_pending.get().then_some("true")
                >
                    <code node_ref=code_ref></code>
                    {move || shown.with(Option::is_none).then(|| status::placeholder(shown_errors.get()))}
                </pre>
            </div>
            <Show when=move || !showing_rollback.get() && !diff.with(Vec::is_empty)>
                <details id="network-diff" open>
                    <summary>"Network settings: before (imported) and after this script"</summary>
                    <ul>
                        {move || diff.get().into_iter().map(|line| {
                            view! { <li class=format!("diff-{}", line.change().label())>{line.describe()}</li> }
                        }).collect_view()}
                    </ul>
                </details>
            </Show>
            {problems::diagnostics_list()}
        </section>
    }
    .into_any()
}

/// Tab labels that fit a phone's width.
fn short_label(tab: OutputTarget) -> &'static str {
    match tab {
        OutputTarget::PowerShell => "PowerShell",
        OutputTarget::AzBash => "CLI bash",
        OutputTarget::AzPowerShell => "CLI PS",
        OutputTarget::Rest => "REST",
    }
}
